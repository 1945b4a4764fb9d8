#include "compiler/emit/diagnostic_json.hpp"

#include <fmt/format.h>

#include "compiler/core/model.hpp"

namespace leeway {

nlohmann::ordered_json region_to_json(const Region& r) {
  nlohmann::ordered_json j = nlohmann::ordered_json::object();
  auto money = [](std::int64_t c) -> nlohmann::ordered_json {
    if (c % kCentsPerUnit == 0) return c / kCentsPerUnit;
    return static_cast<double>(c) / static_cast<double>(kCentsPerUnit);
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
  if (!d.roles.empty()) j["roles"] = d.roles;
  j["region"] = d.region ? region_to_json(*d.region) : nlohmann::ordered_json(nullptr);
  if (!d.regions.empty()) {
    nlohmann::ordered_json all = nlohmann::ordered_json::array();
    for (const Region& r : d.regions) all.push_back(region_to_json(r));
    j["regions"] = all;
  }
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
