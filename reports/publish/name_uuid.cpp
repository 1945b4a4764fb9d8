#include "reports/publish/name_uuid.hpp"

#include <algorithm>

#include "reports/publish/sha1.hpp"

namespace leeway {
namespace {

int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

std::optional<Uuid> parse_uuid(std::string_view text) {
  if (text.size() != 36) return std::nullopt;
  Uuid u{};
  std::size_t byte = 0;
  for (std::size_t i = 0; i < text.size();) {
    if (i == 8 || i == 13 || i == 18 || i == 23) {
      if (text[i] != '-') return std::nullopt;
      ++i;
      continue;
    }
    int hi = hex_digit(text[i]), lo = hex_digit(text[i + 1]);
    if (hi < 0 || lo < 0) return std::nullopt;
    u[byte++] = static_cast<std::uint8_t>(hi << 4 | lo);
    i += 2;
  }
  return u;
}

std::string uuid_text(const Uuid& u) {
  static const char kDigits[] = "0123456789abcdef";
  std::string out;
  for (std::size_t i = 0; i < u.size(); ++i) {
    if (i == 4 || i == 6 || i == 8 || i == 10) out += '-';
    out += kDigits[u[i] >> 4], out += kDigits[u[i] & 15];
  }
  return out;
}

Uuid uuid_v5(const Uuid& name_space, std::string_view name) {
  Sha1Digest d = Sha1().add(name_space.data(), name_space.size()).add(name).digest();
  Uuid u;
  std::copy(d.begin(), d.begin() + 16, u.begin());
  u[6] = static_cast<std::uint8_t>((u[6] & 0x0F) | 0x50);  // version 5: name-based, SHA-1
  u[8] = static_cast<std::uint8_t>((u[8] & 0x3F) | 0x80);  // variant: RFC 4122
  return u;
}

const Uuid& document_namespace() {
  static const Uuid ns = uuid_v5(*parse_uuid(kUrlNamespace), "urn:leeway:document");
  return ns;
}

std::string document_urn(std::string_view name) { return "urn:uuid:" + uuid_text(uuid_v5(document_namespace(), name)); }

}  // namespace leeway
