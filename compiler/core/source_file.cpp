#include "compiler/core/source_file.hpp"

#include <mutex>
#include <unordered_set>

#include <fmt/format.h>

namespace leeway {

namespace {
std::mutex names_mutex;
std::unordered_set<std::string>& names() {
  static auto* all = new std::unordered_set<std::string>;  // kept to the end of the process
  return *all;
}
}  // namespace

const std::string& FileName::empty_name() {
  static const std::string empty;
  return empty;
}

FileName::FileName(std::string_view name) : name_(&empty_name()) {
  if (name.empty()) return;
  std::lock_guard<std::mutex> lock(names_mutex);
  name_ = &*names().emplace(name).first;
}

SourceFile::SourceFile(FileName path, std::string text) : path_(path), text_(std::move(text)) {
  starts_.push_back(0);
  for (std::size_t i = 0; i < text_.size(); ++i)
    if (text_[i] == '\n') starts_.push_back(i + 1);
}

std::string_view SourceFile::line(int n) const {
  if (n < 1 || n > line_count()) return {};
  std::size_t begin = starts_[static_cast<std::size_t>(n - 1)];
  std::size_t end = n < line_count() ? starts_[static_cast<std::size_t>(n)] - 1 : text_.size();
  if (end > begin && text_[end - 1] == '\r') --end;
  return std::string_view(text_).substr(begin, end - begin);
}

std::size_t SourceFile::offset(int line, int column) const {
  if (line < 1) return 0;
  if (line > line_count()) return text_.size();
  // Columns count characters (as toml++ does), not bytes: walk the line's
  // UTF-8, skipping continuation bytes.
  std::size_t at = starts_[static_cast<std::size_t>(line - 1)];
  for (int c = 1; c < column && at < text_.size() && text_[at] != '\n';) {
    ++at;
    if (at >= text_.size() || (static_cast<unsigned char>(text_[at]) & 0xC0) != 0x80) ++c;
  }
  return at < text_.size() ? at : text_.size();
}

bool find_encoding_problem(std::string_view text, EncodingProblem& out) {
  int line = 1, column = 1;
  std::size_t i = 0;
  auto fail = [&](std::string what) {
    out = {line, column, std::move(what)};
    return true;
  };
  while (i < text.size()) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c == 0) return fail("NUL byte");
    std::size_t len = 0;
    std::uint32_t cp = 0;
    if (c < 0x80) {
      len = 1;
    } else if ((c & 0xE0) == 0xC0) {
      len = 2, cp = c & 0x1F;
    } else if ((c & 0xF0) == 0xE0) {
      len = 3, cp = c & 0x0F;
    } else if ((c & 0xF8) == 0xF0) {
      len = 4, cp = c & 0x07;
    } else {
      return fail(fmt::format("invalid UTF-8 byte 0x{:02x}", c));
    }
    if (i + len > text.size()) return fail(fmt::format("truncated UTF-8 sequence starting with byte 0x{:02x}", c));
    for (std::size_t k = 1; k < len; ++k) {
      unsigned char cc = static_cast<unsigned char>(text[i + k]);
      if ((cc & 0xC0) != 0x80) return fail(fmt::format("invalid UTF-8 sequence starting with byte 0x{:02x}", c));
      cp = (cp << 6) | (cc & 0x3F);
    }
    static constexpr std::uint32_t min_for_len[] = {0, 0, 0x80, 0x800, 0x10000};
    if (len > 1 && (cp < min_for_len[len] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)))
      return fail(fmt::format("invalid UTF-8 sequence starting with byte 0x{:02x}", c));
    if (c == '\n') {
      ++line;
      column = 1;
    } else {
      ++column;
    }
    i += len;
  }
  return false;
}

}  // namespace leeway
