#include "compiler/core/json_text.hpp"

#include <array>
#include <cstdint>
#include <cstring>

#include <fmt/format.h>

namespace leeway {

bool valid_utf8(std::string_view s) {
  std::size_t i = 0, n = s.size();
  while (i < n) {
    // Plain ASCII (the usual case), 8 bytes at a time.
    while (i + 8 <= n) {
      std::uint64_t w;
      std::memcpy(&w, s.data() + i, 8);
      // Any high bit, or any zero byte, takes the slow path.
      if ((w & 0x8080808080808080ull) != 0 || ((w - 0x0101010101010101ull) & ~w & 0x8080808080808080ull) != 0) break;
      i += 8;
    }
    if (i >= n) break;
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c == 0) return false;
    if (c < 0x80) {
      ++i;
      continue;
    }
    std::size_t len = c >= 0xF0 && c <= 0xF4 ? 4 : c >= 0xE0 && c < 0xF0 ? 3 : c >= 0xC2 && c <= 0xDF ? 2 : 0;
    if (len == 0 || i + len > n) return false;
    unsigned char c1 = static_cast<unsigned char>(s[i + 1]);
    // Overlong forms and surrogates are not UTF-8.
    if ((c == 0xE0 && c1 < 0xA0) || (c == 0xED && c1 > 0x9F) || (c == 0xF0 && c1 < 0x90) || (c == 0xF4 && c1 > 0x8F)) return false;
    for (std::size_t k = 1; k < len; ++k)
      if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
    i += len;
  }
  return true;
}

namespace {

// 0: as it is; 1: escape; 2: a byte of a multi-byte sequence (as it is when the string is UTF-8).
constexpr std::array<unsigned char, 256> kClass = [] {
  std::array<unsigned char, 256> t{};
  for (int c = 0; c < 0x20; ++c) t[c] = 1;
  t['"'] = t['\\'] = t[0x7f] = 1;
  for (int c = 0x80; c < 0x100; ++c) t[c] = 2;
  return t;
}();

}  // namespace

bool plain_json_text(std::string_view s) {
  // Eight bytes at a time: any byte below 0x20, a quote, a backslash, DEL or
  // anything from 0x7f up (a high bit) needs a closer look.
  constexpr std::uint64_t ones = 0x0101010101010101ull, highs = 0x8080808080808080ull;
  auto has_below = [&](std::uint64_t w, std::uint64_t n) { return (w - ones * n) & ~w & highs; };
  auto has_byte = [&](std::uint64_t w, std::uint64_t b) { return has_below(w ^ (ones * b), 1); };
  std::size_t i = 0, n = s.size();
  for (; i + 8 <= n; i += 8) {
    std::uint64_t w;
    std::memcpy(&w, s.data() + i, 8);
    if ((w & highs) || has_below(w, 0x20) || has_byte(w, '"') || has_byte(w, '\\') || has_byte(w, 0x7f)) return false;
  }
  for (; i < n; ++i)
    if (kClass[static_cast<unsigned char>(s[i])] != 0) return false;
  return true;
}

void append_json_string(std::string& out, std::string_view s, JsonEscapes how) {
  if (plain_json_text(s)) {
    std::size_t at = out.size();
    out.resize(at + s.size() + 2);
    char* p = out.data() + at;
    *p = '"';
    std::memcpy(p + 1, s.data(), s.size());
    p[s.size() + 1] = '"';
    return;
  }
  bool nl = how == JsonEscapes::like_nlohmann;
  out += '"';
  int utf8 = -1;  // not checked yet
  std::size_t run = 0;
  const unsigned char* p = reinterpret_cast<const unsigned char*>(s.data());
  for (std::size_t i = 0; i < s.size(); ++i) {
    unsigned char k = kClass[p[i]];
    if (k == 0 || (nl && p[i] == 0x7f)) continue;
    if (k == 2) {
      if (utf8 < 0) utf8 = valid_utf8(s) ? 1 : 0;
      if (utf8) continue;
    }
    out.append(s.data() + run, i - run);
    run = i + 1;
    if (nl && (p[i] == '\b' || p[i] == '\f')) {
      out += p[i] == '\b' ? "\\b" : "\\f";
      continue;
    }
    switch (p[i]) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (p[i] >= 0x80)
          out += "\\ufffd";  // not UTF-8: only an invalid row has such bytes
        else
          fmt::format_to(std::back_inserter(out), "\\u{:04x}", p[i]);
    }
  }
  out.append(s.data() + run, s.size() - run);
  out += '"';
}

std::string json_string(std::string_view s) {
  std::string out;
  append_json_string(out, s);
  return out;
}

}  // namespace leeway
