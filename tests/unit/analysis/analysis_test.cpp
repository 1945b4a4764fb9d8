#include <catch2/catch.hpp>

#include "compiler/emit/diagnostic_report.hpp"
#include "support/json_trees.hpp"
#include "support/policy_text.hpp"
#include "support/test_repo.hpp"

using namespace leeway;
using namespace leeway::test;

namespace {
std::string policy(const std::string& items) {
  return "[policy]\nid = \"p\"\nover = [\"days\", \"tier\", \"fraud\"]\noutcomes = [\"refund\", \"credit\", \"decline\"]\n" + items;
}
const char* kCover = "[[rule]]\nid = \"all\"\nthen = \"decline\"\n";

// Compiles the files on one thread and on four; both must report the same.
Compilation same_on_one_and_many(const std::map<std::string, std::string>& files) {
  MemorySource one(files), many(files);
  Compilation a = test::compile_source(one, CompileOptions{true, 1});
  Compilation b = test::compile_source(many, CompileOptions{true, 4});
  CHECK(render_json(a.diags.all(), 0) == render_json(b.diags.all(), 0));
  return a;
}
}  // namespace

TEST_CASE("overlapping rules with different outcomes conflict over their intersection", "[analysis]") {
  Compilation c = compile_files({{"p.toml", policy("[[rule]]\nid = \"a\"\nwhen = { days = \"0..30\" }\nthen = \"refund\"\n"
                                                   "[[rule]]\nid = \"b\"\nwhen = { days = \"20..100\", tier = \"gold\" }\nthen = \"credit\"\n"
                                                   "[[rule]]\nid = \"c\"\nwhen = { days = \"31..100\" }\nthen = \"credit\"\n")}});
  REQUIRE(kinds(c) == std::vector<std::string>{"rule-conflict"});
  const Diagnostic& d = c.diags.all()[0];
  CHECK(d.items == std::vector<std::string>{"p.a", "p.b"});
  CHECK(d.pos.line == 9);  // at the second rule
  REQUIRE(d.region);
  auto j = region_to_json(*d.region);
  CHECK(j.dump() == R"({"days":[20,30],"tier":["gold"],"fraud":[false,true]})");
  CHECK(d.message == "rules a and b disagree (refund / credit)");
}

TEST_CASE("agreeing overlaps are not conflicts", "[analysis]") {
  Compilation c = compile_files(
      {{"p.toml", policy("[[rule]]\nid = \"a\"\nthen = \"refund\"\n[[rule]]\nid = \"b\"\nwhen = { tier = \"gold\" }\nthen = \"refund\"\n")}});
  CHECK(c.diags.all().empty());
}

TEST_CASE("gaps are the exact silent set, merged into few boxes", "[analysis]") {
  Compilation c = compile_files({{"p.toml", policy("[[rule]]\nid = \"a\"\nwhen = { days = \"0..30\" }\nthen = \"refund\"\n"
                                                   "[[line]]\nid = \"f\"\nwhen = { fraud = true }\nthen = \"decline\"\n")}});
  REQUIRE(kinds(c) == std::vector<std::string>{"gap"});
  auto j = region_to_json(*c.diags.all()[0].region);
  CHECK(j.dump() == R"({"days":[31,100],"tier":["standard","gold","platinum"],"fraud":[false]})");
  CHECK(c.diags.all()[0].example == "days=65 tier=standard fraud=false");
}

