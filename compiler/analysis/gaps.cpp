#include "compiler/analysis/gaps.hpp"

#include <algorithm>
#include <memory>
#include <mutex>
#include <numeric>
#include <span>
#include <unordered_map>

#include "compiler/analysis/coalesce.hpp"
#include "compiler/analysis/sweep.hpp"
#include "compiler/core/parallel.hpp"
#include "compiler/core/values.hpp"

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
    parallel_for(k, threads_, [&](std::size_t d) {
      std::vector<std::int64_t> e;
      for (const Box* b : boxes_)
        for (const auto& iv : (*b)[d].intervals()) e.push_back(iv.lo), e.push_back(iv.hi);
      std::sort(e.begin(), e.end());
      edges[d] = static_cast<std::size_t>(std::unique(e.begin(), e.end()) - e.begin());
    });
    std::stable_sort(order_.begin(), order_.end(), [&](std::size_t a, std::size_t b) { return edges[a] < edges[b]; });
    // full_from_[i]: the first level from which box i covers every later dimension entirely.
    full_from_.resize(boxes_.size());
    for (std::size_t i = 0; i < boxes_.size(); ++i) {
      std::size_t level = k;
      while (level > 0 && (*boxes_[i])[order_[level - 1]] == domain_[order_[level - 1]]) --level;
      full_from_[i] = level;
    }
    rest_of_domain_.resize(k + 1);
    auto leaf = std::make_shared<Node>();
    leaf->count = 1;
    leaf->hash = 1;
    rest_of_domain_[k] = leaf;
    for (std::size_t level = k; level-- > 0;) {
      std::vector<Result> rest = {rest_of_domain_[level + 1]};
      rest_of_domain_[level] = node_of({{domain_[order_[level]], 0}}, rest);
    }
  }

  std::vector<Box> run() {
    std::vector<std::size_t> all(boxes_.size());
    std::iota(all.begin(), all.end(), 0);
    Result result = solve(0, all, active_set_hash(all.data(), all.data() + all.size()), kSharedLevels);
    // The boxes, in the space's order of dimensions, written out once.
    std::vector<Box> out;
    out.reserve(result->count);
    Box current(domain_.size());
    flatten(*result, 0, current, out);
    return out;
  }

 private:
  // The uncovered boxes of dimensions order_[level..], as a tree whose
  // equal branches are shared: each part is a set of values at `level` and
  // the boxes of the levels after it. The leaf (`count` 1, no parts) is the
  // one box of no dimensions left; `count` 0 is none. Results are built
  // level by level from their sub-results, and a list of whole boxes at
  // every level would copy each box once a level.
  struct Node {
    std::vector<std::pair<ValueSet, std::shared_ptr<const Node>>> parts;
    std::size_t count = 0;   // boxes, written out
    std::uint64_t hash = 0;  // of the boxes written out: equal boxes, equal hash
  };
  using Result = std::shared_ptr<const Node>;

  // Do two results write out the same boxes? A part's values are disjoint
  // from its siblings', so the boxes written out fix the tree: equal trees.
  static bool same(const Node& a, const Node& b) {
    if (&a == &b) return true;
    if (a.count != b.count || a.hash != b.hash || a.parts.size() != b.parts.size()) return false;
    for (std::size_t i = 0; i < a.parts.size(); ++i)
      if (!(a.parts[i].first == b.parts[i].first) || !same(*a.parts[i].second, *b.parts[i].second)) return false;
    return true;
  }

  void flatten(const Node& node, std::size_t level, Box& current, std::vector<Box>& out) const {
    if (node.parts.empty()) {
      if (node.count) out.push_back(current);
      return;
    }
    for (const auto& [values, rest] : node.parts) {
      current[order_[level]] = values;
      flatten(*rest, level + 1, current, out);
    }
  }

  // The uncovered boxes given the boxes active on the fixed prefix. Many
  // prefixes leave the same boxes active at a level (an enum value here, a
  // range there): each such sub-problem is solved once and its result shared.
  // `share`: how many more levels that split into several sub-problems may
  // share them out among the threads (levels with one sub-problem do not count).
  // `hash`: active_set_hash of `active`, found by the step that made it.
  Result solve(std::size_t level, std::span<const std::size_t> active, std::uint64_t hash, int share) {
    std::size_t k = order_.size();
    if (active.empty()) return rest_of_domain_[level];
    for (std::size_t i : active)
      if (full_from_[i] <= level) return none_;
    if (level == k) return none_;
    std::uint64_t key = hash ^ (level * 0xd6e8feb86659fd93ull);
    {
      std::lock_guard<std::mutex> lock(memo_mutex_);
      auto [first, last] = memo_.equal_range(key);
      for (auto it = first; it != last; ++it)
        if (it->second.level == level && std::equal(active.begin(), active.end(), it->second.active.begin(), it->second.active.end()))
          return it->second.result;
    }
    std::size_t d = order_[level];
    SweepStep step = sweep_step(boxes_, active, d, domain_[d].min(), domain_[d].max());
    // The sub-problems are independent: the first levels that split share
    // them out among the threads; deeper ones stay on the thread they are on.
    bool split = step.sets() > 1;
    std::vector<Result> results(step.sets());
    parallel_for(step.sets(), split && share > 0 ? threads_ : 1,
                 [&](std::size_t r) { results[r] = solve(level + 1, step.set(r), step.set_hash[r], split ? share - 1 : share); });
    auto groups = merge_segments(
        step, contiguous_[d], [&](std::size_t a, std::size_t b) { return same(*results[a], *results[b]); },
        [&](std::size_t r) { return results[r]->count == 0; });
    Result out = node_of(groups, results);
    std::lock_guard<std::mutex> lock(memo_mutex_);
    memo_.emplace(key, Solved{level, std::vector<std::size_t>(active.begin(), active.end()), out});
    return out;
  }

  static Result node_of(const std::vector<std::pair<ValueSet, std::size_t>>& groups, const std::vector<Result>& results) {
    auto node = std::make_shared<Node>();
    node->parts.reserve(groups.size());
    std::uint64_t h = 0x84222325cbf29ce4ull;
    for (const auto& [values, r] : groups) {
      node->parts.emplace_back(values, results[r]);
      node->count += results[r]->count;
      h = (h ^ values.hash()) * 0x100000001b3ull;
      h = (h ^ results[r]->hash) * 0x9e3779b97f4a7c15ull;
    }
    node->hash = h;
    return node;
  }

  struct Solved {
    std::size_t level;
    std::vector<std::size_t> active;
    Result result;
  };

  const Box& domain_;
  const std::vector<const Box*>& boxes_;
  const std::vector<bool>& contiguous_;
  unsigned threads_;
  static constexpr int kSharedLevels = 2;
  std::vector<std::size_t> order_;
  std::vector<std::size_t> full_from_;
  const Result none_ = std::make_shared<const Node>();
  std::vector<Result> rest_of_domain_;  // per level: the one box of the whole domain from there on
  std::mutex memo_mutex_;
  std::unordered_multimap<std::uint64_t, Solved> memo_;
};

}  // namespace

std::vector<Box> uncovered_boxes(const Box& domain, const std::vector<const Box*>& covering, const std::vector<bool>& contiguous, unsigned threads) {
  if (domain.empty()) return covering.empty() ? std::vector<Box>{Box{}} : std::vector<Box>{};
  return GapFinder(domain, covering, contiguous, threads).run();
}

std::vector<Box> policy_gaps(const PolicySpace& space, unsigned threads) {
  std::vector<const Box*> deciding;
  for (const auto& it : space.items)
    if (it.decides()) deciding.push_back(&it.box);
  std::vector<bool> contiguous;
  for (const Dimension* d : space.dims) contiguous.push_back(is_numeric(*d));
  return coalesce(uncovered_boxes(space.domain, deciding, contiguous, threads), contiguous);
}

}  // namespace leeway
