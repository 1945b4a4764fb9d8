// The resolver on its own: after loading, names across files become indices,
// and every name that points nowhere is reported where it is written.
#include <catch2/catch.hpp>

#include "compiler/frontend/loader.hpp"
#include "compiler/frontend/resolver.hpp"
#include "support/policy_text.hpp"
#include "support/test_repo.hpp"

using namespace leeway;
using namespace leeway::test;

namespace {
// Loads the files (with the test manifest) without resolving them.
LoadResult load(std::map<std::string, std::string> files) {
  if (!files.count("leeway.toml")) files["leeway.toml"] = kManifest;
  MemorySource src(std::move(files));
  Expected<LoadResult> loaded = load_repository(src, 1);
  REQUIRE(loaded);
  REQUIRE(loaded->diags.all().empty());
  return std::move(*loaded);
}

std::vector<std::string> kinds_of(const Diagnostics& d) {
  std::vector<std::string> out;
  for (const auto& x : d.all()) out.emplace_back(kind_name(x.kind));
  return out;
}
}  // namespace

TEST_CASE("the resolver links bends, granted_by, reports_to and teaches", "[resolver]") {
  LoadResult r = load({{"p.toml", grace_policy()}, {"stories/s.md", "+++\ntitle = \"t\"\nteaches = [\"p.grace\"]\n+++\nbody\n"}});
  Item& grace = r.repo.policies[0].items[2];
  CHECK(grace.bends_item == -1);  // loading leaves names as written
  Diagnostics diags;
  resolve(r.repo, diags);
  CHECK(diags.all().empty());
  CHECK(grace.bends_policy == 0);
  CHECK(grace.bends_item == 1);
  CHECK(grace.role == r.repo.manifest.role_index("supervisor"));
  const Role& associate = r.repo.manifest.roles[static_cast<std::size_t>(r.repo.manifest.role_index("associate"))];
  CHECK(associate.reports_to_index == r.repo.manifest.role_index("supervisor"));
  REQUIRE(r.repo.stories.size() == 1);
  CHECK(r.repo.stories[0].teaches[0].policy == 0);
  CHECK(r.repo.stories[0].teaches[0].item == 2);
}

TEST_CASE("names that point nowhere are reported at the name, with the closest one", "[resolver]") {
  std::string text = policy("p", {"days"}, {"yes", "no"})
                         .rule("base", "", "no")
                         .line("stop", R"(days = "90..")", "no")
                         .exception("typo", "bsae", R"(days = "0..10")", "yes", "supervsor", "5")
                         .exception("at-line", "stop", R"(days = "95..")", "yes", "associate", "5");
  LoadResult r = load({{"p.toml", text}, {"stories/s.md", "+++\ntitle = \"t\"\nteaches = [\"p.typo\", \"p.nope\"]\n+++\n"}});
  Diagnostics diags;
  resolve(r.repo, diags);
  diags.sort();
  CHECK(kinds_of(diags) == std::vector<std::string>{"unknown-rule", "unknown-role", "unknown-rule", "unknown-exception"});
  const auto& all = diags.all();
  CHECK(all[0].message == "exception `typo` bends `bsae`, which is not a rule");
  CHECK(all[0].hint == "did you mean `base`?");
  CHECK(all[0].items == std::vector<std::string>{"p.typo"});
  CHECK(all[1].hint == "did you mean `supervisor`?");
  CHECK(all[2].message == "exception `at-line` bends `stop`, which is a line, not a rule");
  CHECK(all[3].pos.file == "stories/s.md");
  // The first name resolved; the second did not.
  CHECK(r.repo.stories[0].teaches[0].item == 2);
  CHECK(r.repo.stories[0].teaches[1].item == -1);
}

TEST_CASE("two policies with one id: the second is reported and not analysed", "[resolver]") {
  LoadResult r = load({{"a.toml", grace_policy()}, {"b.toml", grace_policy()}});
  Diagnostics diags;
  resolve(r.repo, diags);
  REQUIRE(diags.all().size() == 1);
  const Diagnostic& d = diags.all()[0];
  CHECK(d.kind == DiagnosticKind::duplicate_id);
  CHECK(d.pos.file == "b.toml");
  REQUIRE(d.notes.size() == 1);
  CHECK(d.notes[0].pos.file == "a.toml");
  CHECK(r.repo.policies[0].valid);
  CHECK_FALSE(r.repo.policies[1].valid);
}

TEST_CASE("a story naming an item without its policy is told the qualified id", "[resolver]") {
  LoadResult r = load({{"p.toml", grace_policy()}, {"stories/s.md", "+++\ntitle = \"t\"\nteaches = [\"grace\"]\n+++\n"}});
  Diagnostics diags;
  resolve(r.repo, diags);
  REQUIRE(diags.all().size() == 1);
  CHECK(diags.all()[0].kind == DiagnosticKind::unknown_exception);
  CHECK(diags.all()[0].hint == "a story names an item with its policy: write `p.grace`");
}
