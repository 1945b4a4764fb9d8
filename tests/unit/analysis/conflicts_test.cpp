// Overlapping pairs, found by a sweep with an active set: the same pairs as
// testing all of them, in a fixed order, with the cheap filter applied first.
#include <catch2/catch.hpp>

#include <random>
#include <set>
#include <utility>

#include "compiler/analysis/conflicts.hpp"

using namespace leeway;

namespace {
std::vector<std::pair<std::size_t, std::size_t>> pairs_of(const std::vector<const Box*>& boxes,
                                                          const std::function<bool(std::size_t, std::size_t)>& keep) {
  std::vector<std::pair<std::size_t, std::size_t>> out;
  overlapping_pairs(boxes, keep, [&](std::size_t i, std::size_t j) { out.emplace_back(i, j); });
  return out;
}
}  // namespace

TEST_CASE("overlapping pairs are exactly the pairs whose boxes intersect", "[conflicts]") {
  std::mt19937 rng(11);
  auto pick = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); };
  for (int round = 0; round < 30; ++round) {
    std::vector<Box> boxes;
    for (int i = 0, n = pick(0, 12); i < n; ++i) {
      int a = pick(0, 50), b = pick(a, 50), c = pick(0, 3), d = pick(c, 3);
      boxes.push_back({ValueSet::range(a, b), ValueSet::range(c, d)});
    }
    std::vector<const Box*> ptrs;
    for (const Box& b : boxes) ptrs.push_back(&b);
    std::set<std::pair<std::size_t, std::size_t>> want;
    for (std::size_t i = 0; i < boxes.size(); ++i)
      for (std::size_t j = i + 1; j < boxes.size(); ++j)
        if (boxes_overlap(boxes[i], boxes[j])) want.emplace(i, j);
    auto got = pairs_of(ptrs, [](std::size_t, std::size_t) { return true; });
    CHECK(std::set<std::pair<std::size_t, std::size_t>>(got.begin(), got.end()) == want);
    CHECK(got.size() == want.size());  // each pair once
    for (auto [i, j] : got) CHECK(i < j);
    CHECK(pairs_of(ptrs, [](std::size_t, std::size_t) { return true; }) == got);  // the same order every time
    // The filter drops pairs before the overlap test.
    auto even = pairs_of(ptrs, [](std::size_t i, std::size_t j) { return (i + j) % 2 == 0; });
    for (auto [i, j] : even) CHECK((i + j) % 2 == 0);
  }
}

TEST_CASE("the sweep goes along the dimension where boxes spread the most", "[conflicts]") {
  // Every box spans all of dimension 0; along dimension 1 they are apart.
  std::vector<Box> boxes;
  for (int i = 0; i < 5; ++i) boxes.push_back({ValueSet::range(0, 100), ValueSet::range(i * 10, i * 10 + 5)});
  std::vector<const Box*> ptrs;
  for (const Box& b : boxes) ptrs.push_back(&b);
  CHECK(best_sweep_dimension(ptrs) == 1);
  CHECK(pairs_of(ptrs, [](std::size_t, std::size_t) { return true; }).empty());
}
