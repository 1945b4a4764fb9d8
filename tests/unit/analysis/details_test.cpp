// A diagnostic's details built into another diagnostic, one after another
// (what `check --format json` does on each thread), read exactly as the
// details built into the diagnostic itself.
#include <catch2/catch.hpp>

#include "compiler/emit/diagnostic_json.hpp"
#include "support/json_trees.hpp"
#include "support/random_policy.hpp"
#include "support/test_repo.hpp"

using namespace leeway;
using namespace leeway::test;

TEST_CASE("details built into a reused diagnostic equal the diagnostic completed", "[analysis][details]") {
  std::mt19937 rng(20261126);
  Diagnostic shown;  // reused across every diagnostic of every round
  std::size_t gaps = 0, overlaps = 0;
  for (int round = 0; round < 200; ++round) {
    Generated g = generate(rng);
    INFO("round " << round << "\n" << g.text);
    MemorySource src({{"leeway.toml", kSmallManifest}, {"p.toml", g.text}});
    CompileOptions options{true, 1};
    options.defer = true;
    Compilation c = compile_source(src, options);
    for (const Finding& f : c.diags.findings()) {
      Diagnostic d = Diagnostics::make(f);
      if (!d.details) continue;
      (d.kind == DiagnosticKind::gap ? gaps : overlaps)++;
      Diagnostic completed = d;
      completed.complete();
      d.details_into(shown);
      REQUIRE(diagnostic_to_json(shown).dump(2) == diagnostic_to_json(completed).dump(2));
      d.give_back(shown);
      // The diagnostic has what it lent back, and its details still to build.
      CHECK(d.message == completed.message);
      CHECK(d.items == completed.items);
      CHECK(d.kind == completed.kind);
      CHECK(!d.region);
      CHECK(d.details);
    }
  }
  // Both makers of details were reached, many times over.
  CHECK(gaps > 50);
  CHECK(overlaps > 50);
}
