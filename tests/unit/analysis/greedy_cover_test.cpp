// The greedy maximal cover against brute force, on random regions of a small
// space: the same points, disjoint boxes, numeric dimensions one interval,
// each box as large as what was left of the region allowed when it was
// taken (no value can be added along any dimension), the same cover whatever
// order the region's boxes come in, and no cover at all past the cell limit.
#include <catch2/catch.hpp>

#include <random>
#include <set>

#include "compiler/analysis/gaps.hpp"
#include "compiler/analysis/greedy_cover.hpp"
#include "small_space.hpp"

using namespace leeway;
using namespace leeway::small_space;

namespace {

using Point = std::vector<std::int64_t>;

std::set<Point> points_of(const std::vector<Box>& boxes, bool& disjoint) {
  std::vector<LabelledBox> labelled;
  for (const Box& b : boxes) labelled.emplace_back(b, 0);
  std::set<Point> out;
  for (const auto& [p, label] : points(labelled, disjoint)) out.insert(p);
  return out;
}

// Is every point of `box` in `left`?
bool inside(const Box& box, const std::set<Point>& left) {
  bool disjoint = true;
  for (const Point& p : points_of({box}, disjoint))
    if (!left.count(p)) return false;
  return true;
}

// Could `box` take one more value along some dimension and stay in `left`?
bool can_grow(const Box& box, const std::set<Point>& left) {
  for (std::size_t d = 0; d < box.size(); ++d)
    for (std::int64_t v = kDomain[d].min(); v <= kDomain[d].max(); ++v) {
      if (box[d].contains(v)) continue;
      if (kContiguous[d] && v + 1 != box[d].min() && v - 1 != box[d].max()) continue;
      Box bigger = box;
      bigger[d] = box[d].unite(ValueSet::range(v, v));
      if (inside(bigger, left)) return true;
    }
  return false;
}

}  // namespace

TEST_CASE("greedy cover: the same points in disjoint boxes, each maximal when taken", "[coalesce]") {
  std::mt19937 rng(1616);
  const std::vector<std::vector<std::size_t>> orders = {{0, 1, 2, 3}, {3, 2, 1, 0}, {2, 0, 3, 1}};
  std::size_t region_boxes = 0, cover_boxes = 0;
  for (int round = 0; round < 300; ++round) {
    std::vector<Box> items;
    for (int n = static_cast<int>(rng() % 8) + 1; n > 0; --n) items.push_back(random_box(rng));
    std::vector<const Box*> ptrs;
    for (const Box& b : items) ptrs.push_back(&b);
    std::vector<Box> region = uncovered_boxes(kDomain, ptrs, kContiguous);
    std::vector<const Box*> in;
    for (const Box& b : region) in.push_back(&b);
    const std::vector<std::size_t>& order = orders[static_cast<std::size_t>(round) % orders.size()];
    INFO("round " << round);
    auto cover = greedy_cover(in, kContiguous, order, 1 << 20);
    REQUIRE(cover);
    bool disjoint_in = true, disjoint_out = true;
    std::set<Point> want = points_of(region, disjoint_in);
    REQUIRE(disjoint_in);
    CHECK(points_of(*cover, disjoint_out) == want);
    CHECK(disjoint_out);
    // Replayed in the order they were taken: inside what was left, and maximal there.
    std::set<Point> left = want;
    for (const Box& b : *cover) {
      CHECK(b[0].is_interval());
      CHECK(b[1].is_interval());
      CHECK(inside(b, left));
      CHECK_FALSE(can_grow(b, left));
      bool ignored = true;
      for (const Point& p : points_of({b}, ignored)) left.erase(p);
    }
    // The region's boxes in another order: the same cover.
    std::shuffle(in.begin(), in.end(), rng);
    CHECK(greedy_cover(in, kContiguous, order, 1 << 20) == cover);
    region_boxes += region.size(), cover_boxes += cover->size();
  }
  INFO(region_boxes << " boxes swept, " << cover_boxes << " in greedy covers");
  CHECK(cover_boxes < region_boxes);
}

TEST_CASE("greedy cover: none past the cell limit, and nothing for nothing", "[coalesce]") {
  Box a = {ValueSet::range(0, 1), ValueSet::range(0, 4), ValueSet::of({0, 2}), ValueSet::range(0, 1)};
  Box b = {ValueSet::range(3, 5), ValueSet::range(2, 2), ValueSet::of({1}), ValueSet::range(1, 1)};
  std::vector<const Box*> region = {&a, &b};
  // Atoms: 0-1, 2, 3-5 | 0-1, 2, 3-4 | {0,2}, {1} | 0, 1: 3 * 3 * 2 * 2 = 36 cells.
  CHECK_FALSE(greedy_cover(region, kContiguous, {0, 1, 2, 3}, 35));
  auto cover = greedy_cover(region, kContiguous, {0, 1, 2, 3}, 36);
  REQUIRE(cover);
  CHECK(*cover == std::vector<Box>{a, b});
  CHECK(greedy_cover({}, kContiguous, {0, 1, 2, 3}, 36) == std::vector<Box>{});
}
