// A policy compiled for lookups: the items that hold at a situation, found by
// binary search along the most selective dimension and an exact test on the
// rest; and the decision at a situation (docs/format.md, "Meaning").
#pragma once
#include <cstdint>
#include <optional>
#include <vector>

#include "compiler/analysis/decision_space.hpp"

namespace leeway {

enum class DecidedBy { line, exception, rule, none };
const char* decided_by_name(DecidedBy d);

struct Decision {
  int outcome = -1;  // -1: none, or a conflict
  DecidedBy decided_by = DecidedBy::none;
  std::vector<int> items;  // item indices of the deciding kind that hold, file order
  int role = -1;           // exceptions: who grants it
  std::optional<std::int64_t> max_cost;
  bool conflict = false;
};

// The decision among the items that hold at a situation (`hold`: indices into
// the policy's items, in file order): the forcing lines, else the exceptions
// that cross no line in `hold`, else the rules; none when nothing decides. A
// line that only forbids decides nothing.
Decision decide_among(const Policy& policy, const std::vector<int>& hold);

class DecisionIndex {
 public:
  explicit DecisionIndex(const PolicySpace& space);
  // The items (indices into the policy) whose box holds the point, in file order.
  void matching(const std::vector<std::int64_t>& point, std::vector<int>& out) const;
  // The decision at a point (decide_among the items that hold there).
  Decision decide(const std::vector<std::int64_t>& point, const Policy& policy) const;
  const PolicySpace& space() const { return space_; }

 private:
  const PolicySpace& space_;
  std::size_t dim_ = 0;
  std::vector<std::int64_t> cuts_;                // segment starts along dim_
  std::vector<std::vector<std::uint32_t>> segs_;  // positions in space_.items, per segment
};

}  // namespace leeway
