// Hover: what a name means, in the words of the documents: for an item, the
// situations where it holds, who may grant it and up to how much, what it
// bends and the stories that teach it; for a dimension, a role, an outcome
// or a value, what it is and where it is used.
#pragma once
#include <string>

#include "app/lsp/symbol.hpp"

namespace leeway::lsp {

// Markdown for the symbol; "" when there is nothing to say.
std::string hover_markdown(const Compilation& c, const Symbol& s);

}  // namespace leeway::lsp
