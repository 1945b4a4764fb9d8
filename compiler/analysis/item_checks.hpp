// Checks of one exception against what it bends and who grants it:
// dead-exception, beyond-rule, no-bend, unbounded-exception, authority-exceeded.
#pragma once
#include <optional>
#include <vector>

#include "compiler/analysis/decision_space.hpp"

namespace leeway {

void check_exceptions(const Repository& repo, const std::vector<std::optional<PolicySpace>>& spaces, int policy, std::vector<Diagnostic>& out);

}  // namespace leeway
