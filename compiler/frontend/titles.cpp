#include "compiler/frontend/titles.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "compiler/core/suggest.hpp"

namespace leeway {

std::vector<std::string> read_titles(TableReader& r, std::string_view key, const std::vector<std::string>& names, DiagnosticKind unknown,
                                     std::string_view what) {
  std::vector<std::string> titles(names.size());
  const toml::node* node = r.get(key);
  if (!node) return titles;
  const toml::table* table = node->as_table();
  if (!table) {
    r.report_type(key, fmt::format("a table of titles, such as {{ {} = \"...\" }}", names.empty() ? "name" : names.front()));
    return titles;
  }
  for (const auto& [k, v] : *table) {
    std::string name(k.str());
    Pos pos = pos_of(r.file(), k.source());
    auto at = std::find(names.begin(), names.end(), name);
    if (at == names.end()) {
      std::string hint = did_you_mean(name, names);
      r.diags().add(unknown, pos, fmt::format("`{}` in `{}` is not {}", name, key, what),
                    hint.empty() ? fmt::format("give titles to {} only", what) : hint);
      continue;
    }
    if (!v.is_string()) {
      r.diags().add(DiagnosticKind::wrong_type, pos, fmt::format("the title of `{}` must be text", name), fmt::format("write {} = \"...\"", name));
      continue;
    }
    titles[static_cast<std::size_t>(at - names.begin())] = *v.value<std::string>();
  }
  return titles;
}

}  // namespace leeway
