// `leeway review [REPO] CASES`: the calls staff made, held against the
// policies: every case classified (streaming), a summary, and with -o the
// manager's review as documents; --stories drafts stories from the calls to praise.
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <set>
#include <sstream>

#include <fmt/format.h>

#include "app/cli/command.hpp"
#include "compiler/emit/review_output.hpp"
#include "compiler/review/case_log.hpp"
#include "compiler/review/review_summary.hpp"
#include "reports/documents/case_review.hpp"
#include "reports/publish/build_outputs.hpp"

namespace leeway {
namespace {

namespace fs = std::filesystem;

struct ReviewArgs {
  std::vector<std::string> args;  // [REPO] CASES
  std::string format = "text", out, formats = "md,html,pdf", stories, from, to, policy, role, pandoc = "pandoc";
  bool allow_inside = false;
};

// Writes `text` to `path` atomically: a temporary file beside it, then a rename.
Status write_atomically(const fs::path& path, const std::string& text) {
  fs::path tmp = path;
  tmp += ".leeway-tmp";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    out << text;
    if (!out) return Failure{fmt::format("cannot write {}", tmp.string())};
  }
  std::error_code ec;
  fs::rename(tmp, path, ec);
  if (ec) return Failure{fmt::format("cannot write {}: {}", path.string(), ec.message())};
  return success();
}

ExitCode run_review(const ReviewArgs& a, const GlobalOptions& global) {
  if (a.args.empty() || a.args.size() > 2) return fail("give the case log, and before it the repository if it is not `.`: leeway review policies cases.csv");
  std::string repo = a.args.size() == 2 ? a.args[0] : ".", cases = a.args.back();
  std::vector<std::string> formats;
  std::stringstream list(a.formats);
  for (std::string f; std::getline(list, f, ',');) {
    if (f.empty()) continue;
    if (f != "md" && f != "html" && f != "pdf" && f != "docx" && f != "epub")
      return fail(fmt::format("--formats: `{}` is not a document format; choose among md, html, pdf, docx, epub", f));
    formats.push_back(f);
  }
  for (const std::string* d : {&a.from, &a.to})
    if (!d->empty() && !valid_date(*d)) return fail(fmt::format("`{}` is not a day of the calendar; write it YYYY-MM-DD", *d));
  for (const std::string& dir : {a.out, a.stories})
    if (!dir.empty() && path_inside(dir, repo) && !a.allow_inside)
      return fail(fmt::format("`{}` is inside the policy repository `{}`; leeway never writes into a repository\n"
                              "  = hint: choose a folder outside it, or pass --allow-output-in-repo if you mean it",
                              dir, repo));
  Expected<Compilation*> opened = open_repository(repo, global, true);
  if (!opened) return fail(opened.error());
  const Compilation& comp = **opened;
  if (!a.policy.empty() && comp.repo.policy_index(a.policy) < 0) return fail(fmt::format("--policy: `{}` is not a policy of this repository", a.policy));
  if (!a.role.empty() && comp.repo.manifest.role_index(a.role) < 0) return fail(fmt::format("--role: `{}` is not a role of this repository", a.role));
  if (comp.diags.has_errors())
    std::fprintf(stderr, "leeway: warning: the repository has errors; cases of the policies they touch are invalid (run `leeway check`)\n");

  std::ifstream file;
  std::istream* in = &std::cin;
  if (cases != "-") {
    if (fs::is_directory(cases)) return fail(fmt::format("`{}` is a folder, not a case log", cases));
    file.open(cases, std::ios::binary);
    if (!file) return fail(fmt::format("cannot read the case log `{}`: no such file", cases));
    in = &file;
  }
  std::string ext = fs::path(cases).extension().string();
  CaseFormat format = ext == ".jsonl" || ext == ".ndjson" ? CaseFormat::jsonl : CaseFormat::csv;
  Expected<CaseReader> reader = CaseReader::open(*in, format);
  if (!reader) return fail(fmt::format("{}: {}", cases, reader.error()));

  CaseClassifier classifier(comp);
  classifier.set_columns(reader->columns());
  if (format == CaseFormat::csv) {
    std::vector<std::string> missing = classifier.missing_columns();
    if (!missing.empty())
      return fail(fmt::format("{}: the header has no column `{}`; a case log needs case, policy, given and by, and the situation's dimensions",
                              cases, fmt::join(missing, "`, `")));
  }
  std::set<std::string> warned;
  auto warn_unknown = [&] {
    for (const std::string& c : classifier.unknown_columns())
      if (warned.insert(c).second)
        std::fprintf(stderr, "leeway: warning: %s: the column `%s` is none of the case log's; it is ignored\n", cases.c_str(), c.c_str());
  };
  warn_unknown();

  ReviewSummary summary(comp);
  CaseRecord record;
  CaseResult result;
  std::string buffer;
  std::size_t invalid = 0, columns = reader->columns().size();
  bool jsonl = a.format == "jsonl";
  while (reader->next(record)) {
    if (reader->columns().size() != columns) {  // JSON Lines: new keys
      columns = reader->columns().size();
      classifier.set_columns(reader->columns());
      warn_unknown();
    }
    classifier.classify(record, result);
    if (result.cls != CaseClass::invalid) {
      // The period and the filters apply to the cases that could be read.
      if ((!a.from.empty() || !a.to.empty()) && (result.date.empty() || (!a.from.empty() && result.date < a.from) || (!a.to.empty() && result.date > a.to)))
        continue;
      if (!a.policy.empty() && comp.repo.policies[static_cast<std::size_t>(result.policy)].id != a.policy) continue;
      if (!a.role.empty() && comp.repo.manifest.roles[static_cast<std::size_t>(result.by)].id != a.role) continue;
    } else {
      ++invalid;
    }
    summary.add(result);
    if (jsonl) {
      append_case_jsonl(buffer, comp, result);
      if (buffer.size() > (1 << 20)) write_out(buffer), buffer.clear();
    }
  }
  if (jsonl) write_out(buffer);
  else if (a.format == "json") write_out(review_summary_json(comp, summary));
  else write_out(review_summary_text(comp, summary));

  if (!a.stories.empty()) {
    std::error_code ec;
    fs::create_directories(a.stories, ec);
    if (ec) return fail(fmt::format("cannot create `{}`: {}", a.stories, ec.message()));
    auto drafts = story_drafts(comp, summary);
    for (const auto& [name, text] : drafts)
      if (Status s = write_atomically(fs::path(a.stories) / name, text); !s) return fail(s.error());
    std::fprintf(stderr, "leeway: %zu draft stor%s in %s\n", drafts.size(), drafts.size() == 1 ? "y" : "ies", a.stories.c_str());
  }
  if (!a.out.empty()) {
    BuildOptions opt;
    opt.out_dir = a.out;
    opt.pandoc = a.pandoc;
    opt.jobs = global.jobs;
    opt.formats = formats;
    const Manifest& m = comp.repo.manifest;
    opt.heading = fmt::format("Case review: {}{}", m.name, m.edition.empty() ? "" : ", edition " + m.edition);
    opt.source_date_epoch = source_date_epoch(repo, comp);
    opt.edition_id = fmt::format("{}/{}/review", m.name, m.edition);
    ReviewScope scope{a.from, a.to, a.policy, a.role, cases == "-" ? "standard input" : fs::path(cases).filename().string()};
    Expected<BuildSummary> built = build_outputs({make_review_document(comp, summary, scope)}, opt);
    if (!built) return fail(built.error());
    for (const auto& f : built->files) std::fprintf(stderr, "%s\n", (fs::path(a.out) / f).string().c_str());
  }
  if (invalid)
    std::fprintf(stderr, "leeway: %zu row%s could not be read (class invalid); the others are classified\n", invalid, invalid == 1 ? "" : "s");
  return invalid ? ExitCode::findings : ExitCode::ok;
}

}  // namespace

