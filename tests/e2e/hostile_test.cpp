// A corpus of hostile repositories: truncations, byte flips, NUL bytes,
// huge and negative numbers, deep nesting, very long strings, CRLF, BOMs,
// links out of the repository. Each must end with exit 1 or 2 and a
// diagnostic, never a crash or a hang, and leave the repository unchanged.
#include <catch2/catch.hpp>

#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <functional>
#include <regex>

#include "run.hpp"

namespace fs = std::filesystem;
using e2e::leeway;

namespace {

struct Hostile {
  std::string name;
  std::function<void(const e2e::TempDir&)> make;  // writes over the bundled fixture
};

const std::string kDocs = std::string(FIXTURES_DIR) + "/docs";

void base(const e2e::TempDir& dir) {
  for (const char* f : {"leeway.toml", "returns.toml", "stories/late-kettle.md"}) dir.write(f, e2e::read_file(kDocs + "/" + f));
}

std::string original(const std::string& f) { return e2e::read_file(kDocs + "/" + f); }

std::vector<Hostile> corpus() {
  std::vector<Hostile> all;
  const std::vector<std::string> files = {"leeway.toml", "returns.toml", "stories/late-kettle.md"};
  // Truncated inside a quoted string: an unterminated string.
  for (const auto& f : files) {
    std::string text = original(f);
    std::size_t quote = 0;
    for (int k = 0; k < 6; ++k) {
      quote = text.find('"', quote + 1);
      if (quote == std::string::npos) break;
      if (k % 2) continue;  // opening quotes only
      std::string cut = text.substr(0, quote + 2);
      all.push_back({"truncated " + f + " at " + std::to_string(quote + 2), [f, cut](const e2e::TempDir& d) {
                       base(d);
                       d.write(f, cut);
                     }});
    }
  }
  // Byte flips into invalid UTF-8, and NUL bytes.
  for (const auto& f : files)
    for (std::size_t at : {std::size_t{0}, std::size_t{57}, std::size_t{140}, std::size_t{300}}) {
      std::string text = original(f);
      if (at >= text.size()) continue;
      std::string flipped = text, nul = text;
      flipped[at] = static_cast<char>(0xFF);
      nul[at] = '\0';
      all.push_back({"0xFF in " + f + " at " + std::to_string(at), [f, flipped](const e2e::TempDir& d) {
                       base(d);
                       d.write(f, flipped);
                     }});
      all.push_back({"NUL in " + f + " at " + std::to_string(at), [f, nul](const e2e::TempDir& d) {
                       base(d);
                       d.write(f, nul);
                     }});
    }
  // Numbers out of every range.
  auto replace = [&](const std::string& f, const std::string& from, const std::string& to) {
    all.push_back({f + ": " + from + " -> " + to.substr(0, 40), [=](const e2e::TempDir& d) {
                     base(d);
                     std::string t = original(f);
                     t.replace(t.find(from), from.size(), to);
                     d.write(f, t);
                   }});
  };
  replace("leeway.toml", "max = 100", "max = 99999999999999999999");
  replace("leeway.toml", "min = 0", "min = -9223372036854775809");
  replace("leeway.toml", "max = 100", "max = -100");
  replace("leeway.toml", "max_cost = 25", "max_cost = 1e400");
  replace("leeway.toml", "max_cost = 25", "max_cost = -25");
  replace("leeway.toml", "max_cost = 25", "max_cost = 25.001");
  replace("returns.toml", "max_cost = 20", "max_cost = 9223372036854775807");
  replace("returns.toml", "days = \"0..30\"", "days = \"0..99999999999999999999\"");
  replace("returns.toml", "days = \"0..30\"", "days = \"-5..30\"");
  replace("returns.toml", "days = \"0..30\"", "days = \"30..0\"");
  replace("returns.toml", "days = \"0..30\"", "days = nan");
  replace("returns.toml", "days = \"0..30\"", "days = inf");
  // Deep nesting and very long strings.
  replace("returns.toml", "says = \"Refund it.\"", "says = " + std::string(5000, '[') + std::string(5000, ']'));
  replace(
      "returns.toml", "says = \"Refund it.\"", "says = " + [] {
        std::string s;
        for (int i = 0; i < 3000; ++i) s += "{ a = ";
        s += "1";
        for (int i = 0; i < 3000; ++i) s += " }";
        return s;
      }());
  replace("returns.toml", "says = \"Refund it.\"", "says = \"" + std::string(1 << 20, 'x') + "\"");
  replace("returns.toml", "says = \"Refund it.\"", std::string(100000, 'k') + " = 1");
  replace("leeway.toml", "name = \"Fixture Outfitters\"", "name = \"" + std::string(3 << 20, 'n') + "\"");
  replace("returns.toml", "[[rule]]", std::string(200, '[') + "rule" + std::string(200, ']'));
  // Keys and tables where they do not belong.
  replace("returns.toml", "id = \"late\"", "id = \"late\"\nid = \"again\"");
  replace("returns.toml", "[policy]", "policy = 1\n[policy]");
  replace("leeway.toml", "[roles.supervisor]", "[roles.supervisor]\nreports_to = \"associate\"");
  replace("returns.toml", "granted_by = \"associate\"", "granted_by = [\"associate\"]");
  // CRLF and byte order marks, with an error inside.
  all.push_back({"CRLF with an unknown key", [](const e2e::TempDir& d) {
                   base(d);
                   std::string t = original("returns.toml"), crlf;
                   for (char c : t) crlf += c == '\n' ? std::string("\r\n") : std::string(1, c);
                   d.write("returns.toml", crlf + "\r\n[[rule]]\r\nid = \"x\"\r\nthen = \"refund\"\r\nfrobnicate = 1\r\n");
                 }});
  all.push_back({"lone CR line endings", [](const e2e::TempDir& d) {
                   base(d);
                   std::string t = original("returns.toml");
                   for (char& c : t)
                     if (c == '\n') c = '\r';
                   d.write("returns.toml", t);
                 }});
  all.push_back({"BOM and a syntax error", [](const e2e::TempDir& d) {
                   base(d);
                   d.write("returns.toml", "\xEF\xBB\xBF" + original("returns.toml") + "\n[[rule\n");
                 }});
  all.push_back({"BOM in the middle", [](const e2e::TempDir& d) {
                   base(d);
                   std::string t = original("returns.toml");
                   t.insert(t.find("[[rule]]"), "\xEF\xBB\xBF");
                   d.write("returns.toml", t);
                 }});
  all.push_back({"UTF-16 file", [](const e2e::TempDir& d) {
                   base(d);
                   std::string t = "\xFF\xFE";
                   for (char c : original("returns.toml")) t += c, t += '\0';
                   d.write("returns.toml", t);
                 }});
  // Stories gone wrong.
  all.push_back({"story without its closing +++", [](const e2e::TempDir& d) {
                   base(d);
                   d.write("stories/late-kettle.md", "+++\ntitle = \"x\"\nteaches = [\"returns.small-credit\"]\nno end\n");
                 }});
  all.push_back({"story without front matter", [](const e2e::TempDir& d) {
                   base(d);
                   d.write("stories/late-kettle.md", "Just a story.\n");
                 }});
  all.push_back({"story front matter not TOML", [](const e2e::TempDir& d) {
                   base(d);
                   d.write("stories/late-kettle.md", "+++\n= = =\n+++\nbody\n");
                 }});
  all.push_back({"story teaching an item of no policy", [](const e2e::TempDir& d) {
                   base(d);
                   d.write("stories/late-kettle.md", "+++\ntitle = \"x\"\nteaches = [\"nowhere.fraud\"]\n+++\nbody\n");
                 }});
  // Garbage and odd files.
  all.push_back({"random bytes as a policy", [](const e2e::TempDir& d) {
                   base(d);
                   std::string junk;
                   unsigned x = 12345;
                   for (int i = 0; i < 4096; ++i) junk += static_cast<char>((x = x * 1103515245 + 12345) >> 16);
                   d.write("junk.toml", junk);
                 }});
  all.push_back({"empty policy file", [](const e2e::TempDir& d) {
                   base(d);
                   d.write("empty.toml", "");
                 }});
  all.push_back({"empty manifest", [](const e2e::TempDir& d) {
                   base(d);
                   d.write("leeway.toml", "");
                 }});
  all.push_back({"a folder named like a policy", [](const e2e::TempDir& d) {
                   base(d);
                   d.write("folder.toml/inner.toml", "x = 1\n");
                 }});
  all.push_back({"a policy file over 4 MiB", [](const e2e::TempDir& d) {
                   base(d);
                   d.write("big.toml", "# " + std::string(5 << 20, 'x') + "\n");
                 }});
  // Links out of the repository.
  all.push_back({"policy linked to /etc/passwd", [](const e2e::TempDir& d) {
                   base(d);
                   REQUIRE(symlink("/etc/passwd", (d.path() + "/passwd.toml").c_str()) == 0);
                 }});
  all.push_back({"folder linked to /etc", [](const e2e::TempDir& d) {
                   base(d);
                   REQUIRE(symlink("/etc", (d.path() + "/etc").c_str()) == 0);
                 }});
  all.push_back({"stories linked outside", [](const e2e::TempDir& d) {
                   d.write("leeway.toml", original("leeway.toml"));
                   d.write("returns.toml", original("returns.toml"));
                   REQUIRE(symlink("/tmp", (d.path() + "/stories").c_str()) == 0);
                 }});
  all.push_back({"manifest linked outside", [](const e2e::TempDir& d) {
                   d.write("returns.toml", original("returns.toml"));
                   REQUIRE(symlink((kDocs + "/leeway.toml").c_str(), (d.path() + "/leeway.toml").c_str()) == 0);
                 }});
  return all;
}

}  // namespace

