// Diagnostics as the JSON of `leeway check --format json` (docs/format.md,
// "What check reports"), whole or streamed piece by piece.
#pragma once
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "compiler/core/diagnostic.hpp"

namespace leeway {

nlohmann::ordered_json region_to_json(const Region& r);
nlohmann::ordered_json diagnostic_to_json(const Diagnostic& d);
// {"diagnostics": [...], "summary": {...}}; limit 0: all.
std::string render_json(const std::vector<Diagnostic>& diags, std::size_t limit);
// The same, written piece by piece, so that a run with a million diagnostics
// never holds them all as JSON at once.
using Sink = std::function<void(std::string_view)>;
void write_json(const std::vector<Diagnostic>& diags, std::size_t limit, const Sink& out);

}  // namespace leeway
