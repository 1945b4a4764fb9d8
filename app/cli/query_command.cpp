// `leeway query [REPO] POLICY dim=value...`: what a policy decides in one
// situation, or, with --batch, at every row of a CSV file.
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>

#include <fmt/format.h>

#include "app/cli/command.hpp"
#include "compiler/core/suggest.hpp"
#include "compiler/emit/query_json.hpp"
#include "compiler/query/batch.hpp"
#include "compiler/query/query.hpp"

namespace leeway {
namespace {

struct QueryArgs {
  std::vector<std::string> words;  // [REPO] POLICY dim=value...
  std::string format = "text", batch, as;
  bool format_given = false;
};

ExitCode run_batch_file(const Compilation& comp, const Policy& policy, const DecisionIndex& index, const QueryArgs& a) {
  if (a.format_given && a.format == "text")
    return fail("--batch writes CSV or JSON Lines, not text: leave --format out (CSV), or give --format csv or --format jsonl");
  BatchFormat bf = a.format == "csv" || a.format == "text" ? BatchFormat::csv : BatchFormat::jsonl;
  std::ifstream file;
  std::istream* in = &std::cin;
  if (a.batch != "-") {
    file.open(a.batch, std::ios::binary);
    if (!file) return fail(fmt::format("cannot read the batch file `{}`", a.batch));
    in = &file;
  }
  Expected<BatchSummary> done = run_batch(comp.repo, policy, index, *in, stdout, bf);
  std::fflush(stdout);
  std::string name = a.batch == "-" ? "standard input" : a.batch;
  if (!done) return fail(fmt::format("{}: {}", name, done.error()));
  if (done->bad == 0) return ExitCode::ok;
  std::fprintf(stderr, "leeway: error: %s: %zu of %zu rows could not be read; their error records say why\n", name.c_str(), done->bad, done->rows);
  return ExitCode::findings;
}

ExitCode run_query(QueryArgs a, const GlobalOptions& global) {
  // REPO is there when the first word is a folder and the second no dim=value.
  std::vector<std::string>& args = a.words;
  std::string repo = ".";
  std::error_code ec;
  if (!args.empty() && args[0].find('=') == std::string::npos && std::filesystem::is_directory(args[0], ec) && args.size() >= 2 &&
      args[1].find('=') == std::string::npos) {
    repo = args[0];
    args.erase(args.begin());
  }
  if (args.empty() || args[0].find('=') != std::string::npos) return fail("name the policy to query: leeway query [REPO] POLICY dim=value ...");
  std::string policy_id = args[0];
  args.erase(args.begin());
  Expected<Compilation*> opened = open_repository(repo, global, false);
  if (!opened) return fail(opened.error());
  const Compilation& comp = **opened;
  int p = comp.repo.policy_index(policy_id);
  if (p < 0) {
    std::string list;
    for (const auto& pol : comp.repo.policies) list += (list.empty() ? "" : ", ") + pol.id;
    return fail(fmt::format("`{}` is not a policy of this repository (policies: {})", policy_id, list));
  }
  const auto& space = comp.spaces[static_cast<std::size_t>(p)];
  if (!space) {
    report_to_stderr(comp, global, 20);
    return fail(fmt::format("policy `{}` has structural errors; fix them before querying it (see leeway check)", policy_id));
  }
  const Policy& policy = comp.repo.policies[static_cast<std::size_t>(p)];
  DecisionIndex index(*space);
  if (!a.batch.empty()) {
    if (!args.empty()) return fail("give situations either as dim=value words or with --batch, not both");
    return run_batch_file(comp, policy, index, a);
  }
  Asker asker{&comp.graph, -1};
  if (!a.as.empty()) {
    asker.as_role = comp.repo.manifest.role_index(a.as);
    if (asker.as_role < 0) {
      std::vector<std::string> roles;
      for (const Role& r : comp.repo.manifest.roles) roles.push_back(r.id);
      std::string hint = did_you_mean(a.as, roles);
      return fail(fmt::format("--as `{}` is not a role of this repository{}{}", a.as, hint.empty() ? "" : "; ", hint));
    }
  }
  Expected<Box> situations = parse_situations(*space, args);
  if (!situations) return fail(situations.error());
  std::vector<AnsweredRegion> regions = answers_over(*space, policy, *situations);
  std::vector<std::int64_t> first;
  for (const ValueSet& v : *situations) first.push_back(v.min());
  Decision d = index.decide(first, policy);
  if (a.format == "json")
    write_out(query_json(comp.repo, policy, *space, regions, d, asker));
  else
    write_out(query_text(comp.repo, policy, *space, regions, asker));
  return ExitCode::ok;
}

}  // namespace

Command add_query_command(CLI::App& app, const GlobalOptions& global) {
  auto a = std::make_shared<QueryArgs>();
  CLI::App* cmd = app.add_subcommand("query", "the leeway at a situation: what normally happens, what you may do or ask for, what nobody does");
  cmd->add_option("ARGS", a->words,
                  "[REPO] POLICY dim=value ...: a dimension left out asks about every value of it (the answer says where it differs)");
  CLI::Option* format = cmd->add_option("--format", a->format, "text or json; with --batch: csv (default) or jsonl")
                            ->check(CLI::IsMember({"text", "json", "csv", "jsonl"}))
                            ->capture_default_str();
  cmd->add_option("--as", a->as, "the role asking (a role id): which options are yours, and whom to ask for the others");
  cmd->add_option("--batch", a->batch,
                  "decide every row of a CSV file (header: dimension names; - for standard input); a bad row becomes an error record");
  cmd->footer(
      "The answer is the leeway there: what normally happens (a line that decides, else the rules), the exceptions\n"
      "someone may grant (and which are yours with --as), and the lines that hold.\n"
      "Examples:\n"
      "  leeway query policies returns days_since_purchase=45 has_receipt=true customer_tier=gold fraud_suspected=false --as associate\n"
      "  leeway query policies returns has_receipt=true customer_tier=gold fraud_suspected=false      (every number of days)\n"
      "Exit status: 0 answered, 1 some --batch rows could not be read, 2 could not run (unknown policy, dimension or value).");
  return {cmd, [a, format, &global] {
            a->format_given = format->count() > 0;
            return run_query(*a, global);
          }};
}

}  // namespace leeway
