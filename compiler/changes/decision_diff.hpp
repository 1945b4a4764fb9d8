// What a change to the policies means for customers and staff: the
// situations whose decision differs between two compiled revisions, per
// policy, as disjoint boxes whose union is exactly that set, each with its
// decision before and after. A decision is the outcome, what decides it
// (line, exception, rule, none) and the role that grants it; the items are
// carried along. A policy added or removed changes its whole space. Where a
// dimension's domain changed (an enum value added, bounds widened), both
// revisions are compared over the union: situations that exist in one
// revision only are new (or gone), whatever either says there.
#pragma once
#include <deque>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "compiler/analysis/compile.hpp"

namespace leeway {

struct DecisionRecord {
  bool exists = true;                  // false: these situations do not exist in this revision (a value added or removed)
  std::optional<std::string> outcome;  // none when silent or in conflict
  std::string decided_by = "none";     // line | exception | rule | none
  std::vector<std::string> items;      // qualified ids of the deciding kind that hold
  std::optional<std::string> granted_by;
  bool conflict = false;
  // The decision proper, without the items.
  bool same_decision(const DecisionRecord& o) const {
    return exists == o.exists && outcome == o.outcome && decided_by == o.decided_by && granted_by == o.granted_by && conflict == o.conflict;
  }
  bool operator==(const DecisionRecord&) const = default;
};

struct DecisionChange {
  std::string policy;
  Region region;  // every dimension of the policy's `over` (as in HEAD, else BASE)
  // The dimensions the region's words are views of: the two revisions' merged
  // (an enum may have values only one of them has).
  std::shared_ptr<const std::deque<Dimension>> dimensions;
  std::string example;  // a situation inside, as dim=value words
  DecisionRecord before, after;
};

// Every changed situation of every policy, policies in id order.
std::vector<DecisionChange> decision_changes(const Compilation& base, const Compilation& head);

}  // namespace leeway
