// Overlaps between items: every pair whose boxes intersect, found by a sweep
// along one dimension with an active set, not by testing all pairs.
#pragma once
#include <functional>
#include <vector>

#include "compiler/core/value_set.hpp"

namespace leeway {

// Calls found(i, j) once for every pair i < j of `boxes` that overlap, where
// keep(i, j) holds (checked before the exact overlap test, so a cheap filter
// such as "outcomes differ" saves work). Pairs come in a deterministic order.
void overlapping_pairs(const std::vector<const Box*>& boxes, const std::function<bool(std::size_t, std::size_t)>& keep,
                       const std::function<void(std::size_t, std::size_t)>& found);

// The dimension along which boxes are spread the most (fewest expected overlaps).
std::size_t best_sweep_dimension(const std::vector<const Box*>& boxes);

}  // namespace leeway
