// Subprocesses get their environment from the caller (an environment vector
// given to posix_spawn): a variable set for a child reaches it, and leeway's
// own environment is left as it was.
#include <catch2/catch.hpp>

#include <unistd.h>
#include <cstdlib>
#include <filesystem>
#include <string>

#include "reports/publish/process.hpp"

using namespace leeway;

namespace {

std::string log_path(const char* name) {
  return (std::filesystem::temp_directory_path() / (std::string("leeway-process-test-") + std::to_string(getpid()) + "-" + name)).string();
}

}  // namespace

TEST_CASE("a variable set for the child reaches it, and leeway's own environment lacks it", "[publish][process]") {
  const char* name = "LEEWAY_PROCESS_TEST_VAR";
  REQUIRE(std::getenv(name) == nullptr);
  std::string log = log_path("env");
  ProcessResult r = run_process({"/bin/sh", "-c", "echo \"[$LEEWAY_PROCESS_TEST_VAR]\""}, log, 10, {{name, "1764028800"}});
  REQUIRE(r.ok());
  CHECK(r.output == "[1764028800]\n");
  CHECK(std::getenv(name) == nullptr);
  // Without it, the child does not see it either.
  r = run_process({"/bin/sh", "-c", "echo \"[$LEEWAY_PROCESS_TEST_VAR]\""}, log, 10);
  REQUIRE(r.ok());
  CHECK(r.output == "[]\n");
  // The rest of leeway's environment still reaches the child (PATH, through env).
  r = run_process({"/usr/bin/env"}, log, 10, {{name, "x"}});
  REQUIRE(r.ok());
  CHECK(r.output.find("LEEWAY_PROCESS_TEST_VAR=x\n") != std::string::npos);
  CHECK(r.output.find("PATH=") != std::string::npos);
  std::filesystem::remove(log);
}

TEST_CASE("child_environment replaces a variable the caller sets, keeps the others, adds the new", "[publish][process]") {
  char a[] = "A=1", b[] = "SOURCE_DATE_EPOCH=5", ab[] = "AB=2";
  char* base[] = {a, b, ab, nullptr};
  std::vector<std::string> env = child_environment(base, {{"SOURCE_DATE_EPOCH", "7"}, {"C", "3"}});
  CHECK(env == std::vector<std::string>{"A=1", "AB=2", "SOURCE_DATE_EPOCH=7", "C=3"});
  CHECK(child_environment(base, {{"A", "9"}}) == std::vector<std::string>{"SOURCE_DATE_EPOCH=5", "AB=2", "A=9"});
  CHECK(child_environment(nullptr, {}).empty());
}
