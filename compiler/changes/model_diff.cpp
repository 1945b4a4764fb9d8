#include "compiler/changes/model_diff.hpp"

#include <map>
#include <set>

#include "compiler/core/diagnostic_catalog.hpp"

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
    std::vector<std::string> changed = keys(*it->second, *y);
    if (!changed.empty()) out.modified.push_back({id, changed});
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
  compare(ia, ib,
          [](const ItemRef& x, const ItemRef& y) {
            std::vector<std::string> k;
            const Item& a = *x.it;
            const Item& b = *y.it;
            if (a.kind != b.kind) k.push_back("kind");
            if (a.title != b.title) k.push_back("title");
            if (when_key(*x.p, a, *x.m) != when_key(*y.p, b, *y.m)) k.push_back("when");
            if (a.then != b.then) k.push_back("then");
            if (a.says != b.says) k.push_back("says");
            if (a.bends != b.bends) k.push_back("bends");
            if (a.granted_by != b.granted_by) k.push_back("granted_by");
            if (a.max_cost != b.max_cost) k.push_back("max_cost");
            if (a.why.cared_for != b.why.cared_for || a.why.cost_effective != b.why.cost_effective || a.why.loyalty != b.why.loyalty)
              k.push_back("why");
            return k;
          },
          out.items);

  std::map<std::string, const Policy*> pa, pb;
  for (const auto& p : base.repo.policies) pa.emplace(p.id, &p);
  for (const auto& p : head.repo.policies) pb.emplace(p.id, &p);
  const Manifest& ma = base.repo.manifest;
  const Manifest& mb = head.repo.manifest;
  compare(pa, pb,
          [&](const Policy& a, const Policy& b) {
            std::vector<std::string> k;
            if (a.title != b.title) k.push_back("title");
            if (a.owner != b.owner) k.push_back("owner");
            auto names = [](const Policy& p, const Manifest& m) {
              std::vector<std::string> v;
              for (int d : p.over) v.push_back(m.dimensions[static_cast<std::size_t>(d)].name);
              return v;
            };
            if (names(a, ma) != names(b, mb)) k.push_back("over");
            if (a.outcomes != b.outcomes) k.push_back("outcomes");
            if (a.summary != b.summary) k.push_back("summary");
            if (a.file != b.file) k.push_back("file");
            return k;
          },
          out.policies);

  std::map<std::string, const Role*> ra, rb;
  for (const auto& r : ma.roles) ra.emplace(r.id, &r);
  for (const auto& r : mb.roles) rb.emplace(r.id, &r);
  compare(ra, rb,
          [](const Role& a, const Role& b) {
            std::vector<std::string> k;
            if (a.title != b.title) k.push_back("title");
            if (a.max_cost != b.max_cost) k.push_back("max_cost");
            if (a.reports_to != b.reports_to) k.push_back("reports_to");
            return k;
          },
          out.roles);

  std::map<std::string, const Dimension*> da, db;
  for (const auto& d : ma.dimensions) da.emplace(d.name, &d);
  for (const auto& d : mb.dimensions) db.emplace(d.name, &d);
  compare(da, db,
          [](const Dimension& a, const Dimension& b) {
            std::vector<std::string> k;
            if (a.type != b.type) k.push_back("type");
            if (a.min != b.min) k.push_back("min");
            if (a.max != b.max) k.push_back("max");
            if (a.values != b.values) k.push_back("values");
            if (a.unit != b.unit) k.push_back("unit");
            if (a.description != b.description) k.push_back("description");
            return k;
          },
          out.dimensions);

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
