// JsonWriter against nlohmann: random trees (nested, unicode, control
// characters, invalid UTF-8, big and negative numbers) written by both,
// pretty and compact, give the same bytes; money as nlohmann writes its
// double. And plain_json_text: true exactly when no byte of the text needs
// escaping or a closer look (controls, quote, backslash, DEL, bytes from
// 0x80), at every length and position, held to a byte-by-byte reading.
#include <catch2/catch.hpp>

#include <limits>
#include <random>
#include <string>

#include <nlohmann/json.hpp>

#include "compiler/core/json_writer.hpp"
#include "compiler/core/model.hpp"

using namespace leeway;

namespace {
bool plain_byte_by_byte(const std::string& s) {
  for (unsigned char c : s)
    if (c < 0x20 || c == '"' || c == '\\' || c >= 0x7f) return false;
  return true;
}
}  // namespace

TEST_CASE("plain_json_text finds any byte needing a closer look, wherever it is", "[json]") {
  // Every byte value at every position of texts of 0 to 40 bytes.
  for (std::size_t n = 1; n <= 40; ++n)
    for (std::size_t at = 0; at < n; ++at)
      for (int b = 0; b < 256; ++b) {
        std::string s(n, 'a');
        s[at] = static_cast<char>(b);
        INFO("length " << n << ", byte " << b << " at " << at);
        REQUIRE(plain_json_text(s) == plain_byte_by_byte(s));
      }
  CHECK(plain_json_text(""));
  CHECK(plain_json_text("policy `p0` is silent here: no rule and no line decides these situations"));
  CHECK_FALSE(plain_json_text("caf\xc3\xa9"));
  // Random texts of mostly plain bytes.
  std::mt19937 rng(5);
  for (int round = 0; round < 20000; ++round) {
    std::string s(rng() % 70, ' ');
    for (char& c : s) c = static_cast<char>(rng() % 50 ? 0x20 + rng() % 0x5f : rng() % 256);
    REQUIRE(plain_json_text(s) == plain_byte_by_byte(s));
  }
}

namespace {

using json = nlohmann::ordered_json;

std::string nl_dump(const json& j, int indent) { return j.dump(indent, ' ', false, json::error_handler_t::replace); }

void write_tree(JsonWriter& w, const json& j) {
  switch (j.type()) {
    case json::value_t::object:
      w.begin_object();
      for (const auto& [k, v] : j.items()) {
        w.key(k);
        write_tree(w, v);
      }
      w.end_object();
      break;
    case json::value_t::array:
      w.begin_array();
      for (const json& v : j) write_tree(w, v);
      w.end_array();
      break;
    case json::value_t::string: w.string(j.get_ref<const std::string&>()); break;
    case json::value_t::boolean: w.boolean(j.get<bool>()); break;
    case json::value_t::number_integer: w.integer(j.get<std::int64_t>()); break;
    case json::value_t::number_unsigned: w.integer(j.get<std::uint64_t>()); break;
    default: w.null(); break;
  }
}

std::string written(const json& j, JsonWriter::Layout layout) {
  std::string out;
  JsonWriter w(out, layout);
  write_tree(w, j);
  w.flush();
  return out;
}

// Text that is mostly plain, with now and then a quote, a backslash, a
// control character, DEL, a valid sequence of 2 to 4 bytes, a stray byte
// from 0x80 or a sequence cut short; sometimes long (past the writer's buffer).
std::string random_text(std::mt19937& rng) {
  static const char* const kPieces[] = {"\"",
                                        "\\",
                                        "\b",
                                        "\f",
                                        "\n",
                                        "\r",
                                        "\t",
                                        "\x01",
                                        "\x1f",
                                        "\x7f",
                                        "/",
                                        "caf\xc3\xa9",
                                        "\xe2\x82\xac",
                                        "\xf0\x9f\x98\x80",
                                        "\xff",
                                        "\xfe\xfe",
                                        "\xc0\xaf",
                                        "\xe0\x80\xaf",
                                        "\xed\xa0\x80",
                                        "\xf4\x90\x80\x80",
                                        "\xe2\x82",
                                        "\xf0\x9f\x98",
                                        "\xc3"};
  std::string s;
  std::size_t n = rng() % 20 == 0 ? 3000 + rng() % 9000 : rng() % 24;
  while (s.size() < n) {
    if (rng() % 6 == 0)
      s += kPieces[rng() % std::size(kPieces)];
    else if (rng() % 40 == 0)
      s += static_cast<char>(rng() % 256);
    else
      s += static_cast<char>(0x20 + rng() % 0x5f);
  }
  if (rng() % 50 == 0) s += std::string(1, '\0');
  return s;
}

json random_tree(std::mt19937& rng, int depth) {
  int pick = static_cast<int>(rng() % (depth > 4 ? 6 : 9));
  switch (pick) {
    case 0: return nullptr;
    case 1: return rng() % 2 == 0;
    case 2: {
      std::int64_t v = static_cast<std::int64_t>((std::uint64_t{rng()} << 32) | rng());
      return rng() % 3 == 0 ? v : v % 1000;
    }
    case 3: return std::numeric_limits<std::uint64_t>::max() - rng() % 1000;
    case 4:
    case 5: return random_text(rng);
    case 6:
    case 7: {
      json o = json::object();
      for (std::size_t k = rng() % 5; k > 0; --k) o[random_text(rng)] = random_tree(rng, depth + 1);
      return o;
    }
    default: {
      json a = json::array();
      for (std::size_t k = rng() % 5; k > 0; --k) a.push_back(random_tree(rng, depth + 1));
      return a;
    }
  }
}

}  // namespace

