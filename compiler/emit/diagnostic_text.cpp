#include "compiler/emit/diagnostic_text.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "compiler/core/diagnostic_catalog.hpp"

namespace leeway {
namespace {

struct Style {
  bool on = false;
  std::string operator()(const char* code, std::string_view s) const {
    if (!on) return std::string(s);
    return fmt::format("\x1b[{}m{}\x1b[0m", code, s);
  }
};

const char* severity_color(Severity s) {
  switch (s) {
    case Severity::error: return "1;31";
    case Severity::warning: return "1;33";
    case Severity::note: return "1;36";
  }
  return "1";
}

// file:line:column; a problem with a whole file (unreadable, a link) points at
// its start, 1:1, as the JSON does, so every diagnostic has the same shape.
std::string location(const Pos& p) {
  if (p.line <= 0) return fmt::format("{}:1:1", p.file);
  return fmt::format("{}:{}:{}", p.file, p.line, p.column > 0 ? p.column : 1);
}

// The source line with a caret under the column, indented under a gutter.
std::string snippet(const Pos& p, const std::map<std::string, SourceFile>& files, const Style& st) {
  if (p.line <= 0) return {};
  auto it = files.find(p.file);
  if (it == files.end()) return {};
  std::string_view line = it->second.line(p.line);
  std::string num = std::to_string(p.line), pad(num.size(), ' ');
  std::string shown;
  std::size_t caret = 0;
  int col = 1;
  for (std::size_t i = 0; i < line.size() && shown.size() < 200; ++i) {
    char c = line[i];
    if (col == p.column) caret = shown.size();
    if (c == '\t')
      shown += "    ";
    else if (static_cast<unsigned char>(c) < 0x20)
      shown += ' ';
    else
      shown += c;
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++col;
  }
  if (p.column >= col) caret = shown.size();
  // Count display columns up to the caret (UTF-8 continuation bytes take none).
  std::size_t width = 0;
  for (std::size_t i = 0; i < caret; ++i)
    if ((static_cast<unsigned char>(shown[i]) & 0xC0) != 0x80) ++width;
  return fmt::format("{} {}\n{} {} {}\n{} {} {}{}\n", pad, st("1;34", "|"), st("1;34", num), st("1;34", "|"), shown, pad, st("1;34", "|"),
                     std::string(width, ' '), st("1;32", "^"));
}

}  // namespace

std::string message_with_details(const Diagnostic& d) {
  std::string text = d.message;
  if (d.region) text += "\nwhere: " + region_in_words(*d.region);
  for (std::size_t r = 1; r < d.regions.size(); ++r) text += "\nand where: " + region_in_words(d.regions[r]);
  if (!d.example.empty()) text += "\nfor example: " + d.example;
  if (!d.hint.empty()) text += "\nhint: " + d.hint;
  return text;
}

std::string render_one(const Diagnostic& d, const std::map<std::string, SourceFile>& files, bool color) {
  Style st{color};
  const DiagnosticInfo& k = diagnostic_info(d.kind);
  std::string out = fmt::format("{}: {}: {}\n", st("1", location(d.pos)),
                                st(d.waived.empty() ? severity_color(d.severity) : "1;36",
                                   fmt::format("{}[{}]{}", severity_name(d.severity), k.code, d.waived.empty() ? "" : " (waived)")),
                                st("1", d.message));
  out += snippet(d.pos, files, st);
  if (d.region) out += fmt::format("  = {} {}\n", st("1", "where:"), region_in_words(*d.region));
  for (std::size_t r = 1; r < d.regions.size(); ++r) out += fmt::format("  = {} {}\n", st("1", "and where:"), region_in_words(d.regions[r]));
  if (!d.example.empty()) out += fmt::format("  = {} {}\n", st("1", "for example:"), d.example);
  for (const auto& n : d.notes) {
    out += fmt::format("{}: {}: {}\n", st("1", location(n.pos)), st("1;36", "note"), n.message);
    out += snippet(n.pos, files, st);
  }
  if (!d.hint.empty()) {
    std::string hint = d.hint;
    for (std::size_t at = hint.find('\n'); at != std::string::npos; at = hint.find('\n', at + 1)) hint.insert(at + 1, "          ");
    out += fmt::format("  = {} {}\n", st("1;32", "hint:"), hint);
  }
  if (!d.waived.empty()) out += fmt::format("  = {} {}\n", st("1;36", "waived:"), d.waived);
  return out;
}

void DiagnosticCounts::add(DiagnosticKind kind, Severity severity, bool is_waived) {
  std::size_t k = static_cast<std::size_t>(kind);
  if (by_kind.size() <= k) by_kind.resize(k + 1, 0);
  ++by_kind[k];
  if (is_waived)
    ++waived;
  else
    (severity == Severity::error ? errors : severity == Severity::warning ? warnings : notes)++;
}

namespace {

// "3 gap, 1 rule-conflict": the kinds counted, by name; and their total.
std::pair<std::string, std::size_t> kinds_in_words(const DiagnosticCounts& c) {
  std::vector<std::pair<std::string_view, std::size_t>> kinds;
  for (std::size_t k = 0; k < c.by_kind.size(); ++k)
    if (c.by_kind[k]) kinds.emplace_back(kind_name(static_cast<DiagnosticKind>(k)), c.by_kind[k]);
  std::sort(kinds.begin(), kinds.end());
  std::string words;
  std::size_t total = 0;
  for (const auto& [k, n] : kinds) {
    total += n;
    fmt::format_to(std::back_inserter(words), "{}{} {}", words.empty() ? "" : ", ", n, k);
  }
  return {words, total};
}

}  // namespace

std::string render_text(const std::vector<const Diagnostic*>& shown, const DiagnosticCounts& hidden, const DiagnosticCounts& all,
                        const std::map<std::string, SourceFile>& files, bool color) {
  std::string out;
  for (const Diagnostic* d : shown) out += render_one(*d, files, color) + "\n";
  if (auto [kinds, total] = kinds_in_words(hidden); total)
    out += fmt::format("... and {} more not shown ({}); use --max-diagnostics 0 to show all, or --format json\n\n", total, kinds);
  auto [kinds, total] = kinds_in_words(all);
  if (!total) return "no problems found\n";
  Style st{color};
  std::size_t e = all.errors, w = all.warnings, n = all.notes;
  out +=
      st(e ? "1;31" : "1;33", fmt::format("{} error{}, {} warning{}, {} note{}", e, e == 1 ? "" : "s", w, w == 1 ? "" : "s", n, n == 1 ? "" : "s"));
  out += fmt::format(" ({}){}\n", kinds, all.waived ? fmt::format("; {} waived", all.waived) : "");
  return out;
}

std::string render_text(const std::vector<Diagnostic>& diags, const std::map<std::string, SourceFile>& files, const TextOptions& opt) {
  std::vector<const Diagnostic*> shown;
  DiagnosticCounts hidden, all;
  for (const auto& d : diags) {
    if (opt.max_diagnostics == 0 || shown.size() < opt.max_diagnostics)
      shown.push_back(&d);
    else
      hidden.add(d.kind, d.severity, !d.waived.empty());
    all.add(d.kind, d.severity, !d.waived.empty());
  }
  return render_text(shown, hidden, all, files, opt.color);
}

}  // namespace leeway
