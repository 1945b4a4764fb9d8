// Diagnostics as text, the way clang and rustc show them: location, message,
// the source line with a caret, notes and a hint; coloured only when asked.
#pragma once
#include <map>
#include <string>
#include <vector>

#include "compiler/core/diagnostic.hpp"
#include "compiler/core/source_file.hpp"

namespace leeway {

struct TextOptions {
  bool color = false;
  std::size_t max_diagnostics = 0;  // 0: all
  const Omitted* omitted = nullptr;  // diagnostics left out of the list, counted in the totals
};

std::string render_text(const std::vector<Diagnostic>& diags, const std::map<std::string, SourceFile>& files, const TextOptions& opt);
// One diagnostic, without the summary.
std::string render_one(const Diagnostic& d, const std::map<std::string, SourceFile>& files, bool color);
// The message with its region, example and hint on lines of their own, for
// formats that carry plain text (SARIF, GitHub annotations).
std::string message_with_details(const Diagnostic& d);

}  // namespace leeway
