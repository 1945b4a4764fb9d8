// Coalescing against brute force: for random labelled boxes that tile part of
// a small space (the gaps and the answer regions leeway makes), the result
// covers exactly the same points with the same labels, its boxes are
// disjoint, numeric dimensions stay single intervals, and there are never
// more boxes than before. It also prints how many boxes a greedy maximal
// cover (issue 16's peer) needs for the same points: the figure to beat.
#include <catch2/catch.hpp>

#include <map>
#include <random>

#include "compiler/analysis/coalesce.hpp"
#include "compiler/analysis/gaps.hpp"

using namespace leeway;

namespace {

// Dimensions: two numeric (0..5, 0..4), an enum of 4 values, a bool.
const Box kDomain = {ValueSet::range(0, 5), ValueSet::range(0, 4), ValueSet::range(0, 3), ValueSet::range(0, 1)};
const std::vector<bool> kContiguous = {true, true, false, false};

Box random_box(std::mt19937& rng) {
  Box b;
  for (std::size_t d = 0; d < kDomain.size(); ++d) {
    std::int64_t lo = kDomain[d].min(), hi = kDomain[d].max();
    if (kContiguous[d]) {
      std::int64_t a = lo + static_cast<std::int64_t>(rng() % static_cast<unsigned>(hi - lo + 1));
      std::int64_t c = lo + static_cast<std::int64_t>(rng() % static_cast<unsigned>(hi - lo + 1));
      b.push_back(ValueSet::range(std::min(a, c), std::max(a, c)));
    } else {
      std::vector<std::int64_t> values;
      for (std::int64_t v = lo; v <= hi; ++v)
        if (rng() % 2) values.push_back(v);
      if (values.empty()) values.push_back(lo);
      b.push_back(ValueSet::of(values));
    }
  }
  return b;
}

// point -> label, checking that no point is in two boxes.
std::map<std::vector<std::int64_t>, std::size_t> points(const std::vector<LabelledBox>& boxes, bool& disjoint) {
  std::map<std::vector<std::int64_t>, std::size_t> out;
  std::vector<std::int64_t> p(4);
  for (p[0] = 0; p[0] <= 5; ++p[0])
    for (p[1] = 0; p[1] <= 4; ++p[1])
      for (p[2] = 0; p[2] <= 3; ++p[2])
        for (p[3] = 0; p[3] <= 1; ++p[3])
          for (const auto& [b, label] : boxes)
            if (box_contains(b, p)) {
              disjoint = disjoint && !out.count(p);
              out[p] = label;
            }
  return out;
}

// The peer's method (issue 16): take the first uncovered point, grow it into
// a maximal box dimension by dimension within what is left of its label,
// take that box away, again until nothing is left. Counts its boxes.
std::size_t greedy_maximal_cover(const std::map<std::vector<std::int64_t>, std::size_t>& labelled) {
  std::map<std::vector<std::int64_t>, std::size_t> left = labelled;
  std::size_t boxes = 0;
  const std::int64_t hi[] = {5, 4, 3, 1};
  while (!left.empty()) {
    auto [seed, label] = *left.begin();
    std::vector<std::vector<std::int64_t>> sets = {{seed[0]}, {seed[1]}, {seed[2]}, {seed[3]}};
    auto inside = [&](const std::vector<std::vector<std::int64_t>>& box) {
      std::vector<std::int64_t> p(4);
      for (auto a : box[0]) for (auto b : box[1]) for (auto c : box[2]) for (auto d : box[3]) {
        p = {a, b, c, d};
        auto it = left.find(p);
        if (it == left.end() || it->second != label) return false;
      }
      return true;
    };
    for (std::size_t d = 0; d < 4; ++d) {
      if (kContiguous[d]) {
        while (sets[d].back() < hi[d]) {
          auto box = sets;
          box[d] = {sets[d].back() + 1};
          if (!inside(box)) break;
          sets[d].push_back(sets[d].back() + 1);
        }
      } else {
        for (std::int64_t v = 0; v <= hi[d]; ++v) {
          if (std::find(sets[d].begin(), sets[d].end(), v) != sets[d].end()) continue;
          auto box = sets;
          box[d] = {v};
          if (inside(box)) sets[d].push_back(v);
        }
      }
    }
    for (auto a : sets[0]) for (auto b : sets[1]) for (auto c : sets[2]) for (auto d : sets[3]) left.erase({a, b, c, d});
    ++boxes;
  }
  return boxes;
}

}  // namespace

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
  // It does join boxes: fewer overall, not only never more.
  CHECK(after_total < before_total);
  INFO(before_total << " -> " << after_total);
}
