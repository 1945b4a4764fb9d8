// `leeway diff BASE [HEAD]`: what a change to the policies means, read
// straight from Git, for a reviewer or a pull-request comment.
#include <memory>

#include <fmt/format.h>

#include "app/cli/command.hpp"
#include "compiler/emit/change_report_json.hpp"
#include "compiler/emit/change_report_text.hpp"
#include "compiler/frontend/git_source.hpp"
#include "reports/documents/change_report.hpp"
#include "reports/documents/documents.hpp"

namespace leeway {
namespace {

struct DiffArgs {
  std::string base, head, repo = ".", format = "text";
};

ExitCode run_diff(const DiffArgs& a, const GlobalOptions& global) {
  if (Status folder = check_repository_folder(a.repo); !folder) return fail(folder.error());
  Expected<GitRevision> base = read_git_revision(a.repo, a.base);
  if (!base) return fail(base.error());
  std::unique_ptr<RepoSource> head_source;
  std::string head_label = "the working tree";
  if (a.head.empty()) {
    head_source = std::make_unique<DiskSource>(a.repo);
  } else {
    Expected<GitRevision> head = read_git_revision(a.repo, a.head);
    if (!head) return fail(head.error());
    head_source = std::move(head->source);
    head_label = head->label;
  }
  Expected<Compilation*> before = open_repository(*base->source, global, true);
  if (!before) return fail(fmt::format("at {}: {}", base->label, before.error()));
  Expected<Compilation*> after = open_repository(*head_source, global, true);
  if (!after) return fail(fmt::format("at {}: {}", head_label, after.error()));
  ChangeReport report = make_change_report(**before, **after, base->label, head_label, handbooks_by_role(**before), handbooks_by_role(**after));
  if (a.format == "json")
    write_out(change_report_json(report));
  else if (a.format == "markdown")
    write_out(change_report_markdown(report));
  else
    write_out(change_report_text(report));
  return brings_new_errors(report) ? ExitCode::findings : ExitCode::ok;
}

}  // namespace

Command add_diff_command(CLI::App& app, const GlobalOptions& global) {
  auto a = std::make_shared<DiffArgs>();
  CLI::App* cmd = app.add_subcommand("diff", "what a change means: situations whose decision changes, items changed, new and fixed problems");
  cmd->add_option("BASE", a->base, "the revision to compare from (a branch, tag or commit: main, HEAD~1)")->required();
  cmd->add_option("HEAD", a->head, "the revision to compare to (default: the working tree)");
  cmd->add_option("--repo", a->repo, "the policy repository's folder, inside a Git working tree")->capture_default_str();
  cmd->add_option("--format", a->format, "text, markdown (a pull-request comment) or json")
      ->check(CLI::IsMember({"text", "markdown", "json"}))
      ->capture_default_str();
  cmd->footer(
      "Revisions are read from Git directly (libgit2): no checkout.\n"
      "Exit status: 0 compared, 1 HEAD brings new errors, 2 could not run (not a Git repository, unknown revision).\n"
      "Example: leeway diff main --repo policies --format markdown > comment.md");
  return {cmd, [a, &global] { return run_diff(*a, global); }};
}

}  // namespace leeway
