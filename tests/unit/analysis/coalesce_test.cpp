// Coalescing against brute force: for random labelled boxes that tile part of
// a small space (the gaps and the answer regions leeway makes), the result
// covers exactly the same points with the same labels, its boxes are
// disjoint, numeric dimensions stay single intervals, and there are never
// more boxes than before; and in all no more boxes than a greedy maximal
// cover (issue 16's peer) of the same points, whose count it prints.
#include <catch2/catch.hpp>

#include <random>

#include "compiler/analysis/coalesce.hpp"
#include "compiler/analysis/gaps.hpp"
#include "small_space.hpp"

using namespace leeway;
using namespace leeway::small_space;

TEST_CASE("coalescing keeps every point and its label, disjoint, in no more boxes", "[coalesce]") {
  std::mt19937 rng(16);
  std::size_t before_total = 0, after_total = 0, greedy_total = 0;
  for (int round = 0; round < 400; ++round) {
    std::vector<Box> items;
    for (int n = static_cast<int>(rng() % 8) + 1; n > 0; --n) items.push_back(random_box(rng));
    std::vector<const Box*> ptrs;
    for (const Box& b : items) ptrs.push_back(&b);
    std::vector<LabelledBox> in;
    if (round % 2 == 0) {
      // Gaps: one label.
      for (Box& g : uncovered_boxes(kDomain, ptrs, kContiguous)) in.emplace_back(std::move(g), 0);
    } else {
      // Answer regions: the label is which boxes hold (as query and diff label them).
      for (auto& lb : partition(kDomain, ptrs, kContiguous, [](const std::vector<std::size_t>& active) {
             std::size_t label = 0;
             for (std::size_t a : active) label = label * 7 + a + 1;
             return label % 5;
           }))
        in.push_back(std::move(lb));
    }
    bool disjoint_in = true, disjoint_out = true;
    auto want = points(in, disjoint_in);
    REQUIRE(disjoint_in);
    std::vector<LabelledBox> out = coalesce(in, kContiguous);
    INFO("round " << round);
    CHECK(points(out, disjoint_out) == want);
    CHECK(disjoint_out);
    CHECK(out.size() <= in.size());
    for (const auto& [b, label] : out) {
      CHECK(b.size() == kDomain.size());
      CHECK(b[0].is_interval());
      CHECK(b[1].is_interval());
    }
    // The same boxes in another order coalesce to the same result.
    std::vector<LabelledBox> shuffled = in;
    std::shuffle(shuffled.begin(), shuffled.end(), rng);
    CHECK(coalesce(shuffled, kContiguous) == out);
    before_total += in.size(), after_total += out.size();
    greedy_total += greedy_maximal_cover(want);
  }
  WARN("boxes: " << before_total << " from the sweeps, " << after_total << " coalesced, " << greedy_total << " by a greedy maximal cover");
  // It does join boxes: fewer overall, not only never more; and, over these
  // tilings, no more than the peer's greedy cover of the same points.
  CHECK(after_total < before_total);
  CHECK(after_total <= greedy_total);
  INFO(before_total << " -> " << after_total);
}
