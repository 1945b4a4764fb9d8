#include "app/lsp/code_actions.hpp"

#include <fmt/format.h>

#include "app/lsp/text_position.hpp"

namespace leeway::lsp {

nlohmann::json quick_fixes(const std::string& uri, const std::string& text, const nlohmann::json& diagnostics) {
  nlohmann::json actions = nlohmann::json::array();
  if (!diagnostics.is_array()) return actions;
  for (const nlohmann::json& d : diagnostics) {
    if (!d.is_object() || !d.contains("data") || !d["data"].is_object() || !d.contains("range")) continue;
    std::string suggestion = d["data"].value("suggestion", "");
    if (suggestion.empty()) continue;
    const nlohmann::json& r = d["range"];
    Position start{r["start"].value("line", 0), r["start"].value("character", 0)};
    std::size_t at = offset_of(text, start);
    bool quoted = at < text.size() && text[at] == '"';
    nlohmann::json edit = {{"range", r}, {"newText", quoted ? "\"" + suggestion + "\"" : suggestion}};
    actions.push_back({{"title", fmt::format("Change to `{}`", suggestion)},
                       {"kind", "quickfix"},
                       {"isPreferred", true},
                       {"diagnostics", nlohmann::json::array({d})},
                       {"edit", {{"changes", {{uri, nlohmann::json::array({edit})}}}}}});
  }
  return actions;
}

}  // namespace leeway::lsp
