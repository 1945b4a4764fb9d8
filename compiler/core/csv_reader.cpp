// The CSV reader: the usual line split at once with memchr, anything else
// (doubled quotes, line breaks in quotes, a line across two reads, a
// malformed field) byte run by byte run.
#include "compiler/core/csv_reader.hpp"

#include <algorithm>
#include <cstring>

#include <fmt/format.h>

#include "compiler/core/json_writer.hpp"

namespace leeway {
namespace {

void check_utf8(const std::vector<std::string>& fields, std::string& error) {
  // Most records are plain ASCII: one quick look at all fields, the full check only when needed.
  bool ascii = true;
  for (const std::string& f : fields)
    for (char ch : f) ascii &= static_cast<unsigned char>(ch) < 0x80;
  if (error.empty() && !ascii)
    for (const std::string& f : fields)
      if (!valid_utf8(f)) {
        error = "it is not valid UTF-8 text";
        break;
      }
}

}  // namespace

bool CsvReader::fill() {
  if (pos_ < end_) return true;
  in_->read(buffer_.data(), static_cast<std::streamsize>(buffer_.size()));
  end_ = static_cast<std::size_t>(in_->gcount());
  pos_ = 0;
  return end_ > 0;
}

void CsvReader::skip_blank_lines() {
  while (fill()) {
    char c = buffer_[pos_];
    if (c != '\n' && c != '\r') return;
    ++pos_;
    if (c == '\r' && fill() && buffer_[pos_] == '\n') ++pos_;  // CRLF
    ++lines_ended_;
  }
}

bool CsvReader::next(std::vector<std::string>& fields, std::string& error) {
  error.clear();
  skip_blank_lines();
  if (!fill()) {
    fields.clear();
    return false;
  }
  ++row_;
  line_ = lines_ended_ + 1;
  if (!next_plain_line(fields, error)) next_any(fields, error);
  return true;
}

// The usual record: a whole line in the buffer (LF or CRLF), with no other
// CR and no NUL, and quotes only around whole fields that hold no quote
// themselves. False, with nothing read, for anything else.
bool CsvReader::next_plain_line(std::vector<std::string>& fields, std::string& error) {
  const char* data = buffer_.data() + pos_;
  const char* nl = static_cast<const char*>(std::memchr(data, '\n', end_ - pos_));
  if (!nl) return false;
  std::size_t len = static_cast<std::size_t>(nl - data);
  const char* end = len > 0 && nl[-1] == '\r' ? nl - 1 : nl;
  std::size_t text_len = static_cast<std::size_t>(end - data);
  if (std::memchr(data, '\r', text_len) || std::memchr(data, '\0', text_len)) return false;
  std::size_t n = 0;
  for (const char* f = data;; ++n) {
    const char* from = f;
    const char* to;
    if (f < end && *f == '"') {
      const char* close = static_cast<const char*>(std::memchr(f + 1, '"', static_cast<std::size_t>(end - f - 1)));
      if (!close || (close + 1 < end && close[1] != ',')) {
        error.clear();  // a doubled quote, a line break inside, or text after the quote
        return false;
      }
      from = f + 1, to = close, f = close + 1;
    } else {
      const char* comma = static_cast<const char*>(std::memchr(f, ',', static_cast<std::size_t>(end - f)));
      to = comma ? comma : end;
      if (std::memchr(f, '"', static_cast<std::size_t>(to - f))) {
        error.clear();
        return false;
      }
      f = to;
    }
    if (n == fields.size()) fields.emplace_back();
    std::size_t flen = static_cast<std::size_t>(to - from);
    if (flen > options_.max_field && error.empty()) error = fmt::format("a field is longer than {} KiB", options_.max_field / 1024);
    fields[n].assign(from, std::min(flen, options_.max_field));
    if (f >= end) break;
    ++f;             // the comma
    if (f == end) {  // a last, empty field
      ++n;
      if (n == fields.size()) fields.emplace_back();
      fields[n].clear();
      break;
    }
  }
  pos_ += len + 1;
  ++lines_ended_;
  fields.erase(fields.begin() + static_cast<std::ptrdiff_t>(n + 1), fields.end());
  if (error.empty() && !valid_utf8(std::string_view(data, text_len))) error = "it is not valid UTF-8 text";
  return true;
}

// Any record, byte run by byte run: fields are reused, `n` of them are this
// record's (their capacity stays).
bool CsvReader::next_any(std::vector<std::string>& fields, std::string& error) {
  std::size_t n = 0;
  auto fail = [&](std::string_view why) {
    if (error.empty()) error = why;
  };
  auto field = [&]() -> std::string& {
    if (n == fields.size()) fields.emplace_back();
    return fields[n];
  };
  std::string too_long = fmt::format("a field is longer than {} KiB", options_.max_field / 1024);
  auto append = [&](std::string& f, const char* from, std::size_t len) {
    std::size_t room = f.size() < options_.max_field ? options_.max_field - f.size() : 0;
    if (len > room) fail(too_long);
    f.append(from, std::min(len, room));
  };
  const bool breaks = options_.line_breaks_in_quotes;
  enum { start, plain, quoted, after_quote } state = start;
  field().clear();
  for (;;) {
    if (!fill()) {  // the end of the input
      if (state == quoted)
        fail(breaks ? fmt::format("a quoted field is not closed before the end of {}", options_.input) : "an opening quote is never closed");
      ++n;
      break;
    }
    std::string& f = fields[n];
    const char* data = buffer_.data();
    if (state == quoted) {
      // A run of text up to the next quote (or NUL, or a line's end where
      // quotes may not hold one), at once.
      std::size_t i = pos_;
      while (i < end_ && data[i] != '"' && data[i] != '\0' && (breaks || (data[i] != '\n' && data[i] != '\r'))) ++i;
      if (breaks) lines_ended_ += static_cast<std::size_t>(std::count(data + pos_, data + i, '\n'));
      append(f, data + pos_, i - pos_);
      pos_ = i;
      if (i == end_) continue;
      if (data[i] == '\0')
        fail("it holds a NUL byte"), ++pos_;
      else if (data[i] == '"')
        state = after_quote, ++pos_;
      else
        fail("an opening quote is never closed"), state = plain;  // the line's end, read below
      continue;
    }
    if (state == start || state == plain) {
      std::size_t i = pos_;
      while (i < end_ && data[i] != ',' && data[i] != '\n' && data[i] != '\r' && data[i] != '"' && data[i] != '\0') ++i;
      if (i > pos_) {
        append(f, data + pos_, i - pos_);
        state = plain;
        pos_ = i;
        continue;
      }
    }
    int c = static_cast<unsigned char>(data[pos_++]);
    if (c == 0) {
      fail("it holds a NUL byte");
      continue;
    }
    if (c == '\r' || c == '\n') {
      if (c == '\r' && fill() && buffer_[pos_] == '\n') ++pos_;  // CRLF; a lone CR ends the record too
      ++lines_ended_;
      ++n;
      break;
    }
    if (c == ',') {
      ++n;
      field().clear();
      state = start;
      continue;
    }
    if (state == after_quote) {
      if (c == '"') {
        append(f, "\"", 1);
        state = quoted;
        continue;
      }
      fail("a quote inside a quoted field must be doubled (\"\")");
      state = plain;
    }
    if (c == '"') {
      if (state == start) {
        state = quoted;
        continue;
      }
      fail("a quote in a field that does not start with one");
    }
    state = plain;
    char ch = static_cast<char>(c);
    append(f, &ch, 1);
  }
  fields.erase(fields.begin() + static_cast<std::ptrdiff_t>(n), fields.end());
  check_utf8(fields, error);
  return true;
}

}  // namespace leeway
