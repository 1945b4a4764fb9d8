// The words a change report's text and pull-request comment share.
#include "compiler/changes/change_words.hpp"

#include <algorithm>
#include <set>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "compiler/core/diagnostic_catalog.hpp"
#include "compiler/core/words.hpp"

namespace leeway {
namespace {

std::size_t policies_changed(const ChangeReport& r) {
  std::set<std::string> p;
  for (const auto& c : r.changes) p.insert(c.policy);
  return p.size();
}

std::string or_none(const std::string& v) { return v.empty() ? "(none)" : v; }

void add_set_lines(std::vector<std::string>& out, const char* what, const ChangeSet& c) {
  for (const auto& a : c.added) out.push_back(fmt::format("  + {} {}", what, a));
  for (const auto& a : c.removed) out.push_back(fmt::format("  - {} {}", what, a));
  for (const auto& m : c.modified) {
    // Each key changed, with its values where they are short: "max_cost 200 -> 300".
    std::vector<std::string> parts;
    for (const std::string& k : m.keys) {
      auto v = std::find_if(m.values.begin(), m.values.end(), [&](const ValueChange& x) { return x.key == k; });
      parts.push_back(v == m.values.end() ? k : fmt::format("{} {} -> {}", k, or_none(v->before), or_none(v->after)));
    }
    out.push_back(fmt::format("  ~ {} {} ({})", what, m.id, fmt::join(parts, ", ")));
  }
}

}  // namespace

std::string change_summary(const ChangeReport& r) {
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

std::string decision_record_words(const DecisionRecord& d) {
  if (!d.exists) return "these situations do not exist (a value of a dimension is not there)";
  if (d.conflict) return fmt::format("a conflict between {}", fmt::join(d.items, ", "));
  if (d.decided_by == "none") return "nothing (the policy is silent)";
  std::string s = fmt::format("{} ({} {})", *d.outcome, d.decided_by, fmt::join(d.items, ", "));
  if (d.granted_by) s += fmt::format(", granted by {}", *d.granted_by);
  return s;
}

std::vector<std::string> file_change_lines(const ChangeReport& r) {
  std::vector<std::string> out;
  if (r.model.edition) out.push_back(fmt::format("  ~ edition {} -> {}", or_none(r.model.edition->before), or_none(r.model.edition->after)));
  add_set_lines(out, "item", r.model.items);
  add_set_lines(out, "policy", r.model.policies);
  add_set_lines(out, "role", r.model.roles);
  add_set_lines(out, "dimension", r.model.dimensions);
  return out;
}

std::string new_problem_words(const Diagnostic& d) {
  return fmt::format("{}:{}: {}[{}] {}", d.pos.file, d.pos.line, severity_name(d.severity), diagnostic_info(d.kind).code, d.message);
}

std::string fixed_problem_words(const Diagnostic& d) {
  return fmt::format("{}[{}] {}", severity_name(d.severity), diagnostic_info(d.kind).code, d.message);
}

}  // namespace leeway