Command add_review_command(CLI::App& app, const GlobalOptions& global) {
  auto a = std::make_shared<ReviewArgs>();
  CLI::App* cmd = app.add_subcommand("review", "hold the calls staff made (a case log) against the policies: praise, talk, and where the policy is silent");
  cmd->add_option("ARGS", a->args, "[REPO] CASES: the repository (default .) and the case log (.csv, .jsonl, or - for CSV on standard input)")
      ->required();
  cmd->add_option("--format", a->format, "text (a summary), json (the summary), jsonl (a record per case, as they are read)")
      ->check(CLI::IsMember({"text", "json", "jsonl"}))
      ->capture_default_str();
  cmd->add_option("-o,--output", a->out, "also publish the manager's review (review.md and its formats) into this folder");
  cmd->add_option("--formats", a->formats, "the review's formats with -o: md, html, pdf, docx, epub")->capture_default_str();
  cmd->add_option("--from", a->from, "only cases dated on or after this day (YYYY-MM-DD)");
  cmd->add_option("--to", a->to, "only cases dated on or before this day (YYYY-MM-DD)");
  cmd->add_option("--policy", a->policy, "only the cases of this policy");
  cmd->add_option("--role", a->role, "only the calls made by this role");
  cmd->add_option("--stories", a->stories, "write draft stories (tagged draft) for the calls to praise into this folder");
  cmd->add_option("--pandoc", a->pandoc, "the Pandoc program to run")->capture_default_str();
  cmd->add_flag("--allow-output-in-repo", a->allow_inside, "allow -o or --stories inside the policy repository");
  cmd->footer(
      "Each case gets one class, the first that applies: invalid, silent, crosses-line, rule, exception, above-ceiling,\n"
      "beyond-authority, off-policy (docs/case-review.md). A malformed row is an invalid case with its row number and reason;\n"
      "the run goes on.\n"
      "Exit status: 0 every row was read, 1 some rows were invalid (the others are classified), 2 could not run.\n"
      "Example: leeway review policies cases.csv --format jsonl > classified.jsonl");
  return {cmd, [a, &global] { return run_review(*a, global); }};
}

}  // namespace leeway
