// Rendering diagnostics: text the way clang and rustc show them (location,
// message, the source line with a caret, notes, a hint), and the JSON of the
// output of `check` (docs/format.md, "What check reports").
#pragma once
#include <functional>
#include <string_view>
#include <map>
#include <string>

#include <nlohmann/json.hpp>

#include "compiler/core/diagnostic.hpp"
#include "compiler/core/source_file.hpp"

namespace leeway {

struct TextOptions {
  bool color = false;
  std::size_t max_diagnostics = 0;  // 0: all
};

std::string render_text(const std::vector<Diagnostic>& diags, const std::map<std::string, SourceFile>& files, const TextOptions& opt);
// One diagnostic, without the summary.
std::string render_one(const Diagnostic& d, const std::map<std::string, SourceFile>& files, bool color);
// The message with its region, example and hint on lines of their own, for
// formats that carry plain text (SARIF, GitHub annotations).
std::string message_with_details(const Diagnostic& d);

nlohmann::ordered_json region_to_json(const Region& r);
nlohmann::ordered_json diagnostic_to_json(const Diagnostic& d);
// {"diagnostics": [...], "summary": {...}}; limit 0: all.
std::string render_json(const std::vector<Diagnostic>& diags, std::size_t limit);
// The same, written piece by piece, so that a run with a million diagnostics
// never holds them all as JSON at once.
using Sink = std::function<void(std::string_view)>;
void write_json(const std::vector<Diagnostic>& diags, std::size_t limit, const Sink& out);

}  // namespace leeway
