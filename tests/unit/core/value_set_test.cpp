#include <catch2/catch.hpp>

#include <random>

#include "compiler/core/value_set.hpp"

using leeway::Box;
using leeway::box_contains;
using leeway::box_difference;
using leeway::ValueSet;

TEST_CASE("value sets keep sorted disjoint intervals and merge neighbours", "[value_set]") {
  ValueSet s = ValueSet::of({5, 1, 2, 3, 9});
  REQUIRE(s.intervals().size() == 3);
  CHECK(s.intervals()[0] == leeway::Interval{1, 3});
  CHECK(s.intervals()[1] == leeway::Interval{5, 5});
  CHECK(s.intervals()[2] == leeway::Interval{9, 9});
  CHECK(s.size() == 5);
  CHECK(s.contains(2));
  CHECK_FALSE(s.contains(4));
  CHECK(ValueSet::range(3, 2).empty());
}

TEST_CASE("set algebra matches the definition value by value", "[value_set]") {
  ValueSet a = ValueSet::range(0, 10).minus(ValueSet::of({3, 4, 7}));
  ValueSet b = ValueSet::of({1, 4, 5, 6, 7, 12});
  for (std::int64_t v = -2; v <= 14; ++v) {
    bool in_a = v >= 0 && v <= 10 && v != 3 && v != 4 && v != 7;
    bool in_b = v == 1 || v == 4 || v == 5 || v == 6 || v == 7 || v == 12;
    INFO("value " << v);
    CHECK(a.contains(v) == in_a);
    CHECK(a.intersect(b).contains(v) == (in_a && in_b));
    CHECK(a.unite(b).contains(v) == (in_a || in_b));
    CHECK(a.minus(b).contains(v) == (in_a && !in_b));
  }
  CHECK(a.overlaps(b));
  CHECK_FALSE(a.overlaps(ValueSet::of({3, 4, 7})));
  CHECK(ValueSet::of({5, 6}).subset_of(b));
  CHECK_FALSE(ValueSet::of({5, 8}).subset_of(b));
}

TEST_CASE("boxes overlap only when every dimension overlaps", "[value_set]") {
  leeway::Box a{ValueSet::range(0, 10), ValueSet::of({0})};
  leeway::Box b{ValueSet::range(5, 20), ValueSet::of({1})};
  leeway::Box c{ValueSet::range(5, 20), ValueSet::of({0, 1})};
  CHECK_FALSE(leeway::boxes_overlap(a, b));
  CHECK(leeway::boxes_overlap(a, c));
  leeway::Box i = leeway::intersect(a, c);
  CHECK(i[0] == ValueSet::range(5, 10));
  CHECK(i[1] == ValueSet::of({0}));
  CHECK(leeway::box_contains(a, {3, 0}));
  CHECK_FALSE(leeway::box_contains(a, {3, 1}));
}

TEST_CASE("box difference: disjoint boxes, exactly the points of a outside b, intervals on number lines", "[value_set]") {
  std::mt19937 rng(3);
  auto pick = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); };
  auto random_box = [&] {
    int a = pick(0, 9), b = pick(a, 9);
    std::vector<std::int64_t> values;
    for (int v = 0; v < 4; ++v)
      if (pick(0, 1)) values.push_back(v);
    if (values.empty()) values.push_back(pick(0, 3));
    return Box{ValueSet::range(a, b), ValueSet::of(values)};
  };
  for (int round = 0; round < 200; ++round) {
    Box a = random_box(), b = random_box();
    std::vector<Box> diff = box_difference(a, b, {true, false});
    for (const Box& piece : diff) CHECK(piece[0].is_interval());
    for (std::int64_t x = 0; x <= 9; ++x)
      for (std::int64_t y = 0; y <= 3; ++y) {
        std::vector<std::int64_t> p = {x, y};
        int in = 0;
        for (const Box& piece : diff) in += box_contains(piece, p) ? 1 : 0;
        CHECK(in == (box_contains(a, p) && !box_contains(b, p) ? 1 : 0));
      }
  }
  Box whole = {ValueSet::range(0, 9)};
  CHECK(box_difference(whole, whole, {true}).empty());
  CHECK(box_difference(whole, {ValueSet::range(3, 5)}, {true}) == std::vector<Box>{{ValueSet::range(0, 2)}, {ValueSet::range(6, 9)}});
}
