// Documents: who may grant what, drills that tell the truth at the edges,
// and decision maps that colour what really decides.
#include <catch2/catch.hpp>

#include "reports/documents/decision_map.hpp"
#include "reports/documents/documents.hpp"
#include "reports/documents/drills.hpp"
#include "support/policy_text.hpp"
#include "support/test_repo.hpp"

using namespace leeway;

namespace {

// Two exceptions of different reach and a line.
const std::string kPolicy =
    test::policy("p", {"days", "tier", "fraud"}, {"refund", "credit", "decline"})
        .rule("in", R"(days = "0..30")", "refund")
        .rule("late", R"(days = "31..")", "decline")
        .exception("small", "late", R"(days = "31..40", tier = "standard", fraud = false)", "credit", "associate", "20")
        .exception("gold", "late", R"(days = "31..60", tier = ["gold", "platinum"], fraud = false)", "refund", "supervisor", "150")
        .line("fraud", "fraud = true", "decline");

int item(const Policy& p, const std::string& id) { return p.item_index(id); }

}  // namespace

TEST_CASE("a role may grant what the roles reporting to it grant, and ask for the rest", "[documents]") {
  Compilation c = test::compile_files({{"p.toml", kPolicy}});
  REQUIRE_FALSE(c.diags.has_errors());
  DocContext ctx(c);
  const Policy& p = c.repo.policies[0];
  int associate = c.repo.manifest.role_index("associate"), supervisor = c.repo.manifest.role_index("supervisor");
  const Item& small = p.items[static_cast<std::size_t>(item(p, "small"))];
  const Item& gold = p.items[static_cast<std::size_t>(item(p, "gold"))];
  CHECK(ctx.may_grant(associate, small));
  CHECK(ctx.may_grant(supervisor, small));
  CHECK_FALSE(ctx.may_grant(associate, gold));
  CHECK(ctx.may_ask(associate, gold));
  CHECK_FALSE(ctx.may_ask(supervisor, gold));  // the supervisor grants it
  CHECK_FALSE(ctx.may_ask(supervisor, small));
}

TEST_CASE("drills sit at an exception's edges and carry the policy's real answer", "[documents]") {
  Compilation c = test::compile_files({{"p.toml", kPolicy}});
  const Policy& p = c.repo.policies[0];
  const PolicySpace& space = *c.spaces[0];
  DecisionIndex index(space);
  int small = item(p, "small");
  auto drills = drills_for(space, index, p, small);
  REQUIRE(drills.size() >= 4);
  bool saw_line = false, saw_edge = false;
  for (const Drill& d : drills) {
    INFO("days=" << d.point[0] << " tier=" << d.point[1] << " fraud=" << d.point[2]);
    // The answer is the decision at that point, whatever the drill meant to show.
    Decision truth = index.decide(d.point, p);
    CHECK(truth.decided_by == d.decision.decided_by);
    CHECK(truth.items == d.decision.items);
    bool in_box = false;
    for (const auto& ci : space.items)
      if (ci.item == small) in_box = box_contains(ci.box, d.point);
    CHECK(in_box == d.inside);
    if (d.inside) {
      CHECK(d.decision.decided_by == DecidedBy::exception);
      CHECK(d.decision.items == std::vector<int>{small});
    }
    if (!d.inside && d.decision.decided_by == DecidedBy::line) saw_line = true;
    if (d.inside && d.point[0] == 40) saw_edge = true;
  }
  CHECK(saw_line);  // just past `fraud = false` is the line
  CHECK(saw_edge);  // the last day the exception reaches
  bool saw_41 = false;
  for (const Drill& d : drills) saw_41 = saw_41 || (d.point[0] == 41 && !d.inside);
  CHECK(saw_41);
}

TEST_CASE("a decision map is drawn over the named axes, with the line outlined", "[documents]") {
  std::string policy = kPolicy;
  policy.insert(policy.find("[[rule]]"), "map = [\"days\", \"fraud\"]\n");
  Compilation c = test::compile_files({{"p.toml", policy}});
  REQUIRE_FALSE(c.diags.has_errors());
  const Policy& p = c.repo.policies[0];
  DecisionIndex index(*c.spaces[0]);
  DecisionMap m = draw_decision_map(c.repo, p, *c.spaces[0], index);
  CHECK(m.axes == std::vector<std::size_t>{0, 2});
  CHECK(m.svg.rfind("<svg xmlns=\"http://www.w3.org/2000/svg\"", 0) == 0);
  CHECK(m.svg.find("#f4b6b6") != std::string::npos);                                               // a cell decided by the line
  CHECK(m.svg.find("#ffe3a3") != std::string::npos);                                               // a cell decided by an exception
  CHECK(m.svg.find("stroke=\"#b3261e\" stroke-width=\"3\" stroke-linecap") != std::string::npos);  // the line's border
  CHECK(m.caption.find("Held at: tier: standard") != std::string::npos);  // held where the most exceptions apply (ties: the first value)
  // The legend fits: the picture is wide enough for its last words (about 6 px a character at 10 px).
  int width = std::stoi(m.svg.substr(m.svg.find("width=\"") + 7));
  std::size_t last = m.svg.find(">where a line takes over<");
  REQUIRE(last != std::string::npos);
  std::size_t x_at = m.svg.rfind("x=\"", last);
  int x = std::stoi(m.svg.substr(x_at + 3));
  CHECK(width >= x + static_cast<int>(std::string("where a line takes over").size()) * 6);
  // Without `map`, a numeric dimension goes across and the line's dimension down.
  Compilation plain = test::compile_files({{"p.toml", kPolicy}});
  CHECK(choose_axes(plain.repo.policies[0], *plain.spaces[0]) == std::vector<std::size_t>{0, 2});
}

TEST_CASE("stories show beside what they teach, in the handbooks of those who grant and those who ask", "[documents]") {
  Compilation c = test::compile_files({{"p.toml", kPolicy},
                                       {"stories/a.md", "+++\ntitle = \"The gold customer\"\nteaches = [\"p.gold\"]\n+++\nIt went well.\n"},
                                       {"stories/b.md", "+++\ntitle = \"A plain return\"\nteaches = [\"p.in\"]\n+++\nEasy.\n"}});
  REQUIRE_FALSE(c.diags.has_errors());
  DocContext ctx(c);
  std::string associate = make_handbook(ctx, c.repo.manifest.role_index("associate")).markdown;
  std::string supervisor = make_handbook(ctx, c.repo.manifest.role_index("supervisor")).markdown;
  // `gold` is the supervisor's to grant and the associate's to ask for: both read its story.
  CHECK(supervisor.find("A story: The gold customer") != std::string::npos);
  CHECK(associate.find("A story: The gold customer") != std::string::npos);
  // A story may teach a rule: it stands under the rule, in every handbook.
  std::size_t rule = associate.find("**in.**");
  REQUIRE(rule != std::string::npos);
  CHECK(associate.find("A story: A plain return", rule) < associate.find("## Exceptions you may grant", rule));
}
