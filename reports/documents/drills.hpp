// Near-the-line drills: practice situations taken from the edges of each
// exception, one just inside and one just outside, with the policy's real
// answer at each (computed with the decision index, never written by hand).
#pragma once
#include <cstdint>
#include <vector>

#include "compiler/query/decision_index.hpp"

namespace leeway {

struct Drill {
  int item = -1;  // the exception it practises (index in the policy)
  std::vector<std::int64_t> point;
  bool inside = true;  // inside the exception's reach, or just past it
  Decision decision;
};

// Up to `most` drills for the exception at `item` (an index into the policy).
std::vector<Drill> drills_for(const PolicySpace& space, const DecisionIndex& index, const Policy& policy, int item, std::size_t most = 5);

}  // namespace leeway
