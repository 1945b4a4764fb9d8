#include "compiler/core/value_set.hpp"

#include <algorithm>

namespace leeway {

ValueSet ValueSet::range(std::int64_t lo, std::int64_t hi) {
  ValueSet s;
  if (lo <= hi) s.iv_.push_back({lo, hi});
  return s;
}

ValueSet ValueSet::of(std::vector<std::int64_t> values) {
  std::sort(values.begin(), values.end());
  ValueSet s;
  for (auto v : values) s.add({v, v});
  return s;
}

void ValueSet::add(Interval i) {
  if (!iv_.empty() && iv_.back().hi != INT64_MAX && i.lo <= iv_.back().hi + 1) {
    iv_.back().hi = std::max(iv_.back().hi, i.hi);
    return;
  }
  iv_.push_back(i);
}

bool ValueSet::contains(std::int64_t v) const {
  auto it = std::upper_bound(iv_.begin(), iv_.end(), v, [](std::int64_t x, const Interval& i) { return x < i.lo; });
  return it != iv_.begin() && std::prev(it)->hi >= v;
}

std::uint64_t ValueSet::hash() const {
  std::uint64_t h = 0xcbf29ce484222325ull;
  for (const Interval& iv : iv_) {
    h = (h ^ static_cast<std::uint64_t>(iv.lo)) * 0x100000001b3ull;
    h = (h ^ static_cast<std::uint64_t>(iv.hi)) * 0x100000001b3ull;
  }
  return h;
}

std::uint64_t ValueSet::size() const {
  std::uint64_t n = 0;
  for (const auto& i : iv_) {
    std::uint64_t w = static_cast<std::uint64_t>(i.hi) - static_cast<std::uint64_t>(i.lo) + 1;
    n = (n + w < n) ? UINT64_MAX : n + w;
  }
  return n;
}

ValueSet ValueSet::intersect(const ValueSet& o) const {
  ValueSet r;
  std::size_t a = 0, b = 0;
  while (a < iv_.size() && b < o.iv_.size()) {
    std::int64_t lo = std::max(iv_[a].lo, o.iv_[b].lo), hi = std::min(iv_[a].hi, o.iv_[b].hi);
    if (lo <= hi) r.iv_.push_back({lo, hi});
    (iv_[a].hi < o.iv_[b].hi) ? ++a : ++b;
  }
  return r;
}

ValueSet ValueSet::unite(const ValueSet& o) const {
  std::vector<Interval> all(iv_.begin(), iv_.end());
  all.insert(all.end(), o.iv_.begin(), o.iv_.end());
  std::sort(all.begin(), all.end(), [](const Interval& x, const Interval& y) { return x.lo < y.lo; });
  ValueSet r;
  for (const auto& i : all) r.add(i);
  return r;
}

ValueSet ValueSet::minus(const ValueSet& o) const {
  ValueSet r;
  std::size_t b = 0;
  for (Interval cur : iv_) {
    while (b < o.iv_.size() && o.iv_[b].hi < cur.lo) ++b;
    std::size_t k = b;
    bool alive = true;
    while (alive && k < o.iv_.size() && o.iv_[k].lo <= cur.hi) {
      if (o.iv_[k].lo > cur.lo) r.iv_.push_back({cur.lo, o.iv_[k].lo - 1});
      if (o.iv_[k].hi >= cur.hi)
        alive = false;
      else
        cur.lo = o.iv_[k].hi + 1;
      ++k;
    }
    if (alive) r.iv_.push_back(cur);
  }
  return r;
}

bool ValueSet::overlaps(const ValueSet& o) const {
  std::size_t a = 0, b = 0;
  while (a < iv_.size() && b < o.iv_.size()) {
    if (std::max(iv_[a].lo, o.iv_[b].lo) <= std::min(iv_[a].hi, o.iv_[b].hi)) return true;
    (iv_[a].hi < o.iv_[b].hi) ? ++a : ++b;
  }
  return false;
}

bool ValueSet::subset_of(const ValueSet& o) const { return minus(o).empty(); }

bool boxes_overlap(const Box& a, const Box& b) {
  for (std::size_t d = 0; d < a.size(); ++d)
    if (!a[d].overlaps(b[d])) return false;
  return true;
}

Box intersect(const Box& a, const Box& b) {
  Box r(a.size());
  for (std::size_t d = 0; d < a.size(); ++d) r[d] = a[d].intersect(b[d]);
  return r;
}

bool box_subset(const Box& a, const Box& b) {
  for (std::size_t d = 0; d < a.size(); ++d)
    if (!a[d].subset_of(b[d])) return false;
  return true;
}

bool box_contains(const Box& b, const std::vector<std::int64_t>& point) {
  for (std::size_t d = 0; d < b.size(); ++d)
    if (!b[d].contains(point[d])) return false;
  return true;
}

std::vector<Box> box_difference(const Box& a, const Box& b, const std::vector<bool>& contiguous) {
  // Peel one dimension at a time: the part of what is left that lies outside
  // b along d, then keep only the part inside b along d for the next ones.
  std::vector<Box> out;
  Box rest = a;
  for (std::size_t d = 0; d < a.size(); ++d) {
    ValueSet outside = rest[d].minus(b[d]);
    if (!outside.empty()) {
      if (contiguous[d]) {
        for (const Interval& iv : outside.intervals()) {
          out.push_back(rest);
          out.back()[d] = ValueSet::range(iv.lo, iv.hi);
        }
      } else {
        out.push_back(rest);
        out.back()[d] = std::move(outside);
      }
    }
    rest[d] = rest[d].intersect(b[d]);
    if (rest[d].empty()) break;
  }
  return out;
}

}  // namespace leeway
