#include <catch2/catch.hpp>

#include "compiler/emit/graph_export.hpp"
#include "support/policy_text.hpp"
#include "support/test_repo.hpp"

using namespace leeway;
using namespace leeway::test;

namespace {
std::string one_exception() {
  return policy("p", {"days"}, {"yes", "no"}).rule("r", "", "no").exception("e", "r", R"(days = "0..10")", "yes", "associate", "5");
}

std::size_t count_edges(const RepoGraph& rg, EdgeKind k) {
  std::size_t n = 0;
  for (auto [e, end] = boost::edges(rg.g()); e != end; ++e) n += rg.g()[*e].kind == k;
  return n;
}
}  // namespace

TEST_CASE("the graph holds every vertex and dependency", "[graph]") {
  Compilation c = compile_files({{"p.toml", one_exception()}, {"stories/s.md", "+++\ntitle = \"t\"\nteaches = [\"p.e\"]\n+++\n"}}, false);
  const RepoGraph& rg = c.graph;
  // 4 dimensions, 2 roles, 1 policy, 2 items, 1 story
  CHECK(boost::num_vertices(rg.g()) == 10);
  CHECK(count_edges(rg, EdgeKind::contains) == 2);
  CHECK(count_edges(rg, EdgeKind::bends) == 1);
  CHECK(count_edges(rg, EdgeKind::granted_by) == 1);
  CHECK(count_edges(rg, EdgeKind::reports_to) == 1);
  CHECK(count_edges(rg, EdgeKind::uses) == 1);
  CHECK(count_edges(rg, EdgeKind::teaches) == 1);
  // Who may grant what an associate may: the associate and the supervisor.
  auto above = roles_above(rg, c.repo.manifest.role_index("associate"));
  CHECK(above.size() == 2);
  std::string dot = graph_to_dot(rg, c.repo);
  CHECK(dot.find("digraph leeway") == 0);
  CHECK(dot.find("\"bends\"") != std::string::npos);
}

TEST_CASE("a cycle among roles is found once and named whole", "[graph]") {
  std::string m = std::string(kManifest) + "reports_to = \"boss\"\n[roles.boss]\nreports_to = \"associate\"\n";
  Compilation c = compile_files({{"leeway.toml", m}}, false);
  REQUIRE(c.diags.all().size() == 1);
  const Diagnostic& d = c.diags.all()[0];
  CHECK(d.kind == DiagnosticKind::role_cycle);
  CHECK(d.message.find("associate -> supervisor -> boss -> associate") != std::string::npos);
  CHECK(d.notes.size() == 2);
}

TEST_CASE("a role reporting to itself is a cycle", "[graph]") {
  std::string m = std::string(kManifest) + "reports_to = \"supervisor\"\n";
  Compilation c = compile_files({{"leeway.toml", m}}, false);
  REQUIRE(find(c, "role-cycle"));
}
