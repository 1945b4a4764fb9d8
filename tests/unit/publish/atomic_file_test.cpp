// A file written atomically: the new bytes or the old, no temporary left
// behind, nothing followed at a guessed temporary name, and a clear error
// where the file cannot be written.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "reports/publish/atomic_file.hpp"

namespace fs = std::filesystem;
using namespace leeway;

namespace {
std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}
}  // namespace

TEST_CASE("a file written atomically replaces the old one and leaves nothing beside it", "[publish][atomic]") {
  fs::path dir = fs::temp_directory_path() / "leeway-atomic-test";
  fs::remove_all(dir);
  fs::create_directories(dir);
  REQUIRE(write_file_atomically(dir / "story.md", "first\n"));
  REQUIRE(write_file_atomically(dir / "story.md", "second\n"));
  CHECK(slurp(dir / "story.md") == "second\n");
  CHECK(std::distance(fs::directory_iterator(dir), fs::directory_iterator()) == 1);
  CHECK((fs::status(dir / "story.md").permissions() & fs::perms::owner_write) != fs::perms::none);
  fs::remove_all(dir);
}

TEST_CASE("a link planted at a guessable temporary name is not followed", "[publish][atomic]") {
  fs::path dir = fs::temp_directory_path() / "leeway-atomic-link";
  fs::remove_all(dir);
  fs::create_directories(dir / "out");
  std::ofstream(dir / "outside.txt") << "keep me\n";
  // The names a writer might guess: the file's name with a suffix.
  for (const char* suffix : {".leeway-tmp", ".tmp", "~"}) fs::create_symlink(dir / "outside.txt", dir / "out" / (std::string("story.md") + suffix));
  REQUIRE(write_file_atomically(dir / "out" / "story.md", "draft\n"));
  CHECK(slurp(dir / "outside.txt") == "keep me\n");
  CHECK(slurp(dir / "out" / "story.md") == "draft\n");
  fs::remove_all(dir);
}

TEST_CASE("a file that cannot be written is an error that names it", "[publish][atomic]") {
  Status s = write_file_atomically("/nonexistent-leeway-folder/story.md", "x");
  REQUIRE_FALSE(s);
  CHECK(s.error().find("cannot write /nonexistent-leeway-folder/story.md") == 0);
}
