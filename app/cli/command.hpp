// What every command of the `leeway` command line shares: the global options,
// the exit codes, how a command says it cannot run, and opening a repository.
// Each command lives in its own file (<name>_command.cpp) and registers itself
// with add_<name>_command(); cli.cpp lists them.
#pragma once
#include <cstdio>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include <CLI/CLI.hpp>

#include "compiler/analysis/compile.hpp"
#include "compiler/frontend/repo_source.hpp"

namespace leeway {

// What a script can trust: 0 no error (and, with --strict, no warning);
// 1 the policies have errors (or the change brings new ones, or some batch
// rows could not be read); 2 the command could not run (bad arguments, no
// repository, Pandoc failing, internal error).
enum class ExitCode : int { ok = 0, findings = 1, cannot_run = 2 };

// Options every command takes, before or after its name.
struct GlobalOptions {
  std::string color = "auto";
  unsigned jobs = 0;
  bool timings = false;
  Limits limits{};
  CompileOptions compile_options(bool analyse) const { return CompileOptions{analyse, jobs, limits}; }
  // Colour on the terminal `fd` only, never when NO_COLOR is set.
  bool color_on(int fd) const;
};

// One subcommand: its parser, and what runs once it has been parsed.
struct Command {
  CLI::App* parser = nullptr;
  std::function<ExitCode()> run;
};

// "leeway: error: MESSAGE" on standard error; the exit code of a command that
// could not run.
ExitCode fail(std::string_view message);
inline ExitCode fail(const Failure& f) { return fail(f.message); }

// Fails unless `repo` is an existing folder (the loader looks for leeway.toml).
Status check_repository_folder(const std::string& repo);
// Compiles the repository in the folder `repo` (analysed or not), its
// diagnostics made, complete and sorted; with `for_report`, left as analysis
// found them for a report to make what it writes (compiler/emit/
// diagnostic_report.hpp). Fails when `repo` is not a folder or holds no
// leeway.toml (then `hint`, if any, follows the message). The compilation is
// kept to the end of the process and never freed: see docs/design.md,
// "Performance".
Expected<Compilation*> open_repository(const std::string& repo, const GlobalOptions& global, bool analyse, std::string_view hint = {},
                                       bool for_report = false);
// The same for any source (a Git revision).
Expected<Compilation*> open_repository(RepoSource& source, const GlobalOptions& global, bool analyse, bool for_report = false);

// The diagnostics as text on standard error, at most `max` of them: for
// commands whose standard output is data.
void report_to_stderr(const Compilation& comp, const GlobalOptions& global, std::size_t max);
// --timings: the seconds each stage took, on standard error.
void print_timings(const Compilation& comp, const GlobalOptions& global);
void write_out(std::string_view s);
// The one time of a build's outputs (seconds since 1970): SOURCE_DATE_EPOCH
// when it is set, else the commit time of HEAD when the repository is in
// Git, else the newest of the files read.
std::int64_t source_date_epoch(const std::string& repo, const Compilation& comp);
// Is `inner` the folder `outer` or inside it (real paths: links resolved)?
bool path_inside(const std::string& inner, const std::string& outer);

Command add_check_command(CLI::App& app, const GlobalOptions& global);
Command add_graph_command(CLI::App& app, const GlobalOptions& global);
Command add_query_command(CLI::App& app, const GlobalOptions& global);
Command add_diff_command(CLI::App& app, const GlobalOptions& global);
Command add_explain_command(CLI::App& app, const GlobalOptions& global);
Command add_init_command(CLI::App& app, const GlobalOptions& global);
Command add_review_command(CLI::App& app, const GlobalOptions& global);
Command add_build_command(CLI::App& app, const GlobalOptions& global);
Command add_schema_command(CLI::App& app, const GlobalOptions& global);
Command add_lsp_command(CLI::App& app, const GlobalOptions& global);
Command add_completions_command(CLI::App& app, const GlobalOptions& global);

}  // namespace leeway
