// The change report of `leeway diff`, computed (compiler/changes): who is
// affected, and the words its text and pull-request comment share.
#include <catch2/catch.hpp>

#include "compiler/changes/change_report.hpp"
#include "compiler/changes/change_words.hpp"
#include "compiler/core/words.hpp"
#include "support/policy_text.hpp"
#include "support/test_repo.hpp"

using namespace leeway;
using namespace leeway::test;

namespace {
const std::string kTwoRoles =
    "[repository]\nname = \"T\"\n[dimensions.days]\ntype = \"integer\"\nmin = 0\nmax = 100\n[roles.associate]\nmax_cost = 10\n"
    "[roles.supervisor]\nmax_cost = 50\n";
std::string with_old(const char* then) {
  return policy("p", {"days"}, {"yes", "no"}).rule("young", R"(days = "0..30")", "yes").rule("old", R"(days = "31..")", then);
}
}  // namespace

TEST_CASE("change report: a role is affected when its handbook differs or exists on one side only", "[diff]") {
  Compilation base = compile_files({{"leeway.toml", kTwoRoles}, {"p.toml", with_old("no")}});
  Compilation head = compile_files({{"leeway.toml", kTwoRoles}, {"p.toml", with_old("yes")}});
  ChangeReport same =
      make_change_report(base, head, "main", "HEAD", {{"associate", "a"}, {"supervisor", "s"}}, {{"associate", "a"}, {"supervisor", "s"}});
  CHECK(same.affected_roles.empty());
  ChangeReport r = make_change_report(base, head, "main", "HEAD", {{"associate", "a"}, {"supervisor", "s"}}, {{"associate", "b"}});
  CHECK(r.affected_roles == std::vector<std::string>{"associate", "supervisor"});
  CHECK(r.base == "main");
  CHECK(r.head == "HEAD");
  REQUIRE(r.changes.size() == 1);
  CHECK_FALSE(brings_new_errors(r));
}

TEST_CASE("change report words: the summary, a decision, a change in the files", "[diff]") {
  Compilation base = compile_files({{"leeway.toml", kTwoRoles}, {"p.toml", with_old("no")}});
  Compilation head = compile_files({{"leeway.toml", kTwoRoles}, {"p.toml", with_old("yes")}});
  ChangeReport r = make_change_report(base, head, "main", "HEAD", {{"associate", "a"}}, {{"associate", "b"}});
  CHECK(change_summary(r) == "decisions change in 1 region of 1 policy; 1 item changed; no new error; handbooks to reissue: associate, supervisor");
  REQUIRE(r.changes.size() == 1);
  CHECK(decision_record_words(r.changes[0].before) == "no (rule p.old)");
  CHECK(decision_record_words(r.changes[0].after) == "yes (rule p.old)");
  CHECK(file_change_lines(r) == std::vector<std::string>{"  ~ item p.old (then no -> yes)"});
}

TEST_CASE("plural: the count and the noun that agrees with it", "[words]") {
  CHECK(plural(0, "region", "regions") == "0 regions");
  CHECK(plural(1, "policy", "policies") == "1 policy");
  CHECK(plural(2, "policy", "policies") == "2 policies");
}
