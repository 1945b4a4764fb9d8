// `leeway review [REPO] CASES`: the calls staff made, held against the
// policies: every case classified (streaming), a summary, and with -o the
// manager's review as documents; --stories drafts stories from the calls to praise.
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <set>

#include <fmt/format.h>

#include "app/cli/command.hpp"
#include "compiler/emit/review_output.hpp"
#include "compiler/review/case_log.hpp"
#include "compiler/review/review_summary.hpp"
#include "reports/documents/case_review.hpp"
#include "reports/publish/atomic_file.hpp"
#include "reports/publish/build_outputs.hpp"
#include "reports/publish/output_format.hpp"

namespace leeway {
namespace {

namespace fs = std::filesystem;

struct ReviewArgs {
  std::vector<std::string> args;  // [REPO] CASES
  std::string format = "text", out, formats = "md,html,pdf", stories, from, to, policy, role, pandoc = "pandoc";
  bool allow_inside = false;
};

// What the arguments name, checked before the repository is opened.
struct ReviewInputs {
  std::string repo, cases;
  FormatSet formats;
};

Expected<ReviewInputs> check_arguments(const ReviewArgs& a) {
  if (a.args.empty() || a.args.size() > 2)
    return Failure{"give the case log, and before it the repository if it is not `.`: leeway review policies cases.csv"};
  ReviewInputs in{a.args.size() == 2 ? a.args[0] : ".", a.args.back(), {}};
  Expected<FormatSet> formats = parse_formats(a.formats);
  if (!formats) return Failure{"--formats: " + formats.error()};
  in.formats = *formats;
  for (const std::string* d : {&a.from, &a.to})
    if (!d->empty() && !valid_date(*d)) return Failure{fmt::format("`{}` is not a day of the calendar; write it YYYY-MM-DD", *d)};
  for (const std::string& dir : {a.out, a.stories})
    if (!dir.empty() && path_inside(dir, in.repo) && !a.allow_inside)
      return Failure{
          fmt::format("`{}` is inside the policy repository `{}`; leeway never writes into a repository\n"
                      "  = hint: choose a folder outside it, or pass --allow-output-in-repo if you mean it",
                      dir, in.repo)};
  return in;
}

// --policy and --role name a policy and a role of the repository.
Status check_filters(const ReviewArgs& a, const Compilation& comp) {
  if (!a.policy.empty() && comp.repo.policy_index(a.policy) < 0)
    return Failure{fmt::format("--policy: `{}` is not a policy of this repository", a.policy)};
  if (!a.role.empty() && comp.repo.manifest.role_index(a.role) < 0)
    return Failure{fmt::format("--role: `{}` is not a role of this repository", a.role)};
  return success();
}

// The case log: standard input for "-", or the file (opened into `file`).
Expected<std::istream*> open_case_log(const std::string& cases, std::ifstream& file) {
  if (cases == "-") return &std::cin;
  if (fs::is_directory(cases)) return Failure{fmt::format("`{}` is a folder, not a case log", cases)};
  file.open(cases, std::ios::binary);
  if (!file) return Failure{fmt::format("cannot read the case log `{}`: no such file", cases)};
  return &file;
}

// Whether the period and the filters keep a case that could be read.
bool kept(const ReviewArgs& a, const Compilation& comp, const CaseResult& result) {
  if ((!a.from.empty() || !a.to.empty()) &&
      (result.date.empty() || (!a.from.empty() && result.date < a.from) || (!a.to.empty() && result.date > a.to)))
    return false;
  if (!a.policy.empty() && comp.repo.policies[static_cast<std::size_t>(result.policy)].id != a.policy) return false;
  if (!a.role.empty() && comp.repo.manifest.roles[static_cast<std::size_t>(result.by)].id != a.role) return false;
  return true;
}

// Every case classified into `summary`, as it is read (with --format jsonl,
// a record per case written as it goes); the number of invalid rows.
Expected<std::size_t> classify_cases(const ReviewArgs& a, const Compilation& comp, CaseReader& reader, CaseFormat format, const std::string& cases,
                                     ReviewSummary& summary) {
  CaseClassifier classifier(comp);
  classifier.set_columns(reader.columns());
  if (format == CaseFormat::csv) {
    std::vector<std::string> missing = classifier.missing_columns();
    if (!missing.empty())
      return Failure{fmt::format("{}: the header has no column `{}`; a case log needs case, policy, given and by, and the situation's dimensions",
                                 cases, fmt::join(missing, "`, `"))};
  }
  std::set<std::string> warned;
  auto warn_unknown = [&] {
    for (const std::string& c : classifier.unknown_columns())
      if (warned.insert(c).second)
        std::fprintf(stderr, "leeway: warning: %s: the column `%s` is none of the case log's; it is ignored\n", cases.c_str(), c.c_str());
  };
  warn_unknown();
  CaseRecord record;
  CaseResult result;
  std::string buffer;
  std::size_t invalid = 0, columns = reader.columns().size();
  bool jsonl = a.format == "jsonl";
  while (reader.next(record)) {
    if (reader.columns().size() != columns) {  // JSON Lines: new keys
      columns = reader.columns().size();
      classifier.set_columns(reader.columns());
      warn_unknown();
    }
    classifier.classify(record, result);
    if (result.cls == CaseClass::invalid)
      ++invalid;
    else if (!kept(a, comp, result))
      continue;  // the period and the filters apply to the cases that could be read
    summary.add(result);
    if (jsonl) {
      append_case_jsonl(buffer, comp, result);
      if (buffer.size() > (1 << 20)) write_out(buffer), buffer.clear();
    }
  }
  if (jsonl) write_out(buffer);
  return invalid;
}

// --stories: a draft story for each call to praise.
Status write_stories(const std::string& folder, const Compilation& comp, const ReviewSummary& summary) {
  std::error_code ec;
  fs::create_directories(folder, ec);
  if (ec) return Failure{fmt::format("cannot create `{}`: {}", folder, ec.message())};
  auto drafts = story_drafts(comp, summary);
  for (const auto& [name, text] : drafts)
    if (Status s = write_file_atomically(fs::path(folder) / name, text); !s) return s;
  std::fprintf(stderr, "leeway: %zu draft stor%s in %s\n", drafts.size(), drafts.size() == 1 ? "y" : "ies", folder.c_str());
  return success();
}

// -o: the manager's review as documents.
Status publish_review(const ReviewArgs& a, const ReviewInputs& in, const GlobalOptions& global, const Compilation& comp,
                      const ReviewSummary& summary) {
  BuildOptions opt;
  opt.out_dir = a.out;
  opt.pandoc = a.pandoc;
  opt.jobs = global.jobs;
  opt.formats = in.formats;
  const Manifest& m = comp.repo.manifest;
  opt.heading = fmt::format("Case review: {}{}", m.name, m.edition.empty() ? "" : ", edition " + m.edition);
  opt.source_date_epoch = source_date_epoch(in.repo, comp);
  opt.edition_id = fmt::format("{}/{}/review", m.name, m.edition);
  ReviewScope scope{a.from, a.to, a.policy, a.role, in.cases == "-" ? "standard input" : fs::path(in.cases).filename().string()};
  Expected<BuildSummary> built = build_outputs({make_review_document(comp, summary, scope)}, opt);
  if (!built) return Failure{built.error()};
  for (const auto& f : built->files) std::fprintf(stderr, "%s\n", (fs::path(a.out) / f).string().c_str());
  return success();
}

ExitCode run_review(const ReviewArgs& a, const GlobalOptions& global) {
  Expected<ReviewInputs> in = check_arguments(a);
  if (!in) return fail(in.error());
  Expected<Compilation*> opened = open_repository(in->repo, global, true);
  if (!opened) return fail(opened.error());
  const Compilation& comp = **opened;
  if (Status s = check_filters(a, comp); !s) return fail(s.error());
  if (comp.diags.has_errors())
    std::fprintf(stderr, "leeway: warning: the repository has errors; cases of the policies they touch are invalid (run `leeway check`)\n");

  std::ifstream file;
  Expected<std::istream*> log = open_case_log(in->cases, file);
  if (!log) return fail(log.error());
  std::string ext = fs::path(in->cases).extension().string();
  CaseFormat format = ext == ".jsonl" || ext == ".ndjson" ? CaseFormat::jsonl : CaseFormat::csv;
  Expected<CaseReader> reader = CaseReader::open(**log, format);
  if (!reader) return fail(fmt::format("{}: {}", in->cases, reader.error()));
  ReviewSummary summary(comp);
  Expected<std::size_t> invalid = classify_cases(a, comp, *reader, format, in->cases, summary);
  if (!invalid) return fail(invalid.error());
  if (a.format == "json")
    write_out(review_summary_json(comp, summary));
  else if (a.format != "jsonl")
    write_out(review_summary_text(comp, summary));

  if (!a.stories.empty())
    if (Status s = write_stories(a.stories, comp, summary); !s) return fail(s.error());
  if (!a.out.empty())
    if (Status s = publish_review(a, *in, global, comp, summary); !s) return fail(s.error());
  if (*invalid)
    std::fprintf(stderr, "leeway: %zu row%s could not be read (class invalid); the others are classified\n", *invalid, *invalid == 1 ? "" : "s");
  return *invalid ? ExitCode::findings : ExitCode::ok;
}

}  // namespace

Command add_review_command(CLI::App& app, const GlobalOptions& global) {
  auto a = std::make_shared<ReviewArgs>();
  CLI::App* cmd =
      app.add_subcommand("review", "hold the calls staff made (a case log) against the policies: praise, talk, and where the policy is silent");
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
