// A small space for brute-force tests of regions (coalescing, the greedy
// cover): two numeric dimensions (0..5, 0..4), an enum of 4 values, a bool;
// random boxes in it, every point of a set of boxes, and the peer's greedy
// maximal cover (issue 16) counted point by point.
#pragma once
#include <algorithm>
#include <map>
#include <random>
#include <vector>

#include "compiler/analysis/sweep.hpp"
#include "compiler/core/value_set.hpp"

namespace leeway::small_space {

// Dimensions: two numeric (0..5, 0..4), an enum of 4 values, a bool.
inline const Box kDomain = {ValueSet::range(0, 5), ValueSet::range(0, 4), ValueSet::range(0, 3), ValueSet::range(0, 1)};
inline const std::vector<bool> kContiguous = {true, true, false, false};

inline Box random_box(std::mt19937& rng) {
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
inline std::map<std::vector<std::int64_t>, std::size_t> points(const std::vector<LabelledBox>& boxes, bool& disjoint) {
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
inline std::size_t greedy_maximal_cover(const std::map<std::vector<std::int64_t>, std::size_t>& labelled) {
  std::map<std::vector<std::int64_t>, std::size_t> left = labelled;
  std::size_t boxes = 0;
  const std::int64_t hi[] = {5, 4, 3, 1};
  while (!left.empty()) {
    auto [seed, label] = *left.begin();
    std::vector<std::vector<std::int64_t>> sets = {{seed[0]}, {seed[1]}, {seed[2]}, {seed[3]}};
    auto inside = [&](const std::vector<std::vector<std::int64_t>>& box) {
      std::vector<std::int64_t> p(4);
      for (auto a : box[0])
        for (auto b : box[1])
          for (auto c : box[2])
            for (auto d : box[3]) {
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
    for (auto a : sets[0])
      for (auto b : sets[1])
        for (auto c : sets[2])
          for (auto d : sets[3]) left.erase({a, b, c, d});
    ++boxes;
  }
  return boxes;
}

}  // namespace leeway::small_space
