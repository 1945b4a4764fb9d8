// Go to definition and find references: where a name is defined (an item's
// id, a dimension's or a role's table in the manifest, an outcome in its
// policy's list) and every place that names it (`bends`, `granted_by`,
// `reports_to`, `teaches`, conditions, `over`, `then`, waivers).
#pragma once
#include <string>
#include <vector>

#include "app/lsp/symbol.hpp"

namespace leeway::lsp {

struct Place {
  std::string file;  // repository path
  std::size_t begin = 0, end = 0;
};

std::vector<Place> definition_of(const Compilation& c, const Symbol& s);
std::vector<Place> references_to(const Compilation& c, const Symbol& s, bool with_definition);

}  // namespace leeway::lsp
