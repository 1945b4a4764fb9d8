// `leeway diff` on a real Git repository with two commits, and the CI
// scripts in ci/integrations that policy repositories call.
#include <catch2/catch.hpp>

#include <filesystem>

#include <nlohmann/json.hpp>

#include "run.hpp"

using e2e::leeway;

namespace {

const std::string kScript = std::string(SOURCE_DIR) + "/ci/integrations/leeway-ci.sh";

e2e::Result git(const e2e::TempDir& dir, std::vector<std::string> args) {
  args.insert(args.begin(), {"/usr/bin/git", "-C", dir.path()});
  return e2e::run(args, {{"GIT_AUTHOR_NAME", "t"},
                         {"GIT_AUTHOR_EMAIL", "t@example.org"},
                         {"GIT_COMMITTER_NAME", "t"},
                         {"GIT_COMMITTER_EMAIL", "t@example.org"},
                         {"GIT_CONFIG_NOSYSTEM", "1"},
                         {"HOME", dir.path()}});
}

// A Git repository with the policies in policies/: the bundled fixture at
// the first commit, then a change that lets gold customers 61 to 90 days
// late have a refund (the `gold-grace` exception reaches further).
void two_commits(const e2e::TempDir& dir) {
  REQUIRE(git(dir, {"init", "-q"}).exit == 0);
  for (const char* f : {"leeway.toml", "returns.toml", "stories/late-kettle.md"})
    dir.write(std::string("policies/") + f, e2e::read_file(std::string(FIXTURES_DIR) + "/docs/" + f));
  dir.write("README.md", "not a policy\n");
  REQUIRE(git(dir, {"add", "-A"}).exit == 0);
  REQUIRE(git(dir, {"commit", "-q", "-m", "base"}).exit == 0);
  std::string p = e2e::read_file(dir.path() + "/policies/returns.toml");
  p.replace(p.find("days = \"31..60\", tier = \"gold\""), 30, "days = \"31..90\", tier = \"gold\"");
  p += "\n[[rule]]\nid = \"extra\"\nwhen = { days = \"0..10\" }\nthen = \"credit\"\n";  // a new conflict with in-window
  dir.write("policies/returns.toml", p);
  REQUIRE(git(dir, {"commit", "-q", "-a", "-m", "longer grace"}).exit == 0);
}

}  // namespace

TEST_CASE("diff reads two revisions from Git and reports the changed situations exactly", "[diff]") {
  e2e::TempDir dir;
  two_commits(dir);
  e2e::Result r = leeway({"diff", "HEAD~1", "HEAD", "--repo", dir.path() + "/policies", "--format", "json"});
  CHECK(r.exit == 1);  // HEAD brings a new error (the rule conflict)
  auto j = nlohmann::json::parse(r.out);
  CHECK(j["base"].get<std::string>().rfind("HEAD~1 (", 0) == 0);
  // 61..90 days, gold, no fraud: decline by the rule -> refund by the exception;
  // 0..10 days: refund -> a conflict between two rules.
  bool grace = false, conflict = false;
  for (const auto& c : j["changes"]) {
    INFO(c.dump());
    CHECK(c["policy"] == "returns");
    if (c["region"]["days"] == nlohmann::json::array({61, 90})) {
      grace = true;
      CHECK(c["region"]["tier"] == nlohmann::json::array({"gold"}));
      CHECK(c["region"]["fraud"] == nlohmann::json::array({false}));
      CHECK(c["before"]["outcome"] == "decline");
      CHECK(c["before"]["decided_by"] == "rule");
      CHECK(c["after"]["outcome"] == "refund");
      CHECK(c["after"]["decided_by"] == "exception");
      CHECK(c["after"]["granted_by"] == "supervisor");
      CHECK(c["after"]["items"] == nlohmann::json::array({"returns.gold-grace"}));
    }
    if (c["region"]["days"] == nlohmann::json::array({0, 10})) {
      conflict = true;
      CHECK(c["after"]["conflict"] == true);
      CHECK(c["after"]["outcome"].is_null());
    }
  }
  CHECK(grace);
  CHECK(conflict);
  CHECK(j["changes"].size() == 2);
  CHECK(j["items"]["added"] == nlohmann::json::array({"returns.extra"}));
  REQUIRE(j["items"]["modified"].size() == 1);
  CHECK(j["items"]["modified"][0]["id"] == "returns.gold-grace");
  CHECK(j["items"]["modified"][0]["keys"] == nlohmann::json::array({"when"}));
  REQUIRE(j["diagnostics"]["new"].size() == 1);
  CHECK(j["diagnostics"]["new"][0]["kind"] == "rule-conflict");
  CHECK(j["affected"]["owners"] == nlohmann::json::array({"Care Operations"}));

  // The working tree is HEAD's default: nothing changed since the last commit.
  e2e::Result same = leeway({"diff", "HEAD", "--repo", dir.path() + "/policies"});
  CHECK(same.exit == 0);
  CHECK(same.out.find("no decision changes") != std::string::npos);

  e2e::Result md = leeway({"diff", "HEAD~1", "--repo", dir.path() + "/policies", "--format", "markdown"});
  CHECK(md.out.rfind("**leeway**: decisions change in 2 regions of 1 policy", 0) == 0);
  CHECK(md.out.find("<details>") != std::string::npos);

  e2e::Result bad = leeway({"diff", "no-such-branch", "--repo", dir.path() + "/policies"});
  CHECK(bad.exit == 2);
  CHECK(bad.err.find("is not a revision") != std::string::npos);
  e2e::TempDir plain;
  plain.write("leeway.toml", "");
  bad = leeway({"diff", "HEAD", "--repo", plain.path()});
  CHECK(bad.exit == 2);
  CHECK(bad.err.find("not inside a Git repository") != std::string::npos);
}

