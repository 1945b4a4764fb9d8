#include "reports/documents/drills.hpp"
#include "compiler/core/values.hpp"

#include <algorithm>

namespace leeway {
namespace {

// A typical point of the box: the middle of a constrained range, the low end
// of an unconstrained one, the first value of a set.
std::vector<std::int64_t> base_point(const PolicySpace& space, const Box& box) {
  std::vector<std::int64_t> p(box.size());
  for (std::size_t d = 0; d < box.size(); ++d) {
    const Dimension& dim = *space.dims[d];
    bool constrained = box[d].is_interval() && !(box[d] == space.domain[d]);
    p[d] = is_numeric(dim) && constrained ? middle_value(dim, box[d].min(), box[d].max()) : box[d].min();
  }
  return p;
}

// The first value of the domain outside `set`, if any.
bool value_outside(const ValueSet& domain, const ValueSet& set, std::int64_t& out) {
  ValueSet rest = domain.minus(set);
  if (rest.empty()) return false;
  out = rest.min();
  return true;
}

}  // namespace

std::vector<Drill> drills_for(const PolicySpace& space, const DecisionIndex& index, const Policy& policy, int item, std::size_t most) {
  std::vector<Drill> out;
  const CompiledItem* c = find_compiled(space, item);
  if (!c) return out;
  const Box& box = c->box;
  std::vector<std::int64_t> base = base_point(space, box);
  auto add = [&](std::vector<std::int64_t> point, bool inside) {
    if (out.size() >= most) return;
    for (const Drill& d : out)
      if (d.point == point) return;
    Drill d;
    d.item = item;
    d.decision = index.decide(point, policy);
    d.point = std::move(point);
    d.inside = inside;
    out.push_back(std::move(d));
  };
  // Edges along each constrained dimension, numeric ones first: that is
  // where staff are most often unsure.
  std::vector<std::size_t> dims;
  for (std::size_t d = 0; d < box.size(); ++d)
    if (!(box[d] == space.domain[d])) dims.push_back(d);
  std::stable_sort(dims.begin(), dims.end(), [&](std::size_t a, std::size_t b) { return is_numeric(*space.dims[a]) > is_numeric(*space.dims[b]); });
  // A typical case inside first; then, along each numeric dimension, its
  // last value inside and the first past it; along the others, a value past it.
  add(base, true);
  for (std::size_t d : dims) {
    const ValueSet& set = box[d];
    const ValueSet& dom = space.domain[d];
    const Dimension& dim = *space.dims[d];
    std::vector<std::int64_t> in = base, past = base;
    if (is_numeric(dim) && set.is_interval()) {
      if (set.max() < dom.max()) {
        in[d] = set.max();
        past[d] = set.max() + 1;
      } else {
        in[d] = set.min();
        past[d] = set.min() - 1;
      }
      add(in, true);
    } else if (!value_outside(dom, set, past[d])) {
      continue;
    }
    add(past, false);
  }
  return out;
}

}  // namespace leeway
