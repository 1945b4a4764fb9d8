#include "reports/publish/zip_times.hpp"

#include <ctime>
#include <fstream>
#include <sstream>

#include <fmt/format.h>

namespace leeway {

namespace {

std::uint32_t read32(const std::string& b, std::size_t at) {
  return static_cast<std::uint32_t>(static_cast<unsigned char>(b[at])) | static_cast<std::uint32_t>(static_cast<unsigned char>(b[at + 1])) << 8 |
         static_cast<std::uint32_t>(static_cast<unsigned char>(b[at + 2])) << 16 |
         static_cast<std::uint32_t>(static_cast<unsigned char>(b[at + 3])) << 24;
}
std::uint16_t read16(const std::string& b, std::size_t at) {
  return static_cast<std::uint16_t>(static_cast<unsigned char>(b[at]) | static_cast<unsigned char>(b[at + 1]) << 8);
}
void write16(std::string& b, std::size_t at, std::uint16_t v) {
  b[at] = static_cast<char>(v & 0xff);
  b[at + 1] = static_cast<char>(v >> 8);
}

}  // namespace

Status set_zip_times(const std::string& path, std::int64_t epoch) {
  std::string bytes;
  {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    bytes = ss.str();
  }
  auto bad = [&](const char* why) { return Failure{fmt::format("{}: {}", path, why)}; };
  // The end of central directory record: the last signature within the final 64 KiB + 22 bytes.
  if (bytes.size() < 22) return bad("not a zip file");
  std::size_t end = std::string::npos;
  for (std::size_t i = bytes.size() - 22 + 1; i-- > 0 && bytes.size() - i <= 65557;)
    if (read32(bytes, i) == 0x06054b50) {
      end = i;
      break;
    }
  if (end == std::string::npos) return bad("no zip directory");
  std::size_t entries = read16(bytes, end + 10), at = read32(bytes, end + 16);
  // DOS time and date, in UTC, from 1980 on.
  std::time_t t = static_cast<std::time_t>(std::max<std::int64_t>(epoch, 315532800));
  std::tm tm{};
  gmtime_r(&t, &tm);
  auto time = static_cast<std::uint16_t>(tm.tm_hour << 11 | tm.tm_min << 5 | tm.tm_sec / 2);
  auto date = static_cast<std::uint16_t>((tm.tm_year - 80) << 9 | (tm.tm_mon + 1) << 5 | tm.tm_mday);
  std::string out = bytes;
  for (std::size_t e = 0; e < entries; ++e) {
    if (at + 46 > bytes.size() || read32(bytes, at) != 0x02014b50) return bad("a damaged zip directory");
    write16(out, at + 12, time);
    write16(out, at + 14, date);
    std::size_t local = read32(bytes, at + 42);
    if (local + 30 > bytes.size() || read32(bytes, local) != 0x04034b50) return bad("a damaged zip entry");
    write16(out, local + 10, time);
    write16(out, local + 12, date);
    at += 46 + read16(bytes, at + 28) + read16(bytes, at + 30) + read16(bytes, at + 32);
  }
  std::ofstream o(path, std::ios::binary | std::ios::trunc);
  o.write(out.data(), static_cast<std::streamsize>(out.size()));
  if (!o) return bad("cannot be written");
  return success();
}

}  // namespace leeway
