// Random small policies for property tests, and the brute-force model they
// are checked against: every point of a policy's space, enumerated.
#pragma once
#include <algorithm>
#include <optional>
#include <random>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include <fmt/format.h>

#include "compiler/changes/decision_diff.hpp"
#include "compiler/core/values.hpp"

namespace leeway::test {

inline const char* kSmallManifest = R"(
[repository]
name = "Random"
[dimensions.n]
type = "integer"
min = -2
max = 4
[dimensions.m]
type = "money"
min = 0
max = 0.04
[dimensions.e]
type = "enum"
values = ["a", "b", "c", "d"]
[dimensions.f]
type = "bool"
[roles.low]
max_cost = 10
reports_to = "high"
[roles.high]
max_cost = 100
)";

struct Dim {
  std::string name;
  std::int64_t lo, hi;  // encoded domain
  char type;            // 'n' integer, 'm' money, 'e' enum, 'b' bool
};
inline const std::vector<Dim> kDims = {{"n", -2, 4, 'n'}, {"m", 0, 4, 'm'}, {"e", 0, 3, 'e'}, {"f", 0, 1, 'b'}};
inline const std::vector<std::string> kEnum = {"a", "b", "c", "d"};

struct GenItem {
  std::string kind, id, then;                                  // `then` empty: a line that forbids
  std::set<std::string> forbids;                               // a forbidding line's outcomes
  std::vector<std::optional<std::vector<std::int64_t>>> sets;  // per over dim; nullopt: unconstrained
  int bends = -1;
  std::string granted_by = "low", max_cost = "5";  // exceptions: as written ("" max_cost: none)
  bool forbidding() const { return kind == "line" && then.empty(); }
  bool decides() const { return kind == "rule" || (kind == "line" && !then.empty()); }
};

// Does line `l` forbid what `o` gives?
inline bool forbids(const GenItem& l, const GenItem& o) { return l.forbidding() && !o.then.empty() && l.forbids.count(o.then); }

inline std::string value_text(const Dim& d, std::int64_t v) {
  if (d.type == 'm') return format_money(v);
  if (d.type == 'e') return "\"" + kEnum[static_cast<std::size_t>(v)] + "\"";
  if (d.type == 'b') return v ? "true" : "false";
  return std::to_string(v);
}

inline std::string constraint_text(const Dim& d, const std::vector<std::int64_t>& vals) {
  if (d.type == 'n' || d.type == 'm') {
    std::int64_t lo = vals.front(), hi = vals.back();
    auto num = [&](std::int64_t v) { return d.type == 'm' ? format_money(v) : std::to_string(v); };
    if (lo == d.lo && hi < d.hi) return "\".." + num(hi) + "\"";
    if (hi == d.hi && lo > d.lo) return "\"" + num(lo) + "..\"";
    return "\"" + num(lo) + ".." + num(hi) + "\"";
  }
  std::string out = "[";
  for (std::size_t i = 0; i < vals.size(); ++i) out += (i ? ", " : "") + value_text(d, vals[i]);
  return out + "]";
}

struct Generated {
  std::string text;
  std::vector<int> over;  // indices into kDims
  std::vector<GenItem> items;
};

