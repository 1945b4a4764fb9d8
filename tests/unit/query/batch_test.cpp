// Batch queries: a decision for every row of a CSV file, streamed.
#include <catch2/catch.hpp>

#include <cstdio>
#include <random>
#include <sstream>
#include <tuple>

#include <fmt/format.h>

#include "compiler/core/values.hpp"
#include "compiler/query/batch.hpp"
#include "support/policy_text.hpp"
#include "support/test_repo.hpp"

using namespace leeway;
using namespace leeway::test;

namespace {
// What run_batch writes for `csv`, or its error (then `err` is set).
std::string batch(const Compilation& c, const std::string& csv, BatchFormat f, std::string& err) {
  DecisionIndex index(*c.spaces[0]);
  std::istringstream in(csv);
  std::FILE* out = std::tmpfile();
  Expected<BatchSummary> done = run_batch(c.repo, c.repo.policies[0], index, in, out, f);
  err = done ? "" : done.error();
  std::rewind(out);
  std::string text;
  char buf[4096];
  for (std::size_t n; (n = std::fread(buf, 1, sizeof buf, out)) > 0;) text.append(buf, n);
  std::fclose(out);
  return text;
}
}  // namespace

TEST_CASE("batch queries stream CSV and JSON Lines, columns in any order", "[query][batch]") {
  Compilation c = compile_files({{"p.toml", grace_policy()}});
  std::string err;
  std::string csv = batch(c, "tier,days,amount\ngold,45,10\nstandard,45,10\ngold,5,0\n", BatchFormat::csv, err);
  CHECK(err.empty());
  CHECK(csv ==
        "days,amount,tier,outcome,decided_by,items,granted_by,max_cost,conflict,error\n"
        "45,10,gold,refund,exception,p.grace,supervisor,99.99,false,\n"
        "45,10,standard,decline,rule,p.out,,,false,\n"
        "5,0,gold,refund,rule,p.in,,,false,\n");
  std::string jsonl = batch(c, "days,amount,tier\n45,10,gold\n", BatchFormat::jsonl, err);
  CHECK(
      jsonl ==
      R"({"policy": "p", "outcome": "refund", "decided_by": "exception", "items": ["p.grace"], "granted_by": "supervisor", "max_cost": 99.99, "conflict": false, )"
      R"("normal": {"outcome": "decline", "decided_by": "rule", "items": ["p.out"]}, )"
      R"("options": [{"exception": "p.grace", "outcome": "refund", "granted_by": "supervisor", "max_cost": 99.99, "yours": null, "ask": "supervisor", "blocked_by": null}], )"
      R"("lines": []})"
      "\n");
}

TEST_CASE("a bad header stops the batch, and a bad row becomes an error record while the rest goes on", "[query][batch]") {
  Compilation c = compile_files({{"p.toml", grace_policy()}});
  std::string err;
  batch(c, "days,amount\n1,2\n", BatchFormat::csv, err);
  CHECK(err.find("tier") != std::string::npos);
  batch(c, "", BatchFormat::csv, err);
  CHECK(err.find("empty") != std::string::npos);
  std::string csv = batch(c, "tier,days,amount\ngolden,1,2\ngold,1,\"2\ngold,5,0\n", BatchFormat::csv, err);
  CHECK(err.empty());
  CHECK(csv ==
        "days,amount,tier,outcome,decided_by,items,granted_by,max_cost,conflict,error\n"
        "1,2,golden,,,,,,,line 2: `golden` is not a value of `tier`; did you mean `gold`?\n"
        ",,,,,,,,,line 3: an opening quote is never closed\n"
        "5,0,gold,refund,rule,p.in,,,false,\n");
  std::string jsonl = batch(c, "days,amount,tier\n1,2\n5,0,gold\n", BatchFormat::jsonl, err);
  CHECK(jsonl.rfind(R"({"row": 1, "line": 2, "error": "line 2: 2 values for 3 columns"})"
                    "\n",
                    0) == 0);
  CHECK(jsonl.find(R"("outcome": "refund")") != std::string::npos);
}

TEST_CASE("batch CSV writes every situation's values as query and check write them", "[query][batch]") {
  // Negative integers, money with and without cents (money is never below
  // zero), every enum and bool value.
  std::string manifest = std::string(kManifest) + R"(
[dimensions.delta]
type = "integer"
min = -50
max = 50

[dimensions.price]
type = "money"
min = 0
max = 200
)";
  std::string policy_text = policy("p", {"delta", "price", "tier", "fraud"}, {"refund", "decline"})
                                .rule("low", R"(delta = "-50..0")", "refund")
                                .rule("high", R"(delta = "1..50")", "decline");
  Compilation c = compile_files({{"leeway.toml", manifest}, {"p.toml", policy_text}});
  std::string found;
  for (const Diagnostic& d : c.diags.all()) found += d.message + "\n";
  INFO(found);
  REQUIRE(c.spaces[0]);
  const PolicySpace& space = *c.spaces[0];
  std::mt19937 rng(7);
  std::string csv = "delta,price,tier,fraud\n", want;
  const char* tiers[] = {"standard", "gold", "platinum"};
  // The edges first (cents below ten, whole units, the ends), then random rows.
  const std::vector<std::pair<std::int64_t, std::int64_t>> edges = {{-50, 5}, {0, 0}, {50, 20000}, {-1, 9999}, {7, 100}, {1, 10}};
  for (std::size_t row = 0; row < 500; ++row) {
    std::int64_t delta = static_cast<std::int64_t>(rng() % 101) - 50, cents = static_cast<std::int64_t>(rng() % 20001);
    if (row % 4 == 0) cents -= cents % 100;  // whole units, written without cents
    if (row < edges.size()) std::tie(delta, cents) = edges[row];
    std::string price = fmt::format("{}.{:02}", cents / 100, cents % 100);
    const char* tier = tiers[rng() % 3];
    bool fraud = rng() % 2;
    csv += fmt::format("{},{},{},{}\n", delta, price, tier, fraud ? "true" : "false");
    want += format_value(*space.dims[0], delta) + "," + format_value(*space.dims[1], cents) + "," + tier + "," + (fraud ? "true" : "false") + "\n";
  }
  std::string err;
  std::string out = batch(c, csv, BatchFormat::csv, err);
  REQUIRE(err.empty());
  // The situation's columns of every row, against format_value.
  std::istringstream lines(out);
  std::string line, got;
  std::getline(lines, line);  // the header
  while (std::getline(lines, line)) {
    std::size_t cut = 0;
    for (int k = 0; k < 4; ++k) cut = line.find(',', cut) + 1;
    got += line.substr(0, cut - 1) + "\n";
  }
  CHECK(got == want);
  CHECK(out.find("\n-50,0.05,") != std::string::npos);
  CHECK(out.find("\n-1,99.99,") != std::string::npos);
  CHECK(out.find("\n7,1,") != std::string::npos);
  CHECK(out.find("\n1,0.10,") != std::string::npos);
}
