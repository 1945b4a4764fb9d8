// Case review for machines and people: a JSON Lines record per case (written
// by JsonWriter: a million cases a second), the summary as one JSON
// object, and the summary as text (../shared/spec/cases.md, section 3).
#pragma once
#include <string>

#include "compiler/review/review_summary.hpp"

namespace leeway {

// Appends the case's JSON object and a newline to `out`.
void append_case_jsonl(std::string& out, const Compilation& comp, const CaseResult& c);

// The summary object: cases, by_class, by_role, by_staff, by_policy, cost, questions, silent.
std::string review_summary_json(const Compilation& comp, const ReviewSummary& s);

// The summary for a person.
std::string review_summary_text(const Compilation& comp, const ReviewSummary& s);

}  // namespace leeway
