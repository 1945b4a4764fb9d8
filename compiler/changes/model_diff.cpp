#include "compiler/changes/model_diff.hpp"

#include <map>
#include <set>

#include "compiler/core/diagnostic_catalog.hpp"
#include "compiler/core/values.hpp"

namespace leeway {
namespace {

// A condition in words that do not depend on the order of `over`.
std::string when_key(const Policy& p, const Item& it, const Manifest& m) {
  std::string out;
  std::map<std::string, std::string> parts;
  for (const Constraint& c : it.when) {
    std::string s;
    for (const auto& iv : c.set.intervals()) s += std::to_string(iv.lo) + ".." + std::to_string(iv.hi) + ",";
    parts[m.dimensions[static_cast<std::size_t>(p.over[static_cast<std::size_t>(c.over_index)])].name] = s;
  }
  for (const auto& [k, v] : parts) out += k + "=" + v + ";";
  return out;
}

// What changed in one thing: its keys, and the values of the short ones.
struct Changes {
  std::vector<std::string> keys;
  std::vector<ValueChange> values;
  void key(const char* k) { keys.emplace_back(k); }
  void value(const char* k, std::string before, std::string after) {
    keys.emplace_back(k);
    values.push_back({k, std::move(before), std::move(after)});
  }
};

std::string money_or_none(const std::optional<std::int64_t>& cents) { return cents ? format_money(*cents) : "none"; }

template <class T, class Keys>
void compare(const std::map<std::string, const T*>& a, const std::map<std::string, const T*>& b, Keys keys, ChangeSet& out) {
  for (const auto& [id, x] : a)
    if (!b.count(id)) out.removed.push_back(id);
  for (const auto& [id, y] : b) {
    auto it = a.find(id);
    if (it == a.end()) {
      out.added.push_back(id);
      continue;
    }
    Changes changed;
    keys(*it->second, *y, changed);
    if (!changed.keys.empty()) out.modified.push_back({id, std::move(changed.keys), std::move(changed.values)});
  }
}

std::string diag_key(const Diagnostic& d) {
  std::string k = std::string(kind_name(d.kind)) + "|" + d.policy + "|" + d.message + "|";
  for (const auto& i : d.items) k += i + ",";
  return k;
}

}  // namespace

ModelDiff diff_models(const Compilation& base, const Compilation& head) {
  ModelDiff out;
  struct ItemRef {
    const Policy* p;
    const Item* it;
    const Manifest* m;
  };
  auto items_of = [](const Compilation& c, std::vector<ItemRef>& store) {
    std::map<std::string, const ItemRef*> map;
    for (const auto& p : c.repo.policies)
      for (const auto& it : p.items) store.push_back({&p, &it, &c.repo.manifest});
    for (const auto& r : store) map.emplace(r.p->id + "." + r.it->id, &r);
    return map;
  };
  std::vector<ItemRef> sa, sb;
  sa.reserve(1024), sb.reserve(1024);
  auto ia = items_of(base, sa);
  auto ib = items_of(head, sb);
  compare(
      ia, ib,
      [](const ItemRef& x, const ItemRef& y, Changes& k) {
        const Item& a = *x.it;
        const Item& b = *y.it;
        if (a.kind != b.kind) k.value("kind", item_kind_name(a.kind), item_kind_name(b.kind));
        if (a.title != b.title) k.key("title");
        if (when_key(*x.p, a, *x.m) != when_key(*y.p, b, *y.m)) k.key("when");
        if (a.then != b.then) k.value("then", a.then, b.then);
        if (a.forbids != b.forbids) k.key("forbids");
        if (a.says != b.says) k.key("says");
        if (a.bends != b.bends) k.value("bends", a.bends, b.bends);
        if (a.granted_by != b.granted_by) k.value("granted_by", a.granted_by, b.granted_by);
        if (a.max_cost != b.max_cost) k.value("max_cost", money_or_none(a.max_cost), money_or_none(b.max_cost));
        if (a.why.cared_for != b.why.cared_for || a.why.cost_effective != b.why.cost_effective || a.why.loyalty != b.why.loyalty) k.key("why");
      },
      out.items);

  std::map<std::string, const Policy*> pa, pb;
  for (const auto& p : base.repo.policies) pa.emplace(p.id, &p);
  for (const auto& p : head.repo.policies) pb.emplace(p.id, &p);
  const Manifest& ma = base.repo.manifest;
  const Manifest& mb = head.repo.manifest;
  compare(
      pa, pb,
      [&](const Policy& a, const Policy& b, Changes& k) {
        if (a.title != b.title) k.key("title");
        if (a.owner != b.owner) k.value("owner", a.owner, b.owner);
        auto names = [](const Policy& p, const Manifest& m) {
          std::vector<std::string> v;
          for (int d : p.over) v.push_back(m.dimensions[static_cast<std::size_t>(d)].name);
          return v;
        };
        if (names(a, ma) != names(b, mb)) k.key("over");
        if (a.outcomes != b.outcomes) k.key("outcomes");
        if (a.summary != b.summary) k.key("summary");
        if (a.file != b.file) k.value("file", a.file, b.file);
      },
      out.policies);

  std::map<std::string, const Role*> ra, rb;
  for (const auto& r : ma.roles) ra.emplace(r.id, &r);
  for (const auto& r : mb.roles) rb.emplace(r.id, &r);
  compare(
      ra, rb,
      [](const Role& a, const Role& b, Changes& k) {
        if (a.title != b.title) k.value("title", a.title, b.title);
        if (a.max_cost != b.max_cost) k.value("max_cost", money_or_none(a.max_cost), money_or_none(b.max_cost));
        if (a.reports_to != b.reports_to) k.value("reports_to", a.reports_to, b.reports_to);
      },
      out.roles);

  std::map<std::string, const Dimension*> da, db;
  for (const auto& d : ma.dimensions) da.emplace(d.name, &d);
  for (const auto& d : mb.dimensions) db.emplace(d.name, &d);
  compare(
      da, db,
      [](const Dimension& a, const Dimension& b, Changes& k) {
        if (a.type != b.type) k.value("type", dim_type_name(a.type), dim_type_name(b.type));
        if (a.type == b.type && is_numeric(a)) {
          if (a.min != b.min) k.value("min", format_value(a, a.min), format_value(b, b.min));
          if (a.max != b.max) k.value("max", format_value(a, a.max), format_value(b, b.max));
        }
        if (a.values != b.values) k.value("values", or_list(a.values), or_list(b.values));
        if (a.unit != b.unit) k.value("unit", a.unit, b.unit);
        if (a.description != b.description) k.key("description");
      },
      out.dimensions);

  if (ma.edition != mb.edition) out.edition = ValueChange{"edition", ma.edition, mb.edition};

  std::multiset<std::string> ka, kb;
  for (const auto& d : base.diags.all()) ka.insert(diag_key(d));
  for (const auto& d : head.diags.all()) kb.insert(diag_key(d));
  for (const auto& d : head.diags.all())
    if (!ka.count(diag_key(d))) out.new_diagnostics.push_back(&d);
  for (const auto& d : base.diags.all())
    if (!kb.count(diag_key(d))) out.fixed_diagnostics.push_back(&d);
  return out;
}

}  // namespace leeway
