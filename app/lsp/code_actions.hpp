// Quick fixes: every diagnostic whose hint says "did you mean `x`?" offers
// to put `x` in place of the name at fault.
#pragma once
#include <string>

#include <nlohmann/json.hpp>

namespace leeway::lsp {

// CodeActions for the diagnostics of a codeAction request's context, in the
// document `uri` whose text is `text`.
nlohmann::json quick_fixes(const std::string& uri, const std::string& text, const nlohmann::json& diagnostics);

}  // namespace leeway::lsp