TEST_CASE("hostile repositories: a diagnostic and exit 1 or 2, never a crash, a hang or a change", "[hostile][security]") {
  auto cases = corpus();
  REQUIRE(cases.size() >= 50);
  std::regex located(R"((^|\n)[^\n:]+:\d+:\d+: error\[LW\d{3}\])");
  for (const auto& c : cases) {
    DYNAMIC_SECTION(c.name) {
      e2e::TempDir dir;
      c.make(dir);
      auto before = e2e::snapshot(dir.path());
      auto t0 = std::chrono::steady_clock::now();
      e2e::Result r = leeway({"check", dir.path()});
      double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
      INFO(r.out.substr(0, 2000) << r.err.substr(0, 2000));
      CHECK((r.exit == 1 || r.exit == 2));
      if (r.exit == 1) CHECK(std::regex_search(r.out, located));
      if (r.exit == 2) CHECK(r.err.find("leeway: error:") != std::string::npos);
      CHECK(r.out.find("root:x:0") == std::string::npos);  // nothing read from outside
      CHECK(secs < 20);
      e2e::Result q = leeway({"query", dir.path(), "returns", "days=1", "tier=gold", "fraud=false", "--format", "json"});
      CHECK(q.exit < 128);  // answers or refuses, never crashes
      e2e::Result g = leeway({"graph", dir.path(), "--format", "json"});
      CHECK(g.exit < 128);
      CHECK(e2e::snapshot(dir.path()) == before);
    }
  }
}
