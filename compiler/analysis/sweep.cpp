#include "compiler/analysis/sweep.hpp"

#include <algorithm>
#include <cstdint>

namespace leeway {

SweepStep sweep_step(const std::vector<const Box*>& boxes, std::span<const std::size_t> active, std::size_t dim, std::int64_t lo, std::int64_t hi) {
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
    step.members.assign(active.begin(), active.end());
    step.set_start.push_back(step.members.size());
    step.set_hash.push_back(active_set_hash(active.data(), active.data() + active.size()));
    step.set_of.push_back(0);
    return step;
  }
  // Each interval's segments [first, last), found once; the boxes active in
  // each segment laid out in one array (counted, then filled): no list of
  // its own per segment.
  struct Span {
    std::uint32_t first, last;
    std::size_t box;
  };
  thread_local std::vector<Span> spans;
  spans.clear();
  std::vector<std::size_t> offset(n + 1, 0);
  for (std::size_t i : active)
    for (const auto& iv : (*boxes[i])[dim].intervals()) {
      auto first = static_cast<std::uint32_t>(std::lower_bound(step.cuts.begin(), step.cuts.end(), std::max(iv.lo, lo)) - step.cuts.begin());
      auto last = static_cast<std::uint32_t>(std::upper_bound(step.cuts.begin(), step.cuts.end(), std::min(iv.hi, hi)) - step.cuts.begin());
      if (first >= last) continue;
      spans.push_back({first, last, i});
      // A difference array: +1 where the span starts, -1 past its end
      // (unsigned, so the running sum below wraps back to the count).
      ++offset[first];
      --offset[last];
    }
  // The running sum is each segment's count of boxes; offset[seg] becomes
  // where its boxes start in `flat`.
  std::size_t total = 0, running = 0;
  for (std::size_t seg = 0; seg <= n; ++seg) {
    std::size_t change = offset[seg];
    offset[seg] = total;
    running += change;
    if (seg < n) total += running;
  }
  std::vector<std::size_t> flat(total);
  std::vector<std::size_t> fill(offset.begin(), offset.end() - 1);
  for (const Span& sp : spans)
    for (std::uint32_t seg = sp.first; seg < sp.last; ++seg) flat[fill[seg]++] = sp.box;
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
  step.members.reserve(total);
  for (std::size_t seg = 0; seg < n; ++seg) {
    const std::size_t* b = flat.data() + offset[seg];
    const std::size_t* e = flat.data() + offset[seg + 1];
    std::uint64_t h = active_set_hash(b, e);
    std::size_t at = (h ^ (h >> 29)) & (capacity - 1);
    while (table_set[at] != UINT32_MAX) {
      if (table_hash[at] == h) {
        auto known = step.set(table_set[at]);
        if (std::equal(b, e, known.begin(), known.end())) break;
      }
      at = (at + 1) & (capacity - 1);
    }
    if (table_set[at] == UINT32_MAX) {
      table_hash[at] = h;
      table_set[at] = static_cast<std::uint32_t>(step.sets());
      step.members.insert(step.members.end(), b, e);
      step.set_start.push_back(step.members.size());
      step.set_hash.push_back(h);
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
    for (std::size_t r = 0; r < step.sets(); ++r) {
      auto set = step.set(r);
      results.push_back(solve(level + 1, std::vector<std::size_t>(set.begin(), set.end())));
    }
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
