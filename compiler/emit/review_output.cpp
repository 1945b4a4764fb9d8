#include "compiler/emit/review_output.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "compiler/core/json_text.hpp"
#include "compiler/core/values.hpp"
#include "compiler/core/words.hpp"
#include "compiler/emit/diagnostic_json.hpp"

namespace leeway {

namespace {

void append_or_null(std::string& out, std::string_view s, bool present) {
  if (present) append_json_string(out, s);
  else out += "null";
}

nlohmann::ordered_json counts_json(const std::array<std::size_t, kCaseClasses>& counts) {
  nlohmann::ordered_json j = nlohmann::ordered_json::object();
  for (std::size_t k = 0; k < kCaseClasses; ++k) j[case_class_name(static_cast<CaseClass>(k))] = counts[k];
  return j;
}

nlohmann::ordered_json money_json(std::int64_t cents) { return nlohmann::ordered_json::parse(format_money(cents)); }

nlohmann::ordered_json group_json(const ClassCounts& c) {
  std::int64_t total = 0;
  for (std::int64_t x : c.cost) total += x;
  return {{"cases", c.total()}, {"by_class", counts_json(c.count)}, {"cost", money_json(total)}};
}

}  // namespace

void append_case_jsonl(std::string& out, const Compilation& comp, const CaseResult& c) {
  const Repository& repo = comp.repo;
  bool valid = c.cls != CaseClass::invalid;
  const Policy* pol = c.policy >= 0 ? &repo.policies[static_cast<std::size_t>(c.policy)] : nullptr;
  out += std::string_view("{\"case\":");
  append_json_string(out, c.id);
  out += std::string_view(",\"row\":");
  out += std::to_string(c.row);
  out += std::string_view(",\"policy\":");
  append_or_null(out, pol ? std::string_view(pol->id) : std::string_view(c.policy_text), pol || !c.policy_text.empty());
  out += std::string_view(",\"class\":\"");
  out += case_class_name(c.cls);
  out += std::string_view("\",\"given\":");
  append_or_null(out, c.given_text, !c.given_text.empty());
  out += std::string_view(",\"by\":");
  append_or_null(out, c.by_text, !c.by_text.empty());
  out += std::string_view(",\"staff\":");
  append_or_null(out, c.staff, !c.staff.empty());
  out += std::string_view(",\"normal\":");
  append_or_null(out, valid && pol && c.normal >= 0 ? std::string_view(pol->outcomes[static_cast<std::size_t>(c.normal)]) : "", valid && pol && c.normal >= 0);
  out += std::string_view(",\"exception\":");
  if (pol && c.exception >= 0) append_json_string(out, repo.qualified(c.policy, c.exception));
  else out += std::string_view("null");
  out += std::string_view(",\"ask\":");
  append_or_null(out, c.ask >= 0 ? std::string_view(repo.manifest.roles[static_cast<std::size_t>(c.ask)].id) : "", c.ask >= 0);
  out += std::string_view(",\"line\":");
  if (pol && c.line >= 0) append_json_string(out, repo.qualified(c.policy, c.line));
  else out += std::string_view("null");
  out += std::string_view(",\"reason\":");
  if (c.reason_json)
    out += *c.reason_json;
  else
    append_json_string(out, c.reason);
  out += std::string_view("}\n");
}

std::string review_summary_json(const Compilation& comp, const ReviewSummary& s) {
  using json = nlohmann::ordered_json;
  json j;
  j["cases"] = s.all.total();
  j["by_class"] = counts_json(s.all.count);
  for (auto [key, map] : {std::pair<const char*, const std::map<std::string, ClassCounts>*>{"by_role", &s.by_role},
                          {"by_staff", &s.by_staff}, {"by_policy", &s.by_policy}}) {
    j[key] = json::object();
    for (const auto& [id, c] : *map) j[key][id] = group_json(c);
  }
  std::int64_t total = 0;
  json by_class = json::object();
  for (std::size_t k = 0; k < kCaseClasses; ++k) {
    total += s.all.cost[k];
    by_class[case_class_name(static_cast<CaseClass>(k))] = money_json(s.all.cost[k]);
  }
  j["cost"] = {{"total", money_json(total)}, {"by_class", by_class}};
  j["questions"] = json::object();
  for (std::size_t q = 0; q < kQuestions; ++q) {
    const auto& a = s.all.questions[q];
    j["questions"][question_name(q)] = {{"yes", a[1]}, {"no", a[2]}, {"unanswered", a[0]}};
  }
  j["silent"] = json::array();
  for (const SilentGroup& g : s.silent()) {
    const PolicySpace& space = *comp.spaces[static_cast<std::size_t>(g.policy)];
    j["silent"].push_back({{"policy", comp.repo.policies[static_cast<std::size_t>(g.policy)].id},
                           {"region", region_to_json(make_region(space, g.box))},
                           {"cases", g.cases}});
  }
  return j.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

std::string review_summary_text(const Compilation& comp, const ReviewSummary& s) {
  const std::string& currency = comp.repo.manifest.currency;
  std::string out = fmt::format("{} case{} reviewed\n", s.all.total(), s.all.total() == 1 ? "" : "s");
  static constexpr const char* kWords[kCaseClasses] = {
      "could not be read", "where the policy is silent", "crossed a line", "gave the normal answer",
      "made an exception within their authority", "made an exception above a ceiling", "made an exception they may not grant",
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
