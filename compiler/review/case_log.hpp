// Reading a case log, one case at a time: CSV (RFC 4180: a header row, quoted
// fields with "" for a quote and line breaks inside) or JSON Lines (an
// object a line). Memory does not grow with the log: a record is read,
// handed out and overwritten by the next. A malformed record (bad quoting,
// a wrong number of fields, invalid UTF-8, a NUL byte, a field over 64 KiB,
// a line that is not a JSON object) comes out with its error; the reader
// goes on with the next.
#pragma once
#include <cstddef>
#include <istream>
#include <optional>
#include <string>
#include <vector>

#include "compiler/core/csv_reader.hpp"
#include "compiler/core/expected.hpp"
#include "compiler/core/json_writer.hpp"

namespace leeway {

enum class CaseFormat { csv, jsonl };

// One case as read: a cell for each column known so far (CSV: the header;
// JSON Lines: every key seen so far), with whether the record had it.
struct CaseRecord {
  std::size_t row = 0;  // 1-based: the data record after the header (CSV), the line (JSON Lines)
  std::string error;    // why the record cannot be read; "" when it can
  std::vector<std::string> cells;
  std::vector<bool> present;
};

inline constexpr std::size_t kMaxCaseField = 64 * 1024;

class CaseReader {
 public:
  // Reads the header (CSV); fails when there is none.
  static Expected<CaseReader> open(std::istream& in, CaseFormat format);
  // The next record, or false at the end of the log.
  bool next(CaseRecord& record);
  // The column names, by cell index (JSON Lines: grows as new keys appear).
  const std::vector<std::string>& columns() const { return columns_; }

 private:
  CaseReader(std::istream& in, CaseFormat format) : in_(&in), format_(format) {}
  bool next_csv(CaseRecord& record);
  bool next_jsonl(CaseRecord& record);
  int get();  // JSON Lines: the next byte, or -1 at the end

  std::istream* in_;
  CaseFormat format_;
  std::optional<CsvReader> csv_;
  std::vector<std::string> columns_;
  std::string line_;
  std::size_t row_ = 0;
  std::vector<char> buffer_;
  std::size_t pos_ = 0, end_ = 0;
};

}  // namespace leeway
