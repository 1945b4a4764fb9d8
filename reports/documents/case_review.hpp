// The manager's review of a case log, as a document: the judgment grid by
// role and by staff member (calls in each class, what they cost against the
// ceilings, how the three questions were answered), the calls to praise, the
// calls to talk about (with what the policy says there), and where the
// policy is silent in practice. And draft stories from the calls to praise,
// for a trainer to edit and commit.
#pragma once
#include <string>
#include <utility>
#include <vector>

#include "compiler/review/review_summary.hpp"
#include "reports/documents/documents.hpp"

namespace leeway {

struct ReviewScope {
  std::string from, to;      // the period (YYYY-MM-DD; "" for open)
  std::string policy, role;  // filters ("" for all)
  std::string source;        // the case log's name, for the title block
};

Document make_review_document(const Compilation& comp, const ReviewSummary& summary, const ReviewScope& scope);

// Draft story files (file name, text) for the calls to praise: TOML front
// matter that `teaches` the exception, tagged "draft", and the case as the body.
std::vector<std::pair<std::string, std::string>> story_drafts(const Compilation& comp, const ReviewSummary& summary);

}  // namespace leeway
