// The pocket card for one role: per policy, in the person's words, what
// normally happens, what they may do on their own and up to how much, what
// they ask for and from whom, and what nobody does. One page: titles only,
// the handbook has the rest.
#include <map>

#include <fmt/format.h>

#include "compiler/core/safe_text.hpp"
#include "compiler/core/words.hpp"
#include "reports/documents/documents.hpp"
#include "reports/documents/templates.hpp"

namespace leeway {

namespace {

using Dict = ctemplate::TemplateDictionary;

// "Returns within 30 days → a refund": an item's title and what it gives, escaped.
std::string gives(const Policy& p, const Item& it) { return md_text(fmt::format("{} \u2192 {}", item_name(it), outcome_words(p, it.then))); }

std::string exception_words(const Policy& p, const Item& it, const std::string& currency) {
  return md_text(fmt::format("{} \u2192 {}, {}", item_name(it), outcome_words(p, it.then), ceiling_words(it, currency)));
}

std::string line_words(const Policy& p, const Item& line) {
  if (!line.forbidding) return md_text(fmt::format("{} \u2192 always {}", item_name(line), outcome_words(p, line.then)));
  return md_text(fmt::format("{} \u2192 never {}", item_name(line), forbidden_words(p, line)));
}

// A section listing `items` (already escaped), joined by dots; none when empty.
Dict* add_list(Dict* pd, const char* section, const char* key, const std::vector<std::string>& items) {
  if (items.empty()) return nullptr;
  std::string joined;
  for (const std::string& s : items) joined += (joined.empty() ? "" : " \u00b7 ") + s;
  Dict* d = pd->AddSectionDictionary(section);
  d->SetValue(key, joined);
  return d;
}

}  // namespace

Document make_card(const DocContext& ctx, int role) {
  const Repository& repo = ctx.repo();
  const Manifest& m = repo.manifest;
  const Role& r = m.roles[static_cast<std::size_t>(role)];
  Dict dict("card");
  set_text(&dict, "ROLE_TITLE", r.title.empty() ? r.id : r.title);
  set_repository(&dict, m.name, m.edition);
  std::string authority = r.max_cost ? fmt::format("On your own you may spend up to {} on one exception.", money_words(*r.max_cost, m.currency))
                                     : "No spending limit is stated for your role: ask before spending.";
  set_text(&dict, "AUTHORITY", authority);
  for (const Policy& pol : repo.policies) {
    std::vector<std::string> normal, may, never;
    std::map<int, std::vector<std::string>> ask;  // by granting role
    for (const Item& it : pol.items) {
      if (it.kind == ItemKind::rule)
        normal.push_back(gives(pol, it));
      else if (it.kind == ItemKind::line)
        never.push_back(line_words(pol, it));
      else if (ctx.may_grant(role, it))
        may.push_back(exception_words(pol, it, m.currency));
      else if (ctx.may_ask(role, it))
        ask[it.role].push_back(exception_words(pol, it, m.currency));
    }
    Dict* pd = dict.AddSectionDictionary("POLICY");
    set_text(pd, "POLICY_TITLE", policy_name(pol));
    add_list(pd, "NORMAL", "NORMAL_ITEMS", normal);
    add_list(pd, "MAY", "MAY_ITEMS", may);
    for (const auto& [who, items] : ask) {
      Dict* a = add_list(pd, "ASK", "ASK_ITEMS", items);
      set_text(a, "ASK_ROLE", role_words(m, who));
    }
    add_list(pd, "NEVER", "NEVER_ITEMS", never);
  }
  Document doc("card-" + r.id, expand_template("card.md.tpl", dict), "Pocket card for the " + role_words(m, role));
  doc.card = true;
  return doc;
}

}  // namespace leeway
