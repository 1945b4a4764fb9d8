// parallel_for: every item exactly once, on the kept threads or, for a run
// inside a run or beside another, on threads of its own; a failure reaches
// the caller.
#include <catch2/catch.hpp>

#include <atomic>
#include <set>
#include <stdexcept>
#include <thread>
#include <vector>

#include "compiler/core/parallel.hpp"

using namespace leeway;

TEST_CASE("parallel_for runs every item once, run after run", "[parallel]") {
  for (unsigned threads : {1u, 2u, 3u, 8u})
    for (std::size_t n : {0u, 1u, 2u, 7u, 1000u}) {
      std::vector<std::atomic<int>> seen(n);
      parallel_for(n, threads, [&](std::size_t i) { ++seen[i]; });
      for (std::size_t i = 0; i < n; ++i) REQUIRE(seen[i] == 1);
    }
}

TEST_CASE("a parallel_for inside a parallel_for runs all of its items", "[parallel]") {
  constexpr std::size_t kOuter = 6, kInner = 50;
  std::vector<std::atomic<int>> seen(kOuter * kInner);
  parallel_for(kOuter, 3, [&](std::size_t o) { parallel_for(kInner, 3, [&](std::size_t i) { ++seen[o * kInner + i]; }); });
  for (auto& s : seen) REQUIRE(s == 1);
}

TEST_CASE("parallel_for called from several threads at once runs each call's items", "[parallel]") {
  constexpr std::size_t kCallers = 4, kItems = 300;
  std::vector<std::atomic<int>> seen(kCallers * kItems);
  std::vector<std::thread> callers;
  for (std::size_t c = 0; c < kCallers; ++c)
    callers.emplace_back([&, c] {
      for (int round = 0; round < 20; ++round) parallel_for(kItems, 2, [&](std::size_t i) { ++seen[c * kItems + i]; });
    });
  for (auto& t : callers) t.join();
  for (auto& s : seen) REQUIRE(s == 20);
}

TEST_CASE("a failure in parallel_for reaches the caller, and the next run works", "[parallel]") {
  REQUIRE_THROWS_WITH(parallel_for(100, 2,
                                   [](std::size_t i) {
                                     if (i == 37) throw std::runtime_error("item 37");
                                   }),
                      "item 37");
  std::atomic<std::size_t> count{0};
  parallel_for(100, 2, [&](std::size_t) { ++count; });
  REQUIRE(count == 100);
}