TEST_CASE("exceptions: crossing a line, dead, beyond, no bend, unbounded, authority", "[analysis]") {
  std::string items =
      std::string(kCover) +
      "[[rule]]\nid = \"young\"\nwhen = { days = \"0..10\" }\nthen = \"refund\"\n"
      "[[line]]\nid = \"fraud\"\nwhen = { fraud = true }\nthen = \"decline\"\n"
      "[[exception]]\nid = \"cross\"\nbends = \"young\"\nwhen = { days = \"0..10\", tier = \"gold\" }\nthen = \"credit\"\ngranted_by = "
      "\"associate\"\nmax_cost = 5\n"
      "[[exception]]\nid = \"dead\"\nbends = \"young\"\nwhen = { days = \"50..60\", fraud = false }\nthen = \"credit\"\ngranted_by = "
      "\"associate\"\nmax_cost = 5\n"
      "[[exception]]\nid = \"wide\"\nbends = \"young\"\nwhen = { days = \"5..20\", fraud = false, tier = \"gold\" }\nthen = \"credit\"\ngranted_by = "
      "\"associate\"\nmax_cost = 5\n"
      "[[exception]]\nid = \"same\"\nbends = \"young\"\nwhen = { days = \"0..3\", fraud = false, tier = \"standard\" }\nthen = "
      "\"refund\"\ngranted_by = \"supervisor\"\nmax_cost = 500\n"
      "[[exception]]\nid = \"open\"\nbends = \"all\"\nwhen = { days = \"90..\", fraud = false }\nthen = \"credit\"\ngranted_by = \"supervisor\"\n";
  Compilation c = compile_files({{"p.toml", policy(items)}});
  auto has = [&](const std::string& kind, const std::string& item) {
    for (const auto& d : c.diags.all())
      if (kind_name(d.kind) == kind && !d.items.empty() && d.items[0] == item) return true;
    return false;
  };
  CHECK(has("crosses-line", "p.cross"));
  CHECK(has("dead-exception", "p.dead"));
  CHECK(has("beyond-rule", "p.wide"));
  CHECK(has("no-bend", "p.same"));
  CHECK(has("authority-exceeded", "p.same"));
  CHECK(has("unbounded-exception", "p.open"));
  CHECK(has("rule-conflict", "p.all"));
  // cross and wide overlap (days 5..10, gold, no fraud) but agree: no exception-conflict.
  CHECK(find(c, "exception-conflict") == nullptr);
  const Diagnostic* open = find(c, "unbounded-exception");
  REQUIRE(open);
  CHECK(open->message.find("no `max_cost`") != std::string::npos);
  CHECK(open->message.find("open-ended") != std::string::npos);
}

TEST_CASE("a policy with structural errors is not analysed, to avoid false alarms", "[analysis]") {
  Compilation c = compile_files({{"p.toml", policy("[[rule]]\nid = \"a\"\nwhen = { days = \"0..300\" }\nthen = \"refund\"\n")}});
  REQUIRE(kinds(c) == std::vector<std::string>{"out-of-domain"});
}

TEST_CASE("analysis is the same on one thread and on many", "[analysis]") {
  std::map<std::string, std::string> files{{"leeway.toml", kManifest}};
  for (int i = 0; i < 12; ++i)
    files["p" + std::to_string(i) + ".toml"] =
        "[policy]\nid = \"p" + std::to_string(i) +
        "\"\nover = [\"days\", \"tier\"]\noutcomes = [\"a\", \"b\"]\n[[rule]]\nid = \"x\"\nwhen = { days = \"0.." + std::to_string(i * 7) +
        "\" }\nthen = \"a\"\n[[rule]]\nid = \"y\"\nwhen = { tier = \"gold\" }\nthen = \"b\"\n";
  Compilation a = same_on_one_and_many(files);
  CHECK(a.diags.all().size() > 12);
}

TEST_CASE("limits: too many items, too many conflicts, each named with how to raise it", "[analysis][limits]") {
  std::string policy = "[policy]\nid = \"p\"\nover = [\"days\"]\noutcomes = [\"a\", \"b\", \"c\"]\n";
  for (int i = 0; i < 4; ++i) policy += "[[rule]]\nid = \"r" + std::to_string(i) + "\"\nthen = \"" + "abc"[i % 3] + "\"\n";
  MemorySource src({{"leeway.toml", test::kManifest}, {"p.toml", policy}});
  CompileOptions opt{true, 1};
  opt.limits.diagnostics_per_policy = 2;
  Compilation c = test::compile_source(src, opt);
  std::size_t conflicts = 0;
  const Diagnostic* cap = nullptr;
  for (const auto& d : c.diags.all()) {
    conflicts += d.kind == DiagnosticKind::rule_conflict;
    if (d.kind == DiagnosticKind::limit_exceeded) cap = &d;
  }
  CHECK(conflicts == 2);  // r0/r1, r0/r2, r1/r2, r1/r3, r2/r3 disagree: 5 pairs, 2 listed
  REQUIRE(cap);
  CHECK(cap->message == "policy `p` has 5 conflicting pairs; only the first 2 are listed");
  CHECK(cap->hint.find("--limit-diagnostics 5") != std::string::npos);

  MemorySource again({{"leeway.toml", test::kManifest}, {"p.toml", policy}});
  CompileOptions few{true, 1};
  few.limits.items_per_policy = 3;
  Compilation d = test::compile_source(again, few);
  const Diagnostic* items = test::find(d, "limit-exceeded");
  REQUIRE(items);
  CHECK(items->message.find("has 4 items, over the limit of 3") != std::string::npos);
  CHECK(items->pos.line == 14);                 // the first item past the limit
  CHECK_FALSE(test::find(d, "rule-conflict"));  // not analysed
}

