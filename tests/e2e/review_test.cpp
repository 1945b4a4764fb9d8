// Output for review and CI: SARIF, GitHub annotations, waivers, explain, init.
#include <catch2/catch.hpp>

#include <filesystem>
#include <regex>
#include <set>

#include <nlohmann/json.hpp>

#include "run.hpp"

using e2e::leeway;

namespace {

// A repository with one error (a rule conflict), one warning (an exception
// with no ceiling) and one waived warning.
void conflicted(const e2e::TempDir& dir) {
  dir.write("leeway.toml", e2e::read_file(std::string(FIXTURES_DIR) + "/base/leeway.toml"));
  dir.write("sub/p.toml", R"([policy]
id = "p"
over = ["days"]
outcomes = ["yes", "no"]

[[rule]]
id = "a"
when = { days = "0..50" }
then = "yes"

[[rule]]
id = "b"
when = { days = "40.." }
then = "no"

[[exception]]
id = "e"
bends = "b"
when = { days = "60..70" }
then = "yes"
granted_by = "associate"

[[exception]]
id = "f"
bends = "b"
when = { days = "80..90" }
then = "yes"
granted_by = "associate"

[[waive]]
code = "unbounded-exception"
item = "f"
reason = "Reviewed by the policy owner, 2026-11."
)");
}

}  // namespace

TEST_CASE("check --format sarif is SARIF 2.1.0 with a rule per code and waived results suppressed", "[review]") {
  e2e::TempDir dir;
  conflicted(dir);
  e2e::Result r = leeway({"check", dir.path(), "--format", "sarif", "--root", "policies"});
  CHECK(r.exit == 1);
  auto j = nlohmann::json::parse(r.out);
  CHECK(j["version"] == "2.1.0");
  CHECK(j["$schema"].get<std::string>().find("sarif-2.1.0") != std::string::npos);
  REQUIRE(j["runs"].size() == 1);
  const auto& run = j["runs"][0];
  CHECK(run["tool"]["driver"]["name"] == "leeway");
  std::set<std::string> rule_ids;
  for (const auto& rule : run["tool"]["driver"]["rules"]) {
    rule_ids.insert(rule["id"].get<std::string>());
    CHECK_FALSE(rule["help"]["text"].get<std::string>().empty());
    CHECK(std::set<std::string>{"error", "warning", "note"}.count(rule["defaultConfiguration"]["level"].get<std::string>()) == 1);
  }
  CHECK(rule_ids.count("LW502") == 1);
  std::size_t conflicts = 0, suppressed = 0;
  for (const auto& res : run["results"]) {
    INFO(res.dump());
    CHECK(rule_ids.count(res["ruleId"].get<std::string>()) == 1);
    CHECK(run["tool"]["driver"]["rules"][res["ruleIndex"].get<std::size_t>()]["id"] == res["ruleId"]);
    const auto& loc = res["locations"][0]["physicalLocation"];
    CHECK(loc["artifactLocation"]["uri"] == "policies/sub/p.toml");
    CHECK(loc["region"]["startLine"].get<int>() >= 1);
    if (res["ruleId"] == "LW502") {
      ++conflicts;
      CHECK(res["level"] == "error");
      CHECK(loc["region"]["startLine"] == 11);
      CHECK(res["relatedLocations"][0]["physicalLocation"]["region"]["startLine"] == 6);
      CHECK(res["properties"]["region"]["days"] == nlohmann::json::array({40, 50}));
    }
    if (res.contains("suppressions")) {
      ++suppressed;
      CHECK(res["suppressions"][0]["justification"] == "Reviewed by the policy owner, 2026-11.");
    }
  }
  CHECK(conflicts == 1);
  CHECK(suppressed == 1);
}

