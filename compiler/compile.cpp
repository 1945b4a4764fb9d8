#include "compiler/compile.hpp"

#include "compiler/analysis.hpp"
#include "compiler/resolver.hpp"

namespace leeway {

Compilation compile(RepoSource& source, const CompileOptions& options) {
  Compilation c;
  LoadResult loaded = load_repository(source);
  c.fatal = std::move(loaded.fatal);
  c.repo = std::move(loaded.repo);
  c.diags = std::move(loaded.diags);
  if (!c.fatal.empty()) return c;
  resolve(c.repo, c.diags);
  c.graph = build_graph(c.repo);
  check_role_cycles(c.graph, c.repo, c.diags);
  c.spaces = compile_spaces(c.repo, options.threads);
  if (options.analyse) c.diags.append(analyse(c.repo, c.spaces, options.threads));
  return c;
}

}  // namespace leeway
