#include "compiler/frontend/resolver.hpp"

#include <string_view>
#include <unordered_map>

#include <fmt/format.h>

#include "compiler/core/suggest.hpp"

namespace leeway {
namespace {

std::vector<std::string> role_ids(const Manifest& m) {
  std::vector<std::string> out;
  for (const auto& r : m.roles) out.push_back(r.id);
  return out;
}

// Every qualified id of the given kind, for suggestions.
std::vector<std::string> qualified_ids(const Repository& repo, ItemKind kind) {
  std::vector<std::string> out;
  for (const Policy& p : repo.policies)
    for (const auto& it : p.items)
      if (it.kind == kind) out.push_back(p.id + "." + it.id);
  return out;
}

// The ids of one policy's items of the given kind, for suggestions.
std::vector<std::string> own_ids(const Policy& policy, ItemKind kind) {
  std::vector<std::string> out;
  for (const auto& it : policy.items)
    if (it.kind == kind) out.push_back(it.id);
  return out;
}

// Policies and items by id (the first of a duplicated id, as the linear
// lookups of the model find it), so resolving stays linear in the repository.
class IdIndex {
 public:
  explicit IdIndex(const Repository& repo) : items_(repo.policies.size()) {
    for (std::size_t p = 0; p < repo.policies.size(); ++p) {
      policies_.emplace(repo.policies[p].id, static_cast<int>(p));
      const auto& its = repo.policies[p].items;
      items_[p].reserve(its.size());
      for (std::size_t i = 0; i < its.size(); ++i) items_[p].emplace(its[i].id, static_cast<int>(i));
    }
  }
  int policy(std::string_view id) const {
    auto it = policies_.find(id);
    return it == policies_.end() ? -1 : it->second;
  }
  int item(int policy, std::string_view id) const {
    const auto& m = items_[static_cast<std::size_t>(policy)];
    auto it = m.find(id);
    return it == m.end() ? -1 : it->second;
  }

