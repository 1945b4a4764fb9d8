// SARIF 2.1.0 as code scanning reads it: one rule per code, one result per
// diagnostic pointing at its rule, paths from the checkout root, waived
// diagnostics as suppressed results.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "compiler/core/version.hpp"
#include "compiler/emit/sarif.hpp"

using namespace leeway;
using json = nlohmann::json;

TEST_CASE("SARIF: rules from the catalog, results pointing at them, paths from the root", "[sarif]") {
  std::vector<Diagnostic> diags;
  Diagnostic conflict = Diagnostic::of(DiagnosticKind::rule_conflict, Pos{"returns.toml", 12, 3}, "rules a and b disagree", "narrow one");
  conflict.policy = "returns";
  conflict.items = {"returns.a", "returns.b"};
  conflict.notes.push_back({Pos{"returns.toml", 6, 1}, "`a` decides here"});
  diags.push_back(conflict);
  Diagnostic waived = Diagnostic::of(DiagnosticKind::beyond_rule, Pos{"returns.toml", 0, 0}, "reaches outside");
  waived.waived = "reviewed";
  diags.push_back(waived);

  json doc = json::parse(render_sarif(diags, "policies"));
  CHECK(doc["version"] == "2.1.0");
  const json& run = doc["runs"][0];
  CHECK(run["tool"]["driver"]["version"] == std::string(kVersion));
  const json& rules = run["tool"]["driver"]["rules"];
  CHECK(rules.size() == diagnostic_catalog().size());
  const json& results = run["results"];
  REQUIRE(results.size() == 2);
  for (const json& r : results) {
    std::size_t index = r["ruleIndex"];
    REQUIRE(index < rules.size());
    CHECK(rules[index]["id"] == r["ruleId"]);
  }
  const json& first = results[0];
  CHECK(first["ruleId"] == "LW502");
  CHECK(rules[first["ruleIndex"].get<std::size_t>()]["name"] == "rule-conflict");
  CHECK(first["level"] == "error");
  const json& where = first["locations"][0]["physicalLocation"];
  CHECK(where["artifactLocation"]["uri"] == "policies/returns.toml");
  CHECK(where["region"]["startLine"] == 12);
  CHECK(where["region"]["startColumn"] == 3);
  CHECK(first["relatedLocations"][0]["physicalLocation"]["region"]["startLine"] == 6);
  CHECK(first["message"]["text"].get<std::string>().find("narrow one") != std::string::npos);
  CHECK(first["partialFingerprints"]["leeway/v1"] == "LW502:returns:returns.a,returns.b,");
  CHECK_FALSE(first.contains("suppressions"));

  const json& second = results[1];
  CHECK(second["level"] == "warning");
  CHECK_FALSE(second["locations"][0]["physicalLocation"].contains("region"));  // a whole file
  CHECK(second["suppressions"][0]["justification"] == "reviewed");
}

TEST_CASE("SARIF: a repository at the checkout root has bare paths", "[sarif]") {
  std::vector<Diagnostic> diags = {Diagnostic::of(DiagnosticKind::gap, Pos{"a.toml", 1, 1}, "silent")};
  json doc = json::parse(render_sarif(diags, ""));
  CHECK(doc["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "a.toml");
}
