// A policy's decision space: its `over` dimensions, and every item compiled
// into a box of that space. Analysis and the decision index work on this.
#pragma once
#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "compiler/core/diagnostic.hpp"
#include "compiler/core/model.hpp"
#include "compiler/core/value_set.hpp"

namespace leeway {

struct CompiledItem {
  int item = -1;  // index in the policy
  ItemKind kind = ItemKind::rule;
  int outcome = -1;  // -1 for a forbidding line
  Box box;
  std::vector<int> forbids;  // a forbidding line's outcomes, sorted; empty otherwise

  bool forbidding() const { return kind == ItemKind::line && outcome < 0; }
  // Does this forbidding line rule out `o`?
  bool forbids_outcome(int o) const { return std::binary_search(forbids.begin(), forbids.end(), o); }
  // Does it decide where it holds: a rule or a forcing line (not an exception, not a forbidding line)?
  bool decides() const { return kind == ItemKind::rule || (kind == ItemKind::line && outcome >= 0); }
};

struct PolicySpace {
  int policy = -1;
  const Policy* source = nullptr;      // repository.policies[policy], which outlives its space
  std::vector<const Dimension*> dims;  // the policy's `over`, in order
  Box domain;
  std::vector<CompiledItem> items;  // file order
};

// Compiles a policy whose structure is sound; nothing when a structural
// error makes its meaning uncertain (that error is reported already).
std::optional<PolicySpace> compile_space(const Repository& repo, int policy);

// The compiled form of item `item` (an index into the policy), or null when
// the space has none for it.
const CompiledItem* find_compiled(const PolicySpace& space, int item);

// The region of a box in reader's terms, naming every dimension of the space.
Region make_region(const PolicySpace& space, const Box& box);
// The same into `into`, whose entries and lists keep their room: a JSON
// report builds 180,000 regions one after another into one.
void make_region(const PolicySpace& space, const Box& box, Region& into);
// A situation inside the box, written as `dim=value` words for `leeway query`.
std::string example_in(const PolicySpace& space, const Box& box);
void example_in(const PolicySpace& space, const Box& box, std::string& into);
// The names of the space's dimensions, in order.
std::vector<std::string> space_dimension_names(const PolicySpace& space);

}  // namespace leeway
