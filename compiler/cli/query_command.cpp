// `leeway query [REPO] POLICY dim=value...`: what a policy decides in one
// situation, or, with --batch, at every row of a CSV file.
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>

#include <fmt/format.h>

#include "compiler/cli/command.hpp"
#include "compiler/query/batch.hpp"
#include "compiler/query/query.hpp"

namespace leeway {
namespace {

struct QueryArgs {
  std::vector<std::string> words;  // [REPO] POLICY dim=value...
  std::string format = "text", batch;
};

ExitCode run_batch_file(const Compilation& comp, const Policy& policy, const DecisionIndex& index, const QueryArgs& a) {
  BatchFormat bf = a.format == "csv" || a.format == "text" ? BatchFormat::csv : BatchFormat::jsonl;
  std::ifstream file;
  std::istream* in = &std::cin;
  if (a.batch != "-") {
    file.open(a.batch, std::ios::binary);
    if (!file) return fail(fmt::format("cannot read the batch file `{}`", a.batch));
    in = &file;
  }
  Expected<std::size_t> rows = run_batch(comp.repo, policy, index, *in, stdout, bf);
  std::fflush(stdout);
  if (!rows) return fail(fmt::format("{}: {}", a.batch == "-" ? "standard input" : a.batch, rows.error()));
  return ExitCode::ok;
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
  if (args.empty() || args[0].find('=') != std::string::npos)
    return fail("name the policy to query: leeway query [REPO] POLICY dim=value ...");
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
  Expected<std::vector<std::int64_t>> point = parse_situation(*space, args);
  if (!point) return fail(point.error());
  Decision d = index.decide(*point, policy);
  if (a.format == "json") write_out(decision_json(comp.repo, policy, d) + "\n");
  else write_out(decision_text(comp.repo, policy, d));
  return ExitCode::ok;
}

}  // namespace

Command add_query_command(CLI::App& app, const GlobalOptions& global) {
  auto a = std::make_shared<QueryArgs>();
  CLI::App* cmd = app.add_subcommand("query", "print what a policy decides in a situation");
  cmd->add_option("ARGS", a->words, "[REPO] POLICY dim=value ...: every dimension the policy is over needs a value");
  cmd->add_option("--format", a->format, "text or json; with --batch: csv (default) or jsonl")
      ->check(CLI::IsMember({"text", "json", "csv", "jsonl"}))
      ->capture_default_str();
  cmd->add_option("--batch", a->batch, "decide every row of a CSV file (header: dimension names; - for standard input)");
  cmd->footer(
      "A decision comes from the lines that hold, else the exceptions, else the rules; none means the policy is silent.\n"
      "Example: leeway query policies returns days_since_purchase=45 has_receipt=true customer_tier=gold fraud_suspected=false");
  return {cmd, [a, &global] { return run_query(*a, global); }};
}

}  // namespace leeway
