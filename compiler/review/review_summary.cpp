#include "compiler/review/review_summary.hpp"

#include <algorithm>

#include "compiler/analysis/gaps.hpp"

namespace leeway {

std::size_t ClassCounts::total() const {
  std::size_t n = 0;
  for (std::size_t c : count) n += c;
  return n;
}

void ClassCounts::add(const CaseResult& c) {
  std::size_t k = class_index(c.cls);
  ++count[k];
  if (c.cls == CaseClass::invalid) return;
  if (c.cost) {
    cost[k] += *c.cost;
    max_cost = std::max(max_cost, *c.cost);
  }
  for (std::size_t q = 0; q < kQuestions; ++q) ++questions[q][static_cast<std::size_t>(c.questions[q])];
}

void ReviewSummary::add(const CaseResult& c) {
  all.add(c);
  const Repository& repo = comp_.repo;
  if (c.cls == CaseClass::invalid) return;
  by_role[repo.manifest.roles[static_cast<std::size_t>(c.by)].id].add(c);
  by_policy[repo.policies[static_cast<std::size_t>(c.policy)].id].add(c);
  if (!c.staff.empty()) by_staff[c.staff].add(c);
  bool praised =
      c.cls == CaseClass::exception && std::all_of(c.questions.begin(), c.questions.end(), [](QuestionAnswer a) { return a == QuestionAnswer::yes; });
  bool to_talk =
      c.cls == CaseClass::crosses_line || c.cls == CaseClass::beyond_authority || c.cls == CaseClass::above_ceiling || c.cls == CaseClass::off_policy;
  if (praised && praise_total++ < kMostCalls) praise.push_back(c);
  if (to_talk && talk_total++ < kMostCalls) talk.push_back(c);
  if (c.cls != CaseClass::silent) return;
  auto found = gaps_.find(c.policy);
  if (found == gaps_.end()) {
    // The same search `leeway check` runs, so the boxes are the ones it reports.
    found = gaps_.emplace(c.policy, policy_gaps(*comp_.spaces[static_cast<std::size_t>(c.policy)])).first;
  }
  for (std::size_t g = 0; g < found->second.size(); ++g)
    if (box_contains(found->second[g], c.point)) {
      ++silent_[{c.policy, g}];
      return;
    }
}

std::vector<SilentGroup> ReviewSummary::silent() const {
  std::vector<SilentGroup> out;
  for (const auto& [key, n] : silent_) out.push_back({key.first, gaps_.at(key.first)[key.second], n});
  return out;
}

}  // namespace leeway
