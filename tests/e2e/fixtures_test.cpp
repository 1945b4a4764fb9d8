// Every fixture case under tests/fixtures/cases: a small repository (the base
// manifest unless the case gives its own) and the diagnostics `leeway check`
// must report, each as "severity kind file:line:column", plus the exit status.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <sstream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "run.hpp"

namespace fs = std::filesystem;

namespace {

struct Case {
  std::map<std::string, std::string> files;
  std::vector<std::string> expected;
  int exit = 0;
  std::vector<std::string> args;
};

Case parse_case(const std::string& text) {
  Case c;
  std::istringstream in(text);
  std::string line, current;
  while (std::getline(in, line)) {
    if (line.rfind("--- ", 0) == 0) {
      current = line.substr(4);
      if (current != "expect") c.files[current];
      continue;
    }
    if (current.empty()) continue;  // the description at the top
    if (current == "expect") {
      if (line.rfind("exit ", 0) == 0)
        c.exit = std::stoi(line.substr(5));
      else if (line.rfind("args ", 0) == 0) {
        std::istringstream words(line.substr(5));
        for (std::string w; words >> w;) c.args.push_back(w);
      } else if (!line.empty())
        c.expected.push_back(line);
    } else {
      c.files[current] += line + "\n";
    }
  }
  return c;
}

}  // namespace

TEST_CASE("fixture repositories report exactly the expected diagnostics", "[fixtures]") {
  std::vector<fs::path> cases;
  for (const auto& e : fs::directory_iterator(fs::path(FIXTURES_DIR) / "cases"))
    if (e.path().extension() == ".case") cases.push_back(e.path());
  std::sort(cases.begin(), cases.end());
  REQUIRE(cases.size() >= 30);
  std::string base = e2e::read_file((fs::path(FIXTURES_DIR) / "base" / "leeway.toml").string());
  for (const auto& path : cases) {
    DYNAMIC_SECTION(path.filename().string()) {
      Case c = parse_case(e2e::read_file(path.string()));
      e2e::TempDir dir;
      if (!c.files.count("leeway.toml")) dir.write("leeway.toml", base);
      for (const auto& [name, text] : c.files) dir.write(name, text);
      auto before = e2e::snapshot(dir.path());
      std::vector<std::string> args{"check", dir.path(), "--format", "json"};
      args.insert(args.end(), c.args.begin(), c.args.end());
      e2e::Result r = e2e::leeway(args);
      INFO(r.err);
      CHECK(r.exit == c.exit);
      auto j = nlohmann::json::parse(r.out);
      std::vector<std::string> got;
      for (const auto& d : j["diagnostics"])
        got.push_back(fmt::format("{} {} {}:{}:{}{}", d["severity"].get<std::string>(), d["kind"].get<std::string>(), d["file"].get<std::string>(),
                                  d["line"].get<int>(), d["column"].get<int>(), d.contains("waived") ? " waived" : ""));
      std::sort(got.begin(), got.end());
      std::sort(c.expected.begin(), c.expected.end());
      CHECK(got == c.expected);
      CHECK(e2e::snapshot(dir.path()) == before);  // nothing written into the repository
    }
  }
}
