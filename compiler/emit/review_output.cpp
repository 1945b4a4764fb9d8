#include "compiler/emit/review_output.hpp"

#include <fmt/format.h>

#include "compiler/core/json_writer.hpp"
#include "compiler/core/values.hpp"
#include "compiler/core/words.hpp"
#include "compiler/emit/region_json.hpp"

namespace leeway {

namespace {

void counts(JsonWriter& w, const std::array<std::size_t, kCaseClasses>& counts) {
  w.begin_object();
  for (std::size_t k = 0; k < kCaseClasses; ++k) w.plain_key(case_class_name(static_cast<CaseClass>(k))).integer(counts[k]);
  w.end_object();
}

void group(JsonWriter& w, const ClassCounts& c) {
  std::int64_t total = 0;
  for (std::int64_t x : c.cost) total += x;
  w.begin_object().plain_key("cases").integer(c.total()).plain_key("by_class");
  counts(w, c.count);
  w.plain_key("cost").money(total).end_object();
}

void cost(JsonWriter& w, const ClassCounts& all) {
  std::int64_t total = 0;
  for (std::int64_t x : all.cost) total += x;
  w.begin_object().plain_key("total").money(total).plain_key("by_class").begin_object();
  for (std::size_t k = 0; k < kCaseClasses; ++k) w.plain_key(case_class_name(static_cast<CaseClass>(k))).money(all.cost[k]);
  w.end_object().end_object();
}

void questions(JsonWriter& w, const ClassCounts& all) {
  w.begin_object();
  for (std::size_t q = 0; q < kQuestions; ++q) {
    const auto& a = all.questions[q];
    w.key(question_name(q)).begin_object().plain_key("yes").integer(a[1]).plain_key("no").integer(a[2]).plain_key("unanswered").integer(a[0]);
    w.end_object();
  }
  w.end_object();
}

}  // namespace

void append_case_jsonl(std::string& out, const Compilation& comp, const CaseResult& c) {
  const Repository& repo = comp.repo;
  bool valid = c.cls != CaseClass::invalid;
  const Policy* pol = c.policy >= 0 ? &repo.policies[static_cast<std::size_t>(c.policy)] : nullptr;
  JsonWriter w(out);
  w.begin_object().plain_key("case").string(c.id).plain_key("row").integer(c.row).plain_key("policy");
  w.string_or_null(pol ? std::string_view(pol->id) : std::string_view(c.policy_text), pol || !c.policy_text.empty());
  w.plain_key("class").word(case_class_name(c.cls));
  w.plain_key("given").string_or_null(c.given_text, !c.given_text.empty());
  w.plain_key("by").string_or_null(c.by_text, !c.by_text.empty());
  w.plain_key("staff").string_or_null(c.staff, !c.staff.empty());
  bool normal = valid && pol && c.normal >= 0;
  w.plain_key("normal").string_or_null(normal ? std::string_view(pol->outcomes[static_cast<std::size_t>(c.normal)]) : "", normal);
  w.plain_key("exception");
  if (pol && c.exception >= 0)
    w.string(repo.qualified(c.policy, c.exception));
  else
    w.null();
  w.plain_key("ask").string_or_null(c.ask >= 0 ? std::string_view(repo.manifest.roles[static_cast<std::size_t>(c.ask)].id) : "", c.ask >= 0);
  w.plain_key("line");
  if (pol && c.line >= 0)
    w.string(repo.qualified(c.policy, c.line));
  else
    w.null();
  w.plain_key("reason");
  if (c.reason_json)
    w.rendered(*c.reason_json);
  else
    w.string(c.reason);
  w.end_object().raw("\n");
}

std::string review_summary_json(const Compilation& comp, const ReviewSummary& s) {
  std::string out;
  JsonWriter w(out, JsonWriter::Layout::pretty);
  w.begin_object().plain_key("cases").integer(s.all.total()).plain_key("by_class");
  counts(w, s.all.count);
  for (auto [key, map] : {std::pair<const char*, const std::map<std::string, ClassCounts>*>{"by_role", &s.by_role},
                          {"by_staff", &s.by_staff},
                          {"by_policy", &s.by_policy}}) {
    w.plain_key(key).begin_object();
    for (const auto& [id, c] : *map) {
      w.key(id);
      group(w, c);
    }
    w.end_object();
  }
  w.plain_key("cost");
  cost(w, s.all);
  w.plain_key("questions");
  questions(w, s.all);
  w.plain_key("silent").begin_array();
  for (const SilentGroup& g : s.silent()) {
    const PolicySpace& space = *comp.spaces[static_cast<std::size_t>(g.policy)];
    w.begin_object().plain_key("policy").string(comp.repo.policies[static_cast<std::size_t>(g.policy)].id).plain_key("region");
    write_region(w, make_region(space, g.box));
    w.plain_key("cases").integer(g.cases).end_object();
  }
  w.end_array().end_object().raw("\n");
  w.flush();
  return out;
}

std::string review_summary_text(const Compilation& comp, const ReviewSummary& s) {
  const std::string& currency = comp.repo.manifest.currency;
  std::string out = fmt::format("{} case{} reviewed\n", s.all.total(), s.all.total() == 1 ? "" : "s");
  static constexpr const char* kWords[kCaseClasses] = {"could not be read",
                                                       "where the policy is silent",
                                                       "crossed a line",
                                                       "gave the normal answer",
                                                       "made an exception within their authority",
                                                       "made an exception above a ceiling",
                                                       "made an exception they may not grant",
                                                       "went off the policy"};
  std::size_t width = 0;
  for (std::size_t c : s.all.count) width = std::max(width, std::to_string(c).size());
  for (std::size_t k = 0; k < kCaseClasses; ++k)
    out += fmt::format("  {:>{}}  {} ({}){}\n", s.all.count[k], width, kWords[k], case_class_name(static_cast<CaseClass>(k)),
                       s.all.cost[k] ? fmt::format(", cost {}", money_words(s.all.cost[k], currency)) : "");
  if (!s.by_role.empty()) {
    out += "By role:\n";
    for (const auto& [id, c] : s.by_role) {
      int r = comp.repo.manifest.role_index(id);
      out += fmt::format("  {}: {} calls; {} exceptions within authority, {} above a ceiling, {} beyond authority, {} crossed lines, {} off policy\n",
                         capitalised(role_words(comp.repo.manifest, r)), c.total(), c.count[class_index(CaseClass::exception)],
                         c.count[class_index(CaseClass::above_ceiling)], c.count[class_index(CaseClass::beyond_authority)],
                         c.count[class_index(CaseClass::crosses_line)], c.count[class_index(CaseClass::off_policy)]);
    }
  }
  auto silent = s.silent();
  if (!silent.empty()) {
    out += "Where the policy is silent in practice:\n";
    for (const SilentGroup& g : silent) {
      const PolicySpace& space = *comp.spaces[static_cast<std::size_t>(g.policy)];
      out += fmt::format("  {}: {} case{} where {}\n", comp.repo.policies[static_cast<std::size_t>(g.policy)].id, g.cases, g.cases == 1 ? "" : "s",
                         region_in_words(make_region(space, g.box)));
    }
  }
  return out;
}

}  // namespace leeway
