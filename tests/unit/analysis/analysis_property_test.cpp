// Property tests: random small repositories, every result compared with a
// brute-force enumeration over every point of the policy's space.
#include <catch2/catch.hpp>

#include <random>
#include <set>

#include <fmt/format.h>

#include "compiler/core/values.hpp"
#include "compiler/frontend/condition.hpp"
#include "compiler/changes/decision_diff.hpp"
#include "compiler/query/decision_index.hpp"
#include "support/test_repo.hpp"

using namespace leeway;

namespace {

const char* kSmallManifest = R"(
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
const std::vector<Dim> kDims = {{"n", -2, 4, 'n'}, {"m", 0, 4, 'm'}, {"e", 0, 3, 'e'}, {"f", 0, 1, 'b'}};
const std::vector<std::string> kEnum = {"a", "b", "c", "d"};

struct GenItem {
  std::string kind, id, then;                                  // `then` empty: a line that forbids
  std::set<std::string> forbids;                               // a forbidding line's outcomes
  std::vector<std::optional<std::vector<std::int64_t>>> sets;  // per over dim; nullopt: unconstrained
  int bends = -1;
  bool forbidding() const { return kind == "line" && then.empty(); }
  bool decides() const { return kind == "rule" || (kind == "line" && !then.empty()); }
};

// Does line `l` forbid what `o` gives?
bool forbids(const GenItem& l, const GenItem& o) { return l.forbidding() && !o.then.empty() && l.forbids.count(o.then); }

std::string value_text(const Dim& d, std::int64_t v) {
  if (d.type == 'm') return format_money(v);
  if (d.type == 'e') return "\"" + kEnum[static_cast<std::size_t>(v)] + "\"";
  if (d.type == 'b') return v ? "true" : "false";
  return std::to_string(v);
}

std::string constraint_text(const Dim& d, const std::vector<std::int64_t>& vals) {
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

// A random policy; over the given dimensions when `over` is given.
Generated generate(std::mt19937& rng, const std::vector<int>* over = nullptr) {
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
      if (it.sets[i]) when += (when.empty() ? "" : ", ") + kDims[static_cast<std::size_t>(g.over[i])].name + " = " + constraint_text(kDims[static_cast<std::size_t>(g.over[i])], *it.sets[i]);
    if (!when.empty()) g.text += "when = { " + when + " }\n";
    if (it.kind == "exception")
      g.text += fmt::format("bends = \"{}\"\ngranted_by = \"low\"\nmax_cost = 5\n", g.items[static_cast<std::size_t>(it.bends)].id);
  }
  return g;
}

bool holds(const GenItem& it, const std::vector<std::int64_t>& pt) {
  for (std::size_t i = 0; i < pt.size(); ++i)
    if (it.sets[i] && std::find(it.sets[i]->begin(), it.sets[i]->end(), pt[i]) == it.sets[i]->end()) return false;
  return true;
}

// Does `it` take part in the decision at p: it holds, is of `kind`, is no
// forbidding line, and (an exception) crosses no line holding at p?
bool decides_at(const Generated& g, const GenItem& it, const char* kind, const std::vector<std::int64_t>& p) {
  if (it.kind != kind || !holds(it, p) || it.forbidding()) return false;
  if (it.kind != "exception") return true;
  for (const auto& l : g.items)
    if (l.kind == "line" && holds(l, p) && (l.forbidding() ? forbids(l, it) : l.then != it.then)) return false;
  return true;
}

bool in_region(const Region& r, const std::vector<Dim>& dims, const std::vector<std::int64_t>& pt) {
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
std::vector<std::vector<std::int64_t>> all_points(const std::vector<Dim>& dims) {
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

}  // namespace

TEST_CASE("random repositories: check and query agree with brute force", "[analysis][property]") {
  std::mt19937 rng(20261125);
  std::set<std::string> kinds_seen;  // the generator reaches every kind of overlap
  for (int round = 0; round < 400; ++round) {
    Generated g = generate(rng);
    INFO("round " << round << "\n" << g.text);
    Compilation c = test::compile_files({{"leeway.toml", kSmallManifest}, {"p.toml", g.text}});
    std::vector<Dim> dims;
    for (int d : g.over) dims.push_back(kDims[static_cast<std::size_t>(d)]);
    auto points = all_points(dims);

    // Expected conflicts, by brute force.
    std::set<std::tuple<std::string, std::string, std::string>> expected, reported;
    for (std::size_t i = 0; i < g.items.size(); ++i)
      for (std::size_t j = i + 1; j < g.items.size(); ++j) {
        const GenItem &a = g.items[i], &b = g.items[j];
        // What the overlap of a and b means (contract 7.1, 7.4), written
        // out case by case; `first` is the item the diagnostic names first.
        std::string kind;
        bool swap = false;
        if (a.kind == b.kind && a.kind != "line") {
          if (a.then != b.then) kind = a.kind + "-conflict";
        } else if (a.kind == "line" && b.kind == "line") {
          if (a.forbidding() && b.forbidding()) kind = "";
          else if (!a.forbidding() && !b.forbidding()) kind = a.then != b.then ? "line-conflict" : "";
          else if (forbids(a, b) || forbids(b, a)) kind = "line-conflict", swap = a.forbidding();  // the forcing line first
        } else if (a.kind == "line" || b.kind == "line") {
          const GenItem& line = a.kind == "line" ? a : b;
          const GenItem& other = a.kind == "line" ? b : a;
          swap = a.kind == "line";
          if (line.forbidding()) {
            if (forbids(line, other)) kind = other.kind == "exception" ? "crosses-line" : "rule-crosses-line";
          } else if (other.kind == "exception" && other.then != line.then) {
            kind = "crosses-line";
          }
        } else {  // an exception and a rule
          const GenItem& exc = a.kind == "exception" ? a : b;
          std::size_t rule = a.kind == "exception" ? j : i;
          swap = a.kind != "exception";
          if (exc.then != (a.kind == "exception" ? b : a).then && static_cast<std::size_t>(exc.bends) != rule) kind = "overrides-rule";
        }
        if (kind.empty()) continue;
        bool overlap = false;
        for (const auto& p : points) overlap = overlap || (holds(a, p) && holds(b, p));
        if (!overlap) continue;
        std::string first = "p." + a.id, second = "p." + b.id;
        if (swap) std::swap(first, second);
        expected.emplace(kind, first, second);
      }
    std::size_t silent = 0;
    std::vector<int> gap_cover(points.size(), 0);
    for (const auto& d : c.diags.all()) {
      if (std::string_view name = kind_name(d.kind);
          name.find("conflict") != std::string::npos || name.find("crosses-line") != std::string::npos || name == "overrides-rule") {
        REQUIRE(d.items.size() == 2);
        reported.emplace(std::string(kind_name(d.kind)), d.items[0], d.items[1]);
        // The region is exactly the intersection.
        auto find_item = [&](const std::string& q) -> const GenItem& {
          for (const auto& it : g.items)
            if ("p." + it.id == q) return it;
          FAIL("no item " << q);
          return g.items[0];
        };
        const GenItem &a = find_item(d.items[0]), &b = find_item(d.items[1]);
        for (const auto& p : points) CHECK(in_region(*d.region, dims, p) == (holds(a, p) && holds(b, p)));
      }
      if (d.kind == DiagnosticKind::gap)
        for (std::size_t k = 0; k < points.size(); ++k) gap_cover[k] += in_region(*d.region, dims, points[k]);
    }
    CHECK(reported == expected);
    for (const auto& e : expected) kinds_seen.insert(std::get<0>(e));
    // Gap boxes are disjoint and cover exactly the silent set.
    for (std::size_t k = 0; k < points.size(); ++k) {
      bool decided = false;
      for (const auto& it : g.items) decided = decided || (it.decides() && holds(it, points[k]));
      silent += !decided;
      CHECK(gap_cover[k] == (decided ? 0 : 1));
    }

    // dead-exception and beyond-rule
    for (const auto& it : g.items) {
      if (it.kind != "exception") continue;
      const GenItem& rule = g.items[static_cast<std::size_t>(it.bends)];
      bool overlap = false, outside = false;
      for (const auto& p : points) {
        overlap = overlap || (holds(it, p) && holds(rule, p));
        outside = outside || (holds(it, p) && !holds(rule, p));
      }
      bool dead = false, beyond = false;
      for (const auto& d : c.diags.all()) {
        if (d.items.empty() || d.items[0] != "p." + it.id) continue;
        dead = dead || d.kind == DiagnosticKind::dead_exception;
        if (d.kind != DiagnosticKind::beyond_rule) continue;
        beyond = true;
        // Its regions: disjoint, and exactly the part outside the rule.
        for (const auto& p : points) {
          int in = 0;
          for (const Region& r : d.regions) in += in_region(r, dims, p) ? 1 : 0;
          CHECK(in == (holds(it, p) && !holds(rule, p) ? 1 : 0));
        }
      }
      CHECK(dead == !overlap);
      CHECK(beyond == (overlap && outside));
    }

    // query: the decision at every point.
    const auto& space = c.spaces[0];
    REQUIRE(space);
    DecisionIndex index(*space);
    const Policy& pol = c.repo.policies[0];
    for (const auto& p : points) {
      Decision d = index.decide(p, pol);
      std::string want_by = "none";
      std::vector<std::string> want_items;
      for (const char* kind : {"line", "exception", "rule"}) {
        for (const auto& it : g.items)
          if (decides_at(g, it, kind, p)) want_items.push_back("p." + it.id);
        if (!want_items.empty()) {
          want_by = kind;
          break;
        }
      }
      std::set<std::string> outs;
      for (const auto& q : want_items)
        for (const auto& it : g.items)
          if ("p." + it.id == q) outs.insert(it.then);
      std::vector<std::string> got_items;
      for (int i : d.items) got_items.push_back("p." + pol.items[static_cast<std::size_t>(i)].id);
      CHECK(std::string(decided_by_name(d.decided_by)) == want_by);
      CHECK(got_items == want_items);
      CHECK(d.conflict == (outs.size() > 1));
      if (outs.size() == 1) CHECK(pol.outcomes[static_cast<std::size_t>(d.outcome)] == *outs.begin());
      else CHECK(d.outcome == -1);
    }
    (void)silent;
  }
  CHECK(kinds_seen == std::set<std::string>{"crosses-line", "exception-conflict", "line-conflict", "overrides-rule", "rule-conflict",
                                            "rule-crosses-line"});
}

namespace {

// The decision at a point (docs/format.md, "Meaning"), by brute force over the generated items.
std::tuple<std::string, std::string, std::string, bool> brute_decision(const Generated& g, const std::vector<std::int64_t>& p) {
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

std::tuple<std::string, std::string, std::string, bool> as_tuple(const DecisionRecord& r) {
  return {r.outcome.value_or(""), r.decided_by, r.granted_by.value_or(""), r.conflict};
}

}  // namespace

TEST_CASE("random changes: diff's regions are exactly the situations whose decision changed", "[diff][property]") {
  std::mt19937 rng(20261126);
  for (int round = 0; round < 300; ++round) {
    Generated before = generate(rng);
    Generated after = generate(rng, &before.over);
    INFO("round " << round << "\nBEFORE\n" << before.text << "\nAFTER\n" << after.text);
    Compilation a = test::compile_files({{"leeway.toml", kSmallManifest}, {"p.toml", before.text}});
    Compilation b = test::compile_files({{"leeway.toml", kSmallManifest}, {"p.toml", after.text}});
    std::vector<Dim> dims;
    for (int d : before.over) dims.push_back(kDims[static_cast<std::size_t>(d)]);
    auto changes = decision_changes(a, b);
    for (const auto& p : all_points(dims)) {
      auto was = brute_decision(before, p), now = brute_decision(after, p);
      bool changed = std::get<0>(was) != std::get<0>(now) || std::get<1>(was) != std::get<1>(now) || std::get<2>(was) != std::get<2>(now) ||
                     std::get<3>(was) != std::get<3>(now);
      std::size_t covering = 0;
      for (const auto& c : changes) {
        if (!in_region(c.region, dims, p)) continue;
        ++covering;
        CHECK(as_tuple(c.before) == was);
        CHECK(as_tuple(c.after) == now);
      }
      CHECK(covering == (changed ? 1u : 0u));  // disjoint, and exactly the changed set
    }
  }
  // A policy added is a change wherever it decides; one removed, likewise.
  std::mt19937 rng2(7);
  Generated g = generate(rng2);
  Compilation none = test::compile_files({{"leeway.toml", kSmallManifest}});
  Compilation one = test::compile_files({{"leeway.toml", kSmallManifest}, {"p.toml", g.text}});
  std::vector<Dim> dims;
  for (int d : g.over) dims.push_back(kDims[static_cast<std::size_t>(d)]);
  auto added = decision_changes(none, one);
  auto removed = decision_changes(one, none);
  for (const auto& p : all_points(dims)) {
    bool decided = std::get<1>(brute_decision(g, p)) != "none";
    std::size_t in_added = 0, in_removed = 0;
    for (const auto& c : added) in_added += in_region(c.region, dims, p);
    for (const auto& c : removed) in_removed += in_region(c.region, dims, p);
    CHECK(in_added == (decided ? 1u : 0u));
    CHECK(in_removed == (decided ? 1u : 0u));
  }
}