TEST_CASE("check --format github writes workflow commands, escaped, and skips waived ones", "[review]") {
  e2e::TempDir dir;
  conflicted(dir);
  e2e::Result r = leeway({"check", dir.path(), "--format", "github", "--root", "repo, with: commas"});
  CHECK(r.exit == 1);
  std::regex command(R"(^::(error|warning|notice) file=([^,]+),line=(\d+),col=(\d+),title=(LW\d{3} [a-z-]+)::(.*)$)");
  std::istringstream lines(r.out);
  std::size_t errors = 0, warnings = 0;
  for (std::string line; std::getline(lines, line);) {
    if (line.rfind("::", 0) != 0) continue;
    std::smatch m;
    INFO(line);
    REQUIRE(std::regex_match(line, m, command));
    CHECK(m[2] == "repo%2C with%3A commas/sub/p.toml");
    CHECK(m[6].str().find('\n') == std::string::npos);
    (m[1] == "error" ? errors : warnings)++;
    if (m[5] == "LW502 rule-conflict") {
      CHECK(m[3] == "11");
      CHECK(m[6].str().find("%0Awhere: days: 40 to 50") != std::string::npos);
    }
  }
  CHECK(errors == 1);
  CHECK(warnings == 1);  // the unbounded `e`; `f` is waived
  CHECK(r.out.find("1 waived") != std::string::npos);
}

TEST_CASE("with --strict warnings fail and waived ones do not", "[review]") {
  e2e::TempDir dir;
  dir.write("leeway.toml", e2e::read_file(std::string(FIXTURES_DIR) + "/base/leeway.toml"));
  dir.write(
      "p.toml",
      "[policy]\nid = \"p\"\nover = [\"days\"]\noutcomes = [\"yes\", \"no\"]\n[[rule]]\nid = \"a\"\nwhen = { days = \"0..50\" }\nthen = \"no\"\n"
      "[[rule]]\nid = \"b\"\nwhen = { days = \"51..\" }\nthen = \"no\"\n[[exception]]\nid = \"e\"\nbends = \"b\"\nwhen = { days = \"60..70\" }\n"
      "then = \"yes\"\ngranted_by = \"associate\"\n");
  CHECK(leeway({"check", dir.path()}).exit == 0);
  CHECK(leeway({"check", dir.path(), "--strict"}).exit == 1);
  dir.write("p.toml", e2e::read_file(dir.path() + "/p.toml") + "[[waive]]\ncode = \"LW509\"\nitem = \"e\"\nreason = \"Known.\"\n");
  e2e::Result r = leeway({"check", dir.path(), "--strict"});
  CHECK(r.exit == 0);
  CHECK(r.out.find("warning[LW509] (waived)") != std::string::npos);
  CHECK(r.out.find("waived: Known.") != std::string::npos);
  auto j = nlohmann::json::parse(leeway({"check", dir.path(), "--format", "json"}).out);
  CHECK(j["summary"]["waived"] == 1);
  CHECK(j["summary"]["warnings"] == 0);
}

TEST_CASE("explain prints the long explanation and init writes a repository that checks clean", "[review]") {
  e2e::Result r = leeway({"explain", "LW505"});
  CHECK(r.exit == 0);
  CHECK(r.out.rfind("LW505 crosses-line (error)", 0) == 0);
  CHECK(r.out.find("\nFix: ") != std::string::npos);  // plain text for the terminal, not Markdown
  CHECK(r.out.find("**") == std::string::npos);
  CHECK(leeway({"explain", "beyond-rule"}).out.rfind("LW507 beyond-rule (warning)", 0) == 0);
  CHECK(leeway({"explain", "lw507"}).out.rfind("LW507 beyond-rule (warning)", 0) == 0);  // as people type it
  CHECK(leeway({"explain"}).out.find("LW110") != std::string::npos);
  r = leeway({"explain", "LW000"});
  CHECK(r.exit == 2);
  CHECK(r.err.find("is not a diagnostic code") != std::string::npos);

  e2e::TempDir dir;
  std::string repo = dir.path() + "/new";
  r = leeway({"init", repo});
  CHECK(r.exit == 0);
  CHECK(leeway({"check", repo, "--strict"}).exit == 0);
  // Never overwrites.
  auto before = e2e::snapshot(repo);
  r = leeway({"init", repo});
  CHECK(r.exit == 2);
  CHECK(e2e::snapshot(repo) == before);
}
