// The change report computed from two compilations and their handbooks.
#include "compiler/changes/change_report.hpp"

#include <set>

namespace leeway {
namespace {

std::vector<std::string> affected_roles(const Compilation& base, const Compilation& head, const Handbooks& before, const Handbooks& after) {
  std::set<std::string> roles;
  for (const auto& role : base.repo.manifest.roles) roles.insert(role.id);
  for (const auto& role : head.repo.manifest.roles) roles.insert(role.id);
  std::vector<std::string> out;
  for (const std::string& id : roles) {
    auto a = before.find(id), b = after.find(id);
    if (a == before.end() || b == after.end() || a->second != b->second) out.push_back(id);
  }
  return out;
}

// The policies a change touches: where a decision changes, or an item or the policy itself changed in the files.
std::set<std::string> touched_policies(const ChangeReport& r) {
  std::set<std::string> touched;
  for (const auto& c : r.changes) touched.insert(c.policy);
  auto policy_of = [](const std::string& id) { return id.substr(0, id.find('.')); };
  for (const ChangeSet* cs : {&r.model.items, &r.model.policies}) {
    for (const auto& a : cs->added) touched.insert(policy_of(a));
    for (const auto& a : cs->removed) touched.insert(policy_of(a));
    for (const auto& m : cs->modified) touched.insert(policy_of(m.id));
  }
  return touched;
}

// The owner of each policy touched, as HEAD names it, else as BASE did.
std::vector<std::string> owners_of(const std::set<std::string>& policies, const Compilation& base, const Compilation& head) {
  std::set<std::string> owners;
  for (const std::string& p : policies)
    for (const Compilation* c : {&head, &base}) {
      int i = c->repo.policy_index(p);
      if (i >= 0 && !c->repo.policies[static_cast<std::size_t>(i)].owner.empty()) {
        owners.insert(c->repo.policies[static_cast<std::size_t>(i)].owner);
        break;
      }
    }
  return {owners.begin(), owners.end()};
}

}  // namespace

ChangeReport make_change_report(const Compilation& base, const Compilation& head, std::string base_label, std::string head_label,
                                const Handbooks& base_handbooks, const Handbooks& head_handbooks) {
  ChangeReport r;
  r.base = std::move(base_label);
  r.head = std::move(head_label);
  r.changes = decision_changes(base, head);
  r.model = diff_models(base, head);
  r.affected_roles = affected_roles(base, head, base_handbooks, head_handbooks);
  r.owners = owners_of(touched_policies(r), base, head);
  return r;
}

bool brings_new_errors(const ChangeReport& r) {
  for (const Diagnostic* d : r.model.new_diagnostics)
    if (d->severity == Severity::error && d->waived.empty()) return true;
  return false;
}

}  // namespace leeway
