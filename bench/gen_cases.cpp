// gen_cases: writes a case log (CSV) for a repository: the calls a team might
// have made, for the sample review and the benchmark. Situations are drawn
// near the items (inside a random item's box, or anywhere), and the call made
// there follows the policy most of the time, with the usual slips: an
// exception above its ceiling or granted by the wrong role, a crossed line,
// an answer off the policy. Deterministic for a seed.
#include <cstdio>
#include <iostream>
#include <random>

#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include "compiler/analysis/compile.hpp"
#include "compiler/core/values.hpp"
#include "compiler/frontend/repo_source.hpp"
#include "compiler/query/answer.hpp"

using namespace leeway;

int main(int argc, char** argv) {
  CLI::App app{"Writes a CSV case log of N calls for a policy repository (to standard output)."};
  std::string repo_dir;
  std::size_t n = 1000;
  unsigned seed = 7;
  app.add_option("REPO", repo_dir, "the policy repository")->required();
  app.add_option("-n,--cases", n, "number of cases")->capture_default_str();
  app.add_option("--seed", seed, "random seed")->capture_default_str();
  CLI11_PARSE(app, argc, argv);
  DiskSource source(repo_dir);
  Expected<Compilation> compiled = compile(source, CompileOptions{true, 0, {}});
  if (!compiled || compiled->diags.has_errors()) {
    std::fprintf(stderr, "gen_cases: %s does not compile cleanly\n", repo_dir.c_str());
    return 2;
  }
  const Compilation& comp = *compiled;
  const Repository& repo = comp.repo;
  std::mt19937_64 rng(seed);
  auto pick = [&](std::size_t k) { return static_cast<std::size_t>(std::uniform_int_distribution<std::size_t>(0, k - 1)(rng)); };
  auto chance = [&](double p) { return std::uniform_real_distribution<double>(0, 1)(rng) < p; };
  static const std::vector<std::string> kNames = {"Ana", "Ben", "Chloe", "Dev", "Emma", "Farid", "Grace", "Hugo", "Ines", "Jon", "Kemi", "Liam"};
  std::vector<std::vector<std::string>> staff(repo.manifest.roles.size());
  for (std::size_t i = 0; i < kNames.size(); ++i) staff[i % staff.size()].push_back(fmt::format("{} ({})", kNames[i], 100 + i));
  std::vector<std::size_t> policies;
  for (std::size_t p = 0; p < repo.policies.size(); ++p)
    if (comp.spaces[p]) policies.push_back(p);

  std::string out = "case,date,staff,by,policy,given,cost,cared_for,cost_effective,loyalty,note";
  for (const Dimension& d : repo.manifest.dimensions) out += "," + d.name;
  out += "\n";
  for (std::size_t k = 0; k < n; ++k) {
    std::size_t p = policies[pick(policies.size())];
    const Policy& pol = repo.policies[p];
    const PolicySpace& space = *comp.spaces[p];
    // A situation: inside a random item's box most of the time, anywhere otherwise.
    const Box& around = chance(0.85) && !space.items.empty() ? space.items[pick(space.items.size())].box : space.domain;
    std::vector<std::int64_t> point;
    for (std::size_t d = 0; d < space.dims.size(); ++d) {
      const auto& ivs = around[d].intervals();
      const Interval& iv = ivs[pick(ivs.size())];
      std::int64_t hi = std::min(iv.hi, iv.lo + (space.dims[d]->type == DimType::money ? 100000 : 400));
      point.push_back(std::uniform_int_distribution<std::int64_t>(iv.lo, hi)(rng));
    }
    Box at;
    for (std::int64_t v : point) at.push_back(ValueSet::range(v, v));
    Answer a = answers_over(space, pol, at).front().answer;
    std::size_t role = pick(repo.manifest.roles.size());
    // The call: the normal answer, an exception that holds, or a slip.
    std::string given, cost, q[3], note;
    std::vector<const OptionAnswer*> open;
    for (const OptionAnswer& o : a.options) open.push_back(&o);
    double r = std::uniform_real_distribution<double>(0, 1)(rng);
    if (!open.empty() && r < 0.45) {
      const Item& exc = pol.items[static_cast<std::size_t>(open[pick(open.size())]->exception)];
      given = exc.then;
      std::int64_t ceiling = exc.max_cost.value_or(10000);
      std::int64_t c = chance(0.85) ? std::uniform_int_distribution<std::int64_t>(ceiling / 10, ceiling)(rng)
                                    : ceiling + std::uniform_int_distribution<std::int64_t>(100, ceiling / 2 + 200)(rng);
      cost = format_money(c / 100 * 100 + (chance(0.5) ? 50 : 0));
      // The manager's three questions: mostly yes for a call within the policy.
      for (auto& answer : q) answer = chance(0.15) ? "" : chance(0.8) ? "yes" : "no";
      if (chance(0.3))
        note = chance(0.5) ? "Customer thanked us in the store: \"\"made my week\"\"." : "Regular customer; asked the supervisor first.";
    } else if (a.normal.outcome >= 0 && r < 0.9) {
      given = pol.outcomes[static_cast<std::size_t>(a.normal.outcome)];
    } else {
      given = pol.outcomes[pick(pol.outcomes.size())];
      if (chance(0.5)) cost = format_money(static_cast<std::int64_t>(pick(300)) * 100);
      if (chance(0.5)) note = "Customer was upset; gave it to calm things down.";
    }
    const std::string& who = staff[role].empty() ? kNames[0] : staff[role][pick(staff[role].size())];
    // (The note is written quoted, its quotes doubled.)
    out += fmt::format("NW-{:05},2026-{:02}-{:02},{},{},{},{},{},{},{},{},\"{}\"", 1000 + k, 10 + k * 2 / n, 1 + pick(28), who,
                       repo.manifest.roles[role].id, pol.id, given, cost, q[0], q[1], q[2], note);
    // Every dimension column: this policy's values; the others left empty.
    for (const Dimension& d : repo.manifest.dimensions) {
      out += ",";
      for (std::size_t i = 0; i < space.dims.size(); ++i)
        if (space.dims[i] == &d) out += format_value(d, point[i]);
    }
    out += "\n";
    if (out.size() > (1 << 20)) std::fwrite(out.data(), 1, out.size(), stdout), out.clear();
  }
  std::fwrite(out.data(), 1, out.size(), stdout);
  return 0;
}
