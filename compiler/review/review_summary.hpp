// The aggregates of a case review: counts by class, by role, by staff member
// and by policy, the cost, the three questions, and the silent cases grouped
// by the gap box (as `leeway check` finds them) that holds them. Memory grows
// with the number of roles, staff members, policies and gaps met, not cases.
#pragma once
#include <array>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "compiler/review/classify.hpp"

namespace leeway {

struct ClassCounts {
  std::array<std::size_t, kCaseClasses> count{};
  std::array<std::int64_t, kCaseClasses> cost{};                   // cents
  std::array<std::array<std::size_t, 3>, kQuestions> questions{};  // [question][unanswered, yes, no]
  std::int64_t max_cost = 0;                                       // the dearest call, cents
  std::size_t total() const;
  void add(const CaseResult& c);
};

struct SilentGroup {
  int policy = -1;
  Box box;  // a gap box of the policy
  std::size_t cases = 0;
};

class ReviewSummary {
 public:
  explicit ReviewSummary(const Compilation& comp) : comp_(comp) {}
  void add(const CaseResult& c);

  ClassCounts all;
  // The calls a manager reads one by one, the first kMostCalls of each kind
  // (the totals count them all): exceptions within authority answered yes on
  // all three questions, and crossed lines, calls beyond authority, above a
  // ceiling or off the policy.
  static constexpr std::size_t kMostCalls = 200;
  std::vector<CaseResult> praise, talk;
  std::size_t praise_total = 0, talk_total = 0;
  std::map<std::string, ClassCounts> by_role, by_staff, by_policy;  // by id as written (valid cases: resolved ids)
  // Silent cases by gap box, in the order of policies, then of the gap boxes.
  std::vector<SilentGroup> silent() const;

 private:
  const Compilation& comp_;
  std::map<int, std::vector<Box>> gaps_;                       // by policy, computed when a silent case first needs them
  std::map<std::pair<int, std::size_t>, std::size_t> silent_;  // (policy, gap) -> cases
};

}  // namespace leeway
