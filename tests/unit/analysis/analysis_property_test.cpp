// Property tests: random small repositories, every result compared with a
// brute-force enumeration over every point of the policy's space.
#include <catch2/catch.hpp>

#include "compiler/query/decision_index.hpp"
#include "support/random_policy.hpp"
#include "support/test_repo.hpp"

using namespace leeway;
using namespace leeway::test;

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
          if (a.forbidding() && b.forbidding())
            kind = "";
          else if (!a.forbidding() && !b.forbidding())
            kind = a.then != b.then ? "line-conflict" : "";
          else if (forbids(a, b) || forbids(b, a))
            kind = "line-conflict", swap = a.forbidding();  // the forcing line first
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
      if (outs.size() == 1)
        CHECK(pol.outcomes[static_cast<std::size_t>(d.outcome)] == *outs.begin());
      else
        CHECK(d.outcome == -1);
    }
    (void)silent;
  }
  CHECK(kinds_seen ==
        std::set<std::string>{"crosses-line", "exception-conflict", "line-conflict", "overrides-rule", "rule-conflict", "rule-crosses-line"});
}
