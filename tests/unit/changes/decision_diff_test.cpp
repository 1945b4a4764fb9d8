// The semantic diff across changed domains: an enum value added, a range
// widened. Only the situations that did not exist before are new; the rest
// compare as before.
#include <catch2/catch.hpp>

#include "compiler/changes/decision_diff.hpp"
#include "support/policy_text.hpp"
#include "support/test_repo.hpp"

using namespace leeway;
using namespace leeway::test;

namespace {
std::string manifest(const std::string& tiers, int max_days) {
  return "[repository]\nname = \"T\"\n[dimensions.days]\ntype = \"integer\"\nmin = 0\nmax = " + std::to_string(max_days) +
         "\n[dimensions.tier]\ntype = \"enum\"\nvalues = " + tiers + "\n[roles.associate]\nmax_cost = 10\n";
}
const std::string kPolicy =
    policy("p", {"tier", "days"}, {"yes", "no"}).rule("young", R"(days = "0..30")", "yes").rule("old", R"(days = "31..")", "no");
}  // namespace

TEST_CASE("diff across changed domains: new situations are new, the rest compare as before", "[diff]") {
  Compilation base = compile_files({{"leeway.toml", manifest(R"(["standard", "gold"])", 100)}, {"p.toml", kPolicy}});
  Compilation head = compile_files({{"leeway.toml", manifest(R"(["standard", "diamond", "gold"])", 200)}, {"p.toml", kPolicy}});
  std::vector<DecisionChange> changes = decision_changes(base, head);
  REQUIRE_FALSE(changes.empty());
  // Every situation of HEAD: in exactly one change when it did not exist in BASE, else in none.
  for (const char* tier : {"standard", "diamond", "gold"})
    for (int days = 0; days <= 200; ++days) {
      bool is_new = std::string(tier) == "diamond" || days > 100;
      std::size_t in = 0;
      for (const DecisionChange& c : changes) {
        const RegionEntry& t = c.region[0];
        const RegionEntry& d = c.region[1];
        if (std::find(t.values.begin(), t.values.end(), tier) == t.values.end() || days < d.lo || days > d.hi) continue;
        ++in;
        CHECK_FALSE(c.before.exists);
        CHECK(c.after.exists);
        CHECK(*c.after.outcome == (days <= 30 ? "yes" : "no"));
      }
      INFO(tier << " " << days);
      CHECK(in == (is_new ? 1u : 0u));
    }
  // And back: the same situations are gone.
  for (const DecisionChange& c : decision_changes(head, base)) {
    CHECK(c.before.exists);
    CHECK_FALSE(c.after.exists);
  }
}