// A random policy; over the given dimensions when `over` is given. With
// `varied_grants`, each exception is granted by `low` or `high`, with a
// ceiling of 5, 50 or none (otherwise: `low`, 5).
inline Generated generate(std::mt19937& rng, const std::vector<int>* over = nullptr, bool varied_grants = false) {
  auto pick = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); };
  Generated g;
  std::vector<int> all{0, 1, 2, 3};
  std::shuffle(all.begin(), all.end(), rng);
  g.over.assign(all.begin(), all.begin() + pick(1, 4));
  if (over) g.over = *over;
  int n_items = pick(1, 9);
  std::vector<std::string> outcomes{"x", "y", "z"};
  std::vector<int> rules;
  for (int i = 0; i < n_items; ++i) {
    GenItem it;
    int k = pick(0, 9);
    it.kind = k < 5 ? "rule" : k < 8 ? "exception" : "line";
    if (it.kind == "exception" && rules.empty()) it.kind = "rule";
    it.id = fmt::format("{}{}", it.kind[0], i);
    it.then = outcomes[static_cast<std::size_t>(pick(0, 2))];
    if (it.kind == "line" && pick(0, 1)) {
      for (const auto& o : outcomes)
        if (pick(0, 1)) it.forbids.insert(o);
      if (it.forbids.empty()) it.forbids.insert(it.then);
      it.then.clear();
    }
    for (int d : g.over) {
      const Dim& dim = kDims[static_cast<std::size_t>(d)];
      if (pick(0, 2) == 0) {
        it.sets.push_back(std::nullopt);
        continue;
      }
      std::vector<std::int64_t> vals;
      if (dim.type == 'n' || dim.type == 'm') {
        std::int64_t a = pick(static_cast<int>(dim.lo), static_cast<int>(dim.hi)), b = pick(static_cast<int>(dim.lo), static_cast<int>(dim.hi));
        for (std::int64_t v = std::min(a, b); v <= std::max(a, b); ++v) vals.push_back(v);
      } else {
        for (std::int64_t v = dim.lo; v <= dim.hi; ++v)
          if (pick(0, 1)) vals.push_back(v);
        if (vals.empty()) vals.push_back(pick(static_cast<int>(dim.lo), static_cast<int>(dim.hi)));
      }
      it.sets.push_back(vals);
    }
    if (it.kind == "exception") it.bends = rules[static_cast<std::size_t>(pick(0, static_cast<int>(rules.size()) - 1))];
    if (it.kind == "exception" && varied_grants) {
      it.granted_by = pick(0, 1) ? "high" : "low";
      it.max_cost = std::vector<std::string>{"5", "50", ""}[static_cast<std::size_t>(pick(0, 2))];
    }
    if (it.kind == "rule") rules.push_back(i);
    g.items.push_back(std::move(it));
  }
  g.text = "[policy]\nid = \"p\"\nover = [";
  for (std::size_t i = 0; i < g.over.size(); ++i) g.text += (i ? ", \"" : "\"") + kDims[static_cast<std::size_t>(g.over[i])].name + "\"";
  g.text += "]\noutcomes = [\"x\", \"y\", \"z\"]\n";
  for (const auto& it : g.items) {
    if (it.forbidding()) {
      std::string list;
      for (const auto& o : it.forbids) list += (list.empty() ? "\"" : ", \"") + o + "\"";
      g.text += fmt::format("\n[[{}]]\nid = \"{}\"\nforbids = [{}]\n", it.kind, it.id, list);
    } else {
      g.text += fmt::format("\n[[{}]]\nid = \"{}\"\nthen = \"{}\"\n", it.kind, it.id, it.then);
    }
    std::string when;
    for (std::size_t i = 0; i < g.over.size(); ++i)
      if (it.sets[i])
        when += (when.empty() ? "" : ", ") + kDims[static_cast<std::size_t>(g.over[i])].name + " = " +
                constraint_text(kDims[static_cast<std::size_t>(g.over[i])], *it.sets[i]);
    if (!when.empty()) g.text += "when = { " + when + " }\n";
    if (it.kind == "exception")
      g.text += fmt::format("bends = \"{}\"\ngranted_by = \"{}\"\n{}", g.items[static_cast<std::size_t>(it.bends)].id, it.granted_by,
                            it.max_cost.empty() ? "" : "max_cost = " + it.max_cost + "\n");
  }
  return g;
}

inline bool holds(const GenItem& it, const std::vector<std::int64_t>& pt) {
  for (std::size_t i = 0; i < pt.size(); ++i)
    if (it.sets[i] && std::find(it.sets[i]->begin(), it.sets[i]->end(), pt[i]) == it.sets[i]->end()) return false;
  return true;
}

// Does `it` take part in the decision at p: it holds, is of `kind`, is no
// forbidding line, and (an exception) crosses no line holding at p?
inline bool decides_at(const Generated& g, const GenItem& it, const char* kind, const std::vector<std::int64_t>& p) {
  if (it.kind != kind || !holds(it, p) || it.forbidding()) return false;
  if (it.kind != "exception") return true;
  for (const auto& l : g.items)
    if (l.kind == "line" && holds(l, p) && (l.forbidding() ? forbids(l, it) : l.then != it.then)) return false;
  return true;
}

inline bool in_region(const Region& r, const std::vector<Dim>& dims, const std::vector<std::int64_t>& pt) {
  for (std::size_t i = 0; i < pt.size(); ++i) {
    const RegionEntry& e = r[i];
    if (e.dimension != dims[i].name) return false;
    if (dims[i].type == 'n' || dims[i].type == 'm') {
      if (pt[i] < e.lo || pt[i] > e.hi) return false;
    } else {
      std::string v = dims[i].type == 'e' ? kEnum[static_cast<std::size_t>(pt[i])] : (pt[i] ? "true" : "false");
      if (std::find(e.values.begin(), e.values.end(), v) == e.values.end()) return false;
    }
  }
  return true;
}

// Every point of the space, in over order.
inline std::vector<std::vector<std::int64_t>> all_points(const std::vector<Dim>& dims) {
  std::vector<std::vector<std::int64_t>> pts{{}};
  for (const Dim& d : dims) {
    std::vector<std::vector<std::int64_t>> next;
    for (const auto& p : pts)
      for (std::int64_t v = d.lo; v <= d.hi; ++v) {
        next.push_back(p);
        next.back().push_back(v);
      }
    pts = std::move(next);
  }
  return pts;
}

// The decision at a point (docs/format.md, "Meaning"), by brute force over the generated items.
inline std::tuple<std::string, std::string, std::string, bool> brute_decision(const Generated& g, const std::vector<std::int64_t>& p) {
  for (const char* kind : {"line", "exception", "rule"}) {
    std::set<std::string> outs;
    for (const auto& it : g.items)
      if (decides_at(g, it, kind, p)) outs.insert(it.then);
    if (outs.empty()) continue;
    if (outs.size() > 1) return {"", kind, "", true};
    return {*outs.begin(), kind, std::string(kind) == "exception" ? "low" : "", false};
  }
  return {"", "none", "", false};
}

inline std::tuple<std::string, std::string, std::string, bool> as_tuple(const DecisionRecord& r) {
  return {r.outcome.value_or(""), r.decided_by, r.granted_by.value_or(""), r.conflict};
}

}  // namespace leeway::test
