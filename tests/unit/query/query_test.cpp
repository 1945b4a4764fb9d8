#include <catch2/catch.hpp>

#include <sstream>

#include "compiler/query/query.hpp"
#include "support/test_repo.hpp"

using namespace leeway;
using namespace leeway::test;

namespace {
const char* kPolicy = R"([policy]
id = "p"
over = ["days", "amount", "tier"]
outcomes = ["refund", "decline"]
[[rule]]
id = "in"
when = { days = "0..30" }
then = "refund"
[[rule]]
id = "out"
when = { days = "31.." }
then = "decline"
[[exception]]
id = "grace"
bends = "out"
when = { days = "31..60", tier = "gold", amount = "0..99.99" }
then = "refund"
granted_by = "supervisor"
max_cost = 99.99
)";

std::string batch(const Compilation& c, const std::string& csv, BatchFormat f, std::string& err) {
  DecisionIndex index(*c.spaces[0]);
  std::istringstream in(csv);
  std::FILE* out = std::tmpfile();
  std::size_t rows = 0;
  err = run_batch(c.repo, c.repo.policies[0], index, in, out, f, rows);
  std::rewind(out);
  std::string text;
  char buf[4096];
  for (std::size_t n; (n = std::fread(buf, 1, sizeof buf, out)) > 0;) text.append(buf, n);
  std::fclose(out);
  return text;
}
}  // namespace

TEST_CASE("a single query follows the contract's JSON", "[query]") {
  Compilation c = compile_files({{"p.toml", kPolicy}});
  REQUIRE(c.spaces[0]);
  DecisionIndex index(*c.spaces[0]);
  std::vector<std::int64_t> point;
  REQUIRE(parse_situation(*c.spaces[0], {"days=45", "amount=19.99", "tier=gold"}, point).empty());
  CHECK(decision_json(c.repo, c.repo.policies[0], index.decide(point, c.repo.policies[0])) ==
        R"({"policy": "p", "outcome": "refund", "decided_by": "exception", "items": ["p.grace"], "granted_by": "supervisor", "max_cost": 99.99, "conflict": false})");
  REQUIRE(parse_situation(*c.spaces[0], {"days=45", "amount=100", "tier=gold"}, point).empty());
  CHECK(decision_json(c.repo, c.repo.policies[0], index.decide(point, c.repo.policies[0])) ==
        R"({"policy": "p", "outcome": "decline", "decided_by": "rule", "items": ["p.out"], "granted_by": null, "max_cost": null, "conflict": false})");
}

TEST_CASE("query errors name the dimension at fault", "[query]") {
  Compilation c = compile_files({{"p.toml", kPolicy}});
  std::vector<std::int64_t> point;
  CHECK(parse_situation(*c.spaces[0], {"days=45", "tier=gold"}, point).find("amount") != std::string::npos);
  CHECK(parse_situation(*c.spaces[0], {"days=45", "amount=1", "tier=gold", "colour=red"}, point).find("colour") != std::string::npos);
  CHECK(parse_situation(*c.spaces[0], {"days=450", "amount=1", "tier=gold"}, point).find("outside") != std::string::npos);
  CHECK(parse_situation(*c.spaces[0], {"days=4", "amount=1.001", "tier=gold"}, point).find("two fraction digits") != std::string::npos);
}

TEST_CASE("batch queries stream CSV and JSON Lines, columns in any order", "[query]") {
  Compilation c = compile_files({{"p.toml", kPolicy}});
  std::string err;
  std::string csv = batch(c, "tier,days,amount\ngold,45,10\nstandard,45,10\ngold,5,0\n", BatchFormat::csv, err);
  CHECK(err.empty());
  CHECK(csv ==
        "days,amount,tier,outcome,decided_by,items,granted_by,max_cost,conflict\n"
        "45,10,gold,refund,exception,p.grace,supervisor,99.99,false\n"
        "45,10,standard,decline,rule,p.out,,,false\n"
        "5,0,gold,refund,rule,p.in,,,false\n");
  std::string jsonl = batch(c, "days,amount,tier\n45,10,gold\n", BatchFormat::jsonl, err);
  CHECK(jsonl == R"({"policy": "p", "outcome": "refund", "decided_by": "exception", "items": ["p.grace"], "granted_by": "supervisor", "max_cost": 99.99, "conflict": false})" "\n");
}

TEST_CASE("batch errors name the line", "[query]") {
  Compilation c = compile_files({{"p.toml", kPolicy}});
  std::string err;
  batch(c, "days,amount\n1,2\n", BatchFormat::csv, err);
  CHECK(err.find("tier") != std::string::npos);
  batch(c, "days,amount,tier\n1,2,gold\n1,2,golden\n", BatchFormat::csv, err);
  CHECK(err.find("line 3") == 0);
}
