// `leeway build [REPO] -o OUT`: a handbook for every role and the manager
// grids, in every format, published atomically into OUT.
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <memory>

#include <fmt/format.h>

#include "app/cli/command.hpp"
#include "compiler/frontend/git_source.hpp"
#include "reports/documents/documents.hpp"
#include "reports/documents/edition_changes.hpp"
#include "reports/publish/build_outputs.hpp"
#include "reports/publish/output_format.hpp"

namespace leeway {
namespace {

namespace fs = std::filesystem;

struct BuildArgs {
  std::string repo = ".", out = "out", formats = "md,html,pdf,docx,epub", pandoc = "pandoc", paper = "a4";
  std::string since;  // a revision; "" for the default (the previous edition in Git), "none" for no comparison
  double timeout = 120;
  bool allow_inside = false, quiet = false, pdf_via_pandoc = false;
};

Expected<BuildOptions> build_options(const BuildArgs& a, const GlobalOptions& global) {
  BuildOptions opt;
  opt.out_dir = a.out;
  opt.pandoc = a.pandoc;
  opt.timeout_seconds = a.timeout;
  opt.jobs = global.jobs;
  opt.paper = a.paper == "letter" ? Paper::letter : Paper::a4;  // CLI11 took a4 or letter only
  opt.shared_pdf_engine = !a.pdf_via_pandoc;
  Expected<FormatSet> formats = parse_formats(a.formats);
  if (!formats) return Failure{formats.error()};
  opt.formats = *formats;
  return opt;
}

ExitCode run_build(const BuildArgs& a, const GlobalOptions& global) {
  if (Status folder = check_repository_folder(a.repo); !folder) return fail(folder.error());
  if (path_inside(a.out, a.repo) && !a.allow_inside)
    return fail(
        fmt::format("the output folder `{}` is inside the policy repository `{}`; leeway never writes into a repository\n"
                    "  = hint: choose a folder outside it (-o ../handbooks), or pass --allow-output-in-repo if you mean it",
                    a.out, a.repo));
  Expected<BuildOptions> opt = build_options(a, global);
  if (!opt) return fail(opt.error());
  Expected<Compilation*> opened = open_repository(a.repo, global, true);
  if (!opened) return fail(opened.error());
  const Compilation& comp = **opened;
  const Manifest& m = comp.repo.manifest;
  opt->heading = m.edition.empty() ? m.name : fmt::format("{}, edition {}", m.name, m.edition);
  opt->source_date_epoch = source_date_epoch(a.repo, comp);
  opt->edition_id = fmt::format("{}/{}", m.name, m.edition);
  if (comp.diags.has_errors()) {
    report_to_stderr(comp, global, 20);
    std::fprintf(stderr, "leeway: error: the repository has errors, so no document was built; the previous ones in %s are unchanged\n",
                 a.out.c_str());
    return ExitCode::findings;
  }
  // What changed since the previous edition: a revision given, or found in Git.
  std::unique_ptr<EditionBase> since;
  std::string rev = a.since;
  if (rev.empty()) rev = previous_edition_commit(a.repo, m.edition);
  if (!rev.empty() && rev != "none") {
    Expected<GitRevision> base = read_git_revision(a.repo, rev);
    if (!base) return fail(fmt::format("--since: {}", base.error()));
    Expected<Compilation*> before = open_repository(*base->source, global, true);
    if (!before) return fail(fmt::format("--since: at {}: {}", base->label, before.error()));
    const std::string& edition = (*before)->repo.manifest.edition;
    std::string label = edition.empty() || edition == m.edition ? fmt::format("{} ({})", a.since.empty() ? "the last edition" : a.since, base->sha)
                                                                : fmt::format("edition {} ({})", edition, base->sha);
    since = std::make_unique<EditionBase>(**before, comp, label);
  }
  // Progress on a terminal only: `[3/14] handbook-supervisor.pdf`, one line rewritten.
  bool tty = !a.quiet && isatty(STDERR_FILENO) && !std::getenv("CI");
  if (tty)
    opt->progress = [](std::size_t i, std::size_t n, const std::string& file, bool reused) {
      std::fprintf(stderr, "\r\033[K[%zu/%zu] %s%s", i, n, file.c_str(), reused ? " (unchanged)" : "");
      std::fflush(stderr);
    };
  auto t0 = std::chrono::steady_clock::now();
  std::vector<Document> docs = make_documents(comp, since.get());
  Expected<BuildSummary> built = build_outputs(docs, *opt);
  if (tty) std::fprintf(stderr, "\r\033[K");
  if (!built) return fail(built.error());
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  if (!a.quiet)
    std::fprintf(stderr, "leeway: %zu files in %s (%zu rendered by Pandoc, %zu unchanged) in %.1f s\n", built->files.size(), a.out.c_str(),
                 built->rendered, built->reused, secs);
  if (global.timings) {
    std::fprintf(stderr, "timings (seconds of work per format, summed over files built in parallel; %.2f s in all):\n", secs);
    for (const auto& [format, s] : built->seconds) std::fprintf(stderr, "  %-6s %7.2f\n", format.c_str(), s);
  }
  for (const auto& f : built->files) std::printf("%s\n", (fs::path(a.out) / f).string().c_str());
  return ExitCode::ok;
}

}  // namespace

Command add_build_command(CLI::App& app, const GlobalOptions& global) {
  auto a = std::make_shared<BuildArgs>();
  CLI::App* cmd = app.add_subcommand("build", "publish a handbook for every role and the manager grids (Markdown, HTML, PDF, DOCX, EPUB)");
  cmd->add_option("REPO", a->repo, "the repository folder")->capture_default_str();
  cmd->add_option("-o,--output", a->out, "the output folder (made if missing; never inside the repository)")->capture_default_str();
  cmd->add_option("--formats", a->formats, "comma-separated: md, html, pdf, docx, epub")->capture_default_str();
  cmd->add_option("--paper", a->paper, "the page size of the PDFs")->check(CLI::IsMember({"a4", "letter"}))->capture_default_str();
  cmd->add_option("--pandoc", a->pandoc, "the Pandoc program to run")->capture_default_str();
  cmd->add_option("--pandoc-timeout", a->timeout, "seconds one Pandoc run may take before it is stopped")->capture_default_str();
  cmd->add_option("--since", a->since,
                  "open each handbook with what changed since this revision (a branch, tag or commit); default: the last commit "
                  "of the previous edition in Git; none: no such chapter");
  cmd->add_flag("--pdf-via-pandoc", a->pdf_via_pandoc,
                "let Pandoc run WeasyPrint for each PDF (slower: by default leeway lays out many PDFs in one WeasyPrint process a core)");
  cmd->add_flag("--allow-output-in-repo", a->allow_inside, "allow an output folder inside the policy repository");
  cmd->add_flag("-q,--quiet", a->quiet, "no progress and no summary; the list of files still goes to standard output");
  cmd->footer(
      "Files: handbook-<role>.<format> and card-<role>.<format> (one page) for every role, grid-judgment,\n"
      "grid-authority and grid-decision-maps, grid-map-<policy>.svg, explorer.html (pick a situation, read the\n"
      "leeway there; with html), and index.html, which links them all (publish the folder as it is).\n"
      "Only what changed is rendered again; a failed build leaves the previous files as they were.\n"
      "In Git, each handbook and grid opens with \"What changed since edition X\": X is the edition of the newest\n"
      "commit whose leeway.toml names another edition (change it with --since REV, or --since none).\n"
      "Exit status: 0 built, 1 the repository has errors (nothing built), 2 the build could not run (Pandoc missing or failing).\n"
      "Example: leeway build policies -o out");
  return {cmd, [a, &global] { return run_build(*a, global); }};
}

}  // namespace leeway
