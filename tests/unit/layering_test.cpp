// The folders are the pipeline: the order of docs/design.md holds in every
// include and in every layer's CMake library.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "support/layering.hpp"

namespace fs = std::filesystem;
using namespace leeway::test;

namespace {
const fs::path kRoot = fs::path(DOCS_DIR).parent_path();

std::vector<std::string> design_layers() { return layers_from_design(read_text(kRoot / "docs" / "design.md")); }

void write(const fs::path& p, const std::string& text) {
  fs::create_directories(p.parent_path());
  std::ofstream(p, std::ios::binary) << text;
}
}  // namespace

TEST_CASE("docs/design.md lists every layer folder, lowest first", "[layering]") {
  std::vector<std::string> layers = design_layers();
  REQUIRE(layers.size() >= 9);
  CHECK(layers.front() == "compiler/core");
  CHECK(layers.back() == "compiler/cli");
  for (const std::string& l : layers) {
    INFO(l);
    CHECK(fs::is_directory(kRoot / l));
    CHECK(fs::exists(kRoot / l / "CMakeLists.txt"));
  }
  // Every folder that holds sources is a layer.
  for (const char* top : {"compiler", "reports"})
    for (const auto& e : fs::directory_iterator(kRoot / top))
      if (e.is_directory()) {
        std::string folder = e.path().lexically_relative(kRoot).generic_string();
        INFO(folder);
        CHECK(std::find(layers.begin(), layers.end(), folder) != layers.end());
      }
}

TEST_CASE("no source file includes a header of a higher layer", "[layering]") {
  std::vector<std::string> violations = layering_violations(kRoot, design_layers());
  for (const std::string& v : violations) UNSCOPED_INFO(v);
  CHECK(violations.empty());
}

TEST_CASE("each layer's library links the layer below it and nothing above", "[layering]") {
  std::vector<std::string> layers = design_layers();
  auto library = [](const std::string& layer) { return "leeway_" + fs::path(layer).filename().string(); };
  for (std::size_t i = 0; i < layers.size(); ++i) {
    std::string cmake = read_text(kRoot / layers[i] / "CMakeLists.txt");
    INFO(layers[i]);
    CHECK(cmake.find("leeway_layer(" + fs::path(layers[i]).filename().string()) != std::string::npos);
    if (i > 0) CHECK(cmake.find(library(layers[i - 1])) != std::string::npos);
    for (std::size_t j = i + 1; j < layers.size(); ++j) CHECK(cmake.find(library(layers[j])) == std::string::npos);
  }
}

TEST_CASE("the layering check finds an upward include, a stray file and a missing header", "[layering]") {
  fs::path root = fs::temp_directory_path() / "leeway-layering-test";
  fs::remove_all(root);
  write(root / "compiler/core/model.hpp", "#pragma once\n");
  write(root / "compiler/analysis/graph.hpp", "#pragma once\n#include \"compiler/core/model.hpp\"\n");
  std::vector<std::string> layers = {"compiler/core", "compiler/analysis"};
  CHECK(layering_violations(root, layers).empty());

  write(root / "compiler/core/value.cpp", "#include \"compiler/core/model.hpp\"\n  #include \"compiler/analysis/graph.hpp\"\n");
  write(root / "compiler/stray.cpp", "int x;\n");
  write(root / "compiler/analysis/gaps.cpp", "#include \"compiler/core/gone.hpp\"\n");
  std::vector<std::string> v = layering_violations(root, layers);
  REQUIRE(v.size() == 3);
  CHECK(v[0] == "compiler/analysis/gaps.cpp: includes compiler/core/gone.hpp, which does not exist");
  CHECK(v[1] == "compiler/core/value.cpp (compiler/core) includes compiler/analysis/graph.hpp of a higher layer (compiler/analysis)");
  CHECK(v[2] == "compiler/stray.cpp: not inside any layer of docs/design.md");
  fs::remove_all(root);

  CHECK(layers_from_design("# Design\n## The layers\n1. `compiler/core`: x\n2. `reports/publish`: y\n## Next\n3. `compiler/cli`\n") ==
        std::vector<std::string>{"compiler/core", "reports/publish"});
}

TEST_CASE("no source file of compiler/ or reports/ grows past 400 lines", "[layering]") {
  for (const char* top : {"compiler", "reports"})
    for (const auto& e : fs::recursive_directory_iterator(kRoot / top)) {
      if (!e.is_regular_file() || (e.path().extension() != ".cpp" && e.path().extension() != ".hpp")) continue;
      std::string text = read_text(e.path());
      INFO(e.path().lexically_relative(kRoot).generic_string() << ": one concept per file; split it along the concepts it holds");
      CHECK(std::count(text.begin(), text.end(), '\n') <= 400);
    }
}
