// [[waive]] entries of a policy file: code, item and reason, all required.
// The item is checked here (it must be one of the policy's); whether a
// waiver matches anything is known only after analysis (analysis/waivers).
#pragma once
#include "compiler/core/model.hpp"
#include "compiler/frontend/toml_reader.hpp"

namespace leeway {

// Reads the `waive` list of the file's top table into `p.waivers`; the
// policy's items must be parsed already.
void parse_waivers(Policy& p, TableReader& top, const SourceFile& file, Diagnostics& diags);

}  // namespace leeway
