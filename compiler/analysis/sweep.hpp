// One step of a recursive sweep over a box arrangement, shared by the gap
// search (gaps.cpp) and the semantic diff (decision_diff.cpp): cut one
// dimension at every edge of the active boxes, group the segments by the set
// of boxes active in each (each distinct set is solved once), and merge
// segments whose sub-results are equal.
#pragma once
#include <cstdint>
#include <functional>
#include <span>
#include <utility>
#include <vector>

#include "compiler/core/value_set.hpp"

namespace leeway {

struct SweepStep {
  std::vector<std::int64_t> cuts;  // segment starts; the last runs to `hi`
  std::int64_t hi = 0;
  // The distinct active sets, sorted, laid out in one array: set r is
  // members[set_start[r] .. set_start[r + 1]).
  std::vector<std::size_t> members;
  std::vector<std::size_t> set_start = {0};
  std::vector<std::uint64_t> set_hash;  // per set: active_set_hash of its members
  std::vector<std::size_t> set_of;      // per segment: its set
  std::size_t segments() const { return cuts.size(); }
  std::size_t sets() const { return set_start.size() - 1; }
  std::span<const std::size_t> set(std::size_t r) const { return {members.data() + set_start[r], members.data() + set_start[r + 1]}; }
  ValueSet segment(std::size_t s) const { return ValueSet::range(cuts[s], s + 1 < cuts.size() ? cuts[s + 1] - 1 : hi); }
};

// A hash of a list of box indices; equal lists, equal hash. A sum of each
// index mixed on its own, so that a long list is hashed without a chain of
// multiplications each waiting for the last.
inline std::uint64_t active_set_hash(const std::size_t* first, const std::size_t* last) {
  std::uint64_t h = static_cast<std::uint64_t>(last - first) * 0x9e3779b97f4a7c15ull;
  for (const std::size_t* x = first; x != last; ++x) {
    std::uint64_t v = (static_cast<std::uint64_t>(*x) + 0x632be59bd9b4e019ull) * 0xbf58476d1ce4e5b9ull;
    h += v ^ (v >> 31);
  }
  return h;
}

// Splits [lo, hi] of dimension `dim` at the edges of the `active` boxes
// (indices into `boxes`, sorted; each meets [lo, hi] in `dim`: a box with no
// edge inside the window is taken to hold all of it).
SweepStep sweep_step(const std::vector<const Box*>& boxes, std::span<const std::size_t> active, std::size_t dim, std::int64_t lo, std::int64_t hi);

// Groups the segments whose results are equal (`same(a, b)` on indices into
// the sets): neighbours only when `contiguous` (integer, money), any
// otherwise (enum, bool). Segments whose result `is_empty` are left out.
// Returns each group's values with its result index.
std::vector<std::pair<ValueSet, std::size_t>> merge_segments(const SweepStep& step, bool contiguous,
                                                             const std::function<bool(std::size_t, std::size_t)>& same,
                                                             const std::function<bool(std::size_t)>& is_empty);

// A labelled piece of a partition: a box, and its label.
using LabelledBox = std::pair<Box, std::size_t>;
inline constexpr std::size_t kNoLabel = static_cast<std::size_t>(-1);

// Cuts `domain` (one interval per dimension, any part of the space) into disjoint boxes, each with
// the label `label(active)` gives for the indices of the `boxes` that hold
// throughout it (sorted); kNoLabel leaves that part out. The recursive sweep
// above, with equal neighbours merged (any equal parts along a dimension that
// is not `contiguous`). Used by the semantic diff and by partial queries.
std::vector<LabelledBox> partition(const Box& domain, const std::vector<const Box*>& boxes, const std::vector<bool>& contiguous,
                                   const std::function<std::size_t(const std::vector<std::size_t>&)>& label);

}  // namespace leeway
