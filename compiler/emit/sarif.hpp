// SARIF 2.1.0 for code scanning: one rule per diagnostic code (with its help
// from docs/diagnostics.md), one result per diagnostic, waived ones marked as
// suppressed.
#pragma once
#include <string>
#include <vector>

#include "compiler/core/diagnostic.hpp"

namespace leeway {

// `root_hint`: where the repository sits relative to where SARIF is uploaded
// from ("" when the repository is the checkout's root): prefixed to every path.
std::string render_sarif(const std::vector<Diagnostic>& diags, const std::string& root_hint);

}  // namespace leeway