TEST_CASE("the CI integration script checks, reviews and builds handbooks", "[diff][integration]") {
  e2e::TempDir dir, out;
  two_commits(dir);
  std::map<std::string, std::string> env{{"LEEWAY", LEEWAY_BIN}, {"GITHUB_ACTIONS", "true"}};
  std::string repo = dir.path() + "/policies";

  e2e::Result check = e2e::run({"/bin/bash", kScript, "check", repo, out.path()}, env);
  CHECK(check.exit == 1);
  CHECK(check.out.find("::error file=") != std::string::npos);
  auto sarif = nlohmann::json::parse(e2e::read_file(out.path() + "/leeway.sarif"));
  CHECK(sarif["version"] == "2.1.0");
  CHECK(sarif["runs"][0]["results"].size() >= 1);

  e2e::Result review = e2e::run({"/bin/bash", kScript, "review", repo, "HEAD~1", out.path()}, env);
  CHECK(review.exit == 1);
  CHECK(e2e::read_file(out.path() + "/comment.md").rfind("**leeway**:", 0) == 0);
  CHECK(nlohmann::json::parse(e2e::read_file(out.path() + "/diff.json"))["changes"].size() == 2);

  git(dir, {"reset", "-q", "--hard", "HEAD~1"});
  e2e::Result books = e2e::run({"/bin/bash", kScript, "handbooks", repo, out.path()}, env);
  CHECK(books.exit == 0);
  CHECK(std::filesystem::exists(out.path() + "/handbooks/handbook-associate.pdf"));

  e2e::Result hook = e2e::run({"/bin/bash", kScript, "pre-commit", repo}, env);
  CHECK(hook.exit == 0);
  e2e::Result usage = e2e::run({"/bin/bash", kScript, "frobnicate"}, env);
  CHECK(usage.exit == 2);
}

TEST_CASE("diff across changed domains: a tier added reports only what the policy says about it", "[diff]") {
  e2e::TempDir dir;
  two_commits(dir);
  git(dir, {"reset", "-q", "--hard", "HEAD~1"});
  std::string m = e2e::read_file(dir.path() + "/policies/leeway.toml");
  m.replace(m.find("values = [\"standard\", \"gold\"]"), 29, "values = [\"standard\", \"gold\", \"diamond\"]");
  m.replace(m.find("edition = \"7\""), 13, "edition = \"8\"");
  dir.write("policies/leeway.toml", m);
  std::string p = e2e::read_file(dir.path() + "/policies/returns.toml");
  p.replace(p.find("max_cost = 150"), 14, "max_cost = 180");
  dir.write("policies/returns.toml", p);
  e2e::Result r = leeway({"diff", "HEAD", "--repo", dir.path() + "/policies", "--format", "json"});
  CHECK(r.exit == 0);
  auto j = nlohmann::json::parse(r.out);
  REQUIRE_FALSE(j["changes"].empty());
  for (const auto& c : j["changes"]) {
    INFO(c.dump());
    CHECK(c["region"]["tier"] == nlohmann::json::array({"diamond"}));  // nothing else changed its decision
    CHECK(c["before"].is_null());                                      // new situations, not "silent"
    CHECK(c["after"].is_object());
  }
  CHECK(j["edition"] == nlohmann::json::parse(R"({"before": "7", "after": "8"})"));
  REQUIRE(j["items"]["modified"].size() == 1);
  CHECK(j["items"]["modified"][0]["values"][0] == nlohmann::json::parse(R"({"key": "max_cost", "before": "150", "after": "180"})"));
  e2e::Result text = leeway({"diff", "HEAD", "--repo", dir.path() + "/policies"});
  CHECK(text.out.find("before: these situations do not exist") != std::string::npos);
  CHECK(text.out.find("max_cost 150 -> 180") != std::string::npos);
  CHECK(text.out.find("edition 7 -> 8") != std::string::npos);
  CHECK(text.out.find("values standard or gold -> standard, gold or diamond") != std::string::npos);
}

