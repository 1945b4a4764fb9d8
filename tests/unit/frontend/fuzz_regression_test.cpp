// Every seed and every input a fuzzer ever crashed on, run again through the
// same paths as the fuzz targets (tests/fuzz): under the sanitizer build of
// ci/test.sh this is the regression suite for fuzzing's findings.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "compiler/frontend/condition.hpp"
#include "fuzz/fuzz_common.hpp"

namespace fs = std::filesystem;

namespace {

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

void feed(const std::string& target, const std::string& data) {
  using namespace leeway::fuzz;
  if (target == "manifest") run({{"leeway.toml", data}, {"p.toml", kPolicy}});
  if (target == "policy") run({{"leeway.toml", kManifest}, {"p.toml", data}});
  if (target == "story") run({{"leeway.toml", kManifest}, {"p.toml", kPolicy}, {"stories/s.md", data}});
  if (target == "cases") run_cases(data, data.rfind("{", 0) == 0 ? leeway::CaseFormat::jsonl : leeway::CaseFormat::csv);
  if (target == "condition") {
    leeway::Dimension d;
    d.type = leeway::DimType::money, d.max = 100000, d.valid = true;
    (void)leeway::parse_point(data, d);
    if (data.find('\n') == std::string::npos)
      run({{"leeway.toml", kManifest},
           {"p.toml",
            "[policy]\nid = \"p\"\nover = [\"days\"]\noutcomes = [\"y\"]\n[[rule]]\nid = \"r\"\nthen = \"y\"\nwhen = { days = " + data + " }\n"}});
  }
}

}  // namespace

TEST_CASE("fuzzing seeds and past crashers run through the pipeline without harm", "[fuzz]") {
  std::size_t inputs = 0;
  for (const char* dir : {"corpus", "regressions"}) {
    fs::path root = fs::path(TESTS_DIR) / "fuzz" / dir;
    if (!fs::exists(root)) continue;
    for (const auto& target : fs::directory_iterator(root))
      for (const auto& f : fs::directory_iterator(target.path())) {
        INFO(f.path().string());
        feed(target.path().filename().string(), slurp(f.path()));
        ++inputs;
      }
  }
  CHECK(inputs >= 30);
}
