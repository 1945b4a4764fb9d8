// GitHub Actions workflow commands: `::error file=...,line=...,col=...::message`,
// one per diagnostic in force, so a pull request shows them on its lines.
#pragma once
#include <string>
#include <vector>

#include "compiler/core/diagnostic.hpp"

namespace leeway {

std::string render_github(const std::vector<Diagnostic>& diags, const std::string& root_hint);

// Escapes for a workflow command's data and for its properties.
std::string github_escape_data(std::string_view s);
std::string github_escape_property(std::string_view s);

}  // namespace leeway
