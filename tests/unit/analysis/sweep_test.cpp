// One step of the recursive sweep: cuts at the edges of the active boxes, the
// distinct active sets, and the merging of segments with equal results.
#include <catch2/catch.hpp>

#include <random>
#include <set>

#include "compiler/analysis/sweep.hpp"

using namespace leeway;

namespace {
Box box1(std::int64_t lo, std::int64_t hi) { return Box{ValueSet::range(lo, hi)}; }
const std::vector<std::size_t> kBoth = {0, 1};
std::vector<std::size_t> members(const SweepStep& step, std::size_t r) { return {step.set(r).begin(), step.set(r).end()}; }
}  // namespace

TEST_CASE("a sweep step cuts at every edge and names the boxes active in each segment", "[sweep]") {
  Box a = box1(0, 10), b = box1(5, 20);
  std::vector<const Box*> boxes = {&a, &b};
  SweepStep step = sweep_step(boxes, kBoth, 0, 0, 30);
  REQUIRE(step.cuts == std::vector<std::int64_t>{0, 5, 11, 21});
  REQUIRE(step.segments() == 4);
  CHECK(step.segment(0) == ValueSet::range(0, 4));
  CHECK(step.segment(3) == ValueSet::range(21, 30));
  auto active = [&](std::size_t s) { return members(step, step.set_of[s]); };
  CHECK(active(0) == std::vector<std::size_t>{0});
  CHECK(active(1) == std::vector<std::size_t>{0, 1});
  CHECK(active(2) == std::vector<std::size_t>{1});
  CHECK(active(3).empty());
  CHECK(step.sets() == 4);  // each distinct set once
}

TEST_CASE("a sweep step with no edge inside keeps one segment and the same active set", "[sweep]") {
  Box a = box1(0, 100);
  std::vector<const Box*> boxes = {&a};
  std::vector<std::size_t> only = {0};
  SweepStep step = sweep_step(boxes, only, 0, 10, 20);
  REQUIRE(step.segments() == 1);
  CHECK(step.segment(0) == ValueSet::range(10, 20));
  CHECK(members(step, 0) == std::vector<std::size_t>{0});
}

TEST_CASE("equal segments merge: neighbours only on a number line, any on a set of values", "[sweep]") {
  // Values 0..3 with a box at 0 and one at 2: segments {0} [a], {1} [], {2} [b], {3} [].
  Box a = box1(0, 0), b = box1(2, 2);
  std::vector<const Box*> boxes = {&a, &b};
  SweepStep step = sweep_step(boxes, kBoth, 0, 0, 3);
  REQUIRE(step.segments() == 4);
  // Results are "covered or not"; the uncovered segments are the ones kept.
  auto covered = [&](std::size_t r) { return !step.set(r).empty(); };
  auto same = [&](std::size_t x, std::size_t y) { return covered(x) == covered(y); };
  auto on_line = merge_segments(step, true, same, covered);
  REQUIRE(on_line.size() == 2);  // 1 and 3 are not neighbours
  CHECK(on_line[0].first == ValueSet::range(1, 1));
  CHECK(on_line[1].first == ValueSet::range(3, 3));
  auto as_set = merge_segments(step, false, same, covered);
  REQUIRE(as_set.size() == 1);
  CHECK(as_set[0].first == ValueSet::of({1, 3}));
  // Neighbours with equal results become one interval.
  auto uncovered = [&](std::size_t r) { return !covered(r); };
  auto covered_runs = merge_segments(sweep_step(boxes, kBoth, 0, 0, 2), true, same, uncovered);
  REQUIRE(covered_runs.size() == 2);
  CHECK(covered_runs[0].first == ValueSet::range(0, 0));
}

TEST_CASE("a sweep step names, for every segment, exactly the active boxes holding all of it", "[sweep]") {
  // Random sets of several intervals (as an enum's values are), a random
  // window, a random subset of the boxes meeting it active: every value of
  // every segment checked.
  std::mt19937 rng(7);
  std::uniform_int_distribution<std::int64_t> value(0, 60);
  for (int round = 0; round < 300; ++round) {
    std::vector<Box> owned(1 + rng() % 12);
    for (Box& b : owned) {
      std::vector<std::int64_t> vs;
      for (std::size_t k = 1 + rng() % 20; k > 0; --k) vs.push_back(value(rng));
      b = Box{rng() % 3 ? ValueSet::of(vs) : ValueSet::range(std::min(vs[0], vs.back()), std::max(vs[0], vs.back()))};
    }
    std::vector<const Box*> boxes;
    for (const Box& b : owned) boxes.push_back(&b);
    std::int64_t lo = value(rng), hi = value(rng);
    if (lo > hi) std::swap(lo, hi);
    // Active boxes meet the window (sweep.hpp); most do, some in gaps of the window.
    std::vector<std::size_t> active;
    for (std::size_t i = 0; i < boxes.size(); ++i)
      if (rng() % 4 && !(*boxes[i])[0].intersect(ValueSet::range(lo, hi)).empty()) active.push_back(i);
    SweepStep step = sweep_step(boxes, active, 0, lo, hi);
    REQUIRE(step.cuts.front() == lo);
    std::set<std::vector<std::size_t>> seen;
    for (std::size_t r = 0; r < step.sets(); ++r) CHECK(seen.insert(members(step, r)).second);  // each set once
    for (std::size_t seg = 0; seg < step.segments(); ++seg) {
      std::vector<std::size_t> named = members(step, step.set_of[seg]);
      for (std::int64_t v = step.segment(seg).min(); v <= step.segment(seg).max(); ++v) {
        std::vector<std::size_t> holding;
        for (std::size_t i : active)
          if ((*boxes[i])[0].contains(v)) holding.push_back(i);
        REQUIRE(holding == named);
      }
    }
  }
}
