#include "compiler/analysis/sweep.hpp"

#include <algorithm>
#include <unordered_map>

namespace leeway {

SweepStep sweep_step(const std::vector<const Box*>& boxes, const std::vector<std::size_t>& active, std::size_t dim, std::int64_t lo,
                     std::int64_t hi) {
  SweepStep step;
  step.hi = hi;
  step.cuts.push_back(lo);
  for (std::size_t i : active)
    for (const auto& iv : (*boxes[i])[dim].intervals()) {
      if (iv.lo > lo && iv.lo <= hi) step.cuts.push_back(iv.lo);
      if (iv.hi < hi && iv.hi >= lo) step.cuts.push_back(iv.hi + 1);
    }
  std::sort(step.cuts.begin(), step.cuts.end());
  step.cuts.erase(std::unique(step.cuts.begin(), step.cuts.end()), step.cuts.end());
  std::size_t n = step.cuts.size();
  if (n == 1) {  // no edge inside: one segment, the same active set
    step.distinct.push_back(active);
    step.set_of.push_back(0);
    return step;
  }
  std::vector<std::vector<std::size_t>> in_segment(n);
  for (std::size_t i : active)
    for (const auto& iv : (*boxes[i])[dim].intervals()) {
      auto first = std::lower_bound(step.cuts.begin(), step.cuts.end(), std::max(iv.lo, lo)) - step.cuts.begin();
      auto last = std::upper_bound(step.cuts.begin(), step.cuts.end(), std::min(iv.hi, hi)) - step.cuts.begin();
      for (auto s = first; s < last; ++s) in_segment[static_cast<std::size_t>(s)].push_back(i);
    }
  // `active` is sorted, so every list is built sorted: equal sets compare
  // equal. Distinct sets are numbered in segment order, whatever the hash.
  struct Hash {
    std::size_t operator()(const std::vector<std::size_t>& v) const {
      std::size_t h = v.size();
      for (std::size_t x : v) h = (h ^ x) * 0x100000001b3ull;
      return h;
    }
  };
  std::unordered_map<std::vector<std::size_t>, std::size_t, Hash> seen;
  seen.reserve(n);
  step.set_of.resize(n);
  for (std::size_t s = 0; s < n; ++s) {
    auto [it, fresh] = seen.emplace(std::move(in_segment[s]), step.distinct.size());
    if (fresh) step.distinct.push_back(it->first);
    step.set_of[s] = it->second;
  }
  return step;
}

std::vector<std::pair<ValueSet, std::size_t>> merge_segments(const SweepStep& step, bool contiguous,
                                                             const std::function<bool(std::size_t, std::size_t)>& same,
                                                             const std::function<bool(std::size_t)>& is_empty) {
  std::vector<std::pair<ValueSet, std::size_t>> groups;
  for (std::size_t s = 0; s < step.segments(); ++s) {
    std::size_t r = step.set_of[s];
    if (is_empty(r)) continue;
    ValueSet seg = step.segment(s);
    bool merged = false;
    if (contiguous) {
      if (!groups.empty() && same(groups.back().second, r) && groups.back().first.max() + 1 == seg.min()) {
        groups.back().first = groups.back().first.unite(seg);
        merged = true;
      }
    } else {
      for (auto& g : groups)
        if (same(g.second, r)) {
          g.first = g.first.unite(seg);
          merged = true;
          break;
        }
    }
    if (!merged) groups.emplace_back(std::move(seg), r);
  }
  return groups;
}

namespace {

struct Partitioner {
  const Box& domain;
  const std::vector<const Box*>& boxes;
  const std::vector<bool>& contiguous;
  const std::function<std::size_t(const std::vector<std::size_t>&)>& label;

  std::vector<LabelledBox> solve(std::size_t level, const std::vector<std::size_t>& active) const {
    std::size_t k = domain.size();
    if (level == k || active.empty()) {
      // Nothing left to cut along: one label for the rest of the domain.
      std::size_t l = label(active);
      if (l == kNoLabel) return {};
      return {LabelledBox{Box(domain.begin() + static_cast<std::ptrdiff_t>(level), domain.end()), l}};
    }
    SweepStep step = sweep_step(boxes, active, level, domain[level].min(), domain[level].max());
    std::vector<std::vector<LabelledBox>> results;
    for (const auto& set : step.distinct) results.push_back(solve(level + 1, set));
    auto groups = merge_segments(
        step, contiguous[level], [&](std::size_t x, std::size_t y) { return x == y || results[x] == results[y]; },
        [&](std::size_t r) { return results[r].empty(); });
    std::vector<LabelledBox> out;
    for (const auto& [values, r] : groups)
      for (const LabelledBox& rest : results[r]) {
        Box b;
        b.reserve(k - level);
        b.push_back(values);
        b.insert(b.end(), rest.first.begin(), rest.first.end());
        out.push_back(LabelledBox{std::move(b), rest.second});
      }
    return out;
  }
};

}  // namespace

std::vector<LabelledBox> partition(const Box& domain, const std::vector<const Box*>& boxes, const std::vector<bool>& contiguous,
                                   const std::function<std::size_t(const std::vector<std::size_t>&)>& label) {
  // Only the boxes that meet the domain: a sweep step takes a box with no
  // edge inside a segment to cover it, which holds only for boxes that meet it.
  std::vector<std::size_t> active;
  for (std::size_t i = 0; i < boxes.size(); ++i)
    if (boxes_overlap(*boxes[i], domain)) active.push_back(i);
  return Partitioner{domain, boxes, contiguous, label}.solve(0, active);
}

}  // namespace leeway
