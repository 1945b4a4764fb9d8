#include <catch2/catch.hpp>

#include "compiler/core/value_set.hpp"

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
