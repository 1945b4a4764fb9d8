// The words of a change report that its text (compiler/emit) and its
// pull-request comment (reports/documents) both say: the summary line, a
// decision before or after, each change in the files, each problem new or
// fixed. Plain text; the Markdown escapes it where it lands.
#pragma once
#include <string>
#include <vector>

#include "compiler/changes/change_report.hpp"

namespace leeway {

// "decisions change in 2 regions of 1 policy; 3 items changed; no new error; handbooks to reissue: associate".
std::string change_summary(const ChangeReport& r);
// "refund (exception returns.late, granted by supervisor)", "nothing (the policy is silent)".
std::string decision_record_words(const DecisionRecord& d);
// One line a change in the files, indented by two spaces: "  ~ edition 1 -> 2",
// "  + item returns.late", "  ~ item returns.late (max_cost 200 -> 300)".
std::vector<std::string> file_change_lines(const ChangeReport& r);
// A diagnostic new in HEAD, with its place: "policies/returns.toml:12: error[L001] ...".
std::string new_problem_words(const Diagnostic& d);
// A diagnostic fixed (its place is in BASE): "error[L001] ...".
std::string fixed_problem_words(const Diagnostic& d);

}  // namespace leeway