 private:
  std::unordered_map<std::string_view, int> policies_;
  std::vector<std::unordered_map<std::string_view, int>> items_;
};

// Finds `name` (bare: in policy `own`; "policy.item": anywhere). Returns false if absent.
bool find_item(const IdIndex& index, std::string_view name, int own, int& policy, int& item) {
  std::size_t dot = name.find('.');
  if (dot == std::string::npos) {
    if (own < 0) return false;
    policy = own;
  } else {
    policy = index.policy(name.substr(0, dot));
    if (policy < 0) return false;
  }
  item = index.item(policy, dot == std::string::npos ? name : name.substr(dot + 1));
  return item >= 0;
}

void resolve_roles(Manifest& m, Diagnostics& diags) {
  auto ids = role_ids(m);
  for (std::size_t i = 0; i < m.roles.size(); ++i) {
    Role& r = m.roles[i];
    for (std::size_t j = 0; j < i; ++j)
      if (m.roles[j].id == r.id) {
        auto& d = diags.add(DiagnosticKind::duplicate_id, r.pos, fmt::format("role `{}` is declared twice", r.id), "rename or remove one");
        d.notes.push_back({m.roles[j].pos, "first declared here"});
      }
    if (r.reports_to.empty()) continue;
    r.reports_to_index = m.role_index(r.reports_to);
    if (r.reports_to_index < 0) {
      std::string hint = did_you_mean(r.reports_to, ids);
      diags.add(DiagnosticKind::unknown_role, r.reports_to_pos, fmt::format("role `{}` reports to `{}`, which is not a role", r.id, r.reports_to),
                hint.empty() ? fmt::format("declare [roles.{}] or fix the name", r.reports_to) : hint);
    }
  }
}

void resolve_exception(Repository& repo, const IdIndex& index, int p, Item& it, Diagnostics& diags) {
  const Policy& pol = repo.policies[static_cast<std::size_t>(p)];
  if (!it.granted_by.empty()) {
    it.role = repo.manifest.role_index(it.granted_by);
    if (it.role < 0) {
      std::string hint = did_you_mean(it.granted_by, role_ids(repo.manifest));
      auto& d = diags.add(DiagnosticKind::unknown_role, it.granted_by_pos, fmt::format("`{}` is not a role", it.granted_by),
                          hint.empty() ? "roles are declared as [roles.<id>] in leeway.toml" : hint);
      d.policy = pol.id;
      d.items = {pol.id + "." + it.id};
    }
  }
  if (it.bends.empty()) return;
  // An exception bends a rule of its own policy: the rule and its exceptions
  // are one decision, read together in one file.
  if (std::size_t dot = it.bends.find('.'); dot != std::string::npos && std::string_view(it.bends).substr(0, dot) != pol.id) {
    std::string other = it.bends.substr(0, dot);
    auto& d = diags.add(
        DiagnosticKind::bends_other_policy, it.bends_pos,
        fmt::format("exception `{}` bends `{}`, a rule of policy `{}`; an exception bends a rule of its own policy", it.id, it.bends, other),
        fmt::format("bend a rule of `{}`, or move the exception into the file of policy `{}`", pol.id, other));
    d.policy = pol.id;
    d.items = {pol.id + "." + it.id};
    return;
  }
  int bp = -1, bi = -1;
  bool found = find_item(index, it.bends, p, bp, bi);
  if (found && repo.policies[static_cast<std::size_t>(bp)].items[static_cast<std::size_t>(bi)].kind == ItemKind::rule) {
    it.bends_policy = bp;
    it.bends_item = bi;
    return;
  }
  std::string msg, hint;
  if (found) {
    const Item& other = repo.policies[static_cast<std::size_t>(bp)].items[static_cast<std::size_t>(bi)];
    msg = fmt::format("exception `{}` bends `{}`, which is {}, not a rule", it.id, it.bends, with_article(item_kind_name(other.kind)));
    hint = other.kind == ItemKind::line ? "a line is never bent; name the rule this exception bends" : "an exception bends a rule; name the rule";
  } else {
    msg = fmt::format("exception `{}` bends `{}`, which is not a rule", it.id, it.bends);
    hint = did_you_mean(it.bends, own_ids(pol, ItemKind::rule));
    if (hint.empty()) hint = "name a rule of this policy by its id";
  }
  auto& d = diags.add(DiagnosticKind::unknown_rule, it.bends_pos, msg, hint);
  d.policy = pol.id;
  d.items = {pol.id + "." + it.id};
}

}  // namespace

void resolve(Repository& repo, Diagnostics& diags) {
  resolve_roles(repo.manifest, diags);
  std::unordered_map<std::string_view, std::size_t> first_policy;
  for (std::size_t i = 0; i < repo.policies.size(); ++i) {
    const Policy& p = repo.policies[i];
    if (p.id.empty()) continue;
    auto [at, inserted] = first_policy.emplace(p.id, i);
    if (inserted) continue;
    auto& d =
        diags.add(DiagnosticKind::duplicate_id, p.pos, fmt::format("policy id `{}` is used by two files", p.id), "give every policy its own id");
    d.notes.push_back({repo.policies[at->second].pos, "first used here"});
    repo.policies[i].valid = false;
  }
  const IdIndex index(repo);
  for (std::size_t p = 0; p < repo.policies.size(); ++p)
    for (auto& it : repo.policies[p].items)
      if (it.kind == ItemKind::exception) resolve_exception(repo, index, static_cast<int>(p), it, diags);
  std::vector<std::string> teachable;  // every item, qualified: a story may teach any
  for (ItemKind k : {ItemKind::rule, ItemKind::exception, ItemKind::line}) {
    auto ids = qualified_ids(repo, k);
    teachable.insert(teachable.end(), ids.begin(), ids.end());
  }
  std::sort(teachable.begin(), teachable.end());
  for (auto& s : repo.stories)
    for (auto& ref : s.teaches) {
      int p = -1, i = -1;
      // A story teaches any item: an exception, and also a rule or a line.
      if (ref.id.find('.') != std::string::npos && find_item(index, ref.id, -1, p, i)) {
        ref.policy = p;
        ref.item = i;
        continue;
      }
      // A bare id: the items of that id, qualified.
      std::vector<std::string> qualified;
      if (ref.id.find('.') == std::string::npos)
        for (const std::string& q : teachable)
          if (q.size() > ref.id.size() && q.compare(q.size() - ref.id.size(), std::string::npos, ref.id) == 0 &&
              q[q.size() - ref.id.size() - 1] == '.')
            qualified.push_back("`" + q + "`");
      std::string hint =
          qualified.empty() ? did_you_mean(ref.id, teachable) : fmt::format("a story names an item with its policy: write {}", or_list(qualified));
      diags.add(DiagnosticKind::unknown_exception, ref.pos, fmt::format("the story teaches `{}`, which is no rule, exception or line", ref.id),
                hint.empty() ? "name an item as `policy.item`" : hint);
    }
}

}  // namespace leeway
