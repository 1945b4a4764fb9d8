// What changed in the text of the policies between two revisions: items
// (by qualified id), policies, roles and dimensions added, removed or
// modified (naming the keys that changed), and diagnostics new and fixed.
#pragma once
#include <string>
#include <vector>

#include "compiler/analysis/compile.hpp"

namespace leeway {

struct Modified {
  std::string id;
  std::vector<std::string> keys;
};

struct ChangeSet {
  std::vector<std::string> added, removed;
  std::vector<Modified> modified;
  bool empty() const { return added.empty() && removed.empty() && modified.empty(); }
};

struct ModelDiff {
  ChangeSet items, policies, roles, dimensions;
  std::vector<const Diagnostic*> new_diagnostics;    // in HEAD, not in BASE
  std::vector<const Diagnostic*> fixed_diagnostics;  // in BASE, not in HEAD
};

ModelDiff diff_models(const Compilation& base, const Compilation& head);

}  // namespace leeway
