// Practice: the handbook's drills as questions to answer in the HTML
// handbook. Each question has the policy's outcomes and the people one may
// ask as choices, and the one right choice for the reader's role, taken from
// the policy's real decision there (never written by hand). The page's
// script only shows them: a shuffled round, a score, the answer on request.
#pragma once
#include <string>
#include <vector>

#include "reports/documents/documents.hpp"
#include "reports/documents/drills.hpp"

namespace leeway {

struct PracticeQuestion {
  int number = 0;         // the drill's number in the handbook
  std::string policy;     // the policy's title
  std::string situation;  // in words
  std::vector<std::string> choices;
  std::size_t correct = 0;  // index into choices
  std::string answer;       // the handbook's answer, in words
};

// The question for a drill of `policy`, read by someone of `role`.
PracticeQuestion practice_question(const DocContext& ctx, int policy, const Drill& drill, int role, int number, const std::string& answer);

// The HTML (scripts only) that turns the handbook's drills into practice:
// Pandoc puts it at the end of the HTML handbook's body.
std::string practice_html(const std::vector<PracticeQuestion>& questions);

}  // namespace leeway
