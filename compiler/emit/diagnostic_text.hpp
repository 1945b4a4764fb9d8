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
};

// How many diagnostics of each kind there are, and in force by severity
// (the waived apart).
struct DiagnosticCounts {
  std::vector<std::size_t> by_kind;  // indexed by DiagnosticKind
  std::size_t errors = 0, warnings = 0, notes = 0, waived = 0;
  void add(DiagnosticKind kind, Severity severity, bool waived);
};

// The first `opt.max_diagnostics` of `diags` in full, then how many of each
// kind were left out, then the totals.
std::string render_text(const std::vector<Diagnostic>& diags, const std::map<std::string, SourceFile>& files, const TextOptions& opt);
// The same for a list cut already: `shown` in full, then the kinds of
// `hidden`, then the totals of `all` (shown and hidden).
std::string render_text(const std::vector<const Diagnostic*>& shown, const DiagnosticCounts& hidden, const DiagnosticCounts& all,
                        const std::map<std::string, SourceFile>& files, bool color);
// One diagnostic, without the summary.
std::string render_one(const Diagnostic& d, const std::map<std::string, SourceFile>& files, bool color);
// The message with its region, example and hint on lines of their own, for
// formats that carry plain text (SARIF, GitHub annotations).
std::string message_with_details(const Diagnostic& d);

}  // namespace leeway
