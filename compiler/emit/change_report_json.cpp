// The change report as JSON: every decision change with its region and both
// records, the changes in the files, the diagnostics new and fixed, and who
// is affected.
#include "compiler/emit/change_report_json.hpp"

#include <nlohmann/json.hpp>

#include "compiler/emit/diagnostic_json.hpp"

namespace leeway {
namespace {

using json = nlohmann::ordered_json;

json record_json(const DecisionRecord& d) {
  if (!d.exists) return nullptr;  // the situations do not exist in this revision
  return {{"outcome", d.outcome ? json(*d.outcome) : json(nullptr)},
          {"decided_by", d.decided_by},
          {"items", d.items},
          {"granted_by", d.granted_by ? json(*d.granted_by) : json(nullptr)},
          {"conflict", d.conflict}};
}

json changes_json(const ChangeSet& c) {
  json modified = json::array();
  for (const auto& m : c.modified) {
    json values = json::array();
    for (const ValueChange& v : m.values) values.push_back({{"key", v.key}, {"before", v.before}, {"after", v.after}});
    modified.push_back({{"id", m.id}, {"keys", m.keys}, {"values", values}});
  }
  return {{"added", c.added}, {"removed", c.removed}, {"modified", modified}};
}

}  // namespace

std::string change_report_json(const ChangeReport& r) {
  json j;
  j["base"] = r.base;
  j["head"] = r.head;
  json changes = json::array();
  for (const auto& c : r.changes)
    changes.push_back({{"policy", c.policy},
                       {"region", region_to_json(c.region)},
                       {"example", c.example},
                       {"before", record_json(c.before)},
                       {"after", record_json(c.after)}});
  j["changes"] = changes;
  j["items"] = changes_json(r.model.items);
  j["policies"] = changes_json(r.model.policies);
  j["roles"] = changes_json(r.model.roles);
  j["dimensions"] = changes_json(r.model.dimensions);
  j["edition"] = r.model.edition ? json{{"before", r.model.edition->before}, {"after", r.model.edition->after}} : json(nullptr);
  json fresh = json::array(), fixed = json::array();
  for (const Diagnostic* d : r.model.new_diagnostics) fresh.push_back(diagnostic_to_json(*d));
  for (const Diagnostic* d : r.model.fixed_diagnostics) fixed.push_back(diagnostic_to_json(*d));
  j["diagnostics"] = {{"new", fresh}, {"fixed", fixed}};
  j["affected"] = {{"roles", r.affected_roles}, {"owners", r.owners}};
  return j.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

}  // namespace leeway
