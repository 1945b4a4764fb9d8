// Diagnostics as the JSON of `leeway check --format json` (docs/format.md,
// "What check reports"), whole or streamed piece by piece.
#pragma once
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "compiler/core/diagnostic.hpp"
#include "compiler/core/json_writer.hpp"

namespace leeway {

// One diagnostic as an object (code, kind, severity, message, file, line,
// column, policy, items, region; roles, regions, example, hint, waived and
// notes when it has them).
void write_diagnostic(JsonWriter& w, const Diagnostic& d);
// {"diagnostics": [...], "summary": {...}}; limit 0: all.
std::string render_json(const std::vector<Diagnostic>& diags, std::size_t limit);
// The same, written piece by piece, so that a run with a million diagnostics
// never holds them all as JSON at once.
using Sink = std::function<void(std::string_view)>;
void write_json(const std::vector<Diagnostic>& diags, std::size_t limit, const Sink& out);

// One diagnostic as write_json lays it out in the list, after ",\n    ".
void append_diagnostic_json(std::string& out, const Diagnostic& d);

// The same, one diagnostic at a time, for a caller that builds each one's
// details just before and frees them just after.
class DiagnosticJsonWriter {
 public:
  DiagnosticJsonWriter(std::size_t limit, Sink out);
  // Does the next diagnostic get written (not only counted)?
  bool writes_next() const { return limit_ == 0 || shown_ < limit_; }
  void add(const Diagnostic& d);
  // The same as add() for each diagnostic of `written`, whose text `text`
  // the caller made with append_diagnostic_json (on other threads, say);
  // `counted` are only counted.
  void add_rendered(const std::vector<const Diagnostic*>& written, std::string_view text, const std::vector<const Diagnostic*>& counted);
  void finish();  // the summary, and the rest of the buffer

 private:
  void count(const Diagnostic& d);
  void flush_if_full();
  std::size_t limit_, errors_ = 0, warnings_ = 0, notes_ = 0, shown_ = 0, waived_ = 0;
  Sink out_;
  std::string buf_;
};

}  // namespace leeway
