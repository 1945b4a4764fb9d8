#include "compiler/analysis/conflicts.hpp"

#include <algorithm>
#include <numeric>

namespace leeway {

std::size_t best_sweep_dimension(const std::vector<const Box*>& boxes) {
  if (boxes.empty() || boxes[0]->empty()) return 0;
  std::size_t dims = boxes[0]->size(), best = 0;
  double best_score = -1;
  for (std::size_t d = 0; d < dims; ++d) {
    std::int64_t lo = INT64_MAX, hi = INT64_MIN;
    for (const Box* b : boxes) lo = std::min(lo, (*b)[d].min()), hi = std::max(hi, (*b)[d].max());
    double span = static_cast<double>(hi) - static_cast<double>(lo) + 1;
    // Mean fraction of the span a box's hull covers: small means selective.
    double covered = 0;
    for (const Box* b : boxes) covered += (static_cast<double>((*b)[d].max()) - static_cast<double>((*b)[d].min()) + 1) / span;
    double score = 1.0 - covered / static_cast<double>(boxes.size());
    if (score > best_score) best_score = score, best = d;
  }
  return best;
}

void overlapping_pairs(const std::vector<const Box*>& boxes, const std::function<bool(std::size_t, std::size_t)>& keep,
                       const std::function<void(std::size_t, std::size_t)>& found) {
  if (boxes.size() < 2) return;
  std::size_t d = best_sweep_dimension(boxes);
  std::vector<std::size_t> order(boxes.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return (*boxes[a])[d].min() < (*boxes[b])[d].min(); });
  // Every box's hull in every dimension, side by side: most boxes active
  // together along the sweep lie apart in another dimension, which a look at
  // two hulls tells without the exact test or `keep`.
  std::size_t dims = boxes[0]->size();
  std::vector<std::int64_t> hull(boxes.size() * dims * 2);
  for (std::size_t i = 0; i < boxes.size(); ++i)
    for (std::size_t k = 0; k < dims; ++k) {
      hull[(i * dims + k) * 2] = (*boxes[i])[k].min();
      hull[(i * dims + k) * 2 + 1] = (*boxes[i])[k].max();
    }
  auto hulls_meet = [&](std::size_t a, std::size_t b) {
    const std::int64_t* x = &hull[a * dims * 2];
    const std::int64_t* y = &hull[b * dims * 2];
    for (std::size_t k = 0; k < dims; ++k)
      if (x[2 * k] > y[2 * k + 1] || y[2 * k] > x[2 * k + 1]) return false;
    return true;
  };
  std::vector<std::pair<std::size_t, std::size_t>> pairs;
  std::vector<std::size_t> active;
  for (std::size_t idx : order) {
    std::int64_t lo = hull[(idx * dims + d) * 2];
    // Drop boxes that end before this one starts along the sweep dimension.
    active.erase(std::remove_if(active.begin(), active.end(), [&](std::size_t a) { return hull[(a * dims + d) * 2 + 1] < lo; }), active.end());
    for (std::size_t a : active) {
      if (!hulls_meet(a, idx)) continue;
      std::size_t i = std::min(a, idx), j = std::max(a, idx);
      if (keep(i, j) && boxes_overlap(*boxes[i], *boxes[j])) pairs.emplace_back(i, j);
    }
    active.push_back(idx);
  }
  std::sort(pairs.begin(), pairs.end());
  for (auto [i, j] : pairs) found(i, j);
}

}  // namespace leeway
