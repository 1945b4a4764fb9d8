#include "compiler/emit/github_annotations.hpp"

#include <fmt/format.h>

#include "compiler/core/diagnostic_catalog.hpp"
#include "compiler/emit/diagnostic_text.hpp"

namespace leeway {

std::string github_escape_data(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == '%')
      out += "%25";
    else if (c == '\r')
      out += "%0D";
    else if (c == '\n')
      out += "%0A";
    else
      out += c;
  }
  return out;
}

std::string github_escape_property(std::string_view s) {
  std::string out;
  for (char c : github_escape_data(s)) {
    if (c == ':')
      out += "%3A";
    else if (c == ',')
      out += "%2C";
    else
      out += c;
  }
  return out;
}

std::string render_github(const std::vector<Diagnostic>& diags, const std::string& root_hint) {
  std::string root = root_hint;
  if (!root.empty() && root.back() != '/') root += '/';
  std::string out;
  std::size_t e = 0, w = 0, waived = 0;
  for (const auto& d : diags) {
    if (!d.waived.empty()) {
      ++waived;
      continue;
    }
    const char* cmd = d.severity == Severity::error ? "error" : d.severity == Severity::warning ? "warning" : "notice";
    (d.severity == Severity::error ? e : w) += d.severity == Severity::note ? 0 : 1;
    const DiagnosticInfo& k = diagnostic_info(d.kind);
    std::string text = message_with_details(d);
    out += fmt::format("::{} file={},line={},col={},title={}::{}\n", cmd, github_escape_property(root + d.pos.file), d.pos.line > 0 ? d.pos.line : 1,
                       d.pos.column > 0 ? d.pos.column : 1, github_escape_property(fmt::format("{} {}", k.code, k.name)), github_escape_data(text));
  }
  out += fmt::format("leeway: {} error{}, {} warning{}{}\n", e, e == 1 ? "" : "s", w, w == 1 ? "" : "s",
                     waived ? fmt::format(", {} waived", waived) : "");
  return out;
}

}  // namespace leeway
