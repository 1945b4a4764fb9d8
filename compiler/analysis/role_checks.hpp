// Checks of the roles as a hierarchy: a role may grant whatever the roles
// reporting to it may grant, so its ceiling should not be the lower one.
#pragma once
#include "compiler/analysis/graph.hpp"
#include "compiler/core/diagnostic.hpp"
#include "compiler/core/model.hpp"

namespace leeway {

// ceiling-inversion: one warning per pair (higher, lower) where `lower`
// reports to `higher`, directly or through others, and both state a
// max_cost, the higher role's being the smaller. At the higher role's
// max_cost. Safe on role cycles (they are reported elsewhere).
void check_ceilings(const RepoGraph& graph, const Manifest& manifest, Diagnostics& diags);

}  // namespace leeway
