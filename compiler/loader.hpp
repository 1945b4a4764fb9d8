// Loading: reads every file of a repository source, checks its encoding,
// parses it as TOML and hands it to the manifest, policy or story parser.
#pragma once
#include <string>

#include "compiler/diagnostic.hpp"
#include "compiler/model.hpp"
#include "compiler/repo_source.hpp"

namespace leeway {

struct LoadResult {
  Repository repo;
  Diagnostics diags;
  // Set when the command cannot run at all (no folder, no manifest): exit 2.
  std::string fatal;
};

LoadResult load_repository(RepoSource& source);

}  // namespace leeway
