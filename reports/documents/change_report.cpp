#include "reports/documents/change_report.hpp"

#include <algorithm>
#include <map>
#include <set>

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <nlohmann/json.hpp>

#include "compiler/core/diagnostic_catalog.hpp"
#include "compiler/emit/diagnostic_json.hpp"
#include "reports/documents/documents.hpp"
#include "compiler/core/safe_text.hpp"

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

std::string record_words(const DecisionRecord& d) {
  if (!d.exists) return "these situations do not exist (a value of a dimension is not there)";
  if (d.conflict) return fmt::format("a conflict between {}", fmt::join(d.items, ", "));
  if (d.decided_by == "none") return "nothing (the policy is silent)";
  std::string s = fmt::format("{} ({} {})", *d.outcome, d.decided_by, fmt::join(d.items, ", "));
  if (d.granted_by) s += fmt::format(", granted by {}", *d.granted_by);
  return s;
}

std::string plural(std::size_t n, const char* one, const char* many) { return fmt::format("{} {}", n, n == 1 ? one : many); }

std::size_t policies_changed(const ChangeReport& r) {
  std::set<std::string> p;
  for (const auto& c : r.changes) p.insert(c.policy);
  return p.size();
}

std::string set_words(const char* what, const ChangeSet& c) {
  std::string out;
  for (const auto& a : c.added) out += fmt::format("  + {} {}\n", what, a);
  for (const auto& a : c.removed) out += fmt::format("  - {} {}\n", what, a);
  for (const auto& m : c.modified) {
    // Each key changed, with its values where they are short: "max_cost 200 -> 300".
    std::vector<std::string> parts;
    for (const std::string& k : m.keys) {
      auto v = std::find_if(m.values.begin(), m.values.end(), [&](const ValueChange& x) { return x.key == k; });
      parts.push_back(v == m.values.end() ? k : fmt::format("{} {} -> {}", k, v->before.empty() ? "(none)" : v->before, v->after.empty() ? "(none)" : v->after));
    }
    out += fmt::format("  ~ {} {} ({})\n", what, m.id, fmt::join(parts, ", "));
  }
  return out;
}

std::string edition_words(const ChangeReport& r) {
  if (!r.model.edition) return "";
  return fmt::format("  ~ edition {} -> {}\n", r.model.edition->before.empty() ? "(none)" : r.model.edition->before,
                     r.model.edition->after.empty() ? "(none)" : r.model.edition->after);
}

// The one-line summary both text and Markdown start with.
std::string summary(const ChangeReport& r) {
  std::size_t errors = 0;
  for (const Diagnostic* d : r.model.new_diagnostics) errors += d->severity == Severity::error && d->waived.empty();
  std::string s = r.changes.empty() ? "no decision changes"
                                    : fmt::format("decisions change in {} of {}", plural(r.changes.size(), "region", "regions"),
                                                  plural(policies_changed(r), "policy", "policies"));
  std::size_t items = r.model.items.added.size() + r.model.items.removed.size() + r.model.items.modified.size();
  s += fmt::format("; {} changed", plural(items, "item", "items"));
  s += errors ? fmt::format("; {} new", plural(errors, "error", "errors")) : "; no new error";
  if (!r.affected_roles.empty()) s += fmt::format("; handbooks to reissue: {}", fmt::join(r.affected_roles, ", "));
  return s;
}

}  // namespace

ChangeReport make_change_report(const Compilation& base, const Compilation& head, std::string base_label, std::string head_label) {
  ChangeReport r;
  r.base = std::move(base_label);
  r.head = std::move(head_label);
  r.changes = decision_changes(base, head);
  r.model = diff_models(base, head);
  // A role is affected when its handbook reads differently.
  std::map<std::string, std::string> before, after;
  for (const Document& d : make_documents(base)) before[d.name] = d.markdown;
  for (const Document& d : make_documents(head)) after[d.name] = d.markdown;
  std::set<std::string> roles;
  for (const auto& role : base.repo.manifest.roles) roles.insert(role.id);
  for (const auto& role : head.repo.manifest.roles) roles.insert(role.id);
  for (const std::string& id : roles) {
    auto a = before.find("handbook-" + id), b = after.find("handbook-" + id);
    if (a == before.end() || b == after.end() || a->second != b->second) r.affected_roles.push_back(id);
  }
  std::set<std::string> touched;
  for (const auto& c : r.changes) touched.insert(c.policy);
  for (const ChangeSet* cs : {&r.model.items, &r.model.policies}) {
    auto policy_of = [](const std::string& id) { return id.substr(0, id.find('.')); };
    for (const auto& a : cs->added) touched.insert(policy_of(a));
    for (const auto& a : cs->removed) touched.insert(policy_of(a));
    for (const auto& m : cs->modified) touched.insert(policy_of(m.id));
  }
  std::set<std::string> owners;
  for (const std::string& p : touched)
    for (const Compilation* c : {&head, &base}) {
      int i = c->repo.policy_index(p);
      if (i >= 0 && !c->repo.policies[static_cast<std::size_t>(i)].owner.empty()) {
        owners.insert(c->repo.policies[static_cast<std::size_t>(i)].owner);
        break;
      }
    }
  r.owners.assign(owners.begin(), owners.end());
  return r;
}

