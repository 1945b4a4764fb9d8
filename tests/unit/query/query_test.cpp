#include <catch2/catch.hpp>

#include "compiler/emit/diagnostic_json.hpp"
#include "compiler/query/query.hpp"
#include "support/json_trees.hpp"
#include "support/policy_text.hpp"
#include "support/test_repo.hpp"

using namespace leeway;
using namespace leeway::test;

namespace {
std::vector<std::int64_t> point_of(const Box& b) {
  std::vector<std::int64_t> p;
  for (const ValueSet& v : b) p.push_back(v.min());
  return p;
}

std::string error_of(const Compilation& c, const std::vector<std::string>& words) {
  Expected<Box> b = parse_situations(*c.spaces[0], words);
  return b ? std::string("(no error)") : b.error();
}
}  // namespace

TEST_CASE("a single query answers in the JSON of leeway query", "[query]") {
  Compilation c = compile_files({{"p.toml", grace_policy()}});
  REQUIRE(c.spaces[0]);
  DecisionIndex index(*c.spaces[0]);
  Expected<Box> at = parse_situations(*c.spaces[0], {"days=45", "amount=19.99", "tier=gold"});
  REQUIRE(at);
  CHECK(
      decision_json(c.repo, c.repo.policies[0], index.decide(point_of(*at), c.repo.policies[0])) ==
      R"({"policy": "p", "outcome": "refund", "decided_by": "exception", "items": ["p.grace"], "granted_by": "supervisor", "max_cost": 99.99, "conflict": false})");
  at = parse_situations(*c.spaces[0], {"days=45", "amount=100", "tier=gold"});
  REQUIRE(at);
  CHECK(
      decision_json(c.repo, c.repo.policies[0], index.decide(point_of(*at), c.repo.policies[0])) ==
      R"({"policy": "p", "outcome": "decline", "decided_by": "rule", "items": ["p.out"], "granted_by": null, "max_cost": null, "conflict": false})");
}

TEST_CASE("query errors name the dimension at fault, and a dimension left out asks about all of it", "[query]") {
  Compilation c = compile_files({{"p.toml", grace_policy()}});
  CHECK(error_of(c, {"days=45", "amount=1", "tier=gold", "colour=red"}).find("colour") != std::string::npos);
  CHECK(error_of(c, {"days=450", "amount=1", "tier=gold"}).find("outside") != std::string::npos);
  CHECK(error_of(c, {"days=4", "amount=1.001", "tier=gold"}).find("two fraction digits") != std::string::npos);
  CHECK(error_of(c, {"days=4", "days=5"}).find("twice") != std::string::npos);
  Expected<Box> partial = parse_situations(*c.spaces[0], {"days=45", "tier=gold"});
  REQUIRE(partial);
  CHECK((*partial)[0] == ValueSet::range(45, 45));
  CHECK((*partial)[1] == c.spaces[0]->domain[1]);  // every amount
}

TEST_CASE("the answer: normally, the options in id order, blocked ones, the lines", "[query]") {
  std::string text = policy("p", {"days", "fraud"}, {"refund", "credit", "decline"})
                         .rule("late", R"(days = "31..")", "decline")
                         .rule("early", R"(days = "0..30")", "refund")
                         .exception("zeta", "late", R"(days = "31..40")", "credit", "associate", "10")
                         .exception("alpha", "late", R"(days = "31..60", fraud = false)", "refund", "supervisor", "100")
                         .line("no-refund", "fraud = true", "decline");
  text.replace(text.find("then = \"decline\"\n", text.find("no-refund")), 17, "forbids = [\"refund\"]\n");
  Compilation c = compile_files({{"p.toml", text}});
  const Policy& p = c.repo.policies[0];
  auto answer_at = [&](std::vector<std::string> words) {
    std::vector<AnsweredRegion> r = answers_over(*c.spaces[0], p, *parse_situations(*c.spaces[0], words));
    REQUIRE(r.size() == 1);
    return r[0].answer;
  };
  Answer a = answer_at({"days=35", "fraud=false"});
  CHECK(a.normal.decided_by == DecidedBy::rule);
  CHECK(p.outcomes[static_cast<std::size_t>(a.normal.outcome)] == "decline");
  REQUIRE(a.options.size() == 2);
  CHECK(p.items[static_cast<std::size_t>(a.options[0].exception)].id == "alpha");  // id order, not file order
  CHECK(p.items[static_cast<std::size_t>(a.options[1].exception)].id == "zeta");
  CHECK(a.options[0].blocked_by == -1);
  CHECK(a.lines.empty());
  // A forbidding line blocks the refund, not the credit, and decides nothing.
  Answer f = answer_at({"days=35", "fraud=true"});
  CHECK(f.normal.decided_by == DecidedBy::rule);
  REQUIRE(f.options.size() == 1);
  CHECK(p.items[static_cast<std::size_t>(f.options[0].exception)].id == "zeta");
  CHECK(f.options[0].blocked_by == -1);
  REQUIRE(f.lines.size() == 1);

  Asker associate{&c.graph, c.repo.manifest.role_index("associate")};
  std::string words = answer_text(c.repo, p, a, associate, "");
  CHECK(words.rfind("Normally: decline (the rule \u201clate\u201d).\n", 0) == 0);
  CHECK(words.find("You may ask the supervisor for refund, up to 100 USD (alpha).") != std::string::npos);
  CHECK(words.find("You may give credit, up to 10 USD, on your own (zeta).") != std::string::npos);
}

TEST_CASE("a partial situation is answered region by region, exactly", "[query]") {
  Compilation c = compile_files({{"p.toml", grace_policy()}});
  const Policy& p = c.repo.policies[0];
  std::vector<AnsweredRegion> r = answers_over(*c.spaces[0], p, *parse_situations(*c.spaces[0], {"amount=50", "tier=gold"}));
  REQUIRE(r.size() == 3);  // 0..30 refund; 31..60 decline, grace on offer; 61.. decline
  CHECK(region_to_json(make_region(*c.spaces[0], r[0].box)).dump() == R"({"days":[0,30],"amount":[50,50],"tier":["gold"]})");
  CHECK(r[0].answer.options.empty());
  CHECK(r[1].box[0] == ValueSet::range(31, 60));
  CHECK(r[1].answer.options.size() == 1);
  CHECK(r[2].box[0] == ValueSet::range(61, 100));
  CHECK(varying_dimensions(r, 3) == std::vector<std::size_t>{0});
  // A standard customer's answer does not depend on the amount.
  std::vector<AnsweredRegion> s = answers_over(*c.spaces[0], p, *parse_situations(*c.spaces[0], {"days=45", "tier=standard"}));
  REQUIRE(s.size() == 1);
  CHECK(varying_dimensions(s, 3).empty());
}
