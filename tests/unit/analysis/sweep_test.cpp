// One step of the recursive sweep: cuts at the edges of the active boxes, the
// distinct active sets, and the merging of segments with equal results.
#include <catch2/catch.hpp>

#include "compiler/analysis/sweep.hpp"

using namespace leeway;

namespace {
Box box1(std::int64_t lo, std::int64_t hi) { return Box{ValueSet::range(lo, hi)}; }
}  // namespace

TEST_CASE("a sweep step cuts at every edge and names the boxes active in each segment", "[sweep]") {
  Box a = box1(0, 10), b = box1(5, 20);
  std::vector<const Box*> boxes = {&a, &b};
  SweepStep step = sweep_step(boxes, {0, 1}, 0, 0, 30);
  REQUIRE(step.cuts == std::vector<std::int64_t>{0, 5, 11, 21});
  REQUIRE(step.segments() == 4);
  CHECK(step.segment(0) == ValueSet::range(0, 4));
  CHECK(step.segment(3) == ValueSet::range(21, 30));
  auto active = [&](std::size_t s) { return step.distinct[step.set_of[s]]; };
  CHECK(active(0) == std::vector<std::size_t>{0});
  CHECK(active(1) == std::vector<std::size_t>{0, 1});
  CHECK(active(2) == std::vector<std::size_t>{1});
  CHECK(active(3).empty());
  CHECK(step.distinct.size() == 4);  // each distinct set once
}

TEST_CASE("a sweep step with no edge inside keeps one segment and the same active set", "[sweep]") {
  Box a = box1(0, 100);
  std::vector<const Box*> boxes = {&a};
  SweepStep step = sweep_step(boxes, {0}, 0, 10, 20);
  REQUIRE(step.segments() == 1);
  CHECK(step.segment(0) == ValueSet::range(10, 20));
  CHECK(step.distinct[0] == std::vector<std::size_t>{0});
}

TEST_CASE("equal segments merge: neighbours only on a number line, any on a set of values", "[sweep]") {
  // Values 0..3 with a box at 0 and one at 2: segments {0} [a], {1} [], {2} [b], {3} [].
  Box a = box1(0, 0), b = box1(2, 2);
  std::vector<const Box*> boxes = {&a, &b};
  SweepStep step = sweep_step(boxes, {0, 1}, 0, 0, 3);
  REQUIRE(step.segments() == 4);
  // Results are "covered or not"; the uncovered segments are the ones kept.
  auto covered = [&](std::size_t r) { return !step.distinct[r].empty(); };
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
  auto covered_runs = merge_segments(sweep_step(boxes, {0, 1}, 0, 0, 2), true, same, uncovered);
  REQUIRE(covered_runs.size() == 2);
  CHECK(covered_runs[0].first == ValueSet::range(0, 0));
}
