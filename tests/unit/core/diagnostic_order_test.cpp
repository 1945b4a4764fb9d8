// The report's order: by file, line, column and kind, then message and items,
// equal diagnostics in the order found; the same order from sort() and from
// sorted_order() on any number of threads.
#include <catch2/catch.hpp>

#include <random>

#include <fmt/format.h>

#include "compiler/core/diagnostic.hpp"

using namespace leeway;

namespace {

Diagnostics random_diagnostics(std::mt19937& rng, std::size_t n) {
  const DiagnosticKind kinds[] = {DiagnosticKind::gap, DiagnosticKind::rule_conflict, DiagnosticKind::overrides_rule, DiagnosticKind::unknown_role};
  Diagnostics diags;
  for (std::size_t i = 0; i < n; ++i) {
    // Few files, lines and messages, so that many share a place and a kind.
    Pos pos{fmt::format("group{}/p{}.toml", rng() % 3, rng() % 4), static_cast<int>(rng() % 5), static_cast<int>(rng() % 2 + 1)};
    Diagnostic& d = diags.add(kinds[rng() % 4], pos, fmt::format("message {}", rng() % 6));
    d.items = {fmt::format("p.i{}", rng() % 3)};
    d.example = fmt::format("found {}", i);  // tells equal diagnostics apart, for the check below
  }
  return diags;
}

}  // namespace

TEST_CASE("diagnostics in report order, the same from sort() and sorted_order() on any threads", "[diagnostics]") {
  std::mt19937 rng(13);
  for (std::size_t n : {0u, 1u, 7u, 500u, 20000u}) {
    Diagnostics diags = random_diagnostics(rng, n);
    std::vector<std::uint32_t> one = diags.sorted_order(1);
    CHECK(diags.sorted_order(2) == one);
    CHECK(diags.sorted_order(5) == one);
    REQUIRE(one.size() == n);
    const auto& all = diags.all();
    for (std::size_t k = 1; k < one.size(); ++k) {
      const Diagnostic &a = all[one[k - 1]], &b = all[one[k]];
      INFO("n " << n << " at " << k);
      std::string fa = a.pos.file, fb = b.pos.file;
      auto place_a = std::tie(fa, a.pos.line, a.pos.column), place_b = std::tie(fb, b.pos.line, b.pos.column);
      REQUIRE(place_a <= place_b);
      if (place_a == place_b && a.kind == b.kind && a.message == b.message && a.items == b.items) CHECK(one[k - 1] < one[k]);
    }
    // sort() puts them in that order.
    std::vector<std::string> want;
    for (std::uint32_t i : one) want.push_back(all[i].example);
    diags.sort();
    std::vector<std::string> got;
    for (const Diagnostic& d : diags.all()) got.push_back(d.example);
    CHECK(got == want);
  }
}