std::string change_report_json(const ChangeReport& r) {
  json j;
  j["base"] = r.base;
  j["head"] = r.head;
  json changes = json::array();
  for (const auto& c : r.changes)
    changes.push_back({{"policy", c.policy}, {"region", region_to_json(c.region)}, {"example", c.example}, {"before", record_json(c.before)},
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

std::string change_report_text(const ChangeReport& r) {
  std::string out = fmt::format("leeway diff {} -> {}\n{}\n", r.base, r.head, summary(r));
  std::string policy;
  for (const auto& c : r.changes) {
    if (c.policy != policy) out += fmt::format("\n{}:\n", policy = c.policy);
    out += fmt::format("  where {}\n    before: {}\n    after:  {}\n    for example: {}\n", region_in_words(c.region), record_words(c.before),
                       record_words(c.after), c.example);
  }
  std::string sets = edition_words(r) + set_words("item", r.model.items) + set_words("policy", r.model.policies) +
                     set_words("role", r.model.roles) + set_words("dimension", r.model.dimensions);
  if (!sets.empty()) out += "\nchanged in the files:\n" + sets;
  if (!r.model.new_diagnostics.empty() || !r.model.fixed_diagnostics.empty()) {
    out += "\ndiagnostics:\n";
    for (const Diagnostic* d : r.model.new_diagnostics)
      out += fmt::format("  new   {}:{}: {}[{}] {}\n", d->pos.file, d->pos.line, severity_name(d->severity), diagnostic_info(d->kind).code, d->message);
    for (const Diagnostic* d : r.model.fixed_diagnostics)
      out += fmt::format("  fixed {}[{}] {}\n", severity_name(d->severity), diagnostic_info(d->kind).code, d->message);
  }
  if (!r.affected_roles.empty()) out += fmt::format("\nhandbooks that change: {}\n", fmt::join(r.affected_roles, ", "));
  if (!r.owners.empty()) out += fmt::format("owners to ask: {}\n", fmt::join(r.owners, "; "));
  return out;
}

std::string change_report_markdown(const ChangeReport& r) {
  // Everything from a policy is escaped: the comment renders it, it never runs it.
  std::string out = fmt::format("**leeway**: {}.\n\n", md_text(summary(r)));
  out += fmt::format("Comparing {} with {}.\n", md_text(r.base), md_text(r.head));
  std::string policy;
  for (const auto& c : r.changes) {
    if (c.policy != policy) out += fmt::format("\n### {}\n\n", md_text(policy = c.policy));
    out += fmt::format("- {}: **{}** \u2192 **{}**\n", md_text(region_in_words(c.region)), md_text(record_words(c.before)),
                       md_text(record_words(c.after)));
  }
  std::string sets = edition_words(r) + set_words("item", r.model.items) + set_words("policy", r.model.policies) +
                     set_words("role", r.model.roles) + set_words("dimension", r.model.dimensions);
  if (!sets.empty()) {
    out += "\n<details><summary>Changed in the files</summary>\n\n";
    std::size_t at = 0;
    while (at < sets.size()) {
      std::size_t end = sets.find('\n', at);
      out += "- " + md_text(sets.substr(at, end - at)) + "\n";
      at = end + 1;
    }
    out += "\n</details>\n";
  }
  if (!r.model.new_diagnostics.empty() || !r.model.fixed_diagnostics.empty()) {
    out += "\n<details><summary>Diagnostics: " +
           md_text(fmt::format("{} new, {} fixed", r.model.new_diagnostics.size(), r.model.fixed_diagnostics.size())) + "</summary>\n\n";
    for (const Diagnostic* d : r.model.new_diagnostics)
      out += "- new: " + md_text(fmt::format("{}:{}: {}[{}] {}", d->pos.file, d->pos.line, severity_name(d->severity), diagnostic_info(d->kind).code, d->message)) + "\n";
    for (const Diagnostic* d : r.model.fixed_diagnostics)
      out += "- fixed: " + md_text(fmt::format("{}[{}] {}", severity_name(d->severity), diagnostic_info(d->kind).code, d->message)) + "\n";
    out += "\n</details>\n";
  }
  if (!r.owners.empty()) out += "\nOwners: " + md_text(fmt::format("{}", fmt::join(r.owners, "; "))) + "\n";
  return out;
}

}  // namespace leeway
