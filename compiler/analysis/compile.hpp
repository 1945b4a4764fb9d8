// The compiler pipeline, stage by stage: load -> resolve -> graph -> analyse.
#pragma once
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "compiler/analysis/decision_space.hpp"
#include "compiler/analysis/graph.hpp"
#include "compiler/frontend/loader.hpp"

namespace leeway {

// Limits that keep a hostile or runaway repository from exhausting memory;
// each is named in the diagnostic that reports it, with how to raise it.
struct Limits {
  std::size_t items_per_policy = 200'000;        // --limit-items
  std::size_t diagnostics_per_policy = 100'000;  // --limit-diagnostics: per policy and kind of analysis
};

struct CompileOptions {
  bool analyse = true;   // run the semantic analysis (docs/format.md, "Meaning"; docs/diagnostics.md)
  unsigned threads = 0;  // 0: all cores
  Limits limits{};
  // Leave the diagnostics as analysis found them, for a report that makes
  // only what it writes (compiler/emit/diagnostic_report.hpp): the findings
  // not made (Diagnostics::findings), the details not built
  // (Diagnostic::details). Otherwise every diagnostic comes made and complete.
  bool defer = false;
};

struct Compilation {
  Repository repo;
  Diagnostics diags;
  RepoGraph graph;
  std::vector<std::optional<PolicySpace>> spaces;       // by policy; empty when not analysable
  std::vector<std::pair<std::string, double>> timings;  // stage, seconds (wall clock)
  // The parsed TOML of a run with fewer files than cores, kept (not freed on
  // the way): see LoadResult::tables.
  std::vector<toml::table> documents;
};

// Fails only when the source is not a policy repository at all; every
// problem inside one is a diagnostic of the compilation.
Expected<Compilation> compile(RepoSource& source, const CompileOptions& options);

}  // namespace leeway
