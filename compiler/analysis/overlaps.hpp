// What it means when two items of a policy hold in the same situations:
// rules, exceptions or forcing lines that disagree (conflicts), an exception
// crossing a line, a rule whose answer a line forbids, a forcing line whose
// outcome another line forbids, an exception that overrides a rule it does
// not bend. Each with the exact intersection as its region.
#pragma once
#include <optional>

#include "compiler/analysis/decision_space.hpp"

namespace leeway {

// The diagnostic kind the overlap of `a` and `b` (items of policy `p`) calls
// for, or none when they may overlap. Cheap: outcomes and kinds only, so it
// can filter pairs before their boxes are compared.
std::optional<DiagnosticKind> overlap_kind(const Policy& p, const CompiledItem& a, const CompiledItem& b);

// The item the diagnostic for that overlap points at (the other is its note).
const Item& overlap_subject(const Policy& p, const CompiledItem& a, const CompiledItem& b, DiagnosticKind kind);

// The diagnostic for two overlapping items whose overlap_kind is `kind`; its
// region, example, note and hint are left to Diagnostic::details. `a` and
// `b` are items of `s`. It may be made long after the analysis (when a
// report reads it): it needs only the space, which outlives it.
Diagnostic overlap_diagnostic(const PolicySpace& s, const CompiledItem& a, const CompiledItem& b, DiagnosticKind kind);

}  // namespace leeway