TEST_CASE("JsonWriter writes random trees as nlohmann's dump(2) and dump() do", "[json]") {
  std::mt19937 rng(23);
  for (int round = 0; round < 3000; ++round) {
    json j = random_tree(rng, 0);
    INFO("round " << round);
    REQUIRE(written(j, JsonWriter::Layout::pretty) == nl_dump(j, 2));
    REQUIRE(written(j, JsonWriter::Layout::compact) == nl_dump(j, -1));
  }
}

TEST_CASE("JsonWriter escapes every byte as nlohmann does", "[json]") {
  for (int b = 0; b < 256; ++b)
    for (const char* around : {"", "a", "\xc3"}) {
      std::string s = std::string(around) + static_cast<char>(b) + around;
      INFO("byte " << b << " around `" << around << "`");
      REQUIRE(json_string(s) == nl_dump(json(s), -1));
    }
}

// Amounts below 10^13 units (15 digits of cents): beyond, nlohmann's Grisu2
// now and then prints a longer text than the shortest, which the writer prints.
TEST_CASE("JsonWriter writes money as nlohmann writes the double", "[json]") {
  auto nl = [](std::int64_t c) {
    return c % kCentsPerUnit == 0 ? json(c / kCentsPerUnit).dump() : json(static_cast<double>(c) / static_cast<double>(kCentsPerUnit)).dump();
  };
  auto mine = [](std::int64_t c) {
    std::string out;
    JsonWriter(out).money(c);
    return out;
  };
  std::mt19937_64 rng(7);
  for (int round = 0; round < 1000000; ++round) {
    int digits = static_cast<int>(rng() % 16);
    std::int64_t c = static_cast<std::int64_t>(rng() % 1000000000000000ull);
    for (int k = 15; k > digits; --k) c /= 10;
    if (rng() % 2) c = -c;
    INFO("cents " << c);
    REQUIRE(mine(c) == nl(c));
  }
  for (std::int64_t c : {std::int64_t{1}, std::int64_t{-1}, std::int64_t{5}, std::int64_t{999999999999999}, std::int64_t{100000000000000001},
                         std::int64_t{-250000000000000050}, std::int64_t{123456789012345600}, std::numeric_limits<std::int64_t>::max() / 100 * 100}) {
    INFO("cents " << c);
    CHECK(mine(c) == nl(c));
  }
  std::string out;
  JsonWriter(out).money_cents(1250);
  CHECK(out == "12.50");
}

TEST_CASE("JsonWriter's one-line layout puts a space after commas and colons", "[json]") {
  std::string out;
  {
    JsonWriter w(out, JsonWriter::Layout::line);
    w.begin_object().plain_key("policy").string("p").key("items").begin_array().word("p.a").word("p.b").end_array();
    w.key("none").begin_array().end_array().key("o").begin_object().end_object().key("n").null().end_object();
  }
  CHECK(out == R"({"policy": "p", "items": ["p.a", "p.b"], "none": [], "o": {}, "n": null})");
}

TEST_CASE("JsonWriter indents from a given depth, for a value inside other text", "[json]") {
  std::string out;
  {
    JsonWriter w(out, JsonWriter::Layout::pretty, 2);
    w.begin_object().key("a").begin_array().integer(1).end_array().end_object();
  }
  CHECK(out == "{\n      \"a\": [\n        1\n      ]\n    }");
}

TEST_CASE("JsonWriter nests deeper than 64 levels", "[json]") {
  json j = json::array({1});
  for (int k = 0; k < 150; ++k) j = k % 2 ? json::array({j, k}) : json{{"k", j}, {"n", k}};
  CHECK(written(j, JsonWriter::Layout::pretty) == nl_dump(j, 2));
  CHECK(written(j, JsonWriter::Layout::compact) == nl_dump(j, -1));
}

TEST_CASE("JsonWriter takes words and keys longer than its buffer", "[json]") {
  std::string big(20000, 'w'), out;
  {
    JsonWriter w(out, JsonWriter::Layout::pretty);
    w.begin_object().plain_key(big).word(big).plain_key("k").rendered("[" + big + "]").end_object();
  }
  json j = {{big, big}, {"k", nullptr}};
  CHECK(out == nl_dump(j, 2).replace(nl_dump(j, 2).rfind("null"), 4, "[" + big + "]"));
}