// Edition 7, then edition 8: the gold grace reaches 90 days and its ceiling
// rises to 180; the associate's small credit is gone; a new line.
void two_editions(const e2e::TempDir& dir) {
  REQUIRE(git(dir, {"init", "-q"}).exit == 0);
  for (const char* f : {"leeway.toml", "returns.toml", "stories/late-kettle.md"})
    dir.write(std::string("policies/") + f, e2e::read_file(std::string(FIXTURES_DIR) + "/docs/" + f));
  REQUIRE(git(dir, {"add", "-A"}).exit == 0);
  REQUIRE(git(dir, {"commit", "-q", "-m", "edition 7"}).exit == 0);
  std::string m = e2e::read_file(dir.path() + "/policies/leeway.toml");
  m.replace(m.find("edition = \"7\""), 13, "edition = \"8\"");
  dir.write("policies/leeway.toml", m);
  std::string p = e2e::read_file(dir.path() + "/policies/returns.toml");
  p.replace(p.find("days = \"31..60\", tier = \"gold\""), 30, "days = \"31..90\", tier = \"gold\"");
  p.replace(p.find("max_cost = 150"), 14, "max_cost = 180");
  std::size_t small = p.find("[[exception]]\nid = \"small-credit\"");
  p.erase(small, p.find("[[exception]]", small + 1) - small);
  p += "\n[[line]]\nid = \"no-cash\"\ntitle = \"Never cash over 100 days\"\nwhen = { days = \"100\" }\nthen = \"decline\"\n";
  dir.write("policies/returns.toml", p);
  std::string story = e2e::read_file(dir.path() + "/policies/stories/late-kettle.md");
  story.replace(story.find("returns.small-credit"), 20, "returns.gold-grace");
  dir.write("policies/stories/late-kettle.md", story);
  REQUIRE(git(dir, {"commit", "-q", "-a", "-m", "edition 8"}).exit == 0);
}

TEST_CASE("each handbook opens with what changed since the previous edition, for that role", "[build][diff]") {
  e2e::TempDir dir, out;
  two_editions(dir);
  e2e::Result r = leeway({"build", dir.path() + "/policies", "-o", out.path(), "--formats", "md"});
  REQUIRE(r.exit == 0);
  std::string supervisor = e2e::read_file(out.path() + "/handbook-supervisor.md");
  std::string associate = e2e::read_file(out.path() + "/handbook-associate.md");
  std::string grid = e2e::read_file(out.path() + "/grid-judgment.md");
  INFO(supervisor);
  // Found in Git without being asked: the last commit of edition 7.
  CHECK(supervisor.find("# What changed since edition 7 (") != std::string::npos);
  // The supervisor grants the grace: its new reach and ceiling are theirs.
  CHECK(supervisor.find("**Returns** (days: 61 to 90 days; tier: gold; fraud: no): before, decline (the rule \u201cAfter 30 days\u201d); now, refund "
                        "(the exception \u201cGrace for gold\u201d, yours to give).") != std::string::npos);
  CHECK(supervisor.find("- \u201cGrace for gold\u201d: up to 180 EUR, was up to 150 EUR.") != std::string::npos);
  CHECK(supervisor.find("- New: \u201cNever cash over 100 days\u201d.") != std::string::npos);
  // The associate asks for the grace, and loses the small credit.
  INFO(associate);
  CHECK(associate.find("granted by the Supervisor).") != std::string::npos);
  CHECK(associate.find("## Exceptions no longer yours\n\n- \u201cCredit a little late\u201d.") != std::string::npos);
  // Managers see everything.
  CHECK(grid.find("# What changed since edition 7 (") != std::string::npos);
  CHECK(grid.find("## Exceptions gone") != std::string::npos);

  // --since the same commit: nothing changed, and the handbook says so.
  r = leeway({"build", dir.path() + "/policies", "-o", out.path(), "--formats", "md", "--since", "HEAD"});
  REQUIRE(r.exit == 0);
  CHECK(e2e::read_file(out.path() + "/handbook-associate.md").find("Nothing changed for you since that edition.") != std::string::npos);
  // --since none: no such chapter; an unknown revision: a clear error.
  REQUIRE(leeway({"build", dir.path() + "/policies", "-o", out.path(), "--formats", "md", "--since", "none"}).exit == 0);
  CHECK(e2e::read_file(out.path() + "/handbook-associate.md").find("What changed") == std::string::npos);
  r = leeway({"build", dir.path() + "/policies", "-o", out.path(), "--formats", "md", "--since", "no-such-tag"});
  CHECK(r.exit == 2);
  CHECK(r.err.find("--since: `no-such-tag` is not a revision") != std::string::npos);
}
