// `check` as text shows the first N diagnostics; analysis then keeps only
// those that can be among them and counts the rest (FindingSink). What a user
// reads must not change: the same text, the same totals, the same exit code,
// the same unused or refused waivers, whatever N.
#include <catch2/catch.hpp>

#include <random>

#include "compiler/emit/diagnostic_text.hpp"
#include "support/random_policy.hpp"
#include "support/test_repo.hpp"

using namespace leeway;

namespace {

struct Seen {
  int omitted = 0, omitted_waived = 0, refused = 0;
};

std::string shown_text(std::map<std::string, std::string> files, std::size_t keep, Seen& seen) {
  MemorySource src(files);
  CompileOptions options{true, 2};
  options.keep_first = keep;
  Compilation c = test::compile_source(src, options);
  seen.omitted += c.diags.omitted().total() > 0;
  seen.omitted_waived += c.diags.omitted().waived > 0;
  seen.refused += !c.diags.omitted().waivers_refused.empty();
  c.diags.complete(1);
  TextOptions opt{false, keep, &c.diags.omitted()};
  return render_text(c.diags.all(), c.repo.files, opt) + fmt::format("errors {} warnings {} waived {}\n", c.diags.count(Severity::error),
                                                                        c.diags.count(Severity::warning), c.diags.waived());
}

}  // namespace

TEST_CASE("keeping only the first N diagnostics shows and counts what keeping all does", "[analysis][sink]") {
  std::mt19937 rng(11);
  Seen seen;
  const char* codes[] = {"overrides-rule", "rule-conflict", "crosses-line", "gap", "LW509", "exception-conflict"};
  for (int round = 0; round < 150; ++round) {
    std::map<std::string, std::string> files{{"leeway.toml", test::kSmallManifest}};
    int policies = std::uniform_int_distribution<int>(1, 4)(rng);
    for (int p = 0; p < policies; ++p) {
      test::Generated g = test::generate(rng);
      std::string text = g.text;
      text.replace(text.find("id = \"p\""), 8, fmt::format("id = \"p{}\"", p));
      // Waivers of warnings and of errors, on items that exist or not.
      for (int w = std::uniform_int_distribution<int>(0, 3)(rng); w > 0; --w) {
        const test::GenItem& it = g.items[rng() % g.items.size()];
        text += fmt::format("\n[[waive]]\ncode = \"{}\"\nitem = \"{}\"\nreason = \"reviewed\"\n", codes[rng() % 6], rng() % 5 ? it.id : "nothing");
      }
      files[fmt::format("p{}.toml", p)] = text;
    }
    for (std::size_t keep : {1, 2, 5}) {
      INFO("round " << round << ", first " << keep);
      // With everything kept, render_text cuts the list at `keep` itself.
      MemorySource src(files);
      Compilation c = test::compile_source(src, CompileOptions{true, 1});
      TextOptions opt{false, keep, nullptr};
      std::string expected = render_text(c.diags.all(), c.repo.files, opt) +
                             fmt::format("errors {} warnings {} waived {}\n", c.diags.count(Severity::error), c.diags.count(Severity::warning),
                                         c.diags.waived());
      CHECK(shown_text(files, keep, seen) == expected);
    }
  }
  // The rounds did leave diagnostics out, waived ones and refused waivers among them.
  CHECK(seen.omitted > 100);
  CHECK(seen.omitted_waived > 5);
  CHECK(seen.refused > 5);
}
