// Loading: reads every file of a repository source, checks its encoding,
// parses it as TOML and hands it to the manifest, policy or story parser.
#pragma once
#include <string>
#include <vector>

#include <toml++/toml.h>

#include "compiler/core/diagnostic.hpp"
#include "compiler/core/expected.hpp"
#include "compiler/core/model.hpp"
#include "compiler/frontend/repo_source.hpp"

namespace leeway {

struct LoadResult {
  Repository repo;
  Diagnostics diags;
  // The parsed TOML documents of a run with fewer files than cores, kept so
  // that freeing them is not on the critical path; see compile().
  std::vector<toml::table> tables;
};

// Reads the manifest, then every policy file and story in parallel on up to
// `threads` threads (0: all cores); results are merged in path order. Fails
// when the source is not a policy repository at all (no leeway.toml).
Expected<LoadResult> load_repository(RepoSource& source, unsigned threads = 0);

}  // namespace leeway
