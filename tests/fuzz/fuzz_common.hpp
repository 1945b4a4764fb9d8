// Shared by the libFuzzer targets: a small repository that the fuzzed file
// joins, compiled through the whole pipeline (load, resolve, graph, analysis,
// and for policies the documents' Markdown too).
#pragma once
#include <cstddef>
#include <cstdint>
#include <map>
#include <string>

#include <sstream>

#include "compiler/analysis/compile.hpp"
#include "compiler/emit/review_output.hpp"
#include "compiler/frontend/repo_source.hpp"
#include "compiler/review/case_log.hpp"
#include "compiler/review/review_summary.hpp"
#include "reports/documents/case_review.hpp"
#include "reports/documents/documents.hpp"
#include "support/policy_text.hpp"
#include "support/test_repo.hpp"

namespace leeway::fuzz {

// The manifest of the unit tests: days, amount, tier, fraud; associate and supervisor.
using test::kManifest;

inline const std::string kPolicy = test::policy("p", {"days", "tier", "fraud"}, {"yes", "no"})
                                       .rule("r", R"(days = "0..30")", "yes")
                                       .rule("late", R"(days = "31..")", "no")
                                       .exception("e", "late", R"(days = "31..60", tier = "gold")", "yes", "associate", "20");

// Compiles the files and, when they check clean, makes every document.
inline void run(std::map<std::string, std::string> files) {
  MemorySource source(std::move(files), "fuzz");
  Expected<Compilation> c = compile(source, CompileOptions{true, 1});
  if (c && !c->diags.has_errors()) (void)make_documents(*c);
}

// A case log (CSV, or JSON Lines) held against kPolicy: every record read,
// classified, written as JSON Lines, summed up, and the review's Markdown made.
inline void run_cases(const std::string& log, CaseFormat format) {
  static const Compilation comp = [] {
    MemorySource source({{"leeway.toml", kManifest}, {"p.toml", kPolicy}}, "fuzz");
    return std::move(*compile(source, CompileOptions{true, 1}));
  }();
  std::istringstream in(log);
  Expected<CaseReader> reader = CaseReader::open(in, format);
  if (!reader) return;
  CaseClassifier classifier(comp);
  classifier.set_columns(reader->columns());
  ReviewSummary summary(comp);
  CaseRecord record;
  CaseResult result;
  std::string out;
  std::size_t columns = reader->columns().size();
  while (reader->next(record)) {
    if (reader->columns().size() != columns) classifier.set_columns(reader->columns()), columns = reader->columns().size();
    classifier.classify(record, result);
    summary.add(result);
    append_case_jsonl(out, comp, result);
  }
  (void)review_summary_json(comp, summary);
  (void)review_summary_text(comp, summary);
  (void)make_review_document(comp, summary, ReviewScope{});
  (void)story_drafts(comp, summary);
}

}  // namespace leeway::fuzz
