#include <catch2/catch.hpp>

#include "compiler/query/query.hpp"
#include "support/policy_text.hpp"
#include "support/test_repo.hpp"

using namespace leeway;
using namespace leeway::test;

TEST_CASE("a single query answers in the JSON of leeway query", "[query]") {
  Compilation c = compile_files({{"p.toml", grace_policy()}});
  REQUIRE(c.spaces[0]);
  DecisionIndex index(*c.spaces[0]);
  Expected<std::vector<std::int64_t>> point = parse_situation(*c.spaces[0], {"days=45", "amount=19.99", "tier=gold"});
  REQUIRE(point);
  CHECK(decision_json(c.repo, c.repo.policies[0], index.decide(*point, c.repo.policies[0])) ==
        R"({"policy": "p", "outcome": "refund", "decided_by": "exception", "items": ["p.grace"], "granted_by": "supervisor", "max_cost": 99.99, "conflict": false})");
  point = parse_situation(*c.spaces[0], {"days=45", "amount=100", "tier=gold"});
  REQUIRE(point);
  CHECK(decision_json(c.repo, c.repo.policies[0], index.decide(*point, c.repo.policies[0])) ==
        R"({"policy": "p", "outcome": "decline", "decided_by": "rule", "items": ["p.out"], "granted_by": null, "max_cost": null, "conflict": false})");
}

TEST_CASE("query errors name the dimension at fault", "[query]") {
  Compilation c = compile_files({{"p.toml", grace_policy()}});
  auto error_of = [&](const std::vector<std::string>& words) {
    Expected<std::vector<std::int64_t>> point = parse_situation(*c.spaces[0], words);
    return point ? std::string("(no error)") : point.error();
  };
  CHECK(error_of({"days=45", "tier=gold"}).find("amount") != std::string::npos);
  CHECK(error_of({"days=45", "amount=1", "tier=gold", "colour=red"}).find("colour") != std::string::npos);
  CHECK(error_of({"days=450", "amount=1", "tier=gold"}).find("outside") != std::string::npos);
  CHECK(error_of({"days=4", "amount=1.001", "tier=gold"}).find("two fraction digits") != std::string::npos);
}
