// The one CSV reader (RFC 4180), for case logs and batch queries: a record
// at a time from a stream, in a buffer of its own, so memory does not grow
// with the file (case logs are millions of rows). Fields may be quoted, with
// "" for a quote and, where the caller allows it, line breaks inside; lines
// end with CRLF, LF or a lone CR; blank lines are no record. A malformed
// record (a quote inside an unquoted field, text after a closing quote, a
// quote never closed, a NUL byte, a field longer than the limit, invalid
// UTF-8) comes out with its error, and the reader goes on with the next.
#pragma once
#include <cstddef>
#include <istream>
#include <string>
#include <string_view>
#include <vector>

namespace leeway {

class CsvReader {
 public:
  struct Options {
    // May a quoted field hold line breaks? If not, a record is a line, and a
    // quote still open at the end of the line is an error on that line alone.
    bool line_breaks_in_quotes = true;
    // Longer fields are an error, and cut to this length.
    std::size_t max_field = 64 * 1024;
    // What the reader reads, for the error of a quote open at its end.
    std::string_view input = "the input";
  };
  explicit CsvReader(std::istream& in) : CsvReader(in, Options{}) {}
  CsvReader(std::istream& in, Options options) : in_(&in), options_(options) {}

  // The next record into `fields` (their strings keep their capacity), and
  // into `error` what was wrong with it ("" when nothing); false at the end.
  bool next(std::vector<std::string>& fields, std::string& error);
  // The record just read: its number (1 for the first, a header included)
  // and the line it starts on (1-based, blank lines counted).
  std::size_t row() const { return row_; }
  std::size_t line() const { return line_; }

 private:
  bool fill();  // more bytes into the buffer when it is used up; false at the end
  bool next_plain_line(std::vector<std::string>& fields, std::string& error);
  bool next_any(std::vector<std::string>& fields, std::string& error);
  void skip_blank_lines();

  std::istream* in_;
  Options options_;
  std::size_t row_ = 0, line_ = 0, lines_ended_ = 0;
  std::vector<char> buffer_ = std::vector<char>(std::size_t{1} << 16);
  std::size_t pos_ = 0, end_ = 0;
};

}  // namespace leeway
