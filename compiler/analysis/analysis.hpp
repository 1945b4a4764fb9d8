// Semantic analysis of every policy (docs/diagnostics.md, LW5xx): conflicts,
// crossed lines, gaps, and the exception checks. Policies are independent and
// are analysed in parallel; the result is in policy order, so it is the same
// on every run.
#pragma once
#include <optional>
#include <vector>

#include "compiler/analysis/decision_space.hpp"

namespace leeway {

std::vector<std::optional<PolicySpace>> compile_spaces(const Repository& repo, unsigned threads);
// `cap`: at most this many conflicts, and as many gaps, per policy; past it a
// limit-exceeded diagnostic says how many more there were. With `omitted`
// and `keep_first` N > 0, conflicts and gaps that cannot be among the first N
// of the report's order are only counted there (FindingSink).
// The diagnostics go at the end of `out`: a conflict-heavy repository has
// 180,000 of some 350 bytes, and a list of them appended to another would be
// copied into a new one.
void analyse(const Repository& repo, const std::vector<std::optional<PolicySpace>>& spaces, std::vector<Diagnostic>& out, unsigned threads,
             std::size_t cap = 100'000, std::size_t keep_first = 0, Omitted* omitted = nullptr);

}  // namespace leeway
