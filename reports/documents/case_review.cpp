#include "reports/documents/case_review.hpp"

#include <sstream>

#include <fmt/format.h>
#include <toml++/toml.h>

#include "compiler/core/safe_text.hpp"
#include "compiler/core/values.hpp"
#include "compiler/core/words.hpp"
#include "compiler/query/answer.hpp"
#include "compiler/query/query.hpp"
#include "reports/documents/templates.hpp"

namespace leeway {

namespace {

const char* kClassWords[kCaseClasses] = {"Could not be read",          "Policy silent",   "Crossed a line",   "Normal answer",
                                         "Exception within authority", "Above a ceiling", "Beyond authority", "Off the policy"};

std::string cell(const std::string& s) { return md_text(s); }

// The judgment grid, in two tables a page wide: the calls in each class, then
// what they cost against the ceiling and how the three questions were answered.
struct GridRow {
  std::string who, ceiling;
  const ClassCounts* counts;
};

std::string grid_tables(const char* who, const std::vector<GridRow>& rows, const std::string& currency) {
  std::string calls = fmt::format(
      "| {} | Normal | Exception | Above ceiling | Beyond authority | Crossed a line | Off policy | Silent |\n"
      "|:--|--:|--:|--:|--:|--:|--:|--:|\n",
      who);
  std::string money = fmt::format(
      "| {} | Cost of exceptions | Dearest call | Ceiling | Cared for | Cost-effective | Loyalty |\n"
      "|:--|--:|--:|--:|:-:|:-:|:-:|\n",
      who);
  for (const GridRow& r : rows) {
    const ClassCounts& c = *r.counts;
    calls += "| " + r.who;
    for (CaseClass k : {CaseClass::rule, CaseClass::exception, CaseClass::above_ceiling, CaseClass::beyond_authority, CaseClass::crosses_line,
                        CaseClass::off_policy, CaseClass::silent})
      calls += fmt::format(" | {}", c.count[class_index(k)]);
    calls += " |\n";
    std::int64_t cost =
        c.cost[class_index(CaseClass::exception)] + c.cost[class_index(CaseClass::above_ceiling)] + c.cost[class_index(CaseClass::beyond_authority)];
    money += fmt::format("| {} | {} | {} | {} |", r.who, md_text(money_words(cost, currency)), md_text(money_words(c.max_cost, currency)),
                         md_text(r.ceiling));
    for (std::size_t q = 0; q < kQuestions; ++q) money += fmt::format(" {} / {} / {} |", c.questions[q][1], c.questions[q][2], c.questions[q][0]);
    money += "\n";
  }
  return calls + "\n" + money + "\nThe three questions: yes / no / not answered yet.\n";
}

std::string situation_words(const Compilation& comp, const CaseResult& c) {
  const PolicySpace& space = *comp.spaces[static_cast<std::size_t>(c.policy)];
  return point_words(space, c.point, comp.repo.manifest.currency);
}

// One call, for a manager: who, when, what, where, what it cost, and why it stands out.
std::string call_words(const Compilation& comp, const CaseResult& c, bool with_policy_answer) {
  const Repository& repo = comp.repo;
  const Policy& pol = repo.policies[static_cast<std::size_t>(c.policy)];
  std::string who = c.staff.empty() ? capitalised(role_words(repo.manifest, c.by)) : fmt::format("{} ({})", c.staff, role_words(repo.manifest, c.by));
  std::string out =
      fmt::format("- **Case {}**{}: {} gave {}{}. {}: {}.", md_text(c.id), c.date.empty() ? "" : ", " + md_text(c.date), md_text(who),
                  md_text(outcome_words(pol, c.given)), c.cost ? md_text(", costing " + money_words(*c.cost, repo.manifest.currency)) : "",
                  md_text(policy_name(pol)), md_text(capitalised(situation_words(comp, c))));
  out += " " + md_text(capitalised(c.reason)) + ".";
  if (with_policy_answer) {
    // What the policy says there, as `leeway query --as` would say it to them.
    const PolicySpace& space = *comp.spaces[static_cast<std::size_t>(c.policy)];
    Box box;
    for (std::int64_t v : c.point) box.push_back(ValueSet::range(v, v));
    std::vector<AnsweredRegion> regions = answers_over(space, pol, box);
    if (!regions.empty()) {
      Asker asker{&comp.graph, c.by};
      std::string said = answer_text(repo, pol, regions.front().answer, asker, "");
      for (char& ch : said)
        if (ch == '\n') ch = ' ';
      out += " *The policy there:* " + md_text(said);
    }
  }
  if (!c.note.empty()) out += " *Note:* " + md_text(c.note);
  return out + "\n";
}

}  // namespace

namespace {

using Dict = ctemplate::TemplateDictionary;

std::string period_words(const ReviewScope& scope) {
  if (scope.from.empty() && scope.to.empty()) return "every date";
  if (scope.from.empty()) return "up to " + scope.to;
  if (scope.to.empty()) return "from " + scope.from;
  return "from " + scope.from + " to " + scope.to;
}

// The title block, the cover and the summary by class.
void add_summary(Dict& dict, const Manifest& m, const ReviewSummary& s, const ReviewScope& scope) {
  set_text(&dict, "REPOSITORY_LINE", m.name + (m.edition.empty() ? "" : ", edition " + m.edition));
  set_text(
      &dict, "SCOPE",
      "Cases " + period_words(scope) + (scope.policy.empty() ? "" : ", policy " + scope.policy) + (scope.role.empty() ? "" : ", role " + scope.role));
  dict.SetIntValue("CALLS", static_cast<long>(s.all.total()));
  set_text(&dict, "SOURCE", scope.source);
  for (std::size_t k = 0; k < kCaseClasses; ++k) {
    Dict* d = dict.AddSectionDictionary("CLASS");
    d->SetValue("CLASS_NAME", kClassWords[k]);
    d->SetIntValue("CLASS_CALLS", static_cast<long>(s.all.count[k]));
    set_text(d, "CLASS_COST", money_words(s.all.cost[k], m.currency));
  }
}

void add_grids(Dict& dict, const Manifest& m, const ReviewSummary& s) {
  std::vector<GridRow> roles, staff;
  for (const auto& [id, c] : s.by_role) {
    int r = m.role_index(id);
    const Role& role = m.roles[static_cast<std::size_t>(r)];
    roles.push_back({cell(capitalised(role_words(m, r))), role.max_cost ? money_words(*role.max_cost, m.currency) : "none stated", &c});
  }
  dict.SetValue("BY_ROLE", grid_tables("Role", roles, m.currency));
  for (const auto& [who, c] : s.by_staff) staff.push_back({cell(who), "their role's", &c});
  if (staff.empty())
    dict.ShowSection("NO_STAFF");
  else
    dict.SetValue("BY_STAFF", grid_tables("Staff", staff, m.currency));
}

// A list of calls (`section`), and how many more there are (`more`) when it was cut short.
void add_calls(Dict& dict, const Compilation& comp, const char* section, const char* more, const std::vector<CaseResult>& calls, std::size_t total,
               bool with_policy_answer) {
  for (const CaseResult& c : calls) dict.AddSectionDictionary(section)->SetValue("CALL", call_words(comp, c, with_policy_answer));
  if (total > calls.size()) dict.AddSectionDictionary(more)->SetIntValue("MORE", static_cast<long>(total - calls.size()));
}

void add_silent(Dict& dict, const Compilation& comp, const ReviewSummary& s) {
  auto silent = s.silent();
  if (silent.empty()) dict.ShowSection("NO_SILENT");
  for (const SilentGroup& g : silent) {
    const Policy& pol = comp.repo.policies[static_cast<std::size_t>(g.policy)];
    Dict* d = dict.AddSectionDictionary("SILENT");
    set_text(d, "POLICY_TITLE", policy_name(pol));
    d->SetValue("CASES", plural(g.cases, "case", "cases"));
    set_text(d, "WHERE", box_words(*comp.spaces[static_cast<std::size_t>(g.policy)], g.box));
    set_text(d, "OWNER", pol.owner.empty() ? "not named" : pol.owner);
  }
}

}  // namespace

Document make_review_document(const Compilation& comp, const ReviewSummary& s, const ReviewScope& scope) {
  Dict dict("review");
  add_summary(dict, comp.repo.manifest, s, scope);
  add_grids(dict, comp.repo.manifest, s);
  dict.SetIntValue("PRAISE_TOTAL", static_cast<long>(s.praise_total));
  add_calls(dict, comp, "PRAISE", "PRAISE_MORE", s.praise, s.praise_total, false);
  dict.SetIntValue("TALK_TOTAL", static_cast<long>(s.talk_total));
  add_calls(dict, comp, "TALK", "TALK_MORE", s.talk, s.talk_total, true);
  add_silent(dict, comp, s);
  return Document("review", expand_template_exactly("case-review.md.tpl", dict), "Case review: the calls staff made");
}

std::vector<std::pair<std::string, std::string>> story_drafts(const Compilation& comp, const ReviewSummary& s) {
  const Repository& repo = comp.repo;
  std::vector<std::pair<std::string, std::string>> out;
  for (const CaseResult& c : s.praise) {
    const Policy& pol = repo.policies[static_cast<std::size_t>(c.policy)];
    const Item& exc = pol.items[static_cast<std::size_t>(c.exception)];
    toml::table front;
    front.insert("title", fmt::format("{} (case {})", item_name(exc), c.id));
    front.insert("teaches", toml::array{repo.qualified(c.policy, c.exception)});
    if (!c.staff.empty()) front.insert("told_by", c.staff);
    if (!c.date.empty())
      front.insert("date", toml::date{std::stoi(c.date.substr(0, 4)), std::stoi(c.date.substr(5, 2)), std::stoi(c.date.substr(8, 2))});
    front.insert("tags", toml::array{"draft"});
    std::ostringstream fm;
    fm << front;
    std::string who = c.staff.empty() ? "A " + role_words(repo.manifest, c.by) : c.staff;
    std::string body =
        md_text(fmt::format("{} gave {} ({}){}. {}.", who, outcome_words(pol, c.given), item_name(exc),
                            c.cost ? ", costing " + money_words(*c.cost, repo.manifest.currency) : "", capitalised(situation_words(comp, c))));
    if (!c.note.empty()) body += "\n\n" + md_text(c.note);
    body += "\n\n" + md_text("(A draft from case review: tell the story in your words, then remove the draft tag.)");
    // A file name from the case id: letters, digits and '-' only.
    std::string name;
    for (char ch : c.id) name += std::isalnum(static_cast<unsigned char>(ch)) ? static_cast<char>(std::tolower(static_cast<unsigned char>(ch))) : '-';
    out.emplace_back(fmt::format("draft-{}-{}.md", c.row, name.substr(0, 40)), "+++\n" + fm.str() + "\n+++\n" + body + "\n");
  }
  return out;
}

}  // namespace leeway
