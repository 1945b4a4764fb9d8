#include <catch2/catch.hpp>

#include "compiler/core/source_file.hpp"

using namespace leeway;

TEST_CASE("lines are found without their line endings", "[source_file]") {
  SourceFile f("a.toml", "one\r\ntwo\nthree");
  CHECK(f.line_count() == 3);
  CHECK(f.line(1) == "one");
  CHECK(f.line(2) == "two");
  CHECK(f.line(3) == "three");
  CHECK(f.line(4).empty());
  CHECK(f.offset(2, 2) == 6);
}

TEST_CASE("encoding problems are located by line and column", "[source_file]") {
  EncodingProblem p;
  CHECK_FALSE(find_encoding_problem("caf\xC3\xA9 ok\n", p));
  REQUIRE(find_encoding_problem("ok\nab\xFF", p));
  CHECK(p.line == 2);
  CHECK(p.column == 3);
  REQUIRE(find_encoding_problem(std::string_view("a\0b", 3), p));
  CHECK(p.what == "NUL byte");
  REQUIRE(find_encoding_problem("\xC0\xAF", p));      // overlong encoding of '/'
  REQUIRE(find_encoding_problem("\xED\xA0\x80", p));  // a UTF-16 surrogate
  REQUIRE(find_encoding_problem("\xE2\x82", p));      // truncated
}

TEST_CASE("columns count characters, as toml++ does, not bytes", "[source]") {
  // "é" is two bytes; toml++ puts the 3 of `days = 3` at column 27.
  SourceFile f("p.toml", "[[rule]]\nwhen = { \"\xC3\xA9\xC3\xA9\" = 1, days = 3 }\n");
  CHECK(f.text()[f.offset(2, 27)] == '3');
  CHECK(f.offset(2, 10) == 9 + 9);                 // the opening quote
  CHECK(f.offset(2, 500) == f.text().size() - 1);  // clamped to the end of its line
}
