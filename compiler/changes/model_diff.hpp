// What changed in the text of the policies between two revisions: items
// (by qualified id), policies, roles and dimensions added, removed or
// modified (naming the keys that changed), and diagnostics new and fixed.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "compiler/analysis/compile.hpp"

namespace leeway {

// A short value that changed: `max_cost` 200 -> 300 (money and numbers as written).
struct ValueChange {
  std::string key, before, after;
  bool operator==(const ValueChange&) const = default;
};

struct Modified {
  std::string id;
  std::vector<std::string> keys;    // every key that changed
  std::vector<ValueChange> values;  // the short ones, with their values
};

struct ChangeSet {
  std::vector<std::string> added, removed;
  std::vector<Modified> modified;
  bool empty() const { return added.empty() && removed.empty() && modified.empty(); }
};

struct ModelDiff {
  ChangeSet items, policies, roles, dimensions;
  std::optional<ValueChange> edition;                // the manifest's `edition`, where it changed
  std::vector<const Diagnostic*> new_diagnostics;    // in HEAD, not in BASE
  std::vector<const Diagnostic*> fixed_diagnostics;  // in BASE, not in HEAD
};

ModelDiff diff_models(const Compilation& base, const Compilation& head);

}  // namespace leeway
