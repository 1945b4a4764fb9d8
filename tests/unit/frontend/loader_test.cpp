#include <catch2/catch.hpp>

#include "support/test_repo.hpp"

using namespace leeway;
using namespace leeway::test;

namespace {
const char* kPolicy = R"([policy]
id = "returns"
title = "Returns"
over = ["days", "tier"]
outcomes = ["refund", "decline"]

[[rule]]
id = "in-window"
when = { days = "0..30" }
then = "refund"

[[rule]]
id = "after"
when = { days = "31.." }
then = "decline"

[[exception]]
id = "grace"
bends = "after"
when = { days = "31..60", tier = "gold" }
then = "refund"
granted_by = "supervisor"
max_cost = 19.99
[exception.why]
cared_for = "a"
cost_effective = "b"
loyalty = "c"
)";
}  // namespace

TEST_CASE("a sound repository loads into the model, in file order", "[loader]") {
  Compilation c = compile_files({{"returns.toml", kPolicy}});
  CHECK(c.diags.all().empty());
  REQUIRE(c.repo.policies.size() == 1);
  const Policy& p = c.repo.policies[0];
  CHECK(p.id == "returns");
  REQUIRE(p.items.size() == 3);
  CHECK(p.items[0].id == "in-window");
  CHECK(p.items[2].kind == ItemKind::exception);
  CHECK(p.items[2].max_cost == 1999);  // money held exactly, in cents
  CHECK(p.items[2].why.loyalty == "c");
  CHECK(p.items[2].bends_item == 1);
  CHECK(p.items[2].role == c.repo.manifest.role_index("supervisor"));
  CHECK(p.items[0].pos.line == 7);
  // The manifest keeps the order dimensions are written in.
  REQUIRE(c.repo.manifest.dimensions.size() == 4);
  CHECK(c.repo.manifest.dimensions[0].name == "days");
  CHECK(c.repo.manifest.dimensions[1].max == 50000);
}

TEST_CASE("no manifest is a fatal error, not a diagnostic", "[loader]") {
  MemorySource src(std::map<std::string, std::string>{{"returns.toml", kPolicy}});
  Expected<Compilation> c = compile(src, {});
  REQUIRE_FALSE(c);
  CHECK(c.error().find("no leeway.toml") != std::string::npos);
}

TEST_CASE("one run reports every problem, each at its place", "[loader]") {
  std::string bad = kPolicy;
  bad.replace(bad.find("then = \"decline\""), 16, "then = \"declin\"");
  bad.replace(bad.find("granted_by = \"supervisor\""), 25, "granted_by = \"supervsor\"");
  bad += "\n[[line]]\nid = \"in-window\"\nthen = \"decline\"\nwhen = { colour = 1 }\nsays = 3\n";
  Compilation c = compile_files({{"returns.toml", bad}, {"stories/s.md", "+++\ntitle = \"t\"\nteaches = [\"returns.grase\"]\n+++\nbody\n"}});
  auto k = kinds(c);
  for (const char* want : {"unknown-outcome", "unknown-role", "duplicate-id", "unknown-dimension", "wrong-type", "unknown-exception"}) {
    INFO(want);
    CHECK(std::count(k.begin(), k.end(), want) == 1);
  }
  const Diagnostic* outcome = find(c, "unknown-outcome");
  REQUIRE(outcome);
  CHECK(outcome->pos.file == "returns.toml");
  CHECK(outcome->pos.line == 15);
  CHECK(outcome->pos.column == 8);
  CHECK(outcome->hint == "did you mean `decline`?");
  const Diagnostic* dup = find(c, "duplicate-id");
  REQUIRE(dup);
  REQUIRE(dup->notes.size() == 1);
  CHECK(dup->notes[0].pos.line == 8);  // the first definition, at its id
  const Diagnostic* story = find(c, "unknown-exception");
  REQUIRE(story);
  CHECK(story->pos.file == "stories/s.md");
  CHECK(story->pos.line == 3);
  CHECK(story->hint == "did you mean `returns.grace`?");
}