TEST_CASE("a big policy alone parses and analyses the same on one thread and on many", "[analysis]") {
  // Over 1,024 items, so its items are parsed in chunks and its gap search
  // is shared out: the result must not depend on it.
  std::string policy = "[policy]\nid = \"big\"\nover = [\"days\", \"tier\", \"fraud\"]\noutcomes = [\"a\", \"b\"]\n";
  for (int i = 0; i < 3000; ++i) {
    int lo = (i * 37) % 100, hi = std::min(100, lo + i % 7);
    policy += "[[rule]]\nid = \"r" + std::to_string(i) + "\"\nwhen = { days = \"" + std::to_string(lo) + ".." + std::to_string(hi) + "\", tier = \"" +
              (i % 3 == 0   ? "gold"
               : i % 3 == 1 ? "standard"
                            : "platinum") +
              "\", fraud = " + (i % 2 ? "true" : "false") + " }\nthen = \"" + (i % 5 ? "a" : "b") + "\"\n";
  }
  policy += "[[rule]]\nid = \"dup\"\nthen = \"a\"\n[[rule]]\nid = \"dup\"\nthen = \"a\"\n";  // a duplicate id, found across chunks
  std::map<std::string, std::string> files{{"leeway.toml", kManifest}, {"big.toml", policy}};
  Compilation a = same_on_one_and_many(files);
  CHECK(test::find(a, "duplicate-id"));
  CHECK(test::find(a, "rule-conflict"));
}

TEST_CASE("beyond-rule lists exactly the part outside the rule it bends, and overrides-rule the other rule it overrides", "[analysis]") {
  std::string text = test::policy("p", {"days", "tier"}, {"refund", "credit", "decline"})
                         .rule("young", R"(days = "0..30", tier = ["gold", "platinum"])", "refund")
                         .rule("rest", R"(days = "0..30", tier = "standard")", "decline")
                         .rule("old", R"(days = "31..")", "decline")
                         .exception("wide", "young", R"(days = "20..40")", "credit", "supervisor", "50");
  Compilation c = test::compile_files({{"p.toml", text}});
  const Diagnostic* beyond = test::find(c, "beyond-rule");
  REQUIRE(beyond);
  // Outside `young`: days 31..40 for every tier, and days 20..30 for standard customers.
  REQUIRE(beyond->regions.size() == 2);
  CHECK(region_to_json(beyond->regions[0]).dump() == R"({"days":[31,40],"tier":["standard","gold","platinum"]})");
  CHECK(region_to_json(beyond->regions[1]).dump() == R"({"days":[20,30],"tier":["standard"]})");
  CHECK(region_to_json(*beyond->region) == region_to_json(beyond->regions[0]));
  std::vector<std::string> overridden;
  for (const auto& d : c.diags.all())
    if (d.kind == DiagnosticKind::overrides_rule) overridden.push_back(d.items[1] + " " + region_to_json(*d.region).dump());
  CHECK(overridden == std::vector<std::string>{R"(p.old {"days":[31,40],"tier":["standard","gold","platinum"]})",
                                               R"(p.rest {"days":[20,30],"tier":["standard"]})"});
}

TEST_CASE("details left for later (check's way) come out as a complete compilation's", "[analysis]") {
  for (const char* name : {"conflicted", "base"}) {
    DiskSource eager(std::string(FIXTURES_DIR) + "/" + name), lazy(std::string(FIXTURES_DIR) + "/" + name);
    Compilation full = test::compile_source(eager, CompileOptions{true, 1});
    CompileOptions later{true, 2};
    later.defer = true;
    Compilation deferred = test::compile_source(lazy, later);
    INFO(name);
    // Before: the findings not made, some diagnostics without their region
    // yet; as many as the complete ones, counted alike.
    REQUIRE(deferred.diags.all().size() + deferred.diags.findings().size() == full.diags.all().size());
    CHECK(deferred.diags.count(Severity::error) == full.diags.count(Severity::error));
    CHECK(deferred.diags.count(Severity::warning) == full.diags.count(Severity::warning));
    bool some_pending = !deferred.diags.findings().empty();
    for (const Diagnostic& d : deferred.diags.all()) some_pending = some_pending || (bool)d.details;
    if (std::string(name) == "conflicted") CHECK(some_pending);
    report_all(deferred.diags, 2);
    CHECK(render_json(deferred.diags.all(), 0) == render_json(full.diags.all(), 0));
  }
}
