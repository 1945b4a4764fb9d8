// A handbook for one role: per policy, the rules in plain words, the
// exceptions this role may grant and those it may ask for, how far each goes,
// the lines, the three questions, the stories, and near-the-line drills with
// the answers at the back; a glossary of the dimensions.
#include <algorithm>

#include <fmt/format.h>

#include "reports/documents/documents.hpp"
#include "reports/documents/drills.hpp"
#include "reports/documents/edition_changes.hpp"
#include "reports/documents/explorer.hpp"
#include "compiler/core/safe_text.hpp"
#include "reports/documents/practice.hpp"
#include "reports/documents/story_markdown.hpp"
#include "reports/documents/templates.hpp"
#include "reports/documents/words.hpp"

namespace leeway {
namespace {

using Dict = ctemplate::TemplateDictionary;

constexpr auto set = set_text;

std::string or_unanswered(const std::string& s) { return s.empty() ? "(not answered yet: ask the policy owner)" : s; }

std::string grant_words(const Repository& repo, const Item& e) {
  return fmt::format("{}, {}", role_words(repo.manifest, e.role), ceiling_words(e, repo.manifest.currency));
}

std::string bends_words(const Repository& repo, const Item& e) {
  if (e.bends_policy < 0) return e.bends;
  const Policy& policy = repo.policies[static_cast<std::size_t>(e.bends_policy)];
  const Item& rule = policy.items[static_cast<std::size_t>(e.bends_item)];
  return fmt::format("{} (normally: {})", item_name(rule), outcome_words(policy, rule.then));
}

// The stories that teach item `item` of policy `policy`, as Markdown quotes
// (the body's safe Markdown kept, everything else escaped); "" when none does.
std::string stories_words(const DocContext& ctx, std::size_t policy, std::size_t item) {
  std::string out;
  for (int s : ctx.stories[policy][item]) {
    const Story& st = ctx.repo().stories[static_cast<std::size_t>(s)];
    out += fmt::format("\n> **A story: {}** ({}{})\n>\n{}\n\n", md_text(st.title.empty() ? st.file : st.title),
                       md_text(st.told_by.empty() ? "told by a colleague" : "told by " + st.told_by), st.date.empty() ? "" : ", " + md_text(st.date),
                       md_blockquote(story_markdown(st.body)));
  }
  return out;
}

// How far an exception goes, in words: where it holds and its ceiling.
std::string reach_words(const DocContext& ctx, int policy, const Item& e, int item) {
  const auto& space = ctx.comp.spaces[static_cast<std::size_t>(policy)];
  return fmt::format("{}; {}", item_where_words(space ? &*space : nullptr, item), ceiling_words(e, ctx.repo().manifest.currency));
}

// The answer to a drill, for a reader of this role (the outcome is shown apart).
std::string drill_answer(const DocContext& ctx, const Policy& p, const Drill& d, int role) {
  const Repository& repo = ctx.repo();
  const Decision& dec = d.decision;
  if (dec.conflict) return fmt::format("The policy contradicts itself here: ask {}.", p.owner.empty() ? "the policy owner" : p.owner);
  if (dec.decided_by == DecidedBy::none)
    return fmt::format("The policy is silent here: no rule says what to do. Ask {}.", p.owner.empty() ? "the policy owner" : p.owner);
  const Item& it = p.items[static_cast<std::size_t>(dec.items.front())];
  switch (dec.decided_by) {
    case DecidedBy::line:
      return fmt::format("The line \u201c{}\u201d decides, whatever else applies: no exception crosses it.", item_name(it));
    case DecidedBy::rule:
      return fmt::format("{}: the rule \u201c{}\u201d decides.", d.inside ? "No exception applies here" : "This is just past the exception", item_name(it));
    case DecidedBy::exception: {
      std::string who = ctx.may_grant(role, it) ? "you may grant it yourself"
                        : it.role >= 0        ? fmt::format("ask your {}", role_words(repo.manifest, it.role))
                                              : "nobody is named to grant it";
      return fmt::format("The exception \u201c{}\u201d applies: {}, {}.", item_name(it), who, ceiling_words(it, repo.manifest.currency));
    }
    case DecidedBy::none: break;
  }
  return "";
}

// A link into the explorer at a situation where the exception holds, for this role.
void add_explore(ctemplate::TemplateDictionary* d, const DocContext& ctx, std::size_t policy, std::size_t item, int role) {
  const auto& space = ctx.comp.spaces[policy];
  const CompiledItem* c = space ? find_compiled(*space, static_cast<int>(item)) : nullptr;
  if (!c) return;
  // explorer_link percent-encodes all but letters, digits and -._~=&#: nothing in it acts in Markdown.
  d->AddSectionDictionary("EXPLORE")->SetValue("LINK", explorer_link(ctx.repo(), static_cast<int>(policy), *space, c->box, role));
}

std::string drill_outcome(const Policy& p, const Drill& d) {
  if (d.decision.conflict) return "It depends";
  if (d.decision.decided_by == DecidedBy::none) return "Nobody knows";
  return capitalised(outcome_words(p, d.decision.outcome));
}

std::string dimension_kind(const Dimension& d, const std::string& currency) {
  switch (d.type) {
    case DimType::integer:
      return fmt::format("a number from {} to {}{}{}", d.min, d.max, d.unit.empty() ? "" : " ", d.unit);
    case DimType::money: return fmt::format("an amount from {} to {}", money_words(d.min, currency), money_words(d.max, currency));
    case DimType::boolean: return fmt::format("{} or {}", value_words(d, 1, currency), value_words(d, 0, currency));
    case DimType::enumeration: {
      std::string v;
      for (std::size_t i = 0; i < d.values.size(); ++i) v += (i ? ", " : "") + value_words(d, static_cast<std::int64_t>(i), currency);
      return "one of: " + v;
    }
  }
  return "";
}

}  // namespace

Document make_handbook(const DocContext& ctx, int role) {
  const Repository& repo = ctx.repo();
  const Manifest& m = repo.manifest;
  const Role& r = m.roles[static_cast<std::size_t>(role)];
  const std::string& currency = m.currency;
  Dict dict("handbook");
  set(&dict, "ROLE_TITLE", r.title.empty() ? r.id : r.title);
  set_repository(&dict, m.name, m.edition);
  std::string authority = r.max_cost ? fmt::format("You may spend up to {} on one exception.", money_words(*r.max_cost, currency))
                                     : "No spending limit is stated for your role: ask before spending.";
  if (r.reports_to_index >= 0) authority += fmt::format(" You report to the {}.", role_words(m, r.reports_to_index));
  set(&dict, "AUTHORITY", authority);
  if (ctx.since) dict.SetValue("WHAT_CHANGED", what_changed_markdown(*ctx.since, ctx.comp, role));

  int drill_number = 0;
  std::vector<PracticeQuestion> practice;
  for (std::size_t p = 0; p < repo.policies.size(); ++p) {
    const Policy& pol = repo.policies[p];
    Dict* pd = dict.AddSectionDictionary("POLICY");
    set(pd, "POLICY_TITLE", policy_name(pol));
    set(pd, "SUMMARY", pol.summary);
    set(pd, "OWNER", pol.owner.empty() ? "not named" : pol.owner);
    const auto& space = ctx.comp.spaces[p];
    int grants = 0, asks = 0, lines = 0;
    std::vector<int> drilled;  // exceptions this role meets: granted or asked for
    for (std::size_t i = 0; i < pol.items.size(); ++i) {
      const Item& it = pol.items[i];
      std::string where = item_where_words(space ? &*space : nullptr, static_cast<int>(i));
      if (it.kind == ItemKind::rule) {
        Dict* d = pd->AddSectionDictionary("RULE");
        d->SetValue("STORIES", stories_words(ctx, p, i));
        set(d, "ITEM_TITLE", item_name(it));
        set(d, "SAYS", it.says);
        set(d, "WHEN", where);
        set(d, "THEN", outcome_words(pol, it.then));
      } else if (it.kind == ItemKind::line) {
        ++lines;
        Dict* d = pd->AddSectionDictionary("LINE");
        d->SetValue("STORIES", stories_words(ctx, p, i));
        set(d, "ITEM_TITLE", item_name(it));
        set(d, "SAYS", it.says);
        set(d, "WHEN", where);
        if (it.forbidding)
          set(d->AddSectionDictionary("FORBIDS"), "NEVER", forbidden_words(pol, it));
        else
          set(d->AddSectionDictionary("FORCES"), "THEN", outcome_words(pol, it.then));
      } else if (ctx.may_grant(role, it)) {
        ++grants;
        drilled.push_back(static_cast<int>(i));
        Dict* d = pd->AddSectionDictionary("GRANT");
        d->SetValue("STORIES", stories_words(ctx, p, i));
        set(d, "ITEM_TITLE", item_name(it));
        set(d, "SAYS", it.says);
        set(d, "REACH", reach_words(ctx, static_cast<int>(p), it, static_cast<int>(i)));
        set(d, "BENDS", bends_words(repo, it));
        set(d, "THEN", outcome_words(pol, it.then));
        set(d, "GRANTED_BY", grant_words(repo, it));
        add_explore(d, ctx, p, i, role);
        set(d, "CARED_FOR", or_unanswered(it.why.cared_for));
        set(d, "COST_EFFECTIVE", or_unanswered(it.why.cost_effective));
        set(d, "LOYALTY", or_unanswered(it.why.loyalty));
      } else if (ctx.may_ask(role, it)) {
        ++asks;
        drilled.push_back(static_cast<int>(i));
        Dict* d = pd->AddSectionDictionary("ASK");
        d->SetValue("STORIES", stories_words(ctx, p, i));
        set(d, "ITEM_TITLE", item_name(it));
        set(d, "SAYS", it.says);
        set(d, "REACH", reach_words(ctx, static_cast<int>(p), it, static_cast<int>(i)));
        set(d, "BENDS", bends_words(repo, it));
        set(d, "GRANTED_BY", grant_words(repo, it));
        add_explore(d, ctx, p, i, role);
      }
    }
    if (grants == 0) pd->ShowSection("NO_GRANT");
    if (asks == 0) pd->ShowSection("NO_ASK");
    if (lines == 0) pd->ShowSection("NO_LINE");
    bool any_drill = false;
    if (space && ctx.index[p])
      for (int item : drilled)
        for (const Drill& drill : drills_for(*space, *ctx.index[p], pol, item)) {
          any_drill = true;
          ++drill_number;
          Dict* d = pd->AddSectionDictionary("DRILL");
          d->SetIntValue("NUMBER", drill_number);
          set(d, "SITUATION", point_words(*space, drill.point, currency));
          Dict* a = dict.AddSectionDictionary("ANSWER");
          a->SetIntValue("NUMBER", drill_number);
          set(a, "OUTCOME", drill_outcome(pol, drill));
          std::string answer = drill_answer(ctx, pol, drill, role);
          set(a, "ANSWER_TEXT", answer);
          practice.push_back(practice_question(ctx, static_cast<int>(p), drill, role, drill_number, answer));
        }
    if (!any_drill) pd->ShowSection("NO_DRILL");
    Dict* g = dict.AddSectionDictionary("GLANCE");
    set(g, "POLICY_TITLE", policy_name(pol));
    g->SetIntValue("GRANT_COUNT", grants);
    g->SetIntValue("ASK_COUNT", asks);
    g->SetIntValue("LINE_COUNT", lines);
  }
  for (const Dimension& dim : m.dimensions) {
    Dict* d = dict.AddSectionDictionary("DIMENSION");
    set(d, "NAME", dimension_label(dim));
    set(d, "KIND", dimension_kind(dim, currency));
    set(d, "DESCRIPTION", dim.description);
  }
  Document doc("handbook-" + r.id, expand_template("handbook.md.tpl", dict), "Handbook for the " + role_words(m, role));
  if (!practice.empty()) doc.html_after_body = practice_html(practice);
  return doc;
}

}  // namespace leeway
