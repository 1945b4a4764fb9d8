#include "compiler/review/case_log.hpp"

#include <algorithm>
#include <cstdint>
#include <cstring>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "compiler/core/json_text.hpp"

namespace leeway {

int CaseReader::get() {
  if (pos_ == end_) {
    in_->read(buffer_.data(), static_cast<std::streamsize>(buffer_.size()));
    end_ = static_cast<std::size_t>(in_->gcount());
    pos_ = 0;
    if (end_ == 0) return -1;
  }
  return static_cast<unsigned char>(buffer_[pos_++]);
}

Expected<CaseReader> CaseReader::open(std::istream& in, CaseFormat format) {
  CaseReader r(in, format);
  if (format == CaseFormat::jsonl) return r;
  std::string error;
  if (!r.read_csv_record(r.columns_, error)) return Failure{"the case log is empty: it needs a header row naming its columns"};
  if (!error.empty()) return Failure{fmt::format("the header row cannot be read: {}", error)};
  for (std::string& c : r.columns_) {
    // A byte-order mark and spaces around names are not part of them.
    if (&c == &r.columns_.front() && c.rfind("\xEF\xBB\xBF", 0) == 0) c.erase(0, 3);
    c.erase(0, c.find_first_not_of(' '));
    c.erase(c.find_last_not_of(' ') + 1);
  }
  return r;
}

bool CaseReader::read_csv_record(std::vector<std::string>& fields, std::string& error) {
  error.clear();
  // The usual record: a whole line in the buffer, with no CR and no NUL, and
  // quotes only around whole fields that hold no quote themselves. Found and
  // split with memchr, checked for UTF-8 once; anything else takes the slow path.
  for (;;) {
    if (pos_ == end_ && get() >= 0) --pos_;
    if (pos_ == end_) break;
    const char* data = buffer_.data() + pos_;
    std::size_t avail = end_ - pos_;
    const char* nl = static_cast<const char*>(std::memchr(data, '\n', avail));
    if (!nl) break;
    std::size_t len = static_cast<std::size_t>(nl - data);
    if (std::memchr(data, '\r', len) || std::memchr(data, '\0', len)) break;
    if (len == 0) {  // a blank line is no record
      ++pos_;
      continue;
    }
    std::size_t n = 0;
    bool simple = true;
    for (const char* f = data;; ++n) {
      const char* from = f;
      const char* to;
      if (f < nl && *f == '"') {
        const char* close = static_cast<const char*>(std::memchr(f + 1, '"', static_cast<std::size_t>(nl - f - 1)));
        if (!close || (close + 1 < nl && close[1] != ',')) {
          simple = false;  // a doubled quote, a line break inside, or text after the quote
          break;
        }
        from = f + 1, to = close, f = close + 1;
      } else {
        const char* comma = static_cast<const char*>(std::memchr(f, ',', static_cast<std::size_t>(nl - f)));
        to = comma ? comma : nl;
        if (std::memchr(f, '"', static_cast<std::size_t>(to - f))) {
          simple = false;
          break;
        }
        f = to;
      }
      if (n == fields.size()) fields.emplace_back();
      std::size_t flen = static_cast<std::size_t>(to - from);
      if (flen > kMaxCaseField && error.empty()) error = "a field is longer than 64 KiB";
      fields[n].assign(from, std::min(flen, kMaxCaseField));
      if (f >= nl) break;
      ++f;  // the comma
      if (f == nl) {  // a last, empty field
        ++n;
        if (n == fields.size()) fields.emplace_back();
        fields[n].clear();
        break;
      }
    }
    if (!simple) {
      error.clear();
      break;
    }
    pos_ += len + 1;
    fields.erase(fields.begin() + static_cast<std::ptrdiff_t>(n + 1), fields.end());
    if (error.empty() && !valid_utf8(std::string_view(data, len))) error = "it is not valid UTF-8 text";
    return true;
  }
  // Fields are reused: `n` of them are this record's; their capacity stays.
  std::size_t n = 0;
  auto fail = [&](const char* why) {
    if (error.empty()) error = why;
  };
  auto field = [&]() -> std::string& {
    if (n == fields.size()) fields.emplace_back();
    return fields[n];
  };
  auto append = [&](std::string& f, const char* from, std::size_t len) {
    std::size_t room = f.size() < kMaxCaseField ? kMaxCaseField - f.size() : 0;
    if (len > room) fail("a field is longer than 64 KiB");
    f.append(from, std::min(len, room));
  };
  enum { start, plain, quoted, after_quote } state = start;
  bool any = false;
  field().clear();
  for (;;) {
    if (pos_ == end_ && get() >= 0) --pos_;  // refill, keeping the byte
    if (pos_ == end_) {  // the end of the log
      if (!any) {
        fields.clear();
        return false;
      }
      if (state == quoted) fail("a quoted field is not closed before the end of the log");
      ++n;
      break;
    }
    any = true;
    std::string& f = fields[n];
    const char* data = buffer_.data();
    if (state == quoted) {
      // A run of text up to the next quote (or NUL), at once.
      std::size_t i = pos_;
      while (i < end_ && data[i] != '"' && data[i] != '\0') ++i;
      append(f, data + pos_, i - pos_);
      pos_ = i;
      if (i == end_) continue;
      if (data[i] == '\0') fail("it holds a NUL byte"), ++pos_;
      else state = after_quote, ++pos_;
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
    if (c == '\r') {
      if (pos_ == end_ && get() >= 0) --pos_;
      if (pos_ < end_ && buffer_[pos_] == '\n') ++pos_;  // CRLF; a lone CR ends the record too
      c = '\n';
    }
    if (c == '\n') {
      if (n == 0 && f.empty() && state == start) {
        any = false;  // a blank line is no record
        continue;
      }
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
  return true;
}

bool CaseReader::next(CaseRecord& record) { return format_ == CaseFormat::csv ? next_csv(record) : next_jsonl(record); }

bool CaseReader::next_csv(CaseRecord& record) {
  // Read straight into the record's cells: their strings keep their capacity.
  if (!read_csv_record(record.cells, record.error)) return false;
  record.row = ++row_;
  std::size_t n = columns_.size(), got = record.cells.size();
  if (record.error.empty() && got != n)
    record.error = fmt::format("it has {} field{}, the header names {} column{}", got, got == 1 ? "" : "s", n, n == 1 ? "" : "s");
  if (got != n) record.cells.resize(n);
  record.present.assign(n, true);
  return true;
}

bool CaseReader::next_jsonl(CaseRecord& record) {
  constexpr std::size_t kMaxLine = 1 << 20;
  for (;;) {
    line_.clear();
    int c;
    bool too_long = false;
    while ((c = get()) >= 0 && c != '\n') {
      if (line_.size() < kMaxLine)
        line_.push_back(static_cast<char>(c));
      else
        too_long = true;
    }
    if (c < 0 && line_.empty()) return false;
    record.row = ++row_;
    record.error.clear();
    if (!line_.empty() && line_.back() == '\r') line_.pop_back();
    if (line_.find_first_not_of(" \t") == std::string::npos) {
      if (c < 0) return false;
      continue;  // a blank line is no case
    }
    record.present.assign(columns_.size(), false);
    record.cells.resize(columns_.size());
    if (too_long) {
      record.error = "the line is longer than 1 MiB";
      return true;
    }
    if (line_.find('\0') != std::string::npos) {
      record.error = "it holds a NUL byte";
      return true;
    }
    nlohmann::json j = nlohmann::json::parse(line_, nullptr, false);
    if (j.is_discarded()) {
      record.error = valid_utf8(line_) ? "the line is not valid JSON" : "it is not valid UTF-8 text";
      return true;
    }
    if (!j.is_object()) {
      record.error = "the line is not a JSON object";
      return true;
    }
    for (auto& [key, value] : j.items()) {
      auto at = std::find(columns_.begin(), columns_.end(), key);
      std::size_t i = static_cast<std::size_t>(at - columns_.begin());
      if (at == columns_.end()) {
        columns_.push_back(key);
        record.cells.emplace_back();
        record.present.push_back(false);
      }
      std::string& cell = record.cells[i];
      if (value.is_null()) continue;
      if (value.is_string())
        cell = value.get<std::string>();
      else if (value.is_boolean())
        cell = value.get<bool>() ? "true" : "false";
      else if (value.is_number_integer() || value.is_number_unsigned() || value.is_number_float())
        cell = value.dump();
      else if (record.error.empty())
        record.error = fmt::format("`{}` holds a list or an object, not one value", key);
      if (cell.size() > kMaxCaseField && record.error.empty()) record.error = "a field is longer than 64 KiB";
      record.present[i] = true;
    }
    return true;
  }
}

}  // namespace leeway
