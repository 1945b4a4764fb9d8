#include "compiler/analysis/compile.hpp"

#include <chrono>

#include <fmt/format.h>

#include "compiler/analysis/analysis.hpp"
#include "compiler/analysis/role_checks.hpp"
#include "compiler/analysis/waivers.hpp"
#include "compiler/frontend/resolver.hpp"

namespace leeway {

Expected<Compilation> compile(RepoSource& source, const CompileOptions& options) {
  Compilation c;
  auto t0 = std::chrono::steady_clock::now();
  auto lap = [&](const char* stage) {
    auto t1 = std::chrono::steady_clock::now();
    c.timings.emplace_back(stage, std::chrono::duration<double>(t1 - t0).count());
    t0 = t1;
  };
  Expected<LoadResult> loaded = load_repository(source, options.threads);
  if (!loaded) return Failure{loaded.error()};
  c.repo = std::move(loaded->repo);
  c.diags = std::move(loaded->diags);
  lap("load");
  // Freeing the TOML documents costs about a third of parsing them: keep
  // them with the compilation, freed with it (or never, by the CLI).
  c.documents = std::move(loaded->tables);
  resolve(c.repo, c.diags);
  for (Policy& p : c.repo.policies)
    if (p.items.size() > options.limits.items_per_policy) {
      const Item& over = p.items[options.limits.items_per_policy];
      c.diags.add(DiagnosticKind::limit_exceeded, over.pos,
                  fmt::format("policy `{}` has {} items, over the limit of {} items per policy; it is not analysed", p.id, p.items.size(),
                              options.limits.items_per_policy),
                  fmt::format("split the policy, or raise the limit: --limit-items {}", p.items.size()));
      p.valid = false;
    }
  lap("resolve");
  build_graph(c.repo, c.graph);
  check_role_cycles(c.graph, c.repo, c.diags);
  lap("graph");
  c.spaces = compile_spaces(c.repo, options.threads);
  lap("decision spaces");
  if (options.analyse) {
    analyse(c.repo, c.spaces, c.diags, options.threads, options.limits.diagnostics_per_policy);
    check_ceilings(c.graph, c.repo.manifest, c.diags);
    apply_waivers(c.repo, c.diags);
    if (!options.defer) {
      c.diags.make_findings(options.threads);
      c.diags.complete(options.threads);
    }
  }
  lap("analysis");
  return c;
}

}  // namespace leeway
