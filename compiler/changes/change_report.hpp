// `leeway diff`'s change report, computed: the decision changes, the model
// changes and the diagnostics new and fixed, and who is affected (the roles
// whose handbook reads differently, the owners of the policies touched).
// Plain data: compiler/emit writes it as text and JSON, reports/documents as
// a pull-request comment in Markdown.
#pragma once
#include <map>
#include <string>
#include <vector>

#include "compiler/changes/decision_diff.hpp"
#include "compiler/changes/model_diff.hpp"

namespace leeway {

struct ChangeReport {
  std::string base, head;  // labels of the two revisions
  std::vector<DecisionChange> changes;
  ModelDiff model;
  std::vector<std::string> affected_roles;  // role ids whose handbook differs
  std::vector<std::string> owners;          // owners of the policies touched
};

// Each role's handbook as Markdown, by role id (reports/documents makes them:
// handbooks_by_role); the report compares them, it does not write them.
using Handbooks = std::map<std::string, std::string>;

// The report between two revisions. A role is affected when its handbook
// differs between `base_handbooks` and `head_handbooks`, or exists in one only.
ChangeReport make_change_report(const Compilation& base, const Compilation& head, std::string base_label, std::string head_label,
                                const Handbooks& base_handbooks, const Handbooks& head_handbooks);

// Do the new diagnostics hold an error that is not waived (`leeway diff` exits 1)?
bool brings_new_errors(const ChangeReport& r);

}  // namespace leeway
