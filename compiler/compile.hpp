// The compiler pipeline, stage by stage: load -> resolve -> graph -> analyse.
#pragma once
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "compiler/decision_space.hpp"
#include "compiler/graph.hpp"
#include "compiler/loader.hpp"

namespace leeway {

struct CompileOptions {
  bool analyse = true;   // run the semantic analysis (section 5)
  unsigned threads = 0;  // 0: all cores
};

struct Compilation {
  Repository repo;
  Diagnostics diags;
  RepoGraph graph;
  std::vector<std::optional<PolicySpace>> spaces;  // by policy; empty when not analysable
  std::string fatal;                               // the command cannot run (exit 2)
  std::vector<std::pair<std::string, double>> timings;  // stage, seconds (wall clock)
};

Compilation compile(RepoSource& source, const CompileOptions& options);

}  // namespace leeway
