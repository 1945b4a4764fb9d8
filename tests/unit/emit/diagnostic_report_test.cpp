// `check` as text shows the first N diagnostics; the report then makes only
// those that can be among them (findings, Diagnostics::findings) and counts
// the rest. What a user reads must not change: the same text, the same
// totals, the same exit code, the same unused or refused waivers, whatever N.
#include <catch2/catch.hpp>

#include <random>

#include "compiler/emit/diagnostic_report.hpp"
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
  options.defer = true;
  Compilation c = test::compile_source(src, options);
  // Left out of the list: findings past the first `keep`, waived ones among
  // them, and waivers refused because of a finding.
  const auto& found = c.diags.findings();
  seen.omitted += found.size() > keep;
  seen.omitted_waived += std::count_if(found.begin(), found.end(), [](const Finding& f) { return f.waived; }) > 0;
  bool refused = std::any_of(c.diags.all().begin(), c.diags.all().end(), [](const Diagnostic& d) { return d.kind == DiagnosticKind::bad_waiver; });
  seen.refused += refused && std::any_of(found.begin(), found.end(), [](const Finding& f) { return kind_severity(f.kind) == Severity::error; });
  std::size_t errors = c.diags.count(Severity::error), warnings = c.diags.count(Severity::warning), waived = c.diags.waived();
  TextOptions opt{false, keep};
  return report_text(c.diags, c.repo.files, opt, 2) + fmt::format("errors {} warnings {} waived {}\n", errors, warnings, waived);
}

}  // namespace

TEST_CASE("the report of the first N diagnostics shows and counts what showing all does", "[emit][report]") {
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
      // With everything made, render_text cuts the list at `keep` itself.
      MemorySource src(files);
      Compilation c = test::compile_source(src, CompileOptions{true, 1});
      TextOptions opt{false, keep};
      std::string expected =
          render_text(c.diags.all(), c.repo.files, opt) +
          fmt::format("errors {} warnings {} waived {}\n", c.diags.count(Severity::error), c.diags.count(Severity::warning), c.diags.waived());
      CHECK(shown_text(files, keep, seen) == expected);
      // JSON: the first `keep` written, and all of them.
      for (std::size_t limit : {keep, std::size_t{0}}) {
        MemorySource again(files);
        CompileOptions later{true, 2};
        later.defer = true;
        Compilation d = test::compile_source(again, later);
        std::string json;
        report_json(d.diags, limit, 2, [&](std::string_view piece) { json += piece; });
        CHECK(json == render_json(c.diags.all(), limit));
      }
    }
  }
  // The rounds did leave diagnostics out, waived ones and refused waivers among them.
  CHECK(seen.omitted > 100);
  CHECK(seen.omitted_waived > 5);
  CHECK(seen.refused > 5);
}
