#include "compiler/changes/decision_diff.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "compiler/analysis/decision_space.hpp"
#include "compiler/analysis/sweep.hpp"
#include "compiler/core/values.hpp"
#include "compiler/query/decision_index.hpp"

namespace leeway {
namespace {

// One revision's side of a policy: its compiled items, their boxes mapped
// onto the common dimensions.
struct Side {
  const Repository* repo = nullptr;
  const Policy* policy = nullptr;
  std::vector<const CompiledItem*> items;
  std::vector<Box> boxes;
};


// Can the two spaces be compared point by point? Same dimension names with
// the same types (and the same enum values); integer and money ranges may differ.
bool comparable(const PolicySpace& a, const PolicySpace& b) {
  if (a.dims.size() != b.dims.size()) return false;
  for (const Dimension* da : a.dims) {
    auto it = std::find_if(b.dims.begin(), b.dims.end(), [&](const Dimension* db) { return db->name == da->name; });
    if (it == b.dims.end() || (*it)->type != da->type) return false;
    if (da->type == DimType::enumeration && (*it)->values != da->values) return false;
  }
  return true;
}

class Differ {
 public:
  Differ(PolicySpace common, Side a, Side b) : space_(std::move(common)), a_(std::move(a)), b_(std::move(b)) {
    for (const Box& box : a_.boxes) all_.push_back(&box);
    for (const Box& box : b_.boxes) all_.push_back(&box);
    for (const Dimension* d : space_.dims) contiguous_.push_back(is_numeric(*d));
  }

  std::vector<DecisionChange> run() {
    std::vector<DecisionChange> out;
    // Silent in both revisions is unchanged: no label.
    auto label_of = [&](const std::vector<std::size_t>& active) { return active.empty() ? kNoLabel : label(active); };
    for (auto& [box, l] : partition(space_.domain, all_, contiguous_, label_of)) {
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
  DecisionRecord decide(const Side& side, const std::vector<std::size_t>& active, std::size_t offset) const {
    DecisionRecord r;
    if (!side.policy) return r;
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
    DecisionRecord before = decide(a_, active, 0), after = decide(b_, active, a_.boxes.size());
    if (before.same_decision(after)) return kNoLabel;
    auto key = std::make_pair(before, after);
    for (std::size_t i = 0; i < labels_.size(); ++i)
      if (labels_[i] == key) return i;
    labels_.push_back(std::move(key));
    return labels_.size() - 1;
  }

  PolicySpace space_;
  Side a_, b_;
  std::vector<const Box*> all_;
  std::vector<bool> contiguous_;
  std::vector<std::pair<DecisionRecord, DecisionRecord>> labels_;
};

// The side of one revision, its boxes laid out over `common`'s dimensions.
Side side_of(const Compilation& c, int p, const PolicySpace& common) {
  Side s;
  s.repo = &c.repo;
  if (p < 0 || !c.spaces[static_cast<std::size_t>(p)]) return s;
  const PolicySpace& own = *c.spaces[static_cast<std::size_t>(p)];
  s.policy = &c.repo.policies[static_cast<std::size_t>(p)];
  for (const CompiledItem& it : own.items) {
    Box b(common.dims.size());
    for (std::size_t d = 0; d < common.dims.size(); ++d) {
      std::size_t from = 0;
      while (from < own.dims.size() && own.dims[from]->name != common.dims[d]->name) ++from;
      b[d] = from < own.dims.size() ? it.box[from] : common.domain[d];
    }
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
    // The common space: HEAD's dimensions (BASE's for a removed policy),
    // numeric ranges widened to cover both revisions.
    PolicySpace common = sb ? *sb : *sa;
    common.items.clear();
    bool both = sa && sb && comparable(*sa, *sb);
    if (both)
      for (std::size_t d = 0; d < common.dims.size(); ++d) {
        std::size_t from = 0;
        while (sa->dims[from]->name != common.dims[d]->name) ++from;
        if (is_numeric(*common.dims[d]))
          common.domain[d] = ValueSet::range(std::min(common.domain[d].min(), sa->domain[from].min()),
                                             std::max(common.domain[d].max(), sa->domain[from].max()));
      }
    // A policy whose dimensions changed is compared as replaced: BASE's side
    // counts as absent over HEAD's space.
    Side a = (sa && (!sb || both)) ? side_of(base, pa, common) : Side{&base.repo, nullptr, {}, {}};
    Side b = sb ? side_of(head, pb, common) : Side{&head.repo, nullptr, {}, {}};
    for (DecisionChange& c : Differ(std::move(common), std::move(a), std::move(b)).run()) {
      c.policy = id;
      out.push_back(std::move(c));
    }
  }
  return out;
}

}  // namespace leeway
