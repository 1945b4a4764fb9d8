// `leeway explain [CODE]`: what a diagnostic means and how to fix it, from
// docs/diagnostics.md (carried in the binary); with no code, the list.
#include <cstdio>
#include <memory>

#include <fmt/format.h>

#include "app/cli/command.hpp"
#include "compiler/emit/diagnostic_docs.hpp"

namespace leeway {
namespace {

ExitCode run_explain(const std::string& code) {
  if (code.empty()) {
    for (const auto& k : diagnostic_catalog())
      if (k.kind != DiagnosticKind::internal)
        std::printf("%s  %-20s %-8s %s\n", std::string(k.code).c_str(), std::string(k.name).c_str(), severity_name(k.severity),
                    std::string(k.summary).c_str());
    std::printf("\nleeway explain CODE prints the whole explanation of one of them.\n");
    return ExitCode::ok;
  }
  const DiagnosticInfo* k = find_diagnostic(code);
  if (!k) return fail(fmt::format("`{}` is not a diagnostic code or kind; `leeway explain` lists them", code));
  write_out(fmt::format("{} {} ({}): {}\n\n{}\n", k->code, k->name, severity_name(k->severity), k->summary, diagnostic_explanation_text(*k)));
  return ExitCode::ok;
}

}  // namespace

Command add_explain_command(CLI::App& app, const GlobalOptions&) {
  auto code = std::make_shared<std::string>();
  CLI::App* cmd = app.add_subcommand("explain", "explain a diagnostic code (LW507) or kind (beyond-rule); with none, list them all");
  cmd->add_option("CODE", *code, "a code or kind");
  return {cmd, [code] { return run_explain(*code); }};
}

}  // namespace leeway
