// SHA-1 (FIPS 180-4), for name-based UUIDs (RFC 4122 version 5, name_uuid.hpp)
// and nothing that needs to resist an attacker: a small, tested implementation
// rather than a dependency for 20 bytes.
#pragma once
#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace leeway {

using Sha1Digest = std::array<std::uint8_t, 20>;

// Fed in pieces (add), read once (digest).
class Sha1 {
 public:
  Sha1& add(std::string_view bytes);
  Sha1& add(const std::uint8_t* bytes, std::size_t n);
  Sha1Digest digest();  // pads and finishes: add nothing after it

 private:
  void block(const std::uint8_t* p);
  std::array<std::uint32_t, 5> h_ = {0x67452301u, 0xEFCDAB89u, 0x98BADCFEu, 0x10325476u, 0xC3D2E1F0u};
  std::array<std::uint8_t, 64> buffer_{};
  std::size_t buffered_ = 0;
  std::uint64_t length_ = 0;  // bytes added
};

Sha1Digest sha1(std::string_view bytes);
// Lower-case hexadecimal, 40 digits.
std::string hex(const Sha1Digest& d);

}  // namespace leeway
