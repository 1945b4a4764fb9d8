// Resolution: links names across files (bends, granted_by, reports_to, a
// story's teaches) and finds duplicate policy ids. Writes the resolved indices
// into the model.
#pragma once
#include "compiler/diagnostic.hpp"
#include "compiler/model.hpp"

namespace leeway {

void resolve(Repository& repo, Diagnostics& diags);

}  // namespace leeway
