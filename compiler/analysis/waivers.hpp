// Waivers: a [[waive]] in a policy accepts one diagnostic on purpose (by code
// and item, with a reason). Waived diagnostics stay listed, marked as
// suppressed, and no longer count toward the exit status; a waiver that
// matches nothing is itself a warning. Only warnings can be waived: a waiver
// that matches an error leaves it in force and is itself an error (bad-waiver).
#pragma once
#include "compiler/core/diagnostic.hpp"
#include "compiler/core/model.hpp"

namespace leeway {

// Runs after analysis, on every diagnostic of the run.
void apply_waivers(const Repository& repo, Diagnostics& diags);

}  // namespace leeway
