// `leeway graph [REPO]`: the dependency graph, as Graphviz DOT or JSON.
#include <memory>

#include "app/cli/command.hpp"
#include "compiler/emit/graph_export.hpp"

namespace leeway {
namespace {

struct GraphArgs {
  std::string repo = ".", format = "dot";
};

ExitCode run_graph(const GraphArgs& a, const GlobalOptions& global) {
  Expected<Compilation*> opened = open_repository(a.repo, global, false);
  if (!opened) return fail(opened.error());
  const Compilation& comp = **opened;
  report_to_stderr(comp, global, 20);
  write_out(a.format == "json" ? graph_to_json(comp.graph) : graph_to_dot(comp.graph, comp.repo));
  return comp.diags.has_errors() ? ExitCode::findings : ExitCode::ok;
}

}  // namespace

Command add_graph_command(CLI::App& app, const GlobalOptions& global) {
  auto a = std::make_shared<GraphArgs>();
  CLI::App* cmd = app.add_subcommand("graph", "print the repository's dependency graph (Graphviz DOT or JSON)");
  cmd->add_option("REPO", a->repo, "the repository folder")->capture_default_str();
  cmd->add_option("--format", a->format, "dot or json")->check(CLI::IsMember({"dot", "json"}))->capture_default_str();
  return {cmd, [a, &global] { return run_graph(*a, global); }};
}

}  // namespace leeway
