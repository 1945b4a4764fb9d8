// Reading case logs: RFC 4180 CSV and JSON Lines, a record at a time, and
// every way a row can be malformed reported on that row while the rest is read.
#include <catch2/catch.hpp>

#include <sstream>

#include "compiler/review/case_log.hpp"

using namespace leeway;

namespace {

std::vector<CaseRecord> read_all(const std::string& text, CaseFormat format, std::vector<std::string>* columns = nullptr) {
  std::istringstream in(text);
  Expected<CaseReader> r = CaseReader::open(in, format);
  REQUIRE(r);
  std::vector<CaseRecord> out;
  CaseRecord rec;
  while (r->next(rec)) out.push_back(rec);
  if (columns) *columns = r->columns();
  return out;
}

}  // namespace

TEST_CASE("CSV: quoted fields, doubled quotes, commas and line breaks inside, CRLF, a byte-order mark", "[review]") {
  std::vector<std::string> cols;
  auto rows = read_all(
      "\xEF\xBB\xBF"
      "case,note\r\n1,\"a, \"\"b\"\"\nc\"\r\n\r\n2,plain\n3,\n",
      CaseFormat::csv, &cols);
  CHECK(cols == std::vector<std::string>{"case", "note"});
  REQUIRE(rows.size() == 3);
  CHECK(rows[0].error.empty());
  CHECK(rows[0].cells[1] == "a, \"b\"\nc");
  CHECK(rows[1].row == 2);
  CHECK(rows[1].cells[1] == "plain");
  CHECK(rows[2].cells[1].empty());
}

TEST_CASE("CSV: a malformed row is reported on that row and the next rows are read", "[review][security]") {
  std::string big(70 * 1024, 'x');
  auto rows = read_all(
      "case,note\n"
      "1,bad\"quote\n"
      "2,\"closed\"tail\n"
      "3,one,two\n"
      "4,\xff\xfe\n" +
          std::string("5,nul\0byte\n", 11) + "6," + big + "\n7,fine\n8,\"never closed\n9,swallowed\n",
      CaseFormat::csv);
  REQUIRE(rows.size() == 8);
  CHECK(rows[0].error.find("quote") != std::string::npos);
  CHECK(rows[1].error.find("doubled") != std::string::npos);
  CHECK(rows[2].error.find("3 fields") != std::string::npos);
  CHECK(rows[3].error.find("UTF-8") != std::string::npos);
  CHECK(rows[4].error.find("NUL") != std::string::npos);
  CHECK(rows[5].error.find("64 KiB") != std::string::npos);
  CHECK(rows[5].cells[1].size() <= kMaxCaseField);
  CHECK(rows[6].error.empty());
  CHECK(rows[6].cells[1] == "fine");
  CHECK(rows[7].error.find("not closed") != std::string::npos);
}

TEST_CASE("CSV: no header is an error, not a crash", "[review]") {
  std::istringstream in("");
  CHECK_FALSE(CaseReader::open(in, CaseFormat::csv));
}

TEST_CASE("JSON Lines: values of every type as query takes them, new keys as they come, bad lines reported", "[review]") {
  std::vector<std::string> cols;
  auto rows = read_all(
      "{\"case\": \"1\", \"days\": 45, \"gold\": true, \"cost\": 12.5}\n"
      "\n"
      "not json\n"
      "[1, 2]\n"
      "{\"case\": \"5\", \"extra\": null, \"list\": [1]}\n",
      CaseFormat::jsonl, &cols);
  REQUIRE(rows.size() == 4);
  auto at = [&](const char* name) { return static_cast<std::size_t>(std::find(cols.begin(), cols.end(), name) - cols.begin()); };
  CHECK(rows[0].cells[at("days")] == "45");
  CHECK(rows[0].cells[at("gold")] == "true");
  CHECK(rows[0].cells[at("cost")] == "12.5");
  CHECK(rows[1].row == 3);  // rows are lines
  CHECK(rows[1].error.find("not valid JSON") != std::string::npos);
  CHECK(rows[2].error.find("not a JSON object") != std::string::npos);
  CHECK(rows[3].error.find("list") != std::string::npos);
  CHECK(std::find(cols.begin(), cols.end(), "extra") != cols.end());
  std::size_t extra = static_cast<std::size_t>(std::find(cols.begin(), cols.end(), "extra") - cols.begin());
  CHECK_FALSE(rows[3].present[extra]);  // null: as if missing
}

TEST_CASE("UTF-8 validation rejects overlong forms, surrogates and truncated sequences", "[review]") {
  CHECK(valid_utf8("plain \xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80"));
  CHECK_FALSE(valid_utf8("\xc0\xaf"));
  CHECK_FALSE(valid_utf8("\xed\xa0\x80"));
  CHECK_FALSE(valid_utf8("\xe2\x82"));
  CHECK_FALSE(valid_utf8(std::string("a\0b", 3)));
}
