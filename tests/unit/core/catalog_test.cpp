// The diagnostic catalog, its documentation and its fixtures stay in step.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "compiler/core/diagnostic_catalog.hpp"
#include "compiler/core/json_writer.hpp"

namespace {
std::string slurp(const std::filesystem::path& p) {
  std::ifstream in(p);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}
}  // namespace

TEST_CASE("codes, kind names and severity names are words JSON writes as they are", "[catalog]") {
  // The JSON writer copies them without looking for characters to escape.
  for (const auto& k : leeway::diagnostic_catalog()) {
    INFO(std::string(k.name));
    CHECK(leeway::plain_json_text(k.code));
    CHECK(leeway::plain_json_text(k.name));
  }
  for (auto s : {leeway::Severity::error, leeway::Severity::warning, leeway::Severity::note})
    CHECK(leeway::plain_json_text(leeway::severity_name(s)));
}

TEST_CASE("every kind finds its own row by code and by name", "[catalog]") {
  for (const auto& k : leeway::diagnostic_catalog()) {
    INFO(std::string(k.name));
    CHECK(&leeway::diagnostic_info(k.kind) == &k);
    CHECK(leeway::find_diagnostic(k.code) == &k);
    CHECK(leeway::find_diagnostic(k.name) == &k);
  }
  CHECK(leeway::find_diagnostic("LW000") == nullptr);
  CHECK(leeway::find_diagnostic("beyond_rule") == nullptr);
}

TEST_CASE("codes and kinds are unique", "[catalog]") {
  std::set<std::string_view> codes, kinds;
  for (const auto& k : leeway::diagnostic_catalog()) {
    CHECK(codes.insert(k.code).second);
    CHECK(kinds.insert(k.name).second);
  }
}

TEST_CASE("every diagnostic is documented with its code", "[catalog]") {
  std::string doc = slurp(std::filesystem::path(DOCS_DIR) / "diagnostics.md");
  for (const auto& k : leeway::diagnostic_catalog()) {
    INFO(std::string(k.name));
    CHECK(doc.find("### " + std::string(k.code) + " `" + std::string(k.name) + "` (" + leeway::severity_name(k.severity) + ")") != std::string::npos);
  }
}

TEST_CASE("every diagnostic a user can cause has an end-to-end test", "[catalog]") {
  std::string all;
  for (const auto& e : std::filesystem::directory_iterator(std::filesystem::path(FIXTURES_DIR) / "cases")) all += slurp(e.path());
  all += slurp(std::filesystem::path(TESTS_DIR) / "e2e" / "cli_test.cpp");
  for (const auto& k : leeway::diagnostic_catalog()) {
    if (k.kind == leeway::DiagnosticKind::internal) continue;
    INFO(std::string(k.name));
    CHECK(all.find(" " + std::string(k.name) + " ") != std::string::npos);
  }
}
