// Every kind of diagnostic leeway reports: its stable code, severity and the
// long explanation behind it. docs/diagnostics.md follows this table.
#pragma once
#include <string_view>
#include <vector>

#include "compiler/diagnostic.hpp"

namespace leeway {

struct DiagnosticKind {
  std::string_view kind;     // "rule-conflict"
  std::string_view code;     // "LW401"
  Severity severity;
  std::string_view summary;  // one line for listings and SARIF rules
};

const std::vector<DiagnosticKind>& diagnostic_kinds();
// The entry for kind; a kind missing from the catalog is a programming error
// and yields an "internal" entry rather than a crash.
const DiagnosticKind& diagnostic_kind(std::string_view kind);
// The entry for a code ("LW507") or kind ("beyond-rule"), as users write
// them (leeway explain, [[waive]]); null if there is none.
const DiagnosticKind* find_diagnostic_kind(std::string_view code_or_kind);
inline Severity diagnostic_kind_severity(std::string_view kind) { return diagnostic_kind(kind).severity; }

}  // namespace leeway
