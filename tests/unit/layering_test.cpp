// The house rules of docs/design.md hold in every include, every CMake link
// and every function: checked on the real tree, and on small trees made to
// break each rule (tests/support/layering.hpp, function_lengths.hpp).
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "support/function_lengths.hpp"
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

// A small tree that keeps every rule: core, analysis on core, cli on both.
fs::path good_tree(const std::string& name) {
  fs::path root = fs::temp_directory_path() / name;
  fs::remove_all(root);
  write(root / "compiler/core/CMakeLists.txt", "leeway_layer(core\n  SOURCES model.cpp\n  PUBLIC fmt::fmt)\n");
  write(root / "compiler/core/model.hpp", "#pragma once\n#include <fmt/format.h>\n");
  write(root / "compiler/analysis/CMakeLists.txt", "leeway_layer(analysis\n  SOURCES graph.cpp\n  PUBLIC leeway_core Boost::graph)\n");
  write(root / "compiler/analysis/graph.hpp", "#pragma once\n#include \"compiler/core/model.hpp\"\n#include <boost/graph/adjacency_list.hpp>\n");
  write(root / "app/cli/CMakeLists.txt", "leeway_layer(cli\n  SOURCES cli.cpp\n  PUBLIC leeway_core leeway_analysis\n  PRIVATE CLI11::CLI11)\n");
  write(root / "app/cli/cli.cpp",
        "#include \"app/cli/cli.hpp\"\n#include \"compiler/analysis/graph.hpp\"\n#include \"compiler/core/model.hpp\"\n#include <CLI/CLI.hpp>\n");
  write(root / "app/cli/cli.hpp", "#pragma once\n");
  return root;
}
const std::vector<std::string> kSmallLayers = {"compiler/core", "compiler/analysis", "app/cli"};
}  // namespace

TEST_CASE("docs/design.md lists every layer folder, lowest first", "[layering]") {
  std::vector<std::string> layers = design_layers();
  REQUIRE(layers.size() >= 11);
  CHECK(layers.front() == "compiler/core");
  CHECK(layers.back() == "app/cli");
  for (const std::string& l : layers) {
    INFO(l);
    CHECK(fs::is_directory(kRoot / l));
    CHECK(fs::exists(kRoot / l / "CMakeLists.txt"));
  }
  // Every folder that holds sources is a layer.
  for (const std::string& top : source_tops())
    for (const auto& e : fs::directory_iterator(kRoot / top))
      if (e.is_directory()) {
        std::string folder = e.path().lexically_relative(kRoot).generic_string();
        INFO(folder);
        CHECK(std::find(layers.begin(), layers.end(), folder) != layers.end());
      }
}

TEST_CASE("every include is of a lower layer the library links, and every link is used", "[layering]") {
  std::vector<std::string> violations = layering_violations(kRoot, design_layers());
  for (const std::string& v : violations) UNSCOPED_INFO(v);
  CHECK(violations.empty());
}

TEST_CASE("docs/design.md draws the link graph the CMake files have", "[layering]") {
  std::vector<std::string> layers = design_layers();
  std::map<std::string, std::set<std::string>> drawn = links_from_design(read_text(kRoot / "docs" / "design.md"));
  CHECK(drawn.size() == layers.size());
  for (const std::string& layer : layers) {
    INFO(layer << ": its line in docs/design.md's link graph and its CMakeLists.txt must name the same links");
    CHECK(drawn[library_of(layer)] == links_from_cmake(read_text(kRoot / layer / "CMakeLists.txt")).links);
  }
}

TEST_CASE("entry points sit above the documents, the documents above the compiler", "[layering]") {
  std::vector<std::string> layers = design_layers();
  auto last_of = [&](const std::string& top) {
    int at = -1;
    for (std::size_t i = 0; i < layers.size(); ++i)
      if (layers[i].rfind(top + "/", 0) == 0) at = static_cast<int>(i);
    return at;
  };
  auto first_of = [&](const std::string& top) {
    for (std::size_t i = 0; i < layers.size(); ++i)
      if (layers[i].rfind(top + "/", 0) == 0) return static_cast<int>(i);
    return -1;
  };
  CHECK(last_of("compiler") < first_of("reports"));
  CHECK(last_of("reports") < first_of("app"));
}

TEST_CASE("the layering check passes a tree that keeps the rules", "[layering]") {
  fs::path root = good_tree("leeway-layering-good");
  CHECK(layering_violations(root, kSmallLayers).empty());
  fs::remove_all(root);
}

TEST_CASE("the layering check finds an include without its link", "[layering]") {
  fs::path root = good_tree("leeway-layering-unlinked");
  // cli includes analysis but no longer links it; analysis includes fmt, which only core links.
  write(root / "app/cli/CMakeLists.txt", "leeway_layer(cli\n  SOURCES cli.cpp\n  PUBLIC leeway_core\n  PRIVATE CLI11::CLI11)\n");
  write(root / "compiler/analysis/graph.cpp", "#include \"compiler/analysis/graph.hpp\"\n#include <fmt/format.h>\n");
  std::vector<std::string> v = layering_violations(root, kSmallLayers);
  REQUIRE(v.size() == 2);
  CHECK(v[0] == "app/cli/cli.cpp: includes compiler/analysis/graph.hpp, but leeway_cli does not link leeway_analysis");
  CHECK(v[1] == "compiler/analysis/graph.cpp: includes fmt/format.h, but leeway_analysis does not link fmt::fmt");
  fs::remove_all(root);
}

