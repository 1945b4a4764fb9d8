// Waivers on their own: a [[waive]] marks the diagnostics it names as waived
// (they stay listed), leaves the others in force, and a waiver that matches
// nothing becomes a warning of its own.
#include <catch2/catch.hpp>

#include "compiler/analysis/waivers.hpp"

using namespace leeway;

namespace {
Waiver waiver(DiagnosticKind kind, std::string item, std::string reason, int line) {
  Waiver w;
  w.code = std::string(diagnostic_info(kind).code);
  w.kind = kind;
  w.item = std::move(item);
  w.reason = std::move(reason);
  w.pos = Pos{"p.toml", line, 1};
  w.valid = true;
  return w;
}

Diagnostic& raise(Diagnostics& diags, DiagnosticKind kind, std::string policy, std::string item) {
  Diagnostic& d = diags.add(kind, Pos{"p.toml", 3, 1}, "m");
  d.policy = std::move(policy);
  d.items = {std::move(item)};
  return d;
}
}  // namespace

TEST_CASE("a waiver suppresses the diagnostic of its kind and item, and only that", "[waivers]") {
  Repository repo;
  repo.policies.resize(2);
  repo.policies[0].id = "p";
  repo.policies[1].id = "q";
  repo.policies[0].waivers = {waiver(DiagnosticKind::beyond_rule, "p.wide", "reviewed with the owner", 20)};
  Diagnostics diags;
  raise(diags, DiagnosticKind::beyond_rule, "p", "p.wide");   // waived
  raise(diags, DiagnosticKind::no_bend, "p", "p.wide");       // another kind
  raise(diags, DiagnosticKind::beyond_rule, "p", "p.other");  // another item
  raise(diags, DiagnosticKind::beyond_rule, "q", "p.wide");   // another policy
  apply_waivers(repo, diags);
  const auto& all = diags.all();
  REQUIRE(all.size() == 4);
  CHECK(all[0].waived == "reviewed with the owner");
  CHECK(all[1].waived.empty());
  CHECK(all[2].waived.empty());
  CHECK(all[3].waived.empty());
  CHECK(diags.waived() == 1);
  CHECK(diags.count(Severity::warning) == 3);  // in force: the no-bend and the other two beyond-rule
}

TEST_CASE("a waiver that matches nothing is a warning at the waiver", "[waivers]") {
  Repository repo;
  repo.policies.resize(1);
  repo.policies[0].id = "p";
  repo.policies[0].waivers = {waiver(DiagnosticKind::beyond_rule, "p.gone", "old", 12)};
  Waiver invalid = waiver(DiagnosticKind::no_bend, "p.x", "", 14);
  invalid.valid = false;  // already reported as bad-waiver; not matched
  repo.policies[0].waivers.push_back(invalid);
  Diagnostics diags;
  apply_waivers(repo, diags);
  REQUIRE(diags.all().size() == 1);
  const Diagnostic& d = diags.all()[0];
  CHECK(d.kind == DiagnosticKind::unused_waiver);
  CHECK(d.severity == Severity::warning);
  CHECK(d.pos.line == 12);
  CHECK(d.items == std::vector<std::string>{"p.gone"});
  CHECK(d.message == "this waiver of LW507 for `p.gone` matches no diagnostic");
}

TEST_CASE("an error cannot be waived: it stays in force and the waiver is an error at its place", "[waivers]") {
  Repository repo;
  repo.policies.resize(1);
  repo.policies[0].id = "p";
  repo.policies[0].waivers = {waiver(DiagnosticKind::crosses_line, "p.e", "we trust them", 30)};
  Diagnostics diags;
  raise(diags, DiagnosticKind::crosses_line, "p", "p.e");
  apply_waivers(repo, diags);
  REQUIRE(diags.all().size() == 2);
  CHECK(diags.all()[0].waived.empty());
  const Diagnostic& refused = diags.all()[1];
  CHECK(refused.kind == DiagnosticKind::bad_waiver);
  CHECK(refused.severity == Severity::error);
  CHECK(refused.pos.line == 30);
  CHECK(refused.message == "this waiver of LW505 for `p.e` would silence an error; only warnings can be waived");
  CHECK(diags.count(Severity::error) == 2);
  CHECK(diags.waived() == 0);
}
