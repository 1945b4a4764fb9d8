#include "compiler/query/decision_index.hpp"

#include <algorithm>

#include "compiler/analysis/conflicts.hpp"

namespace leeway {

const char* decided_by_name(DecidedBy d) {
  switch (d) {
    case DecidedBy::line: return "line";
    case DecidedBy::exception: return "exception";
    case DecidedBy::rule: return "rule";
    case DecidedBy::none: return "none";
  }
  return "none";
}

DecisionIndex::DecisionIndex(const PolicySpace& space) : space_(space) {
  if (space.dims.empty()) return;
  std::vector<const Box*> boxes;
  for (const auto& it : space.items) boxes.push_back(&it.box);
  dim_ = boxes.empty() ? 0 : best_sweep_dimension(boxes);
  std::int64_t lo = space.domain[dim_].min(), hi = space.domain[dim_].max();
  cuts_.push_back(lo);
  for (const Box* b : boxes)
    for (const auto& iv : (*b)[dim_].intervals()) {
      if (iv.lo > lo) cuts_.push_back(iv.lo);
      if (iv.hi < hi) cuts_.push_back(iv.hi + 1);
    }
  std::sort(cuts_.begin(), cuts_.end());
  cuts_.erase(std::unique(cuts_.begin(), cuts_.end()), cuts_.end());
  segs_.resize(cuts_.size());
  for (std::size_t i = 0; i < boxes.size(); ++i)
    for (const auto& iv : (*boxes[i])[dim_].intervals()) {
      auto first = std::lower_bound(cuts_.begin(), cuts_.end(), iv.lo) - cuts_.begin();
      auto last = std::upper_bound(cuts_.begin(), cuts_.end(), iv.hi) - cuts_.begin();
      for (auto s = first; s < last; ++s) segs_[static_cast<std::size_t>(s)].push_back(static_cast<std::uint32_t>(i));
    }
}

void DecisionIndex::matching(const std::vector<std::int64_t>& point, std::vector<int>& out) const {
  out.clear();
  if (segs_.empty()) return;
  auto seg = std::upper_bound(cuts_.begin(), cuts_.end(), point[dim_]) - cuts_.begin() - 1;
  if (seg < 0) return;
  for (std::uint32_t k : segs_[static_cast<std::size_t>(seg)]) {
    const CompiledItem& it = space_.items[k];
    if (box_contains(it.box, point)) out.push_back(it.item);
  }
}

Decision DecisionIndex::decide(const std::vector<std::int64_t>& point, const Policy& policy) const {
  thread_local std::vector<int> hold;
  matching(point, hold);
  return decide_among(policy, hold);
}

Decision decide_among(const Policy& policy, const std::vector<int>& hold) {
  auto item = [&](int i) -> const Item& { return policy.items[static_cast<std::size_t>(i)]; };
  // An exception crossing a line that holds here is blocked: it is no option.
  auto blocked = [&](const Item& exc) {
    for (int l : hold)
      if (item(l).kind == ItemKind::line && crosses(exc, item(l))) return true;
    return false;
  };
  Decision d;
  for (DecidedBy by : {DecidedBy::line, DecidedBy::exception, DecidedBy::rule}) {
    ItemKind kind = by == DecidedBy::line ? ItemKind::line : by == DecidedBy::exception ? ItemKind::exception : ItemKind::rule;
    for (int i : hold) {
      const Item& it = item(i);
      if (it.kind != kind || (kind == ItemKind::line && it.forbidding) || (kind == ItemKind::exception && blocked(it))) continue;
      d.items.push_back(i);
    }
    if (d.items.empty()) continue;
    d.decided_by = by;
    d.outcome = item(d.items[0]).outcome;
    for (int i : d.items)
      if (item(i).outcome != d.outcome) d.conflict = true;
    if (d.conflict) {
      d.outcome = -1;
    } else if (by == DecidedBy::exception) {
      // Several agreeing exceptions: the first in the file says who grants it.
      const Item& first = item(d.items[0]);
      d.role = first.role;
      d.max_cost = first.max_cost;
    }
    return d;
  }
  return d;
}

}  // namespace leeway
