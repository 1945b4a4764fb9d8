// A greedy maximal cover of one region: the first point of the region not yet
// covered is grown, dimension by dimension, into a box as large as the region
// allows there, that box is taken away, and so on until nothing is left. This
// is how an SMT-based peer finds few large boxes (issue 16); coalescing
// (coalesce.hpp) uses it before its merges when it can.
//
// It works on the region's atoms: along each dimension, the pieces that the
// boxes' edges cut it into (for an enum or bool, values that lie in the same
// boxes are one atom, since they can never be told apart). The region is then
// a grid of cells, one bit each, and growing a box is looking up cells.
#pragma once
#include <cstddef>
#include <optional>
#include <vector>

#include "compiler/core/value_set.hpp"

namespace leeway {

// The union of `boxes` (disjoint, of one label) as disjoint boxes, each grown
// to a maximal one where it was taken: numeric dimensions (`contiguous[d]`)
// stay one interval per box. `order` is the order in which dimensions are
// grown. Nothing when the grid would have more than `max_cells` cells.
std::optional<std::vector<Box>> greedy_cover(const std::vector<const Box*>& boxes, const std::vector<bool>& contiguous,
                                             const std::vector<std::size_t>& order, std::size_t max_cells);

}  // namespace leeway
