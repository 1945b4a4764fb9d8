// The long explanation of each diagnostic, taken from docs/diagnostics.md
// (carried in the binary), for `leeway explain` and the SARIF rules' help.
#pragma once
#include <string>
#include <string_view>

#include "compiler/diagnostic_catalog.hpp"

namespace leeway {

// The catalog entry for a code ("LW507") or kind ("beyond-rule"); null if none.
const DiagnosticKind* find_diagnostic_kind(std::string_view code_or_kind);
// Its section of docs/diagnostics.md, Markdown, without the heading; the
// one-line summary when the section is missing.
std::string diagnostic_explanation(const DiagnosticKind& kind);

}  // namespace leeway
