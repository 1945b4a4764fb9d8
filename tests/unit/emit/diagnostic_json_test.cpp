// `check --format json` is written by hand (compiler/emit/diagnostic_json.cpp);
// here it is held to the text nlohmann's dump(2) gives for the same
// diagnostics, on real repositories and on diagnostics with awkward text.
#include <catch2/catch.hpp>

#include <deque>
#include <random>

#include <nlohmann/json.hpp>

#include "compiler/emit/diagnostic_json.hpp"
#include "support/json_trees.hpp"
#include "support/test_repo.hpp"

using namespace leeway;

namespace {

// What write_json printed before it was written by hand: each diagnostic
// dumped by nlohmann with an indent of 2, nested one level deeper.
std::string reference(const std::vector<Diagnostic>& diags) {
  std::size_t e = 0, w = 0, n = 0, waived = 0;
  std::string buf = "{\n  \"diagnostics\": [";
  for (const auto& d : diags) {
    if (!d.waived.empty())
      ++waived;
    else
      (d.severity == Severity::error ? e : d.severity == Severity::warning ? w : n)++;
    std::string one = diagnostic_to_json(d).dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
    buf += &d == &diags.front() ? "\n    " : ",\n    ";
    for (char c : one) {
      buf += c;
      if (c == '\n') buf += "    ";
    }
  }
  buf += diags.empty() ? "],\n" : "\n  ],\n";
  buf += "  \"summary\": {\n    \"errors\": " + std::to_string(e) + ",\n    \"warnings\": " + std::to_string(w) +
         ",\n    \"notes\": " + std::to_string(n) + (waived ? ",\n    \"waived\": " + std::to_string(waived) : "") + "\n  }\n}\n";
  return buf;
}

}  // namespace

TEST_CASE("check's JSON is nlohmann's text for every fixture repository", "[json]") {
  for (const char* name : {"conflicted", "hostile", "base", "docs"}) {
    DiskSource source(std::string(FIXTURES_DIR) + "/" + name);
    Compilation c = test::compile_source(source, CompileOptions{true, 1});
    INFO(name);
    if (std::string(name) == "conflicted") REQUIRE(c.diags.all().size() > 20);
    CHECK(render_json(c.diags.all(), 0) == reference(c.diags.all()));
  }
}

TEST_CASE("check's JSON escapes and numbers as nlohmann does", "[json]") {
  std::mt19937 rng(7);
  const std::vector<std::string> words = {"plain",
                                          "quote \" and \\ slash",
                                          "tab\tnew\nline\r",
                                          std::string("nul\0byte", 8),
                                          "bell\x07 and \x1f",
                                          "del \x7f",
                                          "caf\xc3\xa9 \xe2\x82\xac",
                                          "broken \xff\xfe utf-8",
                                          "\xe2\x82",
                                          "",
                                          "\b\f"};
  auto word = [&] { return words[rng() % words.size()]; };
  std::deque<std::string> held;  // a region's words are views: they live here
  auto keep = [&](std::string s) -> std::string_view { return held.emplace_back(std::move(s)); };
  std::vector<Diagnostic> diags;
  for (int i = 0; i < 300; ++i) {
    Diagnostic d = Diagnostic::of(static_cast<DiagnosticKind>(rng() % diagnostic_catalog().size()), Pos{word(), int(rng() % 3), int(rng() % 3)},
                                  word(), rng() % 2 ? word() : "");
    if (rng() % 2) d.policy = word();
    for (unsigned k = rng() % 3; k > 0; --k) d.items.push_back(word());
    for (unsigned k = rng() % 2; k > 0; --k) d.roles.push_back(word());
    auto region = [&] {
      Region r;
      for (unsigned k = rng() % 4; k > 0; --k) {
        RegionEntry e;
        e.dimension = keep(word() + std::to_string(k));  // names are unique within a region
        e.type = static_cast<RegionEntry::Type>(rng() % 4);
        std::int64_t cents[] = {0, 1, 5, 10, 99, 150, 12345, -250, 100000000001, 999999999999999999, -7};
        e.lo = cents[rng() % 11];
        e.hi = cents[rng() % 11];
        if (e.type == RegionEntry::Type::boolean) e.values = {"false", "true"};
        if (e.type == RegionEntry::Type::enumeration)
          for (unsigned v = rng() % 3; v > 0; --v) e.values.push_back(keep(word()));
        r.push_back(e);
      }
      return r;
    };
    if (rng() % 3) d.region = region();
    for (unsigned k = rng() % 3; k > 0; --k) d.regions.push_back(region());
    if (rng() % 2) d.example = word();
    if (rng() % 4 == 0) d.waived = word();
    for (unsigned k = rng() % 3; k > 0; --k) d.notes.push_back({Pos{word(), int(rng() % 50), 0}, word()});
    diags.push_back(d);
  }
  CHECK(render_json(diags, 0) == reference(diags));
  CHECK(render_json({}, 0) == reference({}));
  // With a limit, the first ones are written and every one is counted.
  std::string some = render_json(diags, 5);
  CHECK(nlohmann::json::parse(some)["diagnostics"].size() == 5);
  CHECK(some.substr(some.find("\"summary\"")) == reference(diags).substr(reference(diags).find("\"summary\"")));
}
