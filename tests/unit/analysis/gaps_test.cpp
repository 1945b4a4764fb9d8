// The gap search on its own: the uncovered part of a domain as disjoint boxes
// whose union is exactly that part, the same on any number of threads.
#include <catch2/catch.hpp>

#include <random>

#include "compiler/analysis/gaps.hpp"

using namespace leeway;

namespace {
bool covered_by(const std::vector<const Box*>& boxes, const std::vector<std::int64_t>& p) {
  for (const Box* b : boxes)
    if (box_contains(*b, p)) return true;
  return false;
}

// Every point of the domain is either covered or in exactly one gap box.
void check_exact(const Box& domain, const std::vector<const Box*>& covering, const std::vector<Box>& gaps) {
  std::vector<std::int64_t> p(domain.size());
  for (p[0] = domain[0].min(); p[0] <= domain[0].max(); ++p[0])
    for (p[1] = domain[1].min(); p[1] <= domain[1].max(); ++p[1]) {
      int in = 0;
      for (const Box& g : gaps) in += box_contains(g, p) ? 1 : 0;
      INFO("point " << p[0] << "," << p[1]);
      CHECK(in == (covered_by(covering, p) ? 0 : 1));
    }
}
}  // namespace

TEST_CASE("gaps: the silent part as few boxes, merged across a set dimension", "[gaps]") {
  // days 0..100 x tier {standard, gold, platinum}: rules cover 0..30 for all,
  // and 31..60 for gold only.
  Box domain = {ValueSet::range(0, 100), ValueSet::range(0, 2)};
  Box early = {ValueSet::range(0, 30), ValueSet::range(0, 2)};
  Box gold = {ValueSet::range(31, 60), ValueSet::of({1})};
  std::vector<const Box*> covering = {&early, &gold};
  std::vector<Box> gaps = uncovered_boxes(domain, covering, {true, false});
  check_exact(domain, covering, gaps);
  CHECK(gaps.size() == 2);  // 31..60 x {standard, platinum}, and 61..100 x every tier
  CHECK(uncovered_boxes(domain, covering, {true, false}, 4) == gaps);
}

TEST_CASE("gaps: nothing covered is the whole domain, and everything covered is no gap", "[gaps]") {
  Box domain = {ValueSet::range(0, 9), ValueSet::range(0, 1)};
  CHECK(uncovered_boxes(domain, {}, {true, false}) == std::vector<Box>{domain});
  Box all = domain;
  CHECK(uncovered_boxes(domain, {&all}, {true, false}).empty());
}

TEST_CASE("gaps: exact and disjoint on random arrangements, on one thread and many", "[gaps]") {
  std::mt19937 rng(7);
  auto pick = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); };
  for (int round = 0; round < 40; ++round) {
    Box domain = {ValueSet::range(0, 19), ValueSet::range(0, 4)};
    std::vector<Box> boxes;
    int n = pick(0, 6);
    for (int i = 0; i < n; ++i) {
      int a = pick(0, 19), b = pick(a, 19);
      std::vector<std::int64_t> values;
      for (int v = 0; v < 5; ++v)
        if (pick(0, 1)) values.push_back(v);
      if (values.empty()) values.push_back(pick(0, 4));
      boxes.push_back({ValueSet::range(a, b), ValueSet::of(values)});
    }
    std::vector<const Box*> covering;
    for (const Box& b : boxes) covering.push_back(&b);
    std::vector<Box> gaps = uncovered_boxes(domain, covering, {true, false});
    check_exact(domain, covering, gaps);
    CHECK(uncovered_boxes(domain, covering, {true, false}, 3) == gaps);
  }
}
