#include "reports/documents/edition_changes.hpp"

#include <algorithm>
#include <set>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "compiler/core/words.hpp"
#include "compiler/core/safe_text.hpp"

namespace leeway {

EditionBase::EditionBase(const Compilation& b, const Compilation& head, std::string l)
    : base(b), label(std::move(l)), changes(decision_changes(b, head)), model(diff_models(b, head)) {}

namespace {

constexpr std::size_t kMostSituations = 40;  // beyond that, `leeway diff` has them all

// The item of qualified id `id` in a compilation, or null.
const Item* find_item(const Compilation& c, const std::string& id, const Policy** policy = nullptr) {
  std::size_t dot = id.find('.');
  int p = c.repo.policy_index(id.substr(0, dot));
  if (p < 0 || dot == std::string::npos) return nullptr;
  const Policy& pol = c.repo.policies[static_cast<std::size_t>(p)];
  int i = pol.item_index(id.substr(dot + 1));
  if (i < 0) return nullptr;
  if (policy) *policy = &pol;
  return &pol.items[static_cast<std::size_t>(i)];
}

// Does the exception concern the reader (`role_id`; "" for managers): may they grant it or ask for it?
bool concerns(const Compilation& c, const Item& exception, const std::string& role_id) {
  if (role_id.empty()) return true;
  int role = c.repo.manifest.role_index(role_id);
  if (role < 0 || exception.role < 0) return false;
  auto above = roles_above(c.graph, exception.role);  // who may grant it
  if (std::find(above.begin(), above.end(), role) != above.end()) return true;
  auto mine = roles_above(c.graph, role);  // whom the reader may ask
  return std::find(mine.begin(), mine.end(), exception.role) != mine.end();
}

bool record_concerns(const Compilation& c, const DecisionRecord& d, const std::string& role_id) {
  if (!d.exists || d.decided_by != "exception") return true;  // rules and lines decide for everyone
  for (const std::string& id : d.items)
    if (const Item* it = find_item(c, id); it && concerns(c, *it, role_id)) return true;
  return false;
}

// "yours to give" when the reader may grant the exception, else who grants it.
std::string who_grants(const Compilation& c, const Item& exception, const std::string& role_id) {
  int role = role_id.empty() ? -1 : c.repo.manifest.role_index(role_id);
  if (role >= 0 && exception.role >= 0) {
    auto above = roles_above(c.graph, exception.role);
    if (std::find(above.begin(), above.end(), role) != above.end()) return "yours to give";
  }
  return "granted by the " + role_words(c.repo.manifest, exception.role);
}

std::string record_words(const Compilation& c, const DecisionRecord& d, const std::string& role_id) {
  if (!d.exists) return "these situations did not exist";
  if (d.conflict) return "the policy contradicted itself";
  if (d.decided_by == "none" || d.items.empty()) return "nothing was stated";
  const Policy* policy = nullptr;
  const Item* it = find_item(c, d.items.front(), &policy);
  if (!it || !policy) return *d.outcome;
  std::string what = d.outcome ? outcome_words(*policy, *d.outcome) : "no single answer";
  std::string by = fmt::format("the {} \u201c{}\u201d", d.decided_by, item_name(*it));
  if (d.decided_by != "exception") return fmt::format("{} ({})", what, by);
  return fmt::format("{} ({}, {})", what, by, who_grants(c, *it, role_id));
}

std::string ceiling(const std::string& v, const std::string& currency) { return v.empty() ? "no ceiling" : "up to " + v + " " + currency; }

}  // namespace

std::string what_changed_markdown(const EditionBase& since, const Compilation& head, int role) {
  const Manifest& m = head.repo.manifest;
  std::string role_id = role >= 0 ? m.roles[static_cast<std::size_t>(role)].id : "";
  std::string out = fmt::format("# What changed since {}\n\n", md_text(since.label));
  bool any = false;

  // Situations whose answer changed, for this reader.
  std::vector<std::string> situations;
  for (const DecisionChange& c : since.changes) {
    if (!record_concerns(since.base, c.before, role_id) && !record_concerns(head, c.after, role_id)) continue;
    int p = head.repo.policy_index(c.policy);
    std::string policy = p >= 0 ? policy_name(head.repo.policies[static_cast<std::size_t>(p)]) : c.policy;
    situations.push_back(fmt::format("- **{}** ({}): before, {}; now, {}.", md_text(policy), md_text(region_in_words(c.region)),
                                     md_text(record_words(since.base, c.before, role_id)), md_text(record_words(head, c.after, role_id))));
  }
  if (!situations.empty()) {
    any = true;
    out += role >= 0 ? "## Situations where your answer changed\n\n" : "## Situations where the answer changed\n\n";
    for (std::size_t i = 0; i < situations.size() && i < kMostSituations; ++i) out += situations[i] + "\n";
    if (situations.size() > kMostSituations)
      out += fmt::format("- And {} more: `leeway diff` lists them all.\n", situations.size() - kMostSituations);
    out += "\n";
  }

  // Exceptions new to the reader, or gone: compare what concerned them then and now.
  auto theirs = [&](const Compilation& c) {
    std::set<std::string> ids;
    for (std::size_t p = 0; p < c.repo.policies.size(); ++p)
      for (std::size_t i = 0; i < c.repo.policies[p].items.size(); ++i) {
        const Item& it = c.repo.policies[p].items[i];
        if (it.kind == ItemKind::exception && concerns(c, it, role_id)) ids.insert(c.repo.qualified(static_cast<int>(p), static_cast<int>(i)));
      }
    return ids;
  };
  std::set<std::string> before = theirs(since.base), after = theirs(head);
  std::string added, gone;
  for (const std::string& id : after)
    if (!before.count(id)) {
      const Policy* policy = nullptr;
      const Item& it = *find_item(head, id, &policy);
      added += fmt::format("- \u201c{}\u201d: {}, {}.\n", md_text(item_name(it)), md_text(outcome_words(*policy, it.then)),
                           md_text(who_grants(head, it, role_id)));
    }
  for (const std::string& id : before)
    if (!after.count(id)) gone += fmt::format("- \u201c{}\u201d.\n", md_text(item_name(*find_item(since.base, id))));
  if (!added.empty()) out += (role >= 0 ? "## Exceptions new to you\n\n" : "## New exceptions\n\n") + added + "\n", any = true;
  if (!gone.empty()) out += (role >= 0 ? "## Exceptions no longer yours\n\n" : "## Exceptions gone\n\n") + gone + "\n", any = true;

  // Ceilings: of the exceptions that concern the reader, and of their own role.
  std::string ceilings;
  for (const Modified& mod : since.model.items.modified)
    for (const ValueChange& v : mod.values) {
      const Item* it = find_item(head, mod.id);
      if (v.key != "max_cost" || !it || !concerns(head, *it, role_id)) continue;
      ceilings += fmt::format("- \u201c{}\u201d: {}, was {}.\n", md_text(item_name(*it)), md_text(ceiling(v.after, m.currency)),
                              md_text(ceiling(v.before, m.currency)));
    }
  for (const Modified& mod : since.model.roles.modified)
    for (const ValueChange& v : mod.values) {
      if (v.key != "max_cost" || (!role_id.empty() && mod.id != role_id)) continue;
      int r = m.role_index(mod.id);
      std::string who = role >= 0 ? "What you may spend on one exception" : "The " + role_words(m, r);
      ceilings += fmt::format("- {}: {}, was {}.\n", md_text(who), md_text(ceiling(v.after, m.currency)), md_text(ceiling(v.before, m.currency)));
    }
  if (!ceilings.empty()) out += "## Ceilings\n\n" + ceilings + "\n", any = true;

  // Lines: everyone's.
  std::string lines;
  auto is_line = [](const Item* it) { return it && it->kind == ItemKind::line; };
  for (const std::string& id : since.model.items.added)
    if (is_line(find_item(head, id))) lines += fmt::format("- New: \u201c{}\u201d.\n", md_text(item_name(*find_item(head, id))));
  for (const Modified& mod : since.model.items.modified)
    if (is_line(find_item(head, mod.id))) {
      lines += fmt::format("- Changed: \u201c{}\u201d ({}).\n", md_text(item_name(*find_item(head, mod.id))), md_text(fmt::format("{}", fmt::join(mod.keys, ", "))));
    }
  for (const std::string& id : since.model.items.removed)
    if (is_line(find_item(since.base, id))) lines += fmt::format("- Gone: \u201c{}\u201d.\n", md_text(item_name(*find_item(since.base, id))));
  if (!lines.empty()) out += "## Lines\n\n" + lines + "\n", any = true;

  if (!any) out += role >= 0 ? "Nothing changed for you since that edition.\n\n" : "Nothing in the policies changed since that edition.\n\n";
  return out;
}

}  // namespace leeway