TEST_CASE("the layering check finds a link no include uses", "[layering]") {
  fs::path root = good_tree("leeway-layering-unused");
  write(root / "compiler/analysis/CMakeLists.txt",
        "leeway_layer(analysis\n  SOURCES graph.cpp\n  PUBLIC leeway_core Boost::graph PkgConfig::CTEMPLATE)\n");
  std::vector<std::string> v = layering_violations(root, kSmallLayers);
  REQUIRE(v.size() == 1);
  CHECK(v[0] == "compiler/analysis: links PkgConfig::CTEMPLATE, but none of its files includes it");
  fs::remove_all(root);
}

TEST_CASE("the layering check finds an upward include and a link cycle", "[layering]") {
  fs::path root = good_tree("leeway-layering-cycle");
  // core reaches up into analysis, and links it: core -> analysis -> core.
  write(root / "compiler/core/CMakeLists.txt", "leeway_layer(core\n  SOURCES model.cpp\n  PUBLIC fmt::fmt leeway_analysis)\n");
  write(root / "compiler/core/model.cpp", "#include \"compiler/core/model.hpp\"\n  #include \"compiler/analysis/graph.hpp\"\n");
  std::vector<std::string> v = layering_violations(root, kSmallLayers);
  REQUIRE(v.size() == 4);
  CHECK(v[0] == "compiler/core/model.cpp (compiler/core) includes compiler/analysis/graph.hpp of a higher layer (compiler/analysis)");
  CHECK(v[1] == "compiler/core: links leeway_analysis of a higher layer (compiler/analysis)");
  CHECK(v[2] == "compiler/core: links leeway_analysis, but none of its files includes it");
  CHECK(v[3] == "links form a cycle: leeway_core -> leeway_analysis -> leeway_core");
  fs::remove_all(root);
}

TEST_CASE("the layering check finds a stray file and a missing header", "[layering]") {
  fs::path root = good_tree("leeway-layering-stray");
  write(root / "compiler/stray.cpp", "int x;\n");
  write(root / "compiler/analysis/gaps.cpp", "#include \"compiler/core/gone.hpp\"\n");
  std::vector<std::string> v = layering_violations(root, kSmallLayers);
  REQUIRE(v.size() == 2);
  CHECK(v[0] == "compiler/analysis/gaps.cpp: includes compiler/core/gone.hpp, which does not exist");
  CHECK(v[1] == "compiler/stray.cpp: not inside any layer of docs/design.md");
  fs::remove_all(root);

  CHECK(layers_from_design("# Design\n## The layers\n1. `compiler/core`: x\n2. `reports/publish`: y\n## Next\n3. `app/cli`\n") ==
        std::vector<std::string>{"compiler/core", "reports/publish"});
}

TEST_CASE("no source file of compiler/, reports/ or app/ grows past 400 lines", "[layering]") {
  for (const std::string& file : product_sources(kRoot)) {
    std::string text = read_text(kRoot / file);
    INFO(file << ": one concept per file; split it along the concepts it holds");
    CHECK(std::count(text.begin(), text.end(), '\n') <= 400);
  }
}

TEST_CASE("no product function is longer than 100 lines", "[layering]") {
  for (const std::string& file : product_sources(kRoot))
    for (const FunctionSpan& f : function_spans(read_text(kRoot / file))) {
      INFO(file << ":" << f.first_line << ": " << f.name << " is " << f.lines() << " lines; split it into named steps");
      CHECK(f.lines() <= kMaxFunctionLines);
    }
}

TEST_CASE("function lengths are read through comments, strings and nested bodies", "[layering]") {
  std::string text =
      "namespace a {\n"                                  // 1
      "// int fake() {\n"                                // 2
      "struct S {\n"                                     // 3
      "  int f(int x) const {\n"                         // 4
      "    auto g = [](char c) { return c == '{'; };\n"  // 5
      "    return x;\n"                                  // 6
      "  }\n"                                            // 7
      "};\n"                                             // 8
      "const char* s = \"}{\";\n"                        // 9
      "std::string h(\n"                                 // 10
      "    int y) {\n"                                   // 11
      "  if (y) {\n"                                     // 12
      "    return R\"(})\";\n"                           // 13
      "  }\n"                                            // 14
      "  return {};\n"                                   // 15
      "}\n"                                              // 16
      "}  // namespace a\n";
  std::vector<FunctionSpan> spans = function_spans(text);
  REQUIRE(spans.size() == 2);
  CHECK(spans[0].name == "f");
  CHECK(spans[0].first_line == 4);
  CHECK(spans[0].lines() == 4);
  CHECK(spans[1].name == "h");
  CHECK(spans[1].first_line == 10);
  CHECK(spans[1].lines() == 7);
}
