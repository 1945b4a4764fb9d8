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
// Every problem the analysis finds goes to `out`: the conflicting pairs and
// the gaps, of which a repository can have hundreds of thousands, as
// findings (Diagnostics::findings), made into diagnostics by whoever reads
// them; the rest as diagnostics. `cap`: at most this many conflicts, and as
// many gaps, per policy; past it a limit-exceeded diagnostic says how many
// more there were.
void analyse(const Repository& repo, const std::vector<std::optional<PolicySpace>>& spaces, Diagnostics& out, unsigned threads,
             std::size_t cap = 100'000);

}  // namespace leeway
