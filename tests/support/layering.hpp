// The layering rule of docs/design.md, as a check: the layers are listed there
// once, lowest first, under "## The layers"; a source file may include headers
// of its own layer and of the layers below, never of one above. The unit test
// runs it on the real tree and on a small tree made to break it.
#pragma once
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

namespace leeway::test {

inline std::string read_text(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// The layer folders of design.md's "## The layers" list ("1. `compiler/core`: ..."), lowest first.
inline std::vector<std::string> layers_from_design(const std::string& markdown) {
  std::vector<std::string> layers;
  auto at = markdown.find("\n## The layers");
  if (at == std::string::npos) return layers;
  std::istringstream in(markdown.substr(at + 1));
  std::string line;
  std::getline(in, line);  // the heading
  static const std::regex item(R"(^\d+\. `([a-z_]+/[a-z_]+)`)");
  while (std::getline(in, line) && line.rfind("## ", 0) != 0) {
    std::smatch m;
    if (std::regex_search(line, m, item)) layers.push_back(m[1]);
  }
  return layers;
}

// The position of `path` ("compiler/core/model.hpp") in `layers`, or -1.
inline int layer_of(const std::string& path, const std::vector<std::string>& layers) {
  for (std::size_t i = 0; i < layers.size(); ++i)
    if (path.rfind(layers[i] + "/", 0) == 0) return static_cast<int>(i);
  return -1;
}

// Every breach of the rule under `root`: a source file of compiler/ or
// reports/ outside every layer, an include of a missing project header, and
// an include of a higher layer, each as "file: what".
inline std::vector<std::string> layering_violations(const std::filesystem::path& root, const std::vector<std::string>& layers) {
  namespace fs = std::filesystem;
  std::vector<std::string> out;
  static const std::regex include(R"re(^\s*#\s*include\s*"((compiler|reports)/[^"]+)")re");
  std::vector<std::string> files;
  for (const char* top : {"compiler", "reports"}) {
    if (!fs::exists(root / top)) continue;
    for (const auto& e : fs::recursive_directory_iterator(root / top)) {
      auto ext = e.path().extension();
      if (e.is_regular_file() && (ext == ".hpp" || ext == ".cpp")) files.push_back(e.path().lexically_relative(root).generic_string());
    }
  }
  std::sort(files.begin(), files.end());
  for (const std::string& file : files) {
    int own = layer_of(file, layers);
    if (own < 0) {
      out.push_back(file + ": not inside any layer of docs/design.md");
      continue;
    }
    std::istringstream in(read_text(root / file));
    std::string line;
    while (std::getline(in, line)) {
      std::smatch m;
      if (!std::regex_search(line, m, include)) continue;
      std::string header = m[1];
      int theirs = layer_of(header, layers);
      if (!fs::exists(root / header)) out.push_back(file + ": includes " + header + ", which does not exist");
      else if (theirs < 0) out.push_back(file + ": includes " + header + ", which is inside no layer");
      else if (theirs > own) out.push_back(file + " (" + layers[static_cast<std::size_t>(own)] + ") includes " + header + " of a higher layer (" + layers[static_cast<std::size_t>(theirs)] + ")");
    }
  }
  return out;
}

}  // namespace leeway::test
