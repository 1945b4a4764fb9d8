#include <catch2/catch.hpp>

#include "compiler/core/values.hpp"
#include "compiler/frontend/condition.hpp"
#include "compiler/frontend/toml_reader.hpp"

using namespace leeway;

TEST_CASE("decimals are read exactly, in cents for money", "[condition]") {
  std::int64_t v = 0;
  CHECK(parse_scaled("19.99", 2, v) == NumberError::none);
  CHECK(v == 1999);
  CHECK(parse_scaled("20", 2, v) == NumberError::none);
  CHECK(v == 2000);
  CHECK(parse_scaled("0.1", 2, v) == NumberError::none);
  CHECK(v == 10);
  CHECK(parse_scaled("19.999", 2, v) == NumberError::too_precise);
  CHECK(parse_scaled("19.990", 2, v) == NumberError::none);  // a trailing zero is still exact
  CHECK(v == 1999);
  CHECK(parse_scaled("1_000", 0, v) == NumberError::none);
  CHECK(v == 1000);
  CHECK(parse_scaled("-45", 0, v) == NumberError::none);
  CHECK(v == -45);
  CHECK(parse_scaled("99999999999999999999", 0, v) == NumberError::overflow);
  CHECK(parse_scaled("92233720368547759", 2, v) == NumberError::overflow);
  CHECK(parse_scaled("4.5", 0, v) == NumberError::too_precise);
  CHECK(parse_scaled("abc", 0, v) == NumberError::syntax);
  CHECK(parse_scaled("", 0, v) == NumberError::syntax);
  CHECK(parse_scaled("1.2.3", 2, v) == NumberError::syntax);
}

TEST_CASE("money prints as a reader writes it", "[condition]") {
  CHECK(format_money(20000) == "200");
  CHECK(format_money(1999) == "19.99");
  CHECK(format_money(1990) == "19.90");
  CHECK(format_money(5) == "0.05");
}

namespace {
Dimension days() {
  Dimension d;
  d.name = "days";
  d.type = DimType::integer;
  d.min = 0;
  d.max = 100;
  d.valid = true;
  return d;
}
Dimension tier() {
  Dimension d;
  d.name = "tier";
  d.type = DimType::enumeration;
  d.values = {"standard", "gold", "platinum"};
  d.valid = true;
  return d;
}
// Parses `when = { x = <value> }` and returns the constraint on x.
std::optional<ParsedConstraint> parse(const std::string& value, const Dimension& dim, Diagnostics& diags) {
  SourceFile file("p.toml", "x = " + value + "\n");
  toml::table t = toml::parse(std::string_view(file.text()), std::string_view("p.toml"));
  return parse_constraint(*t.get("x"), dim, file, diags);
}
}  // namespace

TEST_CASE("ranges: closed, open on either side, single values", "[condition]") {
  Diagnostics diags;
  auto r = parse("\"31..60\"", days(), diags);
  REQUIRE(r);
  CHECK(r->set == ValueSet::range(31, 60));
  CHECK_FALSE(r->open_ended);
  r = parse("\"31..\"", days(), diags);
  REQUIRE(r);
  CHECK(r->set == ValueSet::range(31, 100));
  CHECK(r->open_ended);
  r = parse("\"..60\"", days(), diags);
  REQUIRE(r);
  CHECK(r->set == ValueSet::range(0, 60));
  r = parse("45", days(), diags);
  REQUIRE(r);
  CHECK(r->set == ValueSet::range(45, 45));
  CHECK(diags.all().empty());
}

TEST_CASE("bad constraints are reported at the value with their kind", "[condition]") {
  struct Case {
    std::string value;
    std::string kind;
  };
  for (const auto& c : {Case{"\"60..31\"", "empty-range"}, Case{"\"0..101\"", "out-of-domain"}, Case{"\"-1..5\"", "out-of-domain"},
                        Case{"\"1..x\"", "bad-constraint"}, Case{"4.5", "bad-constraint"}, Case{"true", "wrong-type"},
                        Case{"\"..\"", "bad-constraint"}, Case{"\"99999999999999999999..\"", "integer-overflow"}}) {
    Diagnostics diags;
    INFO(c.value);
    CHECK_FALSE(parse(c.value, days(), diags));
    REQUIRE(diags.all().size() == 1);
    CHECK(kind_name(diags.all()[0].kind) == c.kind);
    CHECK(diags.all()[0].pos.line == 1);
    CHECK(diags.all()[0].pos.column == 5);
  }
}

TEST_CASE("enum constraints name values and unknown ones get a suggestion", "[condition]") {
  Diagnostics diags;
  auto r = parse("[\"gold\", \"platinum\"]", tier(), diags);
  REQUIRE(r);
  CHECK(r->set == ValueSet::range(1, 2));
  CHECK_FALSE(parse("\"platnum\"", tier(), diags));
  REQUIRE(diags.all().size() == 1);
  CHECK(diags.all()[0].kind == DiagnosticKind::unknown_value);
  CHECK(diags.all()[0].hint.find("platinum") != std::string::npos);
  CHECK_FALSE(parse("[]", tier(), diags));
  CHECK(diags.all().back().kind == DiagnosticKind::empty_list);
}

TEST_CASE("query values parse per dimension type", "[condition]") {
  CHECK(parse_point("45", days()).value() == 45);
  Expected<std::int64_t> past = parse_point("101", days());
  REQUIRE_FALSE(past);
  CHECK(past.error().find("outside") != std::string::npos);
  CHECK(parse_point("gold", tier()).value() == 1);
  Expected<std::int64_t> typo = parse_point("golden", tier());
  REQUIRE_FALSE(typo);
  CHECK(typo.error().find("gold") != std::string::npos);
}
