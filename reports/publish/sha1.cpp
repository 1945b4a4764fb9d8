#include "reports/publish/sha1.hpp"

#include <algorithm>

namespace leeway {
namespace {

std::uint32_t rotl(std::uint32_t x, int n) { return (x << n) | (x >> (32 - n)); }

}  // namespace

void Sha1::block(const std::uint8_t* p) {
  std::uint32_t w[80];
  for (int t = 0; t < 16; ++t)
    w[t] = std::uint32_t(p[4 * t]) << 24 | std::uint32_t(p[4 * t + 1]) << 16 | std::uint32_t(p[4 * t + 2]) << 8 | std::uint32_t(p[4 * t + 3]);
  for (int t = 16; t < 80; ++t) w[t] = rotl(w[t - 3] ^ w[t - 8] ^ w[t - 14] ^ w[t - 16], 1);
  std::uint32_t a = h_[0], b = h_[1], c = h_[2], d = h_[3], e = h_[4];
  for (int t = 0; t < 80; ++t) {
    std::uint32_t f, k;
    if (t < 20)
      f = (b & c) | (~b & d), k = 0x5A827999u;
    else if (t < 40)
      f = b ^ c ^ d, k = 0x6ED9EBA1u;
    else if (t < 60)
      f = (b & c) | (b & d) | (c & d), k = 0x8F1BBCDCu;
    else
      f = b ^ c ^ d, k = 0xCA62C1D6u;
    std::uint32_t temp = rotl(a, 5) + f + e + k + w[t];
    e = d, d = c, c = rotl(b, 30), b = a, a = temp;
  }
  h_[0] += a, h_[1] += b, h_[2] += c, h_[3] += d, h_[4] += e;
}

Sha1& Sha1::add(const std::uint8_t* bytes, std::size_t n) {
  length_ += n;
  while (n > 0) {
    std::size_t take = std::min(n, buffer_.size() - buffered_);
    std::copy(bytes, bytes + take, buffer_.begin() + static_cast<std::ptrdiff_t>(buffered_));
    buffered_ += take, bytes += take, n -= take;
    if (buffered_ == buffer_.size()) block(buffer_.data()), buffered_ = 0;
  }
  return *this;
}

Sha1& Sha1::add(std::string_view bytes) { return add(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size()); }

Sha1Digest Sha1::digest() {
  // A 1 bit, zeros up to 56 bytes of the last block, then the length in bits, big-endian.
  std::uint64_t bits = length_ * 8;
  static const std::uint8_t kOne = 0x80, kZero = 0;
  add(&kOne, 1);
  while (buffered_ != 56) add(&kZero, 1);
  std::uint8_t len[8];
  for (int i = 0; i < 8; ++i) len[i] = static_cast<std::uint8_t>(bits >> (56 - 8 * i));
  add(len, 8);
  Sha1Digest out;
  for (int i = 0; i < 5; ++i)
    for (int j = 0; j < 4; ++j) out[static_cast<std::size_t>(4 * i + j)] = static_cast<std::uint8_t>(h_[static_cast<std::size_t>(i)] >> (24 - 8 * j));
  return out;
}

Sha1Digest sha1(std::string_view bytes) { return Sha1().add(bytes).digest(); }

std::string hex(const Sha1Digest& d) {
  static const char kDigits[] = "0123456789abcdef";
  std::string out;
  for (std::uint8_t b : d) out += kDigits[b >> 4], out += kDigits[b & 15];
  return out;
}

}  // namespace leeway
