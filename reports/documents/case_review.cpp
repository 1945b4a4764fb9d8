#include "reports/documents/case_review.hpp"

#include <sstream>

#include <fmt/format.h>
#include <toml++/toml.h>

#include "compiler/core/values.hpp"
#include "compiler/query/answer.hpp"
#include "compiler/query/query.hpp"
#include "compiler/core/safe_text.hpp"
#include "compiler/core/words.hpp"

namespace leeway {

namespace {

const char* kClassWords[kCaseClasses] = {"Could not be read", "Policy silent", "Crossed a line", "Normal answer",
                                         "Exception within authority", "Above a ceiling", "Beyond authority", "Off the policy"};

std::string cell(const std::string& s) { return md_text(s); }

// The judgment grid, in two tables a page wide: the calls in each class, then
// what they cost against the ceiling and how the three questions were answered.
struct GridRow {
  std::string who, ceiling;
  const ClassCounts* counts;
};

std::string grid_tables(const char* who, const std::vector<GridRow>& rows, const std::string& currency) {
  std::string calls = fmt::format("| {} | Normal | Exception | Above ceiling | Beyond authority | Crossed a line | Off policy | Silent |\n"
                                  "|:--|--:|--:|--:|--:|--:|--:|--:|\n", who);
  std::string money = fmt::format("| {} | Cost of exceptions | Dearest call | Ceiling | Cared for | Cost-effective | Loyalty |\n"
                                  "|:--|--:|--:|--:|:-:|:-:|:-:|\n", who);
  for (const GridRow& r : rows) {
    const ClassCounts& c = *r.counts;
    calls += "| " + r.who;
    for (CaseClass k : {CaseClass::rule, CaseClass::exception, CaseClass::above_ceiling, CaseClass::beyond_authority, CaseClass::crosses_line,
                        CaseClass::off_policy, CaseClass::silent})
      calls += fmt::format(" | {}", c.count[class_index(k)]);
    calls += " |\n";
    std::int64_t cost = c.cost[class_index(CaseClass::exception)] + c.cost[class_index(CaseClass::above_ceiling)] +
                        c.cost[class_index(CaseClass::beyond_authority)];
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
  std::string out = fmt::format("- **Case {}**{}: {} gave {}{}. {}: {}.", md_text(c.id), c.date.empty() ? "" : ", " + md_text(c.date), md_text(who),
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

Document make_review_document(const Compilation& comp, const ReviewSummary& s, const ReviewScope& scope) {
  const Repository& repo = comp.repo;
  const Manifest& m = repo.manifest;
  std::string period = scope.from.empty() && scope.to.empty() ? "every date"
                       : scope.from.empty()                   ? "up to " + scope.to
                       : scope.to.empty()                     ? "from " + scope.from
                                                              : "from " + scope.from + " to " + scope.to;
  std::string md = fmt::format("% Case review: the calls staff made\n% {}\n% {}\n\n", md_text(m.name + (m.edition.empty() ? "" : ", edition " + m.edition)),
                               md_text("Cases " + period + (scope.policy.empty() ? "" : ", policy " + scope.policy) +
                                       (scope.role.empty() ? "" : ", role " + scope.role)));
  md += fmt::format("::: {{.cover}}\n{} calls from {}, held against the policies. Praise the calls that bent a rule well; talk about the ones "
                    "that went too far; tell the policy owners where the policy is silent.\n:::\n\n",
                    s.all.total(), md_text(scope.source));
  md += "# Summary\n\n| Class | Calls | Cost |\n|:--|--:|--:|\n";
  for (std::size_t k = 0; k < kCaseClasses; ++k)
    md += fmt::format("| {} | {} | {} |\n", kClassWords[k], s.all.count[k], md_text(money_words(s.all.cost[k], m.currency)));
  md += "\n# The judgment grid by role\n\nThe calls in each class; the cost of the exceptions made and the dearest call, against the "
        "role's own ceiling; and how the manager answered the three questions.\n\n";
  std::vector<GridRow> roles, staff;
  for (const auto& [id, c] : s.by_role) {
    int r = m.role_index(id);
    const Role& role = m.roles[static_cast<std::size_t>(r)];
    roles.push_back({cell(capitalised(role_words(m, r))), role.max_cost ? money_words(*role.max_cost, m.currency) : "none stated", &c});
  }
  md += grid_tables("Role", roles, m.currency);
  md += "\n# The judgment grid by staff member\n\n";
  for (const auto& [who, c] : s.by_staff) staff.push_back({cell(who), "their role's", &c});
  md += staff.empty() ? "No staff member is named in the log.\n" : grid_tables("Staff", staff, m.currency);
  md += fmt::format("\n# Calls to praise\n\nExceptions within authority that the manager answered yes on all three questions: {}.\n\n", s.praise_total);
  for (const CaseResult& c : s.praise) md += call_words(comp, c, false);
  if (s.praise_total > s.praise.size()) md += fmt::format("\nAnd {} more.\n", s.praise_total - s.praise.size());
  md += fmt::format("\n# Calls to talk about\n\nCrossed lines, calls beyond authority or above a ceiling, and calls off the policy: {}. "
                    "Each with what the policy says there, to the person who made the call.\n\n",
                    s.talk_total);
  for (const CaseResult& c : s.talk) md += call_words(comp, c, true);
  if (s.talk_total > s.talk.size()) md += fmt::format("\nAnd {} more.\n", s.talk_total - s.talk.size());
  md += "\n# Where the policy is silent in practice\n\nCases in situations where no rule and no line decides, grouped by the silent "
        "region `leeway check` reports. The policy owners should state the normal answer there.\n\n";
  auto silent = s.silent();
  if (silent.empty()) md += "No case fell where the policy is silent.\n";
  for (const SilentGroup& g : silent) {
    const Policy& pol = repo.policies[static_cast<std::size_t>(g.policy)];
    md += fmt::format("- **{}**: {} case{} where {}. Owner: {}.\n", md_text(policy_name(pol)), g.cases, g.cases == 1 ? "" : "s",
                      md_text(box_words(*comp.spaces[static_cast<std::size_t>(g.policy)], g.box)), md_text(pol.owner.empty() ? "not named" : pol.owner));
  }
  return Document("review", md, "Case review: the calls staff made");
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
    std::string body = md_text(fmt::format("{} gave {} ({}){}. {}.", who, outcome_words(pol, c.given), item_name(exc),
                                           c.cost ? ", costing " + money_words(*c.cost, repo.manifest.currency) : "",
                                           capitalised(situation_words(comp, c))));
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
