#include "app/cli/cli.hpp"

#include <vector>

#include "app/cli/command.hpp"
#include "compiler/core/version.hpp"

namespace leeway {

int run_cli(int argc, char** argv) {
  CLI::App app{
      "leeway compiles a repository of customer-service policies (rules, the exceptions staff may grant, "
      "and the lines never crossed) into a checked graph, and answers what the policy decides.\n\n"
      "Examples:\n"
      "  leeway check policies                 check the bundled repository\n"
      "  leeway check . --format json          machine-readable diagnostics\n"
      "  leeway query policies returns days_since_purchase=45 has_receipt=true customer_tier=gold fraud_suspected=false --as associate\n"
      "  leeway graph policies | dot -Tsvg > graph.svg\n"
      "  leeway build policies -o out          handbooks per role and manager grids\n"
      "  leeway diff main --repo policies      what a change means, for a pull request\n"
      "  leeway review policies cases.csv      the calls staff made, held against the policies\n"
      "  leeway explain LW505                  what a diagnostic means and how to fix it\n\n"
      "Exit status: 0 no error, 1 errors found (warnings too with --strict), 2 the command could not run.",
      "leeway"};
  app.set_version_flag("--version", "leeway " + std::string(kVersion));
  app.require_subcommand(1);
  app.fallthrough();  // global options may follow the command: leeway check . -j 1
  GlobalOptions global;
  app.add_option("--color", global.color, "colour in text output: auto (on a terminal, unless NO_COLOR is set), always, never")
      ->check(CLI::IsMember({"auto", "always", "never"}))
      ->capture_default_str();
  app.add_option("-j,--jobs", global.jobs, "threads for loading and analysis (default: all cores)");
  app.add_flag("--timings", global.timings, "print the time each stage took to standard error");
  app.add_option("--limit-items", global.limits.items_per_policy, "most items one policy may have before it is not analysed")->capture_default_str();
  app.add_option("--limit-diagnostics", global.limits.diagnostics_per_policy,
                 "most conflicts (and most gaps) listed for one policy; the rest are counted")
      ->capture_default_str();

  // In the order --help lists them.
  const std::vector<Command> commands = {add_check_command(app, global), add_graph_command(app, global),      add_query_command(app, global),
                                         add_diff_command(app, global),  add_explain_command(app, global),    add_init_command(app, global),
                                         add_build_command(app, global), add_review_command(app, global),     add_schema_command(app, global),
                                         add_lsp_command(app, global),   add_completions_command(app, global)};

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    return static_cast<int>(ExitCode::cannot_run);
  }
  for (const Command& c : commands)
    if (c.parser->parsed()) return static_cast<int>(c.run());
  return static_cast<int>(ExitCode::cannot_run);
}

}  // namespace leeway
