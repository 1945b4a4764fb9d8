// `leeway check [REPO]`: every problem of a repository, for people (text),
// for machines (JSON), for code scanning (SARIF) and for GitHub annotations.
#include <unistd.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <filesystem>
#include <future>
#include <memory>
#include <optional>
#include <type_traits>

#include "app/cli/command.hpp"
#include "compiler/core/parallel.hpp"
#include "compiler/emit/diagnostic_json.hpp"
#include "compiler/emit/diagnostic_text.hpp"
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

// What the exit code and the summary need of a diagnostic once it is
// written stays: its kind, severity and waiver. The rest is freed.
void keep_only_the_verdict(Diagnostic& d) {
  auto release = [](auto& x) { std::remove_reference_t<decltype(x)>().swap(x); };
  release(d.message), release(d.policy), release(d.items), release(d.roles), release(d.regions);
  release(d.example), release(d.hint), release(d.notes), release(d.details);
  d.region.reset();
}

// JSON of every diagnostic, a batch at a time: each batch's details are
// built and its text made on every core, then freed again, so that 200,000
// diagnostics never hold their regions all at once; a batch is written out
// while the next one is made.
// `order`: the report's order, as indices into `all`.
void write_json_completing(std::vector<Diagnostic>& all, const std::vector<std::uint32_t>& order, std::size_t limit, unsigned threads) {
  DiagnosticJsonWriter writer(limit, [](std::string_view piece) { write_out(piece); });
  constexpr std::size_t kBatch = 4096, kPiece = 256;
  struct Batch {
    std::size_t from = 0, to = 0, written = 0;
    std::vector<std::string> texts;  // one per piece; their memory is reused from batch to batch
    std::vector<const Diagnostic*> shown, counted;
  };
  auto make = [&](Batch& b, std::size_t from) {
    b.from = from;
    b.to = std::min(all.size(), from + kBatch);
    b.written = limit == 0 ? b.to : std::clamp(limit, from, b.to);
    std::size_t pieces = (b.to - from + kPiece - 1) / kPiece;
    if (b.texts.size() < pieces) b.texts.resize(pieces);
    parallel_for(pieces, threads, [&](std::size_t p) {
      // Written in a string of this thread's own: strings side by side in
      // `texts` share cache lines, and every append moves their size.
      std::string text;
      text.swap(b.texts[p]);
      text.clear();
      // Room for a piece of diagnostics with a region each (some 1,000
      // bytes), once: a string that doubles leaves its smaller selves behind
      // in fresh memory.
      text.reserve(kPiece * 1280);
      // Details are built into one diagnostic of this thread's, whose
      // regions, strings and lists keep their room from one to the next.
      thread_local Diagnostic completed;
      for (std::size_t i = from + p * kPiece; i < std::min(b.to, from + (p + 1) * kPiece); ++i) {
        Diagnostic& d = all[order[i]];
        if (i < b.written) {
          if (d.details) {
            d.details_into(completed);
            append_diagnostic_json(text, completed);
            d.give_back(completed);
          } else {
            append_diagnostic_json(text, d);
          }
        }
        keep_only_the_verdict(d);
      }
      text.swap(b.texts[p]);
    });
  };
  auto write = [&](Batch& b) {
    const std::vector<const Diagnostic*> none;
    for (std::size_t p = 0; p * kPiece < b.to - b.from; ++p) {
      b.shown.clear();
      for (std::size_t i = b.from + p * kPiece; i < std::min(b.written, b.from + (p + 1) * kPiece); ++i) b.shown.push_back(&all[order[i]]);
      writer.add_rendered(b.shown, b.texts[p], none);
    }
    b.counted.clear();
    for (std::size_t i = b.written; i < b.to; ++i) b.counted.push_back(&all[order[i]]);
    writer.add_rendered(none, {}, b.counted);
  };
  std::array<Batch, 2> batches;
  std::future<void> writing;
  for (std::size_t from = 0, n = 0; from < all.size(); from += kBatch, ++n) {
    Batch& b = batches[n % 2];
    make(b, from);
    if (writing.valid()) writing.get();
    writing = std::async(std::launch::async, [&write, &b] { write(b); });
  }
  if (writing.valid()) writing.get();
  writer.finish();
}

ExitCode run_check(const CheckArgs& a, const GlobalOptions& global) {
  // Text shows the first 50 (or --max-diagnostics): analysis keeps only what
  // may be among them and counts the rest. Every format builds the details
  // of only what it writes.
  std::size_t text_max = a.max_given ? a.max_diagnostics : 50;
  // JSON takes the diagnostics in the report's order where they lie.
  ShownOnly shown{true, a.format == "text" ? text_max : 0, a.format != "json"};
  Expected<Compilation*> opened =
      open_repository(a.repo, global, true, "run leeway in the repository's root folder, or give its path: leeway check PATH", shown);
  if (!opened) return fail(opened.error());
  Compilation& comp = **opened;
  auto t0 = std::chrono::steady_clock::now();
  // The diagnostics' details (regions, examples, notes, hints) are built
  // here, only for those written: see Diagnostic::details.
  auto& all = comp.diags.all();
  if (a.format == "json") {
    auto sorting = std::chrono::steady_clock::now();
    std::vector<std::uint32_t> order = comp.diags.sorted_order(global.jobs);
    comp.timings.emplace_back("sort", std::chrono::duration<double>(std::chrono::steady_clock::now() - sorting).count());
    t0 = std::chrono::steady_clock::now();
    write_json_completing(all, order, a.max_given ? a.max_diagnostics : 0, global.jobs);
  } else if (a.format == "sarif" || a.format == "github") {
    comp.diags.complete(global.jobs);
    write_out(a.format == "sarif" ? render_sarif(all, root_hint(a.repo, a.root)) : render_github(all, root_hint(a.repo, a.root)));
  } else {
    TextOptions opt{global.color_on(STDOUT_FILENO), text_max, &comp.diags.omitted()};
    std::size_t shown = opt.max_diagnostics == 0 ? all.size() : std::min(all.size(), opt.max_diagnostics);
    parallel_for(shown, global.jobs, [&](std::size_t i) { all[i].complete(); });
    write_out(render_text(all, comp.repo.files, opt));
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
  cmd->add_option("--format", a->format,
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
