#include "compiler/analysis/sweep.hpp"

#include <algorithm>
#include <cstdint>

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
  // Each segment's active boxes, laid out in one array (counted, then
  // filled): no list of its own per segment.
  std::vector<std::size_t> offset(n + 1, 0);
  auto each = [&](auto&& visit) {
    for (std::size_t i : active)
      for (const auto& iv : (*boxes[i])[dim].intervals()) {
        auto first = std::lower_bound(step.cuts.begin(), step.cuts.end(), std::max(iv.lo, lo)) - step.cuts.begin();
        auto last = std::upper_bound(step.cuts.begin(), step.cuts.end(), std::min(iv.hi, hi)) - step.cuts.begin();
        for (auto seg = first; seg < last; ++seg) visit(static_cast<std::size_t>(seg), i);
      }
  };
  each([&](std::size_t seg, std::size_t) { ++offset[seg + 1]; });
  for (std::size_t seg = 0; seg < n; ++seg) offset[seg + 1] += offset[seg];
  std::vector<std::size_t> flat(offset[n]);
  std::vector<std::size_t> fill(offset.begin(), offset.end() - 1);
  each([&](std::size_t seg, std::size_t i) { flat[fill[seg]++] = i; });
  // `active` is sorted, so every segment's list is sorted: equal sets are
  // equal lists. Distinct sets are numbered in segment order, found through
  // an open-addressed table of their hashes (of this thread, reused).
  thread_local std::vector<std::uint64_t> table_hash;
  thread_local std::vector<std::uint32_t> table_set;
  std::size_t capacity = 16;
  while (capacity < 2 * n) capacity *= 2;
  table_hash.resize(capacity);
  table_set.assign(capacity, UINT32_MAX);
  step.set_of.resize(n);
  for (std::size_t seg = 0; seg < n; ++seg) {
    const std::size_t* b = flat.data() + offset[seg];
    const std::size_t* e = flat.data() + offset[seg + 1];
    std::uint64_t h = static_cast<std::uint64_t>(e - b);
    for (const std::size_t* x = b; x != e; ++x) h = (h ^ *x) * 0x100000001b3ull;
    std::size_t at = (h ^ (h >> 29)) & (capacity - 1);
    while (table_set[at] != UINT32_MAX &&
           !(table_hash[at] == h && std::equal(b, e, step.distinct[table_set[at]].begin(), step.distinct[table_set[at]].end())))
      at = (at + 1) & (capacity - 1);
    if (table_set[at] == UINT32_MAX) {
      table_hash[at] = h;
      table_set[at] = static_cast<std::uint32_t>(step.distinct.size());
      step.distinct.emplace_back(b, e);
    }
    step.set_of[seg] = table_set[at];
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
