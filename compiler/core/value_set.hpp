// Sets of integer values as sorted, disjoint, non-adjacent closed intervals.
// Every dimension is mapped onto integers (enum values by index, false/true as
// 0/1, money as cents), so one representation serves every condition.
#pragma once
#include <cstdint>
#include <vector>

#include <boost/container/small_vector.hpp>

namespace leeway {

struct Interval {
  std::int64_t lo = 0, hi = 0;  // both included
  bool operator==(const Interval&) const = default;
};

class ValueSet {
 public:
  // Most sets are one interval: keep it inline, without a heap allocation.
  using Intervals = boost::container::small_vector<Interval, 1>;
  ValueSet() = default;
  static ValueSet range(std::int64_t lo, std::int64_t hi);  // empty if lo > hi
  static ValueSet of(std::vector<std::int64_t> values);

  const Intervals& intervals() const { return iv_; }
  bool empty() const { return iv_.empty(); }
  bool contains(std::int64_t v) const;
  std::int64_t min() const { return iv_.front().lo; }
  std::int64_t max() const { return iv_.back().hi; }
  std::uint64_t size() const;  // number of values (saturating)
  bool is_interval() const { return iv_.size() == 1; }
  // A hash of the values (FNV-1a over the intervals): equal sets, equal hash.
  std::uint64_t hash() const;

  ValueSet intersect(const ValueSet& o) const;
  ValueSet unite(const ValueSet& o) const;
  ValueSet minus(const ValueSet& o) const;
  bool overlaps(const ValueSet& o) const;
  bool subset_of(const ValueSet& o) const;
  bool operator==(const ValueSet&) const = default;

 private:
  void add(Interval i);  // append in order, merging with the last when touching
  Intervals iv_;
};

// A box: one value set per dimension of a policy's `over`, in that order.
using Box = std::vector<ValueSet>;
bool boxes_overlap(const Box& a, const Box& b);
Box intersect(const Box& a, const Box& b);
bool box_subset(const Box& a, const Box& b);
bool box_contains(const Box& b, const std::vector<std::int64_t>& point);
// The points of `a` outside `b`, as disjoint boxes whose union is exactly that
// set; where `contiguous[d]` (integer, money), dimension d stays one interval
// per box.
std::vector<Box> box_difference(const Box& a, const Box& b, const std::vector<bool>& contiguous);

}  // namespace leeway
