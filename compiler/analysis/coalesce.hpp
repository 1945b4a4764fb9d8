// Fewer, larger boxes for the same situations. Every region leeway reports
// (a gap, a changed decision, a partial answer, a silent group of cases) is
// exact, and a person reads each one: two boxes that differ in one dimension
// only, where their values there join up, are one box. This merges along
// every dimension, again and again until nothing joins, then tries a greedy
// maximal cover of each label's region (greedy_cover.hpp) and keeps it where
// it needs fewer boxes; never changing which situations are covered or by
// which label.
#pragma once
#include <vector>

#include "compiler/analysis/sweep.hpp"
#include "compiler/core/value_set.hpp"

namespace leeway {

// Disjoint labelled boxes in, disjoint labelled boxes out: for every label
// the same union, never more boxes. `contiguous[d]`: dimension d stays one
// interval per box (integer, money); otherwise any value set may merge
// (enum, bool). The result is in a canonical order (by the boxes' values,
// dimension by dimension), so it does not depend on the order boxes come in.
std::vector<LabelledBox> coalesce(std::vector<LabelledBox> boxes, const std::vector<bool>& contiguous);
std::vector<Box> coalesce(std::vector<Box> boxes, const std::vector<bool>& contiguous);

}  // namespace leeway