TEST_CASE("TOML syntax errors carry the position toml++ gives and the rest still loads", "[loader]") {
  Compilation c = compile_files({{"a.toml", "[policy]\nid = \"a\nover = []\n"}, {"returns.toml", kPolicy}});
  const Diagnostic* d = find(c, "toml-syntax");
  REQUIRE(d);
  CHECK(d->pos.file == "a.toml");
  CHECK(d->pos.line == 2);
  CHECK(c.repo.policies.size() == 1);
}

TEST_CASE("files that are not UTF-8 are reported, not parsed", "[loader]") {
  Compilation c = compile_files({{"a.toml", "[policy]\nid = \"caf\xE9\"\n"}});
  const Diagnostic* d = find(c, "invalid-encoding");
  REQUIRE(d);
  CHECK(d->pos.line == 2);
  CHECK(d->pos.column == 10);
}

TEST_CASE("manifest mistakes: bounds, enum values, types, keys", "[loader]") {
  std::string m = R"([repository]
name = "x"
[dimensions.a]
type = "integer"
min = 0
[dimensions.b]
type = "enum"
values = ["x", "y", "x"]
[dimensions.c]
type = "float"
[dimensions.d]
type = "integer"
min = 10
max = 1
[roles.r]
max_cost = 10
titel = "R"
)";
  Compilation c = compile_files({{"leeway.toml", m}});
  auto k = kinds(c);
  for (const char* want : {"unbounded-dimension", "duplicate-value", "bad-dimension-type", "bad-bounds", "unknown-key"}) {
    INFO(want);
    CHECK(std::count(k.begin(), k.end(), want) == 1);
  }
  const Diagnostic* key = find(c, "unknown-key");
  REQUIRE(key);
  CHECK(key->pos.line == 17);
  CHECK(key->hint == "did you mean `title`?");
}

TEST_CASE("stories need front matter", "[loader]") {
  Compilation c = compile_files({{"stories/a.md", "no front matter\n"}, {"stories/b.md", "+++\ntitle = \"x\"\n"}});
  auto k = kinds(c);
  CHECK(std::count(k.begin(), k.end(), "bad-front-matter") == 2);
}

TEST_CASE("titles of dimensions, values and outcomes are read, and names that are not there reported", "[loader]") {
  std::string m = std::string(test::kManifest);
  m.replace(m.find("values = [\"standard\", \"gold\", \"platinum\"]\n"), 43,
            "values = [\"standard\", \"gold\", \"platinum\"]\ntitle = \"loyalty tier\"\ntitles = { gold = \"Gold member\", golden = \"x\" }\n");
  std::string p =
      "[policy]\nid = \"p\"\nover = [\"tier\"]\noutcomes = [\"yes\", \"no\"]\noutcome_titles = { yes = \"a refund\", nope = 1 }\n"
      "[[rule]]\nid = \"r\"\nthen = \"yes\"\n";
  Compilation c = compile_files({{"leeway.toml", m}, {"p.toml", p}});
  const Dimension& tier = c.repo.manifest.dimensions[static_cast<std::size_t>(c.repo.manifest.dimension_index("tier"))];
  CHECK(tier.title == "loyalty tier");
  CHECK(tier.value_titles == std::vector<std::string>{"", "Gold member", ""});
  CHECK(c.repo.policies[0].outcome_titles == std::vector<std::string>{"a refund", ""});
  CHECK(value_words(tier, 1, "USD") == "Gold member");
  CHECK(outcome_words(c.repo.policies[0], "no") == "no");
  auto k = kinds(c);
  CHECK(std::count(k.begin(), k.end(), "unknown-value") == 1);    // golden
  CHECK(std::count(k.begin(), k.end(), "unknown-outcome") == 1);  // nope
  const Diagnostic* golden = find(c, "unknown-value");
  REQUIRE(golden);
  CHECK(golden->hint == "did you mean `gold`?");
}
