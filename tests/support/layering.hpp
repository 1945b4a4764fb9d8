// The house rules of docs/design.md, as checks the unit tests run on the real
// tree and on small trees made to break them:
//   - the layers are listed there once, lowest first, under "## The layers";
//     every source file of compiler/, reports/ and app/ is inside one;
//   - each layer's CMake library (`leeway_layer(name ...)` in its folder's
//     CMakeLists.txt) links exactly what its files include: every project
//     header from another layer and every outside library's header needs that
//     library among the links, and every link is used by some include;
//   - links run down the list only, so they form no cycle; a cycle is named
//     as such all the same, so the message says what to untangle;
//   - no product function is longer than kMaxFunctionLines.
#pragma once
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
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

// The folders that hold product sources.
inline const std::vector<std::string>& source_tops() {
  static const std::vector<std::string> tops = {"compiler", "reports", "app"};
  return tops;
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

// The CMake library of a layer folder: "compiler/core" -> "leeway_core".
inline std::string library_of(const std::string& layer) { return "leeway_" + std::filesystem::path(layer).filename().string(); }

// The outside libraries, by the headers that need them.
inline std::string outside_library_of(const std::string& header) {
  static const std::vector<std::pair<std::string, std::string>> prefixes = {
      {"toml++/", "tomlplusplus::tomlplusplus"},     {"fmt/", "fmt::fmt"},
      {"nlohmann/", "nlohmann_json::nlohmann_json"}, {"boost/graph/", "Boost::graph"},
      {"ctemplate/", "PkgConfig::CTEMPLATE"},        {"git2", "PkgConfig::LIBGIT2"},
      {"cmark-gfm", "PkgConfig::CMARK_GFM"},         {"CLI/", "CLI11::CLI11"}};
  for (const auto& [prefix, library] : prefixes)
    if (header.rfind(prefix, 0) == 0) return library;
  return "";
}

// Is `target` one of the outside libraries above (its use is then checked)?
inline bool known_outside_target(const std::string& target) {
  for (const char* h : {"toml++/", "fmt/", "nlohmann/", "boost/graph/", "ctemplate/", "git2", "cmark-gfm", "CLI/"})
    if (outside_library_of(h) == target) return true;
  return false;
}

// What the `leeway_layer(name ...)` call of a layer's CMakeLists.txt links
// (PUBLIC and PRIVATE alike).
struct LayerLinks {
  std::string name;             // the `name` of leeway_layer(name ...), "" if there is no such call
  std::set<std::string> links;  // every target after PUBLIC or PRIVATE
};

inline LayerLinks links_from_cmake(const std::string& cmake) {
  LayerLinks out;
  auto at = cmake.find("leeway_layer(");
  if (at == std::string::npos) return out;
  auto end = cmake.find(')', at);
  std::istringstream words(cmake.substr(at + 13, end == std::string::npos ? std::string::npos : end - at - 13));
  std::string word, section;
  words >> out.name;
  while (words >> word) {
    if (word == "SOURCES" || word == "PUBLIC" || word == "PRIVATE")
      section = word;
    else if (section == "PUBLIC" || section == "PRIVATE")
      out.links.insert(word);
  }
  return out;
}

// The link graph as design.md's "## The link graph" writes it
// ("- `leeway_query`: core, frontend, analysis; outside: fmt::fmt"):
// library -> everything it links, layers by their full library name.
inline std::map<std::string, std::set<std::string>> links_from_design(const std::string& markdown) {
  std::map<std::string, std::set<std::string>> out;
  auto at = markdown.find("\n## The link graph");
  if (at == std::string::npos) return out;
  std::istringstream in(markdown.substr(at + 1));
  std::string line;
  std::getline(in, line);  // the heading
  static const std::regex row(R"(^- `(leeway_[a-z_]+)`: (.*)$)");
  while (std::getline(in, line) && line.rfind("## ", 0) != 0) {
    std::smatch m;
    if (!std::regex_match(line, m, row)) continue;
    std::set<std::string>& links = out[m[1]];
    std::string rest = m[2];
    std::string outside;
    if (auto semi = rest.find("; outside: "); semi != std::string::npos) {
      outside = rest.substr(semi + 11);
      rest = rest.substr(0, semi);
    } else if (rest.rfind("outside: ", 0) == 0) {
      outside = rest.substr(9);
      rest.clear();
    }
    auto split = [](const std::string& list, const std::string& prefix, std::set<std::string>& into) {
      std::istringstream words(list);
      std::string w;
      while (std::getline(words, w, ',')) {
        w.erase(0, w.find_first_not_of(' '));
        if (!w.empty() && w != "no other layer") into.insert(prefix + w);
      }
    };
    split(rest, "leeway_", links);
    split(outside, "", links);
  }
  return out;
}

// The source files (.cpp, .hpp) under the product folders of `root`, relative and sorted.
inline std::vector<std::string> product_sources(const std::filesystem::path& root) {
  namespace fs = std::filesystem;
  std::vector<std::string> files;
  for (const std::string& top : source_tops()) {
    if (!fs::exists(root / top)) continue;
    for (const auto& e : fs::recursive_directory_iterator(root / top)) {
      auto ext = e.path().extension();
      if (e.is_regular_file() && (ext == ".hpp" || ext == ".cpp")) files.push_back(e.path().lexically_relative(root).generic_string());
    }
  }
  std::sort(files.begin(), files.end());
  return files;
}

// Every breach of the rules under `root`, each as "file: what" (or
// "layer: what" for links), files in order, then links, then cycles.
inline std::vector<std::string> layering_violations(const std::filesystem::path& root, const std::vector<std::string>& layers) {
  namespace fs = std::filesystem;
  std::vector<std::string> out;
  std::vector<LayerLinks> links(layers.size());
  std::vector<std::set<std::string>> used(layers.size());  // what each layer's files include, as libraries
  for (std::size_t i = 0; i < layers.size(); ++i) {
    links[i] = links_from_cmake(read_text(root / layers[i] / "CMakeLists.txt"));
    if (links[i].name != fs::path(layers[i]).filename().string())
      out.push_back(layers[i] + "/CMakeLists.txt: has no leeway_layer(" + fs::path(layers[i]).filename().string() + " ...)");
  }

  static const std::regex include(R"re(^\s*#\s*include\s*(["<])([^">]+)[">])re");
  for (const std::string& file : product_sources(root)) {
    int own = layer_of(file, layers);
    if (own < 0) {
      out.push_back(file + ": not inside any layer of docs/design.md");
      continue;
    }
    const std::size_t me = static_cast<std::size_t>(own);
    std::istringstream in(read_text(root / file));
    std::string line;
    while (std::getline(in, line)) {
      std::smatch m;
      if (!std::regex_search(line, m, include)) continue;
      const std::string header = m[2];
      std::string library;
      if (m[1] == "\"") {
        int theirs = layer_of(header, layers);
        bool ours = std::any_of(source_tops().begin(), source_tops().end(), [&](const std::string& t) { return header.rfind(t + "/", 0) == 0; });
        if (!ours) continue;
        if (!fs::exists(root / header)) {
          out.push_back(file + ": includes " + header + ", which does not exist");
          continue;
        }
        if (theirs < 0) {
          out.push_back(file + ": includes " + header + ", which is inside no layer");
          continue;
        }
        if (theirs == own) continue;
        if (theirs > own) {
          out.push_back(file + " (" + layers[me] + ") includes " + header + " of a higher layer (" + layers[static_cast<std::size_t>(theirs)] + ")");
          continue;
        }
        library = library_of(layers[static_cast<std::size_t>(theirs)]);
      } else {
        library = outside_library_of(header);
        if (library.empty()) continue;
      }
      used[me].insert(library);
      if (!links[me].links.count(library))
        out.push_back(file + ": includes " + header + ", but " + library_of(layers[me]) + " does not link " + library);
    }
  }

  std::map<std::string, std::size_t> index;
  for (std::size_t i = 0; i < layers.size(); ++i) index[library_of(layers[i])] = i;
  for (std::size_t i = 0; i < layers.size(); ++i)
    for (const std::string& l : links[i].links) {
      bool project = l.rfind("leeway_", 0) == 0;
      bool known_outside = !project && known_outside_target(l);
      if (project && !index.count(l))
        out.push_back(layers[i] + ": links " + l + ", which is no layer of docs/design.md");
      else if (project && index[l] > i)
        out.push_back(layers[i] + ": links " + l + " of a higher layer (" + layers[index[l]] + ")");
      if ((project || known_outside) && !used[i].count(l)) out.push_back(layers[i] + ": links " + l + ", but none of its files includes it");
    }

  // Cycles among the links, each named once from its lowest layer.
  std::vector<int> state(layers.size(), 0);  // 0 unseen, 1 on the path, 2 done
  std::vector<std::size_t> path;
  std::set<std::string> cycles;
  auto visit = [&](auto&& self, std::size_t i) -> void {
    state[i] = 1;
    path.push_back(i);
    for (const std::string& l : links[i].links) {
      if (!index.count(l)) continue;
      std::size_t j = index[l];
      if (state[j] == 1) {
        auto from = std::find(path.begin(), path.end(), j);
        std::vector<std::size_t> ring(from, path.end());
        std::rotate(ring.begin(), std::min_element(ring.begin(), ring.end()), ring.end());
        std::string text = "links form a cycle: ";
        for (std::size_t k : ring) text += library_of(layers[k]) + " -> ";
        cycles.insert(text + library_of(layers[ring.front()]));
      } else if (state[j] == 0) {
        self(self, j);
      }
    }
    path.pop_back();
    state[i] = 2;
  };
  for (std::size_t i = 0; i < layers.size(); ++i)
    if (state[i] == 0) visit(visit, i);
  out.insert(out.end(), cycles.begin(), cycles.end());
  return out;
}

}  // namespace leeway::test
