// leeway's diagnostics as the protocol's: per file, with a range over the
// name or value at fault, the code (linking to its explanation), the hint,
// the notes as related places. Waived diagnostics are left out.
#pragma once
#include <map>
#include <string>

#include <nlohmann/json.hpp>

#include "compiler/analysis/compile.hpp"

namespace leeway::lsp {

// The diagnostics of every file that has some, keyed by repository path.
// `to_uri` turns a repository path into the file's URI.
std::map<std::string, nlohmann::json> diagnostics_by_file(const Compilation& c, const std::function<std::string(const std::string&)>& to_uri);

// The replacement a "did you mean `x`?" hint offers, or "".
std::string suggested_name(const std::string& hint);

}  // namespace leeway::lsp
