#include "compiler/emit/diagnostic_render.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "compiler/core/values.hpp"
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
    if (c == '\t') shown += "    ";
    else if (static_cast<unsigned char>(c) < 0x20) shown += ' ';
    else shown += c;
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

std::string render_text(const std::vector<Diagnostic>& diags, const std::map<std::string, SourceFile>& files, const TextOptions& opt) {
  std::string out;
  std::size_t shown = 0;
  std::map<std::string_view, std::size_t> hidden;  // kind -> count not shown
  for (const auto& d : diags) {
    if (opt.max_diagnostics != 0 && shown >= opt.max_diagnostics) {
      ++hidden[kind_name(d.kind)];
      continue;
    }
    out += render_one(d, files, opt.color) + "\n";
    ++shown;
  }
  if (!hidden.empty()) {
    std::size_t total = 0;
    std::string kinds;
    for (const auto& [k, n] : hidden) {
      total += n;
      kinds += fmt::format("{}{} {}", kinds.empty() ? "" : ", ", n, k);
    }
    out += fmt::format("... and {} more not shown ({}); use --max-diagnostics 0 to show all, or --format json\n\n", total, kinds);
  }
  std::size_t e = 0, w = 0, n = 0, waived = 0;
  std::map<std::string_view, std::size_t> by_kind;
  for (const auto& d : diags) {
    if (!d.waived.empty())
      ++waived;
    else
      (d.severity == Severity::error ? e : d.severity == Severity::warning ? w : n)++;
    ++by_kind[kind_name(d.kind)];
  }
  if (diags.empty()) return "no problems found\n";
  std::string kinds;
  for (const auto& [k, c] : by_kind) kinds += fmt::format("{}{} {}", kinds.empty() ? "" : ", ", c, k);
  Style st{opt.color};
  out += st(e ? "1;31" : "1;33", fmt::format("{} error{}, {} warning{}, {} note{}", e, e == 1 ? "" : "s", w, w == 1 ? "" : "s", n, n == 1 ? "" : "s"));
  out += fmt::format(" ({}){}\n", kinds, waived ? fmt::format("; {} waived", waived) : "");
  return out;
}

nlohmann::ordered_json region_to_json(const Region& r) {
  nlohmann::ordered_json j = nlohmann::ordered_json::object();
  auto money = [](std::int64_t c) -> nlohmann::ordered_json {
    if (c % 100 == 0) return c / 100;
    return static_cast<double>(c) / 100.0;
  };
  for (const auto& e : r) {
    switch (e.type) {
      case RegionEntry::Type::integer: j[e.dimension] = {e.lo, e.hi}; break;
      case RegionEntry::Type::money: j[e.dimension] = {money(e.lo), money(e.hi)}; break;
      case RegionEntry::Type::enumeration: j[e.dimension] = e.values; break;
      case RegionEntry::Type::boolean: {
        nlohmann::ordered_json arr = nlohmann::ordered_json::array();
        for (const auto& v : e.values) arr.push_back(v == "true");
        j[e.dimension] = arr;
        break;
      }
    }
  }
  return j;
}

nlohmann::ordered_json diagnostic_to_json(const Diagnostic& d) {
  nlohmann::ordered_json j;
  j["code"] = std::string(diagnostic_info(d.kind).code);
  j["kind"] = std::string(kind_name(d.kind));
  j["severity"] = severity_name(d.severity);
  j["message"] = d.message;
  j["file"] = d.pos.file;
  j["line"] = d.pos.line > 0 ? d.pos.line : 1;
  j["column"] = d.pos.column > 0 ? d.pos.column : 1;
  j["policy"] = d.policy.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(d.policy);
  j["items"] = d.items;
  j["region"] = d.region ? region_to_json(*d.region) : nlohmann::ordered_json(nullptr);
  if (!d.example.empty()) j["example"] = d.example;
  if (!d.hint.empty()) j["hint"] = d.hint;
  if (!d.waived.empty()) j["waived"] = d.waived;
  if (!d.notes.empty()) {
    nlohmann::ordered_json notes = nlohmann::ordered_json::array();
    for (const auto& n : d.notes)
      notes.push_back({{"file", n.pos.file}, {"line", n.pos.line > 0 ? n.pos.line : 1}, {"column", n.pos.column > 0 ? n.pos.column : 1}, {"message", n.message}});
    j["notes"] = notes;
  }
  return j;
}

void write_json(const std::vector<Diagnostic>& diags, std::size_t limit, const Sink& out) {
  // The same text nlohmann's dump(2) gives for the whole object: each
  // diagnostic is dumped alone and indented one level deeper.
  std::size_t e = 0, w = 0, n = 0, shown = 0, waived = 0;
  std::string buf = "{\n  \"diagnostics\": [";
  for (const auto& d : diags) {
    if (!d.waived.empty())
      ++waived;
    else
      (d.severity == Severity::error ? e : d.severity == Severity::warning ? w : n)++;
    if (limit != 0 && shown >= limit) continue;
    std::string one = diagnostic_to_json(d).dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
    buf += shown++ ? ",\n    " : "\n    ";
    for (char c : one) {
      buf += c;
      if (c == '\n') buf += "    ";
    }
    if (buf.size() > (1 << 16)) {
      out(buf);
      buf.clear();
    }
  }
  buf += shown ? "\n  ],\n" : "],\n";
  // Waived diagnostics count apart (and the key appears only when there are some).
  buf += fmt::format("  \"summary\": {{\n    \"errors\": {},\n    \"warnings\": {},\n    \"notes\": {}{}\n  }}\n}}\n", e, w, n,
                     waived ? fmt::format(",\n    \"waived\": {}", waived) : "");
  out(buf);
}

std::string render_json(const std::vector<Diagnostic>& diags, std::size_t limit) {
  std::string out;
  write_json(diags, limit, [&](std::string_view piece) { out += piece; });
  return out;
}

}  // namespace leeway
