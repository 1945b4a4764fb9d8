// Property test of the semantic diff: random pairs of revisions, every
// situation compared with the brute-force decision before and after.
#include <catch2/catch.hpp>

#include "compiler/changes/decision_diff.hpp"
#include "support/random_policy.hpp"
#include "support/test_repo.hpp"

using namespace leeway;
using namespace leeway::test;

TEST_CASE("random changes: diff's regions are exactly the situations whose decision changed", "[diff][property]") {
  std::mt19937 rng(20261126);
  for (int round = 0; round < 300; ++round) {
    Generated before = generate(rng);
    Generated after = generate(rng, &before.over);
    INFO("round " << round << "\nBEFORE\n" << before.text << "\nAFTER\n" << after.text);
    Compilation a = test::compile_files({{"leeway.toml", kSmallManifest}, {"p.toml", before.text}});
    Compilation b = test::compile_files({{"leeway.toml", kSmallManifest}, {"p.toml", after.text}});
    std::vector<Dim> dims;
    for (int d : before.over) dims.push_back(kDims[static_cast<std::size_t>(d)]);
    auto changes = decision_changes(a, b);
    for (const auto& p : all_points(dims)) {
      auto was = brute_decision(before, p), now = brute_decision(after, p);
      bool changed = std::get<0>(was) != std::get<0>(now) || std::get<1>(was) != std::get<1>(now) || std::get<2>(was) != std::get<2>(now) ||
                     std::get<3>(was) != std::get<3>(now);
      std::size_t covering = 0;
      for (const auto& c : changes) {
        if (!in_region(c.region, dims, p)) continue;
        ++covering;
        CHECK(as_tuple(c.before) == was);
        CHECK(as_tuple(c.after) == now);
      }
      CHECK(covering == (changed ? 1u : 0u));  // disjoint, and exactly the changed set
    }
  }
  // A policy added is a change wherever it decides; one removed, likewise.
  std::mt19937 rng2(7);
  Generated g = generate(rng2);
  Compilation none = test::compile_files({{"leeway.toml", kSmallManifest}});
  Compilation one = test::compile_files({{"leeway.toml", kSmallManifest}, {"p.toml", g.text}});
  std::vector<Dim> dims;
  for (int d : g.over) dims.push_back(kDims[static_cast<std::size_t>(d)]);
  auto added = decision_changes(none, one);
  auto removed = decision_changes(one, none);
  for (const auto& p : all_points(dims)) {
    bool decided = std::get<1>(brute_decision(g, p)) != "none";
    std::size_t in_added = 0, in_removed = 0;
    for (const auto& c : added) in_added += in_region(c.region, dims, p);
    for (const auto& c : removed) in_removed += in_region(c.region, dims, p);
    CHECK(in_added == (decided ? 1u : 0u));
    CHECK(in_removed == (decided ? 1u : 0u));
  }
}
