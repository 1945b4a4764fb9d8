// The JSON writer's escaper, its money, and the checks for plain text and UTF-8.
#include "compiler/core/json_writer.hpp"

#include <array>
#include <cstdint>
#include <cstdlib>
#include <cstring>

#include <fmt/format.h>

#include "compiler/core/model.hpp"
#include "compiler/core/values.hpp"

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

// 0: as it is; 1: escape (DEL: looked at, kept); 2: a byte of a multi-byte sequence (as it is when valid).
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

namespace {

// The length of the UTF-8 sequence at `p[i]` when it is whole and valid
// (no overlong form, no surrogate, nothing past U+10FFFF), else 0, with `at`
// where the text goes on as nlohmann's decoder does: past a lead byte that
// starts nothing, at the byte that broke a sequence (read again), or at the end.
std::size_t utf8_sequence(const unsigned char* p, std::size_t i, std::size_t n, std::size_t& at) {
  unsigned char c = p[i];
  std::size_t len = c >= 0xF0 && c <= 0xF4 ? 4 : c >= 0xE0 && c < 0xF0 ? 3 : c >= 0xC2 && c <= 0xDF ? 2 : 0;
  if (len == 0) {
    at = i + 1;
    return 0;
  }
  unsigned char lo = c == 0xE0 ? 0xA0 : c == 0xF0 ? 0x90 : 0x80, hi = c == 0xED ? 0x9F : c == 0xF4 ? 0x8F : 0xBF;
  for (std::size_t k = 1; k < len; ++k, lo = 0x80, hi = 0xBF) {
    if (i + k >= n) {
      at = n;
      return 0;
    }
    if (p[i + k] < lo || p[i + k] > hi) {
      at = i + k;
      return 0;
    }
  }
  at = i + len;
  return len;
}

void append_escape(std::string& out, unsigned char c) {
  switch (c) {
    case '"': out += "\\\""; break;
    case '\\': out += "\\\\"; break;
    case '\b': out += "\\b"; break;
    case '\f': out += "\\f"; break;
    case '\n': out += "\\n"; break;
    case '\r': out += "\\r"; break;
    case '\t': out += "\\t"; break;
    default: {
      static constexpr char kHex[] = "0123456789abcdef";
      char u[6] = {'\\', 'u', '0', '0', kHex[c >> 4], kHex[c & 15]};
      out.append(u, 6);
    }
  }
}

}  // namespace

void append_json_string(std::string& out, std::string_view s) {
  if (plain_json_text(s)) {
    std::size_t at = out.size();
    out.resize(at + s.size() + 2);
    char* p = out.data() + at;
    *p = '"';
    std::memcpy(p + 1, s.data(), s.size());
    p[s.size() + 1] = '"';
    return;
  }
  // As nlohmann's dump() with error_handler_t::replace: quotes, backslashes
  // and control characters escaped (DEL as it is); bytes that are not UTF-8
  // as U+FFFD, written as its three bytes.
  out += '"';
  const unsigned char* p = reinterpret_cast<const unsigned char*>(s.data());
  std::size_t run = 0, n = s.size();
  for (std::size_t i = 0; i < n;) {
    unsigned char k = kClass[p[i]];
    if (k == 0 || p[i] == 0x7f) {
      ++i;
      continue;
    }
    if (k == 2) {
      std::size_t at;
      if (utf8_sequence(p, i, n, at)) {
        i = at;
        continue;
      }
      out.append(s.data() + run, i - run);
      out += "\xEF\xBF\xBD";
      run = i = at;
      continue;
    }
    out.append(s.data() + run, i - run);
    append_escape(out, p[i]);
    run = ++i;
  }
  out.append(s.data() + run, n - run);
  out += '"';
}

JsonWriter& JsonWriter::escaped(std::string_view s) {
  separate();
  flush();
  append_json_string(out_, s);
  return *this;
}

JsonWriter& JsonWriter::money(std::int64_t cents) {
  if (cents % kCentsPerUnit == 0) return integer(cents / kCentsPerUnit);
  double v = static_cast<double>(cents) / static_cast<double>(kCentsPerUnit);
  // fmt and nlohmann both print the shortest text that reads back as the
  // same double; below 10^15 units both as a decimal, from there on
  // nlohmann with an exponent (1.2345678901234567e+15), laid out here.
  char text[64];
  std::size_t len = static_cast<std::size_t>(fmt::format_to(text, "{}", v) - text);
  if (v > -1e15 && v < 1e15) return literal(std::string_view(text, len));
  std::string_view t(text, len);
  std::string digits, out;
  if (t[0] == '-') out += '-', t.remove_prefix(1);
  int point = -1, exponent = 0;
  for (std::size_t i = 0; i < t.size(); ++i) {
    if (t[i] == '.')
      point = static_cast<int>(digits.size());
    else if (t[i] == 'e') {
      exponent = std::atoi(std::string(t.substr(i + 1)).c_str());
      break;
    } else
      digits += t[i];
  }
  int before = (point < 0 ? static_cast<int>(digits.size()) : point) + exponent;  // digits before the point
  while (digits.size() > 1 && digits.back() == '0') digits.pop_back();
  out += digits[0];
  if (digits.size() > 1) out += '.', out.append(digits, 1);
  int e = before - 1;
  out += e < 0 ? "e-" : "e+";
  if (std::abs(e) < 10) out += '0';
  out += std::to_string(std::abs(e));
  return literal(out);
}

JsonWriter& JsonWriter::money_cents(std::int64_t cents) { return literal(format_money(cents)); }

std::string json_string(std::string_view s) {
  std::string out;
  append_json_string(out, s);
  return out;
}

}  // namespace leeway
