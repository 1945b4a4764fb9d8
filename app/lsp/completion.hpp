// Completion where a name is expected: dimension names in conditions and in
// `over`, their values (enum values, true/false, a range), outcomes after
// `then` and in `forbids`, role ids after `granted_by` and `reports_to`,
// rules after `bends`, items in waivers and stories.
#pragma once
#include <nlohmann/json.hpp>

#include "app/lsp/symbol.hpp"

namespace leeway::lsp {

// The protocol's CompletionItem list for byte `offset` of `file`.
nlohmann::json completions(const Compilation& c, const std::string& file, std::size_t offset);

}  // namespace leeway::lsp
