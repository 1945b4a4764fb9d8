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
#include "support/test_repo.hpp"

namespace leeway::fuzz {

// The manifest of the unit tests: days, amount, tier, fraud; associate and supervisor.
using test::kManifest;

inline const char* kPolicy = R"([policy]
id = "p"
over = ["days", "tier", "fraud"]
outcomes = ["yes", "no"]
[[rule]]
id = "r"
when = { days = "0..30" }
then = "yes"
[[rule]]
id = "late"
when = { days = "31.." }
then = "no"
[[exception]]
id = "e"
bends = "late"
when = { days = "31..60", tier = "gold" }
then = "yes"
granted_by = "associate"
max_cost = 20
)";

// Compiles the files and, when they check clean, makes every document.
inline void run(std::map<std::string, std::string> files) {
  MemorySource source(std::move(files), "fuzz");
  Compilation c = compile(source, CompileOptions{true, 1});
  c.diags.sort();
  if (c.fatal.empty() && !c.diags.has_errors()) (void)make_documents(c);
}

}  // namespace leeway::fuzz
