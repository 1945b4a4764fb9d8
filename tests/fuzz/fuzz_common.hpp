// Shared by the libFuzzer targets: a small repository that the fuzzed file
// joins, compiled through the whole pipeline (load, resolve, graph, analysis,
// and for policies the documents' Markdown too).
#pragma once
#include <cstddef>
#include <cstdint>
#include <map>
#include <string>

#include "compiler/analysis/compile.hpp"
#include "compiler/frontend/repo_source.hpp"
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

}  // namespace leeway::fuzz
