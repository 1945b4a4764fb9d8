// Titles for named values: a table `{ name = "Title", ... }` that gives the
// words a person reads for an outcome (a policy's `outcome_titles`) or an
// enum value (a dimension's `titles`). Ids stay in JSON; documents and text
// use the titles.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "compiler/frontend/toml_reader.hpp"

namespace leeway {

// The titles of `names` under `key` (one per name, "" where none is given).
// A name that is not one of `names` is reported as `unknown` (with the
// closest name), a title that is not text as wrong-type.
std::vector<std::string> read_titles(TableReader& r, std::string_view key, const std::vector<std::string>& names, DiagnosticKind unknown,
                                     std::string_view what);

}  // namespace leeway
