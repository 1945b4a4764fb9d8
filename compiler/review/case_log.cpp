#include "compiler/review/case_log.hpp"

#include <algorithm>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace leeway {

int CaseReader::get() {
  if (pos_ == end_) {
    if (buffer_.empty()) buffer_.resize(std::size_t{1} << 16);
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
  r.csv_.emplace(in, CsvReader::Options{.line_breaks_in_quotes = true, .max_field = kMaxCaseField, .input = "the log"});
  std::string error;
  if (!r.csv_->next(r.columns_, error)) return Failure{"the case log is empty: it needs a header row naming its columns"};
  if (!error.empty()) return Failure{fmt::format("the header row cannot be read: {}", error)};
  for (std::string& c : r.columns_) {
    // A byte-order mark and spaces around names are not part of them.
    if (&c == &r.columns_.front() && c.rfind("\xEF\xBB\xBF", 0) == 0) c.erase(0, 3);
    c.erase(0, c.find_first_not_of(' '));
    c.erase(c.find_last_not_of(' ') + 1);
  }
  return r;
}

bool CaseReader::next(CaseRecord& record) { return format_ == CaseFormat::csv ? next_csv(record) : next_jsonl(record); }

bool CaseReader::next_csv(CaseRecord& record) {
  // Read straight into the record's cells: their strings keep their capacity.
  if (!csv_->next(record.cells, record.error)) return false;
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
