// `leeway check [REPO]`: every problem of a repository, for people (text),
// for machines (JSON), for code scanning (SARIF) and for GitHub annotations.
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <memory>
#include <optional>

#include "app/cli/command.hpp"
#include "compiler/emit/diagnostic_report.hpp"
#include "compiler/emit/github_annotations.hpp"
#include "compiler/emit/sarif.hpp"

namespace leeway {
namespace {

struct CheckArgs {
  std::string repo = ".", format = "text";
  bool strict = false;
  std::size_t max_diagnostics = 0;
  bool max_given = false;
  std::optional<std::string> root;
};

// Paths in SARIF and annotations are relative to where CI runs: the
// repository folder as given, unless --root says otherwise.
std::string root_hint(const std::string& repo, const std::optional<std::string>& root) {
  if (root) return *root;
  std::string r = std::filesystem::path(repo).lexically_normal().generic_string();
  if (r == "." || r == "./") return "";
  if (!r.empty() && r.back() == '/') r.pop_back();
  return r;
}

ExitCode run_check(const CheckArgs& a, const GlobalOptions& global) {
  Expected<Compilation*> opened =
      open_repository(a.repo, global, true, "run leeway in the repository's root folder, or give its path: leeway check PATH", true);
  if (!opened) return fail(opened.error());
  Compilation& comp = **opened;
  auto t0 = std::chrono::steady_clock::now();
  // The report makes, orders and completes what it writes
  // (compiler/emit/diagnostic_report.hpp): text shows the first 50 (or
  // --max-diagnostics), JSON all (or --max-diagnostics).
  if (a.format == "json") {
    report_json(comp.diags, a.max_given ? a.max_diagnostics : 0, global.jobs, [](std::string_view piece) { write_out(piece); });
  } else if (a.format == "sarif" || a.format == "github") {
    const std::vector<Diagnostic>& all = report_all(comp.diags, global.jobs);
    write_out(a.format == "sarif" ? render_sarif(all, root_hint(a.repo, a.root)) : render_github(all, root_hint(a.repo, a.root)));
  } else {
    TextOptions opt{global.color_on(STDOUT_FILENO), a.max_given ? a.max_diagnostics : 50};
    write_out(report_text(comp.diags, comp.repo.files, opt, global.jobs));
  }
  comp.timings.emplace_back("report", std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
  print_timings(comp, global);
  bool failed = comp.diags.count(Severity::error) > 0 || (a.strict && comp.diags.count(Severity::warning) > 0);
  return failed ? ExitCode::findings : ExitCode::ok;
}

}  // namespace

Command add_check_command(CLI::App& app, const GlobalOptions& global) {
  auto a = std::make_shared<CheckArgs>();
  CLI::App* cmd = app.add_subcommand("check", "check a policy repository and report every problem found");
  cmd->add_option("REPO", a->repo, "the repository folder (holds leeway.toml)")->capture_default_str();
  cmd->add_option(
         "--format", a->format,
         "text (for people), json (for machines, as docs/format.md gives it), sarif (SARIF 2.1.0 for code scanning) or github (workflow annotations)")
      ->check(CLI::IsMember({"text", "json", "sarif", "github"}))
      ->capture_default_str();
  cmd->add_option("--root", a->root, "sarif and github: the repository's path from the checkout root (default: REPO as given)");
  cmd->add_flag("--strict", a->strict, "warnings fail the check too (exit 1); waived diagnostics never do");
  CLI::Option* max = cmd->add_option("--max-diagnostics", a->max_diagnostics,
                                     "show at most N diagnostics (text default 50, JSON default all; 0: all); the rest are counted");
  return {cmd, [a, max, &global] {
            a->max_given = max->count() > 0;
            return run_check(*a, global);
          }};
}

}  // namespace leeway
