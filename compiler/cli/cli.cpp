#include "compiler/cli/cli.hpp"

#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <optional>
#include <sstream>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "compiler/analysis/compile.hpp"
#include "compiler/emit/diagnostic_render.hpp"
#include "compiler/emit/diagnostic_docs.hpp"
#include "compiler/frontend/git_source.hpp"
#include "compiler/emit/github_annotations.hpp"
#include "compiler/emit/graph_export.hpp"
#include "compiler/emit/sarif.hpp"
#include "compiler/core/assets.hpp"
#include "compiler/query/query.hpp"
#include "compiler/frontend/repo_source.hpp"
#include "reports/publish/build_outputs.hpp"
#include "reports/documents/change_report.hpp"
#include "reports/documents/documents.hpp"

namespace leeway {
namespace {

namespace fs = std::filesystem;

struct Common {
  std::string color = "auto";
  unsigned jobs = 0;
  bool timings = false;
  Limits limits{};
  CompileOptions options(bool analyse) const { return CompileOptions{analyse, jobs, limits}; }
};

void print_timings(const Compilation& comp, const Common& c) {
  if (!c.timings) return;
  for (const auto& [stage, secs] : comp.timings) std::fprintf(stderr, "leeway: %-16s %8.3f s\n", stage.c_str(), secs);
}

// Colour on a terminal only, and never when NO_COLOR is set (it wins over --color always).
bool use_color(const Common& c, int fd) {
  const char* no = std::getenv("NO_COLOR");
  if (no && *no) return false;
  if (c.color == "always") return true;
  if (c.color == "never") return false;
  const char* term = std::getenv("TERM");
  if (term && std::string_view(term) == "dumb") return false;
  return isatty(fd) != 0;
}

// Each command runs once and exits: it keeps its compilation to the end of
// the process and lets the system take the memory back, as clang's
// -disable-free does. Freeing a large repository item by item costs as much
// as a tenth of checking it. (Still reachable from here, so LeakSanitizer
// does not count it as a leak.)
Compilation& retain(Compilation&& c) {
  static auto* kept = new std::vector<Compilation*>;
  kept->push_back(new Compilation(std::move(c)));
  return *kept->back();
}

int fail(const std::string& message) {
  std::fprintf(stderr, "leeway: error: %s\n", message.c_str());
  return 2;
}

// Checks that REPO is a folder; the loader checks for the manifest.
std::string check_repo_arg(const std::string& repo) {
  std::error_code ec;
  if (!fs::exists(repo, ec)) return fmt::format("`{}` does not exist", repo);
  if (!fs::is_directory(repo, ec)) return fmt::format("`{}` is not a folder; give the folder that holds leeway.toml", repo);
  return {};
}

void write_out(const std::string& s) { std::fwrite(s.data(), 1, s.size(), stdout); }

// Paths in SARIF and annotations are relative to where CI runs: the
// repository folder as given, unless --root says otherwise.
std::string root_hint(const std::string& repo, const std::optional<std::string>& root) {
  if (root) return *root;
  std::string r = fs::path(repo).lexically_normal().generic_string();
  if (r == "." || r == "./") return "";
  if (!r.empty() && r.back() == '/') r.pop_back();
  return r;
}

int run_check(const std::string& repo, const std::string& format, bool strict, std::size_t max_diags, bool max_given,
              const std::optional<std::string>& root,
              const Common& c) {
  if (auto e = check_repo_arg(repo); !e.empty()) return fail(e);
  DiskSource source(repo);
  Compilation& comp = retain(compile(source, c.options(true)));
  if (!comp.fatal.empty()) return fail(comp.fatal + "\n  = hint: run leeway in the repository's root folder, or give its path: leeway check PATH");
  auto t0 = std::chrono::steady_clock::now();
  comp.diags.sort();
  const auto& all = comp.diags.all();
  if (format == "json") {
    write_json(all, max_given ? max_diags : 0, [](std::string_view piece) { std::fwrite(piece.data(), 1, piece.size(), stdout); });
  } else if (format == "sarif") {
    write_out(render_sarif(all, root_hint(repo, root)));
  } else if (format == "github") {
    write_out(render_github(all, root_hint(repo, root)));
  } else {
    TextOptions opt{use_color(c, STDOUT_FILENO), max_given ? max_diags : 50};
    write_out(render_text(all, comp.repo.files, opt));
  }
  comp.timings.emplace_back("report", std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
  print_timings(comp, c);
  bool failed = comp.diags.count(Severity::error) > 0 || (strict && comp.diags.count(Severity::warning) > 0);
  return failed ? 1 : 0;
}

// Structural diagnostics go to stderr for commands whose stdout is data.
void report_to_stderr(const Compilation& comp, const Common& c) {
  if (comp.diags.all().empty()) return;
  TextOptions opt{use_color(c, STDERR_FILENO), 20};
  std::string text = render_text(comp.diags.all(), comp.repo.files, opt);
  std::fwrite(text.data(), 1, text.size(), stderr);
}

int run_graph(const std::string& repo, const std::string& format, const Common& c) {
  if (auto e = check_repo_arg(repo); !e.empty()) return fail(e);
  DiskSource source(repo);
  Compilation& comp = retain(compile(source, c.options(false)));
  if (!comp.fatal.empty()) return fail(comp.fatal);
  comp.diags.sort();
  report_to_stderr(comp, c);
  write_out(format == "json" ? graph_to_json(comp.graph) : graph_to_dot(comp.graph, comp.repo));
  return comp.diags.has_errors() ? 1 : 0;
}

int run_query(std::vector<std::string> args, const std::string& format, const std::string& batch, const Common& c) {
  // [REPO] POLICY dim=value...: REPO is there when the first word is a folder.
  std::string repo = ".";
  std::error_code ec;
  if (!args.empty() && args[0].find('=') == std::string::npos && fs::is_directory(args[0], ec) && args.size() >= 2 &&
      args[1].find('=') == std::string::npos) {
    repo = args[0];
    args.erase(args.begin());
  }
  if (args.empty() || args[0].find('=') != std::string::npos)
    return fail("name the policy to query: leeway query [REPO] POLICY dim=value ...");
  std::string policy_id = args[0];
  args.erase(args.begin());
  if (auto e = check_repo_arg(repo); !e.empty()) return fail(e);
  DiskSource source(repo);
  Compilation& comp = retain(compile(source, c.options(false)));
  if (!comp.fatal.empty()) return fail(comp.fatal);
  int p = comp.repo.policy_index(policy_id);
  if (p < 0) {
    std::vector<std::string> ids;
    for (const auto& pol : comp.repo.policies) ids.push_back(pol.id);
    std::string list;
    for (const auto& id : ids) list += (list.empty() ? "" : ", ") + id;
    return fail(fmt::format("`{}` is not a policy of this repository (policies: {})", policy_id, list));
  }
  const auto& space = comp.spaces[static_cast<std::size_t>(p)];
  if (!space) {
    comp.diags.sort();
    report_to_stderr(comp, c);
    return fail(fmt::format("policy `{}` has structural errors; fix them before querying it (see leeway check)", policy_id));
  }
  const Policy& policy = comp.repo.policies[static_cast<std::size_t>(p)];
  DecisionIndex index(*space);
  if (!batch.empty()) {
    if (!args.empty()) return fail("give situations either as dim=value words or with --batch, not both");
    BatchFormat bf = format == "csv" || format == "text" ? BatchFormat::csv : BatchFormat::jsonl;
    std::ifstream file;
    std::istream* in = &std::cin;
    if (batch != "-") {
      file.open(batch, std::ios::binary);
      if (!file) return fail(fmt::format("cannot read the batch file `{}`", batch));
      in = &file;
    }
    std::size_t rows = 0;
    std::string err = run_batch(comp.repo, policy, index, *in, stdout, bf, rows);
    std::fflush(stdout);
    if (!err.empty()) return fail(fmt::format("{}: {}", batch == "-" ? "standard input" : batch, err));
    return 0;
  }
  std::vector<std::int64_t> point;
  std::string err = parse_situation(*space, args, point);
  if (!err.empty()) return fail(err);
  Decision d = index.decide(point, policy);
  if (format == "json") write_out(decision_json(comp.repo, policy, d) + "\n");
  else write_out(decision_text(comp.repo, policy, d));
  return 0;
}

int run_explain(const std::string& code) {
  if (code.empty()) {
    for (const auto& k : diagnostic_catalog())
      if (k.kind != DiagnosticKind::internal) std::printf("%s  %-20s %-8s %s\n", std::string(k.code).c_str(), std::string(k.name).c_str(), severity_name(k.severity),
                                            std::string(k.summary).c_str());
    std::printf("\nleeway explain CODE prints the whole explanation of one of them.\n");
    return 0;
  }
  const DiagnosticInfo* k = find_diagnostic(code);
  if (!k) return fail(fmt::format("`{}` is not a diagnostic code or kind; `leeway explain` lists them", code));
  write_out(fmt::format("{} {} ({}): {}\n\n{}\n", k->code, k->name, severity_name(k->severity), k->summary, diagnostic_explanation(*k)));
  return 0;
}

// Writes a small working repository into DIR (which must not exist or be empty).
int run_init(const std::string& dir) {
  std::error_code ec;
  if (fs::exists(dir, ec) && !(fs::is_directory(dir, ec) && fs::is_empty(dir, ec)))
    return fail(fmt::format("`{}` already exists and is not an empty folder; leeway init never overwrites anything", dir));
  fs::create_directories(fs::path(dir) / "stories", ec);
  if (ec) return fail(fmt::format("cannot create `{}`: {}", dir, ec.message()));
  const std::pair<const char*, const char*> files[] = {
      {"init-leeway.toml", "leeway.toml"}, {"init-returns.toml", "returns.toml"}, {"init-story.md", "stories/grace-period.md"}};
  for (const auto& [from, to] : files) {
    std::ofstream out(fs::path(dir) / to, std::ios::binary);
    std::string_view bytes = asset(from);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!out) return fail(fmt::format("cannot write `{}`", (fs::path(dir) / to).string()));
  }
  std::printf("leeway: a policy repository is ready in %s:\n  leeway.toml\n  returns.toml\n  stories/grace-period.md\n"
              "next: leeway check %s, then leeway build %s -o handbooks\n", dir.c_str(), dir.c_str(), dir.c_str());
  return 0;
}

int run_diff(const std::string& base_rev, const std::string& head_rev, const std::string& repo, const std::string& format, const Common& c) {
  if (auto e = check_repo_arg(repo); !e.empty()) return fail(e);
  GitRevision base = read_git_revision(repo, base_rev);
  if (!base.source) return fail(base.error);
  std::unique_ptr<RepoSource> head_source;
  std::string head_label = "the working tree";
  if (head_rev.empty()) {
    head_source = std::make_unique<DiskSource>(repo);
  } else {
    GitRevision head = read_git_revision(repo, head_rev);
    if (!head.source) return fail(head.error);
    head_source = std::move(head.source);
    head_label = head.label;
  }
  Compilation& before = retain(compile(*base.source, c.options(true)));
  if (!before.fatal.empty()) return fail(fmt::format("at {}: {}", base.label, before.fatal));
  Compilation& after = retain(compile(*head_source, c.options(true)));
  if (!after.fatal.empty()) return fail(fmt::format("at {}: {}", head_label, after.fatal));
  before.diags.sort();
  after.diags.sort();
  ChangeReport report = make_change_report(before, after, base.label, head_label);
  if (format == "json") write_out(change_report_json(report));
  else if (format == "markdown") write_out(change_report_markdown(report));
  else write_out(change_report_text(report));
  for (const Diagnostic* d : report.model.new_diagnostics)
    if (d->severity == Severity::error && d->waived.empty()) return 1;
  return 0;
}

struct BuildArgs {
  std::string repo = ".", out = "out", formats = "md,html,pdf,docx,epub", pandoc = "pandoc";
  double timeout = 120;
  bool allow_inside = false, quiet = false;
};

// Is `inner` the folder `outer` or inside it (after resolving links)?
bool inside(const fs::path& inner, const fs::path& outer) {
  std::error_code ec;
  fs::path a = fs::weakly_canonical(inner, ec), b = fs::weakly_canonical(outer, ec);
  auto rel = a.lexically_relative(b);
  return !rel.empty() && *rel.begin() != "..";
}

int run_build(const BuildArgs& a, const Common& c) {
  if (auto e = check_repo_arg(a.repo); !e.empty()) return fail(e);
  if (inside(a.out, a.repo) && !a.allow_inside)
    return fail(fmt::format("the output folder `{}` is inside the policy repository `{}`; leeway never writes into a repository\n"
                            "  = hint: choose a folder outside it (-o ../handbooks), or pass --allow-output-in-repo if you mean it",
                            a.out, a.repo));
  BuildOptions opt;
  opt.out_dir = a.out;
  opt.pandoc = a.pandoc;
  opt.timeout_seconds = a.timeout;
  opt.jobs = c.jobs;
  opt.formats.clear();
  std::stringstream fs_list(a.formats);
  for (std::string f; std::getline(fs_list, f, ',');) {
    if (f.empty()) continue;
    if (f != "md" && f != "html" && f != "pdf" && f != "docx" && f != "epub")
      return fail(fmt::format("`{}` is not a document format; choose among md, html, pdf, docx, epub", f));
    opt.formats.push_back(f);
  }
  DiskSource source(a.repo);
  Compilation& comp = retain(compile(source, c.options(true)));
  if (!comp.fatal.empty()) return fail(comp.fatal);
  comp.diags.sort();
  if (comp.diags.has_errors()) {
    TextOptions topt{use_color(c, STDERR_FILENO), 20};
    std::string text = render_text(comp.diags.all(), comp.repo.files, topt);
    std::fwrite(text.data(), 1, text.size(), stderr);
    std::fprintf(stderr, "leeway: error: the repository has errors, so no document was built; the previous ones in %s are unchanged\n",
                 a.out.c_str());
    return 1;
  }
  // Progress on a terminal only: `[3/14] handbook-supervisor.pdf`, one line rewritten.
  bool tty = !a.quiet && isatty(STDERR_FILENO) && !std::getenv("CI");
  if (tty)
    opt.progress = [](std::size_t i, std::size_t n, const std::string& file, bool reused) {
      std::fprintf(stderr, "\r\033[K[%zu/%zu] %s%s", i, n, file.c_str(), reused ? " (unchanged)" : "");
      std::fflush(stderr);
    };
  auto t0 = std::chrono::steady_clock::now();
  std::vector<Document> docs = make_documents(comp);
  BuildResult r = build_outputs(docs, opt);
  if (tty) std::fprintf(stderr, "\r\033[K");
  if (!r.ok()) {
    std::fprintf(stderr, "leeway: error: %s\n", r.error.c_str());
    return 2;
  }
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  if (!a.quiet)
    std::fprintf(stderr, "leeway: %zu files in %s (%zu rendered by Pandoc, %zu unchanged) in %.1f s\n", r.files.size(), a.out.c_str(), r.rendered,
                 r.reused, secs);
  for (const auto& f : r.files) std::printf("%s\n", (fs::path(a.out) / f).string().c_str());
  return 0;
}

}  // namespace

int run_cli(int argc, char** argv) {
  CLI::App app{
      "leeway compiles a repository of customer-service policies (rules, the exceptions staff may grant, "
      "and the lines never crossed) into a checked graph, and answers what the policy decides.\n\n"
      "Examples:\n"
      "  leeway check policies                 check the bundled repository\n"
      "  leeway check . --format json          machine-readable diagnostics\n"
      "  leeway query policies returns days_since_purchase=45 has_receipt=true customer_tier=gold fraud_suspected=false\n"
      "  leeway graph policies | dot -Tsvg > graph.svg\n"
      "  leeway build policies -o out          handbooks per role and manager grids\n"
      "  leeway diff main --repo policies      what a change means, for a pull request\n"
      "  leeway explain LW505                  what a diagnostic means and how to fix it\n\n"
      "Exit status: 0 no error, 1 errors found (warnings too with --strict), 2 the command could not run.",
      "leeway"};
  app.set_version_flag("--version", "leeway 0.1.0");
  app.require_subcommand(1);
  app.fallthrough();  // global options may follow the command: leeway check . -j 1
  Common common;
  app.add_option("--color", common.color, "colour in text output: auto (on a terminal, unless NO_COLOR is set), always, never")
      ->check(CLI::IsMember({"auto", "always", "never"}))
      ->capture_default_str();
  app.add_option("-j,--jobs", common.jobs, "threads for loading and analysis (default: all cores)");
  app.add_flag("--timings", common.timings, "print the time each stage took to standard error");
  app.add_option("--limit-items", common.limits.items_per_policy, "most items one policy may have before it is not analysed")
      ->capture_default_str();
  app.add_option("--limit-diagnostics", common.limits.diagnostics_per_policy,
                 "most conflicts (and most gaps) listed for one policy; the rest are counted")
      ->capture_default_str();

  std::string repo = ".", format = "text";
  bool strict = false;
  std::size_t max_diags = 0;

  auto* check = app.add_subcommand("check", "check a policy repository and report every problem found");
  check->add_option("REPO", repo, "the repository folder (holds leeway.toml)")->capture_default_str();
  std::optional<std::string> root;
  check->add_option("--format", format,
                    "text (for people), json (the check contract), sarif (SARIF 2.1.0 for code scanning) or github (workflow annotations)")
      ->check(CLI::IsMember({"text", "json", "sarif", "github"}))
      ->capture_default_str();
  check->add_option("--root", root, "sarif and github: the repository's path from the checkout root (default: REPO as given)");
  check->add_flag("--strict", strict, "warnings fail the check too (exit 1); waived diagnostics never do");
  auto* max_opt = check->add_option("--max-diagnostics", max_diags,
                                    "show at most N diagnostics (text default 50, JSON default all; 0: all); the rest are counted");

  std::string graph_format = "dot";
  auto* graph = app.add_subcommand("graph", "print the repository's dependency graph (Graphviz DOT or JSON)");
  graph->add_option("REPO", repo, "the repository folder")->capture_default_str();
  graph->add_option("--format", graph_format, "dot or json")->check(CLI::IsMember({"dot", "json"}))->capture_default_str();

  std::vector<std::string> qargs;
  std::string batch, qformat = "text";
  auto* query = app.add_subcommand("query", "print what a policy decides in a situation");
  query->add_option("ARGS", qargs, "[REPO] POLICY dim=value ...: every dimension the policy is over needs a value");
  query->add_option("--format", qformat, "text or json; with --batch: csv (default) or jsonl")
      ->check(CLI::IsMember({"text", "json", "csv", "jsonl"}))
      ->capture_default_str();
  query->add_option("--batch", batch, "decide every row of a CSV file (header: dimension names; - for standard input)");
  query->footer(
      "A decision comes from the lines that hold, else the exceptions, else the rules; none means the policy is silent.\n"
      "Example: leeway query policies returns days_since_purchase=45 has_receipt=true customer_tier=gold fraud_suspected=false");

  std::string diff_base, diff_head, diff_repo = ".", diff_format = "text";
  auto* diff = app.add_subcommand("diff", "what a change means: situations whose decision changes, items changed, new and fixed problems");
  diff->add_option("BASE", diff_base, "the revision to compare from (a branch, tag or commit: main, HEAD~1)")->required();
  diff->add_option("HEAD", diff_head, "the revision to compare to (default: the working tree)");
  diff->add_option("--repo", diff_repo, "the policy repository's folder, inside a Git working tree")->capture_default_str();
  diff->add_option("--format", diff_format, "text, markdown (a pull-request comment) or json")
      ->check(CLI::IsMember({"text", "markdown", "json"}))
      ->capture_default_str();
  diff->footer("Revisions are read from Git directly (libgit2): no checkout.\n"
               "Exit status: 0 compared, 1 HEAD brings new errors, 2 could not run (not a Git repository, unknown revision).\n"
               "Example: leeway diff main --repo policies --format markdown > comment.md");

  std::string explain_code, init_dir;
  auto* explain = app.add_subcommand("explain", "explain a diagnostic code (LW507) or kind (beyond-rule); with none, list them all");
  explain->add_option("CODE", explain_code, "a code or kind");
  auto* init = app.add_subcommand("init", "write a small working policy repository to start from");
  init->add_option("DIR", init_dir, "a folder that does not exist yet (or is empty)")->required();

  BuildArgs bargs;
  auto* build = app.add_subcommand("build", "publish a handbook for every role and the manager grids (Markdown, HTML, PDF, DOCX, EPUB)");
  build->add_option("REPO", bargs.repo, "the repository folder")->capture_default_str();
  build->add_option("-o,--output", bargs.out, "the output folder (made if missing; never inside the repository)")->capture_default_str();
  build->add_option("--formats", bargs.formats, "comma-separated: md, html, pdf, docx, epub")->capture_default_str();
  build->add_option("--pandoc", bargs.pandoc, "the Pandoc program to run")->capture_default_str();
  build->add_option("--pandoc-timeout", bargs.timeout, "seconds one Pandoc run may take before it is stopped")->capture_default_str();
  build->add_flag("--allow-output-in-repo", bargs.allow_inside, "allow an output folder inside the policy repository");
  build->add_flag("-q,--quiet", bargs.quiet, "no progress and no summary; the list of files still goes to standard output");
  build->footer(
      "Files: handbook-<role>.<format> for every role, grid-judgment, grid-authority and grid-decision-maps, and\n"
      "grid-map-<policy>.svg. Only what changed is rendered again; a failed build leaves the previous files as they were.\n"
      "Exit status: 0 built, 1 the repository has errors (nothing built), 2 the build could not run (Pandoc missing or failing).\n"
      "Example: leeway build policies -o out");

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
    return 2;
  }
  if (check->parsed()) return run_check(repo, format, strict, max_diags, max_opt->count() > 0, root, common);
  if (explain->parsed()) return run_explain(explain_code);
  if (diff->parsed()) return run_diff(diff_base, diff_head, diff_repo, diff_format, common);
  if (init->parsed()) return run_init(init_dir);
  if (graph->parsed()) return run_graph(repo, graph_format, common);
  if (query->parsed()) return run_query(qargs, qformat, batch, common);
  if (build->parsed()) return run_build(bargs, common);
  return 2;
}

}  // namespace leeway
