// The long explanation of each diagnostic, taken from docs/diagnostics.md
// (carried in the binary), for `leeway explain` and the SARIF rules' help.
#pragma once
#include <string>
#include <string_view>

#include "compiler/core/diagnostic_catalog.hpp"

namespace leeway {

// Its section of docs/diagnostics.md, Markdown, without the heading; the
// one-line summary when the section is missing.
std::string diagnostic_explanation(const DiagnosticInfo& kind);

// The same for a terminal or a plain-text field: no Markdown emphasis, code
// blocks indented instead of fenced.
std::string diagnostic_explanation_text(const DiagnosticInfo& kind);

}  // namespace leeway
