// The diagnostic catalog, its documentation and its fixtures stay in step.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "compiler/diagnostic_catalog.hpp"

namespace {
std::string slurp(const std::filesystem::path& p) {
  std::ifstream in(p);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}
}  // namespace

TEST_CASE("codes and kinds are unique", "[catalog]") {
  std::set<std::string_view> codes, kinds;
  for (const auto& k : leeway::diagnostic_kinds()) {
    CHECK(codes.insert(k.code).second);
    CHECK(kinds.insert(k.kind).second);
  }
}

TEST_CASE("every diagnostic is documented with its code", "[catalog]") {
  std::string doc = slurp(std::filesystem::path(DOCS_DIR) / "diagnostics.md");
  for (const auto& k : leeway::diagnostic_kinds()) {
    INFO(k.kind);
    CHECK(doc.find("### " + std::string(k.code) + " `" + std::string(k.kind) + "` (" + leeway::severity_name(k.severity) + ")") !=
          std::string::npos);
  }
}

TEST_CASE("every diagnostic a user can cause has an end-to-end test", "[catalog]") {
  std::string all;
  for (const auto& e : std::filesystem::directory_iterator(std::filesystem::path(FIXTURES_DIR) / "cases")) all += slurp(e.path());
  all += slurp(std::filesystem::path(TESTS_DIR) / "e2e" / "cli_test.cpp");
  for (const auto& k : leeway::diagnostic_kinds()) {
    if (k.kind == "internal") continue;
    INFO(k.kind);
    CHECK(all.find(" " + std::string(k.kind) + " ") != std::string::npos);
  }
}
