// A handbook for one role: per policy, the rules in plain words, the
// exceptions this role may grant and those it may ask for, how far each goes,
// the lines, the three questions, the stories, and near-the-line drills with
// the answers at the back; a glossary of the dimensions.
#include <algorithm>

#include <fmt/format.h>

#include "compiler/core/safe_text.hpp"
#include "compiler/core/words.hpp"
#include "compiler/query/query.hpp"
#include "reports/documents/documents.hpp"
#include "reports/documents/drills.hpp"
#include "reports/documents/edition_changes.hpp"
#include "reports/documents/explorer.hpp"
#include "reports/documents/practice.hpp"
#include "reports/documents/story_markdown.hpp"
#include "reports/documents/templates.hpp"

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
    case DecidedBy::line: return fmt::format("The line \u201c{}\u201d decides, whatever else applies: no exception crosses it.", item_name(it));
    case DecidedBy::rule:
      return fmt::format("{}: the rule \u201c{}\u201d decides.", d.inside ? "No exception applies here" : "This is just past the exception",
                         item_name(it));
    case DecidedBy::exception: {
      std::string who = ctx.may_grant(role, it) ? "you may grant it yourself"
                        : it.role >= 0          ? fmt::format("ask your {}", role_words(repo.manifest, it.role))
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
    case DimType::integer: return fmt::format("a number from {} to {}{}{}", d.min, d.max, d.unit.empty() ? "" : " ", d.unit);
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

// The handbook of one role, section by section into a CTemplate dictionary.
class HandbookWriter {
 public:
  HandbookWriter(const DocContext& ctx, int role) : ctx_(ctx), repo_(ctx.repo()), role_(role), dict_("handbook") {}
  Document write();

 private:
  // What a policy holds for this role: counted for "At a glance", and the exceptions it meets, drilled.
  struct PolicyCounts {
    int grants = 0, asks = 0, lines = 0;
    std::vector<int> drilled;  // exceptions this role meets: granted or asked for
  };
  void add_cover();
  void add_policy(std::size_t p);
  void add_item(Dict* pd, std::size_t p, std::size_t i, PolicyCounts& counts);
  void add_rule(Dict* pd, std::size_t p, std::size_t i, const std::string& where);
  void add_line(Dict* pd, std::size_t p, std::size_t i, const std::string& where);
  void add_exception(Dict* d, std::size_t p, std::size_t i, bool grants);
  bool add_drills(Dict* pd, std::size_t p, const std::vector<int>& drilled);
  void add_glossary();

  const DocContext& ctx_;
  const Repository& repo_;
  int role_;
  Dict dict_;
  int drill_number_ = 0;
  std::vector<PracticeQuestion> practice_;
};

void HandbookWriter::add_cover() {
  const Manifest& m = repo_.manifest;
  const Role& r = m.roles[static_cast<std::size_t>(role_)];
  set(&dict_, "ROLE_TITLE", r.title.empty() ? r.id : r.title);
  set_repository(&dict_, m.name, m.edition);
  std::string authority = r.max_cost ? fmt::format("You may spend up to {} on one exception.", money_words(*r.max_cost, m.currency))
                                     : "No spending limit is stated for your role: ask before spending.";
  if (r.reports_to_index >= 0) authority += fmt::format(" You report to the {}.", role_words(m, r.reports_to_index));
  set(&dict_, "AUTHORITY", authority);
  if (ctx_.since) dict_.SetValue("WHAT_CHANGED", what_changed_markdown(*ctx_.since, ctx_.comp, role_));
}

void HandbookWriter::add_policy(std::size_t p) {
  const Policy& pol = repo_.policies[p];
  Dict* pd = dict_.AddSectionDictionary("POLICY");
  set(pd, "POLICY_TITLE", policy_name(pol));
  set(pd, "SUMMARY", pol.summary);
  set(pd, "OWNER", pol.owner.empty() ? "not named" : pol.owner);
  PolicyCounts counts;
  for (std::size_t i = 0; i < pol.items.size(); ++i) add_item(pd, p, i, counts);
  if (counts.grants == 0) pd->ShowSection("NO_GRANT");
  if (counts.asks == 0) pd->ShowSection("NO_ASK");
  if (counts.lines == 0) pd->ShowSection("NO_LINE");
  if (!add_drills(pd, p, counts.drilled)) pd->ShowSection("NO_DRILL");
  Dict* g = dict_.AddSectionDictionary("GLANCE");
  set(g, "POLICY_TITLE", policy_name(pol));
  g->SetIntValue("GRANT_COUNT", counts.grants);
  g->SetIntValue("ASK_COUNT", counts.asks);
  g->SetIntValue("LINE_COUNT", counts.lines);
}

// An item where this role reads it: a rule, a line, an exception it grants or asks for (others are not its business).
void HandbookWriter::add_item(Dict* pd, std::size_t p, std::size_t i, PolicyCounts& counts) {
  const Item& it = repo_.policies[p].items[i];
  const auto& space = ctx_.comp.spaces[p];
  if (it.kind == ItemKind::rule) {
    add_rule(pd, p, i, item_where_words(space ? &*space : nullptr, static_cast<int>(i)));
  } else if (it.kind == ItemKind::line) {
    ++counts.lines;
    add_line(pd, p, i, item_where_words(space ? &*space : nullptr, static_cast<int>(i)));
  } else if (ctx_.may_grant(role_, it)) {
    ++counts.grants;
    counts.drilled.push_back(static_cast<int>(i));
    add_exception(pd->AddSectionDictionary("GRANT"), p, i, true);
  } else if (ctx_.may_ask(role_, it)) {
    ++counts.asks;
    counts.drilled.push_back(static_cast<int>(i));
    add_exception(pd->AddSectionDictionary("ASK"), p, i, false);
  }
}

void HandbookWriter::add_rule(Dict* pd, std::size_t p, std::size_t i, const std::string& where) {
  const Policy& pol = repo_.policies[p];
  const Item& it = pol.items[i];
  Dict* d = pd->AddSectionDictionary("RULE");
  d->SetValue("STORIES", stories_words(ctx_, p, i));
  set(d, "ITEM_TITLE", item_name(it));
  set(d, "SAYS", it.says);
  set(d, "WHEN", where);
  set(d, "THEN", outcome_words(pol, it.then));
}

void HandbookWriter::add_line(Dict* pd, std::size_t p, std::size_t i, const std::string& where) {
  const Policy& pol = repo_.policies[p];
  const Item& it = pol.items[i];
  Dict* d = pd->AddSectionDictionary("LINE");
  d->SetValue("STORIES", stories_words(ctx_, p, i));
  set(d, "ITEM_TITLE", item_name(it));
  set(d, "SAYS", it.says);
  set(d, "WHEN", where);
  if (it.forbidding)
    set(d->AddSectionDictionary("FORBIDS"), "NEVER", forbidden_words(pol, it));
  else
    set(d->AddSectionDictionary("FORCES"), "THEN", outcome_words(pol, it.then));
}

// An exception this role grants (with the answer it may give and the three questions) or asks for.
void HandbookWriter::add_exception(Dict* d, std::size_t p, std::size_t i, bool grants) {
  const Policy& pol = repo_.policies[p];
  const Item& it = pol.items[i];
  d->SetValue("STORIES", stories_words(ctx_, p, i));
  set(d, "ITEM_TITLE", item_name(it));
  set(d, "SAYS", it.says);
  set(d, "REACH", reach_words(ctx_, static_cast<int>(p), it, static_cast<int>(i)));
  set(d, "BENDS", bends_words(repo_, it));
  if (grants) set(d, "THEN", outcome_words(pol, it.then));
  set(d, "GRANTED_BY", grant_words(repo_, it));
  add_explore(d, ctx_, p, i, role_);
  if (!grants) return;
  set(d, "CARED_FOR", or_unanswered(it.why.cared_for));
  set(d, "COST_EFFECTIVE", or_unanswered(it.why.cost_effective));
  set(d, "LOYALTY", or_unanswered(it.why.loyalty));
}

// The near-the-line drills of the exceptions drilled, numbered through the
// handbook, with their answers at the back and in the practice; false when none.
bool HandbookWriter::add_drills(Dict* pd, std::size_t p, const std::vector<int>& drilled) {
  const Policy& pol = repo_.policies[p];
  const auto& space = ctx_.comp.spaces[p];
  if (!space || !ctx_.index[p]) return false;
  bool any = false;
  for (int item : drilled)
    for (const Drill& drill : drills_for(*space, *ctx_.index[p], pol, item)) {
      any = true;
      ++drill_number_;
      Dict* d = pd->AddSectionDictionary("DRILL");
      d->SetIntValue("NUMBER", drill_number_);
      set(d, "SITUATION", point_words(*space, drill.point, repo_.manifest.currency));
      Dict* a = dict_.AddSectionDictionary("ANSWER");
      a->SetIntValue("NUMBER", drill_number_);
      set(a, "OUTCOME", drill_outcome(pol, drill));
      std::string answer = drill_answer(ctx_, pol, drill, role_);
      set(a, "ANSWER_TEXT", answer);
      practice_.push_back(practice_question(ctx_, static_cast<int>(p), drill, role_, drill_number_, answer));
    }
  return any;
}

void HandbookWriter::add_glossary() {
  for (const Dimension& dim : repo_.manifest.dimensions) {
    Dict* d = dict_.AddSectionDictionary("DIMENSION");
    set(d, "NAME", dimension_label(dim));
    set(d, "KIND", dimension_kind(dim, repo_.manifest.currency));
    set(d, "DESCRIPTION", dim.description);
  }
}

Document HandbookWriter::write() {
  add_cover();
  for (std::size_t p = 0; p < repo_.policies.size(); ++p) add_policy(p);
  add_glossary();
  const Manifest& m = repo_.manifest;
  Document doc("handbook-" + m.roles[static_cast<std::size_t>(role_)].id, expand_template("handbook.md.tpl", dict_),
               "Handbook for the " + role_words(m, role_));
  if (!practice_.empty()) doc.html_after_body = practice_html(practice_);
  return doc;
}

}  // namespace

Document make_handbook(const DocContext& ctx, int role) { return HandbookWriter(ctx, role).write(); }

}  // namespace leeway
