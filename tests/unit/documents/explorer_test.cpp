// The explorer's data: every situation of a policy lies in exactly one of its
// boxes, and that box's answer is the answer `leeway query` gives there.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "compiler/query/answer.hpp"
#include "compiler/query/query.hpp"
#include "reports/documents/explorer.hpp"
#include "support/policy_text.hpp"
#include "support/test_repo.hpp"

using namespace leeway;

namespace {

const std::string kPolicy =
    test::policy("p", {"days", "tier", "fraud"}, {"refund", "credit", "decline"})
        .rule("in", R"(days = "0..30")", "refund")
        .rule("late", R"(days = "31..")", "decline")
        .exception("small", "late", R"(days = "31..40", tier = "standard", fraud = false)", "credit", "associate", "20")
        .exception("gold", "late", R"(days = "31..60", tier = ["gold", "platinum"], fraud = false)", "refund", "supervisor", "150")
        .line("fraud", "fraud = true", "decline");

nlohmann::json parse_data(const std::string& data) { return nlohmann::json::parse(data); }

}  // namespace

TEST_CASE("the explorer's boxes hold every situation once, with the answer query gives there", "[documents][explorer]") {
  Compilation c = test::compile_files({{"p.toml", kPolicy}});
  REQUIRE_FALSE(c.diags.has_errors());
  DocContext ctx(c);
  nlohmann::json data = parse_data(explorer_data(ctx));
  REQUIRE(data["policies"].size() == 1);
  const nlohmann::json& pol = data["policies"][0];
  const Policy& p = c.repo.policies[0];
  const PolicySpace& space = *c.spaces[0];
  int supervisor = c.repo.manifest.role_index("supervisor");
  std::vector<std::int64_t> point(space.dims.size());
  std::size_t checked = 0;
  // Every situation: days 0..100 is plenty (the items stop at 60), every tier, both fraud values.
  for (point[0] = 0; point[0] <= 100; ++point[0])
    for (point[1] = space.dims[1]->lo(); point[1] <= space.dims[1]->hi(); ++point[1])
      for (point[2] = 0; point[2] <= 1; ++point[2]) {
        std::vector<const nlohmann::json*> holding;
        for (const auto& region : pol["regions"]) {
          bool in = true;
          for (std::size_t d = 0; d < point.size() && in; ++d) {
            bool hit = false;
            for (const auto& iv : region[d + 1]) hit = hit || (iv[0].get<std::int64_t>() <= point[d] && point[d] <= iv[1].get<std::int64_t>());
            in = hit;
          }
          if (in) holding.push_back(&region);
        }
        REQUIRE(holding.size() == 1);
        const nlohmann::json& a = pol["answers"][(*holding.front())[0].get<std::size_t>()];
        std::vector<int> hold;
        DecisionIndex(space).matching(point, hold);
        Answer truth = answer_among(p, hold);
        INFO("days=" << point[0] << " tier=" << point[1] << " fraud=" << point[2]);
        CHECK(a["normal"] == (truth.normal.outcome < 0 ? "" : p.outcomes[static_cast<std::size_t>(truth.normal.outcome)]));
        CHECK(a["normal_text"] == normal_sentence(p, truth.normal));
        REQUIRE(a["options"].size() == truth.options.size());
        for (std::size_t o = 0; o < truth.options.size(); ++o) {
          CHECK(a["options"][o]["item"] == truth.options[o].exception);
          CHECK(a["options"][o]["blocked"] == (truth.options[o].blocked_by >= 0));
        }
        REQUIRE(a["lines"].size() == truth.lines.size());
        ++checked;
      }
  CHECK(checked == 101 * static_cast<std::size_t>(space.dims[1]->hi() - space.dims[1]->lo() + 1) * 2);
  // Who may grant: the supervisor grants "gold" and (above the associate) "small".
  for (const auto& it : pol["items"])
    if (it["kind"] == "exception") CHECK(std::find(it["grantors"].begin(), it["grantors"].end(), supervisor) != it["grantors"].end());
}

TEST_CASE("text in the explorer's data cannot end its script element", "[documents][explorer]") {
  std::string hostile =
      test::policy("p", {"days"}, {"refund", "decline"}).rule("in", R"(days = "0..30")", "refund").rule("late", R"(days = "31..")", "decline").str();
  auto at = hostile.find("[[rule]]");
  hostile.insert(at, "title = \"</script><script>alert(1)</script> & <!--\"\n");
  Compilation c = test::compile_files({{"p.toml", hostile}});
  REQUIRE_FALSE(c.diags.has_errors());
  DocContext ctx(c);
  Document page = make_explorer(ctx);
  CHECK(page.page.find("alert(1)") != std::string::npos);  // the words are there, as data
  CHECK(page.page.find("</script><script>alert") == std::string::npos);
  CHECK(page.page.find("<!--") == std::string::npos);
  nlohmann::json data = parse_data(explorer_data(ctx));
  CHECK(data["policies"][0]["name"] == "</script><script>alert(1)</script> & <!--");
}
