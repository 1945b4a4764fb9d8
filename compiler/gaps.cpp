#include "compiler/gaps.hpp"

#include <algorithm>
#include <map>
#include <numeric>

#include "compiler/parallel.hpp"

namespace leeway {
namespace {

class GapFinder {
 public:
  GapFinder(const Box& domain, const std::vector<const Box*>& covering, const std::vector<bool>& contiguous, unsigned threads)
      : domain_(domain), boxes_(covering), contiguous_(contiguous), threads_(threads) {
    // Visit dimensions with few distinct edges first: coarse splits high in the
    // recursion keep the active sets small and the merged boxes few.
    std::size_t k = domain.size();
    order_.resize(k);
    std::iota(order_.begin(), order_.end(), 0);
    std::vector<std::size_t> edges(k, 0);
    for (std::size_t d = 0; d < k; ++d) {
      std::vector<std::int64_t> e;
      for (const Box* b : boxes_)
        for (const auto& iv : (*b)[d].intervals()) e.push_back(iv.lo), e.push_back(iv.hi);
      std::sort(e.begin(), e.end());
      edges[d] = static_cast<std::size_t>(std::unique(e.begin(), e.end()) - e.begin());
    }
    std::stable_sort(order_.begin(), order_.end(), [&](std::size_t a, std::size_t b) { return edges[a] < edges[b]; });
    // full_from_[i]: the first level from which box i covers every later dimension entirely.
    full_from_.resize(boxes_.size());
    for (std::size_t i = 0; i < boxes_.size(); ++i) {
      std::size_t level = k;
      while (level > 0 && (*boxes_[i])[order_[level - 1]] == domain_[order_[level - 1]]) --level;
      full_from_[i] = level;
    }
  }

  std::vector<Box> run() {
    std::vector<std::size_t> all(boxes_.size());
    std::iota(all.begin(), all.end(), 0);
    // Suffix boxes are built in level order; put them back into the space's order.
    std::vector<Box> out;
    for (Box& suffix : solve(0, all)) {
      Box b(domain_.size());
      for (std::size_t l = 0; l < order_.size(); ++l) b[order_[l]] = std::move(suffix[l]);
      out.push_back(std::move(b));
    }
    return out;
  }

 private:
  // Uncovered boxes of dimensions order_[level..], given the boxes active on
  // the fixed prefix. Each returned box holds sets for those levels only.
  std::vector<Box> solve(std::size_t level, const std::vector<std::size_t>& active) {
    std::size_t k = order_.size();
    if (active.empty()) {
      Box rest;
      for (std::size_t l = level; l < k; ++l) rest.push_back(domain_[order_[l]]);
      return {rest};
    }
    for (std::size_t i : active)
      if (full_from_[i] <= level) return {};
    if (level == k) return {};
    std::size_t d = order_[level];
    std::int64_t lo = domain_[d].min(), hi = domain_[d].max();
    // Elementary segments along d: cut at every edge of every active box.
    std::vector<std::int64_t> cuts{lo};
    for (std::size_t i : active)
      for (const auto& iv : (*boxes_[i])[d].intervals()) {
        if (iv.lo > lo && iv.lo <= hi) cuts.push_back(iv.lo);
        if (iv.hi < hi && iv.hi >= lo) cuts.push_back(iv.hi + 1);
      }
    std::sort(cuts.begin(), cuts.end());
    cuts.erase(std::unique(cuts.begin(), cuts.end()), cuts.end());
    std::size_t n = cuts.size();
    if (n == 1) {
      // No active box has an edge along d: the whole dimension is one segment
      // with the same active set, so pass straight through to the next level.
      std::vector<Box> out;
      for (Box& rest : solve(level + 1, active)) {
        Box b;
        b.reserve(k - level);
        b.push_back(domain_[d]);
        b.insert(b.end(), std::make_move_iterator(rest.begin()), std::make_move_iterator(rest.end()));
        out.push_back(std::move(b));
      }
      return out;
    }
    std::vector<std::vector<std::size_t>> in_segment(n);
    for (std::size_t i : active)
      for (const auto& iv : (*boxes_[i])[d].intervals()) {
        auto first = std::lower_bound(cuts.begin(), cuts.end(), std::max(iv.lo, lo)) - cuts.begin();
        auto last = std::upper_bound(cuts.begin(), cuts.end(), std::min(iv.hi, hi)) - cuts.begin();
        for (auto s = first; s < last; ++s) in_segment[static_cast<std::size_t>(s)].push_back(i);
      }
    // Solve each distinct active set once; identical sets give identical remainders.
    std::map<std::vector<std::size_t>, std::size_t> seen;
    std::vector<const std::vector<std::size_t>*> distinct;
    std::vector<std::size_t> result_of(n);
    // `active` is sorted, so every in_segment list is built sorted.
    for (std::size_t s = 0; s < n; ++s) {
      auto [it, fresh] = seen.emplace(in_segment[s], distinct.size());
      if (fresh) distinct.push_back(&it->first);
      result_of[s] = it->second;
    }
    // The sub-problems are independent: the first level shares them out
    // among the threads; deeper levels stay on the thread they are on.
    std::vector<std::vector<Box>> results(distinct.size());
    parallel_for(distinct.size(), level < 2 ? threads_ : 1, [&](std::size_t r) { results[r] = solve(level + 1, *distinct[r]); });
    // Merge: a contiguous dimension joins neighbouring segments with the same
    // remainder; an enum or bool joins all segments with the same remainder.
    auto same = [&](std::size_t a, std::size_t b) { return a == b || results[a] == results[b]; };
    std::vector<std::pair<ValueSet, std::size_t>> groups;  // values along d, result index
    for (std::size_t s = 0; s < n; ++s) {
      if (results[result_of[s]].empty()) continue;
      ValueSet seg = ValueSet::range(cuts[s], s + 1 < n ? cuts[s + 1] - 1 : hi);
      bool merged = false;
      if (contiguous_[d]) {
        if (!groups.empty() && same(groups.back().second, result_of[s]) && groups.back().first.max() + 1 == seg.min()) {
          groups.back().first = groups.back().first.unite(seg);
          merged = true;
        }
      } else {
        for (auto& g : groups)
          if (same(g.second, result_of[s])) {
            g.first = g.first.unite(seg);
            merged = true;
            break;
          }
      }
      if (!merged) groups.emplace_back(seg, result_of[s]);
    }
    std::vector<Box> out;
    for (const auto& [values, r] : groups)
      for (const Box& rest : results[r]) {
        Box b;
        b.reserve(k - level);
        b.push_back(values);
        b.insert(b.end(), rest.begin(), rest.end());
        out.push_back(std::move(b));
      }
    return out;
  }

  const Box& domain_;
  const std::vector<const Box*>& boxes_;
  const std::vector<bool>& contiguous_;
  unsigned threads_;
  std::vector<std::size_t> order_;
  std::vector<std::size_t> full_from_;
};

}  // namespace

std::vector<Box> uncovered_boxes(const Box& domain, const std::vector<const Box*>& covering, const std::vector<bool>& contiguous,
                                 unsigned threads) {
  if (domain.empty()) return covering.empty() ? std::vector<Box>{Box{}} : std::vector<Box>{};
  return GapFinder(domain, covering, contiguous, threads).run();
}

}  // namespace leeway
