// Diagnostics and regions as nlohmann-json trees, built in the tests only:
// an oracle independent of leeway's own writer (compiler/core/json_writer),
// whose text the tests hold to these trees' dump(), and an easy way to
// compare a region or a diagnostic as a whole.
#pragma once
#include <nlohmann/json.hpp>

#include "compiler/core/diagnostic.hpp"
#include "compiler/core/diagnostic_catalog.hpp"
#include "compiler/core/model.hpp"
#include "compiler/core/region.hpp"

namespace leeway {

inline nlohmann::ordered_json region_to_json(const Region& r) {
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

inline nlohmann::ordered_json diagnostic_to_json(const Diagnostic& d) {
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
      notes.push_back(
          {{"file", n.pos.file}, {"line", n.pos.line > 0 ? n.pos.line : 1}, {"column", n.pos.column > 0 ? n.pos.column : 1}, {"message", n.message}});
    j["notes"] = notes;
  }
  return j;
}

}  // namespace leeway
