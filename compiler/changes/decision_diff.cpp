#include "compiler/changes/decision_diff.hpp"

#include <algorithm>
#include <deque>
#include <map>
#include <set>

#include "compiler/analysis/coalesce.hpp"
#include "compiler/analysis/decision_space.hpp"
#include "compiler/analysis/sweep.hpp"
#include "compiler/core/values.hpp"
#include "compiler/query/decision_index.hpp"

namespace leeway {
namespace {

// The space both revisions of a policy are compared over: HEAD's dimensions
// (BASE's for a removed policy), each domain the union of the two: numeric
// ranges widened, enum values of both (HEAD's order, then those only BASE
// has). It owns its dimensions, since an enum's values may be new.
struct CommonSpace {
  std::shared_ptr<std::deque<Dimension>> dims = std::make_shared<std::deque<Dimension>>();
  PolicySpace space;
};

// One revision's side of a policy: its compiled items, their boxes laid out
// over the common space, and the box of situations that exist in it.
struct Side {
  const Repository* repo = nullptr;
  const Policy* policy = nullptr;
  std::vector<const CompiledItem*> items;
  std::vector<Box> boxes;
  Box exists;
};

// Can the two spaces be compared point by point? The same dimension names
// with the same types; enum values and numeric ranges may differ.
bool comparable(const PolicySpace& a, const PolicySpace& b) {
  if (a.dims.size() != b.dims.size()) return false;
  for (const Dimension* da : a.dims) {
    auto it = std::find_if(b.dims.begin(), b.dims.end(), [&](const Dimension* db) { return db->name == da->name; });
    if (it == b.dims.end() || (*it)->type != da->type) return false;
  }
  return true;
}

const Dimension* find_dim(const PolicySpace& s, const std::string& name) {
  for (const Dimension* d : s.dims)
    if (d->name == name) return d;
  return nullptr;
}

CommonSpace common_space(const PolicySpace& primary, const PolicySpace* other) {
  CommonSpace c;
  c.space.policy = primary.policy;
  for (const Dimension* d : primary.dims) {
    Dimension dim = *d;
    if (const Dimension* o = other ? find_dim(*other, d->name) : nullptr) {
      if (is_numeric(dim)) {
        dim.min = std::min(dim.min, o->min);
        dim.max = std::max(dim.max, o->max);
      } else if (dim.type == DimType::enumeration) {
        for (const std::string& v : o->values)
          if (std::find(dim.values.begin(), dim.values.end(), v) == dim.values.end()) dim.values.push_back(v);
      }
    }
    c.dims->push_back(std::move(dim));
    c.space.dims.push_back(&c.dims->back());
    c.space.domain.push_back(c.dims->back().domain());
  }
  return c;
}

// A value set of `from` (a side's dimension) in the common dimension's terms.
ValueSet translate(const ValueSet& set, const Dimension& from, const Dimension& to) {
  if (from.type != DimType::enumeration) return set;
  std::vector<std::int64_t> values;
  for (const Interval& iv : set.intervals())
    for (std::int64_t v = iv.lo; v <= iv.hi; ++v) {
      auto at = std::find(to.values.begin(), to.values.end(), from.values[static_cast<std::size_t>(v)]);
      values.push_back(at - to.values.begin());
    }
  return ValueSet::of(std::move(values));
}

class Differ {
 public:
  Differ(const PolicySpace& common, Side a, Side b) : space_(common), a_(std::move(a)), b_(std::move(b)) {
    for (const Box& box : a_.boxes) all_.push_back(&box);
    for (const Box& box : b_.boxes) all_.push_back(&box);
    // Two more boxes: where the situations of each revision exist.
    all_.push_back(&a_.exists);
    all_.push_back(&b_.exists);
    for (const Dimension* d : space_.dims) contiguous_.push_back(is_numeric(*d));
  }

  std::vector<DecisionChange> run() {
    std::vector<DecisionChange> out;
    // As few regions as can be found (analysis/coalesce.hpp): each is a line of a review comment.
    auto labelled = partition(space_.domain, all_, contiguous_, [&](const std::vector<std::size_t>& active) { return label(active); });
    for (auto& [box, l] : coalesce(std::move(labelled), contiguous_)) {
      DecisionChange c;
      c.region = make_region(space_, box);
      c.example = example_in(space_, box);
      c.before = labels_[l].first;
      c.after = labels_[l].second;
      out.push_back(std::move(c));
    }
    return out;
  }

