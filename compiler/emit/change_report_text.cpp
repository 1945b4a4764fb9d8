// The change report as text: the summary, each changed region with its
// decision before and after, the changes in the files, the diagnostics new
// and fixed, and who is affected.
#include "compiler/emit/change_report_text.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "compiler/changes/change_words.hpp"
#include "compiler/core/region.hpp"

namespace leeway {

std::string change_report_text(const ChangeReport& r) {
  std::string out = fmt::format("leeway diff {} -> {}\n{}\n", r.base, r.head, change_summary(r));
  std::string policy;
  for (const auto& c : r.changes) {
    if (c.policy != policy) out += fmt::format("\n{}:\n", policy = c.policy);
    out += fmt::format("  where {}\n    before: {}\n    after:  {}\n    for example: {}\n", region_in_words(c.region),
                       decision_record_words(c.before), decision_record_words(c.after), c.example);
  }
  std::vector<std::string> files = file_change_lines(r);
  if (!files.empty()) out += fmt::format("\nchanged in the files:\n{}\n", fmt::join(files, "\n"));
  if (!r.model.new_diagnostics.empty() || !r.model.fixed_diagnostics.empty()) {
    out += "\ndiagnostics:\n";
    for (const Diagnostic* d : r.model.new_diagnostics) out += "  new   " + new_problem_words(*d) + "\n";
    for (const Diagnostic* d : r.model.fixed_diagnostics) out += "  fixed " + fixed_problem_words(*d) + "\n";
  }
  if (!r.affected_roles.empty()) out += fmt::format("\nhandbooks that change: {}\n", fmt::join(r.affected_roles, ", "));
  if (!r.owners.empty()) out += fmt::format("owners to ask: {}\n", fmt::join(r.owners, "; "));
  return out;
}

}  // namespace leeway
