// The CSV reader: random records quoted as RFC 4180 says (quotes, commas,
// line breaks inside, CRLF or LF), across many buffer refills, read back
// field for field with their rows and lines; and each malformed record
// reported on its own row, a quote left open where records are lines
// ending with its line.
#include <catch2/catch.hpp>

#include <random>
#include <sstream>

#include "compiler/core/csv_reader.hpp"

using namespace leeway;

namespace {

std::string quoted(const std::string& f) {
  std::string out = "\"";
  for (char c : f) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

}  // namespace

TEST_CASE("CsvReader reads back random RFC 4180 records, rows and lines", "[csv]") {
  std::mt19937 rng(11);
  for (bool breaks : {true, false}) {
    std::vector<std::vector<std::string>> want;
    std::vector<std::size_t> want_line;
    std::string text;
    std::size_t line = 1;
    for (int r = 0; r < 20000; ++r) {
      if (rng() % 50 == 0) text += "\n", ++line;  // a blank line: no record
      std::vector<std::string> rec(1 + rng() % 5);
      std::string row;
      std::size_t breaks_in = 0;
      for (std::size_t k = 0; k < rec.size(); ++k) {
        std::string& f = rec[k];
        for (std::size_t n = rng() % 12; n > 0; --n) {
          int pick = static_cast<int>(rng() % 20);
          f += pick == 0 ? '"' : pick == 1 ? ',' : pick == 2 && breaks ? '\n' : static_cast<char>('a' + rng() % 26);
        }
        breaks_in += static_cast<std::size_t>(std::count(f.begin(), f.end(), '\n'));
        bool must = f.find_first_of("\",\n") != std::string::npos;
        row += (k ? "," : "") + (must || rng() % 4 == 0 ? quoted(f) : f);
      }
      if (rec.size() == 1 && rec[0].empty()) row = "\"\"";  // an empty line would be blank
      text += row + (rng() % 2 ? "\r\n" : "\n");
      want.push_back(rec);
      want_line.push_back(line);
      line += 1 + breaks_in;
    }
    std::istringstream in(text);
    CsvReader csv(in, CsvReader::Options{.line_breaks_in_quotes = breaks});
    std::vector<std::string> fields;
    std::string error;
    for (std::size_t r = 0; r < want.size(); ++r) {
      INFO("record " << r);
      REQUIRE(csv.next(fields, error));
      REQUIRE(error.empty());
      REQUIRE(fields == want[r]);
      REQUIRE(csv.row() == r + 1);
      REQUIRE(csv.line() == want_line[r]);
    }
    CHECK_FALSE(csv.next(fields, error));
  }
}

TEST_CASE("CsvReader reports a malformed record on its row and reads on", "[csv]") {
  auto read = [](const std::string& text, bool breaks) {
    std::istringstream in(text);
    CsvReader csv(in, CsvReader::Options{.line_breaks_in_quotes = breaks, .input = "the log"});
    std::vector<std::pair<std::size_t, std::string>> out;  // line, error
    std::vector<std::string> fields;
    std::string error;
    while (csv.next(fields, error)) out.emplace_back(csv.line(), error);
    return out;
  };
  std::string text = "a,\"open\nb,c\n";
  auto lines = read(text, false);
  REQUIRE(lines.size() == 2);
  CHECK(lines[0] == std::pair<std::size_t, std::string>{1, "an opening quote is never closed"});
  CHECK(lines[1] == std::pair<std::size_t, std::string>{2, ""});
  auto records = read(text, true);  // a line break inside quotes: the quote runs to the end
  REQUIRE(records.size() == 1);
  CHECK(records[0].second == "a quoted field is not closed before the end of the log");
  auto bad = read("x\"y\n\"a\"b\nok\n", true);
  REQUIRE(bad.size() == 3);
  CHECK(bad[0].second == "a quote in a field that does not start with one");
  CHECK(bad[1].second == "a quote inside a quoted field must be doubled (\"\")");
  CHECK(bad[2].second.empty());
}
