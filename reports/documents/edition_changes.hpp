// "What changed since edition X": the first chapter of each handbook (for
// that role only) and of the grids (for managers, everything), read from the
// semantic diff between the previous edition and this one: situations whose
// answer changed, exceptions new or gone, ceilings changed, lines changed.
#pragma once
#include <string>
#include <vector>

#include "compiler/analysis/compile.hpp"
#include "compiler/changes/decision_diff.hpp"
#include "compiler/changes/model_diff.hpp"

namespace leeway {

// The previous edition, compiled, and what differs from it.
struct EditionBase {
  EditionBase(const Compilation& base, const Compilation& head, std::string label);
  const Compilation& base;
  std::string label;  // "edition 2026.10 (3f2a1c9)"
  std::vector<DecisionChange> changes;
  ModelDiff model;
};

// The chapter as Markdown (a level-1 heading and its text), for `role`, or
// for managers (every role) when `role` is -1.
std::string what_changed_markdown(const EditionBase& since, const Compilation& head, int role);

}  // namespace leeway
