// Property test of `leeway query` v2: on random policies and random partial
// situations, the regions are disjoint and cover exactly the situations asked
// about, each answer (normal, options, blocked, lines) is the brute-force one
// at every point, and `depends_on` names exactly the dimensions along which
// the brute-force answer varies.
#include <catch2/catch.hpp>

#include "compiler/query/answer.hpp"
#include "support/random_policy.hpp"
#include "support/test_repo.hpp"

using namespace leeway;
using namespace leeway::test;

namespace {

// The answer at p, by brute force, as text: normal, then options, then lines.
std::string brute_answer(const Generated& g, const std::vector<std::int64_t>& p) {
  std::vector<const GenItem*> lines, options, forcing, rules;
  for (const auto& it : g.items) {
    if (!holds(it, p)) continue;
    if (it.kind == "line") lines.push_back(&it);
    if (it.kind == "line" && !it.forbidding()) forcing.push_back(&it);
    if (it.kind == "rule") rules.push_back(&it);
    if (it.kind == "exception") options.push_back(&it);
  }
  auto by_id = [](const GenItem* a, const GenItem* b) { return a->id < b->id; };
  std::sort(lines.begin(), lines.end(), by_id);
  std::sort(options.begin(), options.end(), by_id);
  const auto& normal = forcing.empty() ? rules : forcing;
  std::set<std::string> outs;
  for (const GenItem* it : normal) outs.insert(it->then);
  std::string out = fmt::format("normal {} {}:", normal.empty() ? "none" : forcing.empty() ? "rule" : "line", outs.size() == 1 ? *outs.begin() : "-");
  for (const GenItem* it : normal) out += " " + it->id;
  out += " | options:";
  for (const GenItem* o : options) {
    std::string blocked = "-";
    for (const GenItem* l : lines)
      if (l->forbidding() ? forbids(*l, *o) : l->then != o->then) {
        blocked = l->id;
        break;
      }
    out += fmt::format(" {}/{}", o->id, blocked);
  }
  out += " | lines:";
  for (const GenItem* l : lines) out += " " + l->id;
  return out;
}

std::string as_text(const Policy& p, const Answer& a) {
  auto id = [&](int i) { return p.items[static_cast<std::size_t>(i)].id; };
  std::string out = fmt::format("normal {} {}:", decided_by_name(a.normal.decided_by),
                                a.normal.outcome < 0 ? "-" : p.outcomes[static_cast<std::size_t>(a.normal.outcome)]);
  for (int i : a.normal.items) out += " " + id(i);
  out += " | options:";
  for (const OptionAnswer& o : a.options) out += fmt::format(" {}/{}", id(o.exception), o.blocked_by < 0 ? "-" : id(o.blocked_by));
  out += " | lines:";
  for (int l : a.lines) out += " " + id(l);
  return out;
}

}  // namespace

TEST_CASE("random policies and partial situations: query answers agree with brute force", "[query][property]") {
  std::mt19937 rng(20261126);
  auto pick = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); };
  std::size_t partial = 0, varied = 0;
  for (int round = 0; round < 300; ++round) {
    Generated g = generate(rng);
    Compilation c = compile_files({{"leeway.toml", kSmallManifest}, {"p.toml", g.text}});
    REQUIRE(c.spaces[0]);
    const PolicySpace& space = *c.spaces[0];
    std::vector<Dim> dims;
    for (int d : g.over) dims.push_back(kDims[static_cast<std::size_t>(d)]);
    // Fix some dimensions to a value, leave the others out.
    Box situations = space.domain;
    for (std::size_t d = 0; d < dims.size(); ++d)
      if (pick(0, 1)) {
        std::int64_t v = pick(static_cast<int>(dims[d].lo), static_cast<int>(dims[d].hi));
        situations[d] = ValueSet::range(v, v);
      }
    INFO("round " << round << "\n" << g.text);
    std::vector<AnsweredRegion> regions = answers_over(space, c.repo.policies[0], situations);
    std::vector<std::vector<std::int64_t>> asked;
    for (const auto& p : all_points(dims))
      if (box_contains(situations, p)) asked.push_back(p);
    for (const auto& p : all_points(dims)) {
      std::size_t in = 0;
      for (const AnsweredRegion& r : regions) {
        if (!box_contains(r.box, p)) continue;
        ++in;
        CHECK(as_text(c.repo.policies[0], r.answer) == brute_answer(g, p));
      }
      CHECK(in == (box_contains(situations, p) ? 1u : 0u));
    }
    std::vector<std::size_t> want;
    for (std::size_t d = 0; d < dims.size(); ++d) {
      bool varies = false;
      for (const auto& p : asked)
        for (const auto& q : asked) {
          bool only_d = p[d] != q[d];
          for (std::size_t e = 0; e < dims.size() && only_d; ++e) only_d = e == d || p[e] == q[e];
          varies = varies || (only_d && brute_answer(g, p) != brute_answer(g, q));
        }
      if (varies) want.push_back(d);
    }
    CHECK(varying_dimensions(regions, dims.size()) == want);
    partial += asked.size() > 1;
    varied += !want.empty();
  }
  CHECK(partial > 100);  // the test reaches partial situations...
  CHECK(varied > 50);    // ...and answers that depend on what was left out
}
