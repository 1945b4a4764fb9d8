// plain_json_text: true exactly when no byte of the text needs escaping or a
// closer look (controls, quote, backslash, DEL, bytes from 0x80), at every
// length and position, held to a byte-by-byte reading.
#include <catch2/catch.hpp>

#include <random>
#include <string>

#include "compiler/core/json_text.hpp"

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
