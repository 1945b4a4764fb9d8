// A large policy file is parsed in pieces on several cores; the result must
// be the document a whole parse gives, positions included, and anything a
// cut could change must be left to the whole parse.
#include <catch2/catch.hpp>

#include <random>
#include <sstream>

#include <fmt/format.h>

#include "compiler/frontend/toml_pieces.hpp"

using namespace leeway;

namespace {

// The document as JSON, with the line and column of every table in it.
std::string describe(const toml::table& t) {
  std::ostringstream out;
  out << toml::json_formatter{t} << "\n";
  t.for_each([&](const toml::key& k, const toml::node& n) {
    out << k.str() << " @" << n.source().begin.line << ":" << n.source().begin.column << "\n";
    if (const toml::array* a = n.as_array())
      for (const toml::node& el : *a) {
        out << "  @" << el.source().begin.line << ":" << el.source().begin.column << "\n";
        if (const toml::table* item = el.as_table())
          item->for_each([&](const toml::key& ik, const toml::node& in) {
            out << "    " << ik.str() << " @" << in.source().begin.line << ":" << in.source().begin.column << "\n";
          });
      }
  });
  return out.str();
}

std::string policy_text(std::mt19937& rng, int items) {
  std::string s = "# a policy\n[policy]\nid = \"p\"\nover = [\"days\"]\noutcomes = [\"yes\", \"no\"]\n";
  const char* kinds[] = {"rule", "exception", "line"};
  for (int i = 0; i < items; ++i) {
    const char* kind = kinds[rng() % 3];
    s += fmt::format("\n[[{}]]\nid = \"i{}\"\nwhen = {{ days = \"{}..{}\" }}\nthen = \"yes\"\n", kind, i, i, i + 3);
    if (std::string(kind) == "exception") s += "bends = \"i0\"\n[exception.why]\ncared_for = \"c\"\n";
    if (rng() % 7 == 0) s += "  # an indented comment [[rule]]\n";
  }
  return s;
}

}  // namespace

TEST_CASE("a policy parsed in pieces is the document parsed whole, positions included", "[toml]") {
  std::mt19937 rng(5);
  for (unsigned threads : {2u, 3u, 4u, 7u}) {
    std::string text = policy_text(rng, 300 + static_cast<int>(rng() % 200));
    text += "\n[[waive]]\ncode = \"LW509\"\nitem = \"i1\"\nreason = \"r\"\n";
    SourceFile file("p.toml", text);
    toml::table pieces;
    REQUIRE(parse_toml_in_pieces(file, threads, pieces, 0));
    toml::table whole = toml::parse(std::string_view(text), std::string_view("p.toml"));
    CHECK(describe(pieces) == describe(whole));
  }
}

TEST_CASE("what a cut could change is left to the whole parse", "[toml]") {
  std::mt19937 rng(6);
  std::string base = policy_text(rng, 60);
  toml::table out;
  SECTION("small files, or one thread") {
    CHECK_FALSE(parse_toml_in_pieces(SourceFile("p.toml", base), 2, out));  // under 256 KiB
    CHECK_FALSE(parse_toml_in_pieces(SourceFile("p.toml", base), 1, out, 0));
  }
  SECTION("a multi-line string that could hold a header") {
    CHECK_FALSE(parse_toml_in_pieces(SourceFile("p.toml", base + "\n[[rule]]\nid = \"x\"\nsays = \"\"\"\n[[rule]]\n\"\"\"\n"), 2, out, 0));
  }
  SECTION("an item list written as a value") {
    CHECK_FALSE(parse_toml_in_pieces(SourceFile("p.toml", "rule = [{ id = \"a\" }]\n" + base), 2, out, 0));
  }
  SECTION("a table defined twice, in different pieces") {
    CHECK_FALSE(parse_toml_in_pieces(SourceFile("p.toml", base + "\n[policy]\nid = \"q\"\n"), 2, out, 0));
  }
  SECTION("a syntax error in a later piece") {
    CHECK_FALSE(parse_toml_in_pieces(SourceFile("p.toml", base + "\n[[rule]]\nid = = \"x\"\n"), 2, out, 0));
  }
  SECTION("a header that is not at the start of a line is no cut") {
    std::string text = base;
    for (std::size_t at = 0; (at = text.find("\n[[", at)) != std::string::npos; at += 4) text.insert(at + 1, " ");
    CHECK_FALSE(parse_toml_in_pieces(SourceFile("p.toml", text), 2, out, 0));
  }
}