 private:
  DecisionRecord decide(const Side& side, const std::vector<std::size_t>& active, std::size_t offset, std::size_t exists) const {
    DecisionRecord r;
    r.exists = std::find(active.begin(), active.end(), exists) != active.end();
    if (!side.policy || !r.exists) return r;
    std::vector<int> hold;
    for (std::size_t i : active)
      if (i >= offset && i < offset + side.items.size()) hold.push_back(side.items[i - offset]->item);
    std::sort(hold.begin(), hold.end());
    Decision d = decide_among(*side.policy, hold);
    if (d.decided_by == DecidedBy::none) return r;
    r.decided_by = decided_by_name(d.decided_by);
    for (int i : d.items) r.items.push_back(side.policy->id + "." + side.policy->items[static_cast<std::size_t>(i)].id);
    r.conflict = d.conflict;
    if (!d.conflict) {
      r.outcome = side.policy->outcomes[static_cast<std::size_t>(d.outcome)];
      if (d.decided_by == DecidedBy::exception && d.role >= 0) r.granted_by = side.repo->manifest.roles[static_cast<std::size_t>(d.role)].id;
    }
    return r;
  }

  // The label of a cell, or kNoLabel when the decision did not change there.
  std::size_t label(const std::vector<std::size_t>& active) {
    std::size_t n = a_.boxes.size() + b_.boxes.size();
    DecisionRecord before = decide(a_, active, 0, n), after = decide(b_, active, a_.boxes.size(), n + 1);
    if (before.same_decision(after)) return kNoLabel;
    auto key = std::make_pair(before, after);
    for (std::size_t i = 0; i < labels_.size(); ++i)
      if (labels_[i] == key) return i;
    labels_.push_back(std::move(key));
    return labels_.size() - 1;
  }

  const PolicySpace& space_;
  Side a_, b_;
  std::vector<const Box*> all_;
  std::vector<bool> contiguous_;
  std::vector<std::pair<DecisionRecord, DecisionRecord>> labels_;
};

// The side of one revision, its boxes laid out over `common`'s dimensions.
// A revision without the policy (added or removed) has no items, and its
// situations are taken to exist wherever the other's do.
Side side_of(const Compilation& c, int p, const PolicySpace& common) {
  Side s;
  s.repo = &c.repo;
  s.exists = common.domain;
  if (p < 0 || !c.spaces[static_cast<std::size_t>(p)]) return s;
  const PolicySpace& own = *c.spaces[static_cast<std::size_t>(p)];
  s.policy = &c.repo.policies[static_cast<std::size_t>(p)];
  // Where each common dimension is in this revision's space.
  std::vector<std::size_t> from(common.dims.size());
  for (std::size_t d = 0; d < common.dims.size(); ++d) {
    from[d] = 0;
    while (from[d] < own.dims.size() && own.dims[from[d]]->name != common.dims[d]->name) ++from[d];
    if (from[d] < own.dims.size()) s.exists[d] = translate(own.domain[from[d]], *own.dims[from[d]], *common.dims[d]);
  }
  for (const CompiledItem& it : own.items) {
    Box b(common.dims.size());
    for (std::size_t d = 0; d < common.dims.size(); ++d)
      b[d] = from[d] < own.dims.size() ? translate(it.box[from[d]], *own.dims[from[d]], *common.dims[d]) : common.domain[d];
    s.items.push_back(&it);
    s.boxes.push_back(std::move(b));
  }
  return s;
}

}  // namespace

std::vector<DecisionChange> decision_changes(const Compilation& base, const Compilation& head) {
  std::set<std::string> ids;
  for (const auto& p : base.repo.policies) ids.insert(p.id);
  for (const auto& p : head.repo.policies) ids.insert(p.id);
  std::vector<DecisionChange> out;
  for (const std::string& id : ids) {
    int pa = base.repo.policy_index(id), pb = head.repo.policy_index(id);
    const PolicySpace* sa = pa >= 0 && base.spaces[static_cast<std::size_t>(pa)] ? &*base.spaces[static_cast<std::size_t>(pa)] : nullptr;
    const PolicySpace* sb = pb >= 0 && head.spaces[static_cast<std::size_t>(pb)] ? &*head.spaces[static_cast<std::size_t>(pb)] : nullptr;
    if (!sa && !sb) continue;  // unreadable in both: `check` says why
    bool both = sa && sb && comparable(*sa, *sb);
    CommonSpace common = common_space(sb ? *sb : *sa, both ? sa : nullptr);
    // A policy whose dimensions changed is compared as replaced: BASE's side
    // counts as absent over HEAD's space.
    Side a = (sa && (!sb || both)) ? side_of(base, pa, common.space) : side_of(base, -1, common.space);
    Side b = sb ? side_of(head, pb, common.space) : side_of(head, -1, common.space);
    for (DecisionChange& c : Differ(common.space, std::move(a), std::move(b)).run()) {
      c.policy = id;
      c.dimensions = common.dims;
      out.push_back(std::move(c));
    }
  }
  return out;
}

}  // namespace leeway
