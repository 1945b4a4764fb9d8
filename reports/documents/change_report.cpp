// The change report as a pull-request comment: the summary, each changed
// region with its decision before and after, and the changes in the files and
// the diagnostics folded away in <details>. Everything from a policy is
// escaped: the comment renders it, it never runs it.
#include "reports/documents/change_report.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "compiler/changes/change_words.hpp"
#include "compiler/core/region.hpp"
#include "compiler/core/safe_text.hpp"

namespace leeway {
namespace {

std::string file_changes(const ChangeReport& r) {
  std::vector<std::string> lines = file_change_lines(r);
  if (lines.empty()) return "";
  std::string out = "\n<details><summary>Changed in the files</summary>\n\n";
  for (const std::string& line : lines) out += "- " + md_text(line) + "\n";
  return out + "\n</details>\n";
}

std::string problems(const ChangeReport& r) {
  if (r.model.new_diagnostics.empty() && r.model.fixed_diagnostics.empty()) return "";
  std::string out = "\n<details><summary>Diagnostics: " +
                    md_text(fmt::format("{} new, {} fixed", r.model.new_diagnostics.size(), r.model.fixed_diagnostics.size())) + "</summary>\n\n";
  for (const Diagnostic* d : r.model.new_diagnostics) out += "- new: " + md_text(new_problem_words(*d)) + "\n";
  for (const Diagnostic* d : r.model.fixed_diagnostics) out += "- fixed: " + md_text(fixed_problem_words(*d)) + "\n";
  return out + "\n</details>\n";
}

}  // namespace

std::string change_report_markdown(const ChangeReport& r) {
  std::string out = fmt::format("**leeway**: {}.\n\n", md_text(change_summary(r)));
  out += fmt::format("Comparing {} with {}.\n", md_text(r.base), md_text(r.head));
  std::string policy;
  for (const auto& c : r.changes) {
    if (c.policy != policy) out += fmt::format("\n### {}\n\n", md_text(policy = c.policy));
    out += fmt::format("- {}: **{}** \u2192 **{}**\n", md_text(region_in_words(c.region)), md_text(decision_record_words(c.before)),
                       md_text(decision_record_words(c.after)));
  }
  out += file_changes(r) + problems(r);
  if (!r.owners.empty()) out += "\nOwners: " + md_text(fmt::format("{}", fmt::join(r.owners, "; "))) + "\n";
  return out;
}

}  // namespace leeway
