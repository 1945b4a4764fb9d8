// Gaps: the situations no box covers, as disjoint boxes whose union is exactly
// that set. A recursive sweep over the dimensions (in the manner of Calvanese
// et al., "Semantics, analysis and simplification of DMN decision tables"):
// split one dimension at every box edge, recurse on the boxes active in each
// segment, then merge segments whose remainders are the same, so one silent
// slab comes out as one box.
#pragma once
#include <vector>

#include "compiler/analysis/decision_space.hpp"
#include "compiler/core/value_set.hpp"

namespace leeway {

// `contiguous[d]`: dimension d must stay one interval per box (integer,
// money); otherwise (enum, bool) any value set is allowed, so equal
// remainders merge even when they are not adjacent. `threads` share out the
// first level's sub-problems (1: all on the calling thread; 0: every core);
// the result is the same whatever the number.
std::vector<Box> uncovered_boxes(const Box& domain, const std::vector<const Box*>& covering, const std::vector<bool>& contiguous,
                                 unsigned threads = 1);

// A policy's gaps: where no rule and no forcing line decides (a forbidding
// line decides nothing). The boxes `leeway check` reports, in its order.
std::vector<Box> policy_gaps(const PolicySpace& space, unsigned threads = 1);

}  // namespace leeway
