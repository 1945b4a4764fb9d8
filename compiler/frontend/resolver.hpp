// Resolution: links names across files (bends, granted_by, reports_to, a
// story's teaches) and finds duplicate policy ids. Writes the resolved indices
// into the model.
#pragma once
#include "compiler/core/diagnostic.hpp"
#include "compiler/core/model.hpp"

namespace leeway {

void resolve(Repository& repo, Diagnostics& diags);

}  // namespace leeway
