// `leeway diff`: what a change means, for reviewers. Combines the decision
// changes, the model changes and the diagnostics, finds who is affected (the
// roles whose handbook changes, the owners of the policies touched) and writes
// it as text, as a pull-request comment in Markdown, or as JSON.
#pragma once
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

ChangeReport make_change_report(const Compilation& base, const Compilation& head, std::string base_label, std::string head_label);

std::string change_report_text(const ChangeReport& r);
std::string change_report_markdown(const ChangeReport& r);
std::string change_report_json(const ChangeReport& r);

}  // namespace leeway
