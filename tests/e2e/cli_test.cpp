#include <catch2/catch.hpp>

#include <filesystem>

#include <nlohmann/json.hpp>

#include "run.hpp"

using e2e::leeway;

TEST_CASE("the bundled repository checks clean", "[cli]") {
  auto before = e2e::snapshot(POLICIES_DIR);
  e2e::Result r = leeway({"check", POLICIES_DIR});
  CHECK(r.exit == 0);
  CHECK(r.out == "no problems found\n");
  r = leeway({"check", POLICIES_DIR, "--format", "json", "--strict"});
  CHECK(r.exit == 0);
  auto j = nlohmann::json::parse(r.out);
  CHECK(j["diagnostics"].empty());
  CHECK(j["summary"] == nlohmann::json{{"errors", 0}, {"warnings", 0}, {"notes", 0}});
  CHECK(e2e::snapshot(POLICIES_DIR) == before);
}

TEST_CASE("exit 2 when the command cannot run", "[cli]") {
  e2e::TempDir empty;
  e2e::Result r = leeway({"check", empty.path() + "/nope"});
  CHECK(r.exit == 2);
  CHECK(r.err.find("does not exist") != std::string::npos);
  r = leeway({"check", empty.path()});
  CHECK(r.exit == 2);
  CHECK(r.err.find("no leeway.toml") != std::string::npos);
  r = leeway({"check", POLICIES_DIR, "--format", "yaml"});
  CHECK(r.exit == 2);
  r = leeway({"frobnicate"});
  CHECK(r.exit == 2);
  r = leeway({});
  CHECK(r.exit == 2);
}

TEST_CASE("--help teaches and exits 0", "[cli]") {
  e2e::Result r = leeway({"--help"});
  CHECK(r.exit == 0);
  for (const char* word : {"check", "query", "graph", "Exit status"}) CHECK(r.out.find(word) != std::string::npos);
  r = leeway({"query", "--help"});
  CHECK(r.exit == 0);
  CHECK(r.out.find("--batch") != std::string::npos);
}

TEST_CASE("text diagnostics show the source line with a caret and a hint", "[cli]") {
  e2e::TempDir dir;
  dir.write("leeway.toml", e2e::read_file(std::string(POLICIES_DIR) + "/leeway.toml"));
  dir.write("p.toml",
            "[policy]\nid = \"p\"\nover = [\"days_since_purchase\"]\noutcomes = [\"yes\"]\n[[rule]]\nid = \"r\"\nthen = \"yes\"\ngranted = 1\n");
  e2e::Result r = leeway({"check", dir.path()});
  CHECK(r.exit == 1);
  CHECK(r.out.find("p.toml:8:1: error[LW103]: unknown key `granted` in rule `r`") != std::string::npos);
  CHECK(r.out.find("8 | granted = 1\n") != std::string::npos);
  CHECK(r.out.find("  | ^\n") != std::string::npos);
  CHECK(r.out.find("hint:") != std::string::npos);
  CHECK(r.out.find("\x1b[") == std::string::npos);  // not a terminal: no colour
  r = leeway({"check", dir.path(), "--color", "always"});
  CHECK(r.out.find("\x1b[") != std::string::npos);
  r = leeway({"check", dir.path(), "--color", "always"}, {{"NO_COLOR", "1"}});
  CHECK(r.out.find("\x1b[") == std::string::npos);
}

TEST_CASE("query --batch: a bad row is an error record, the rest is answered, and the exit status says so", "[cli]") {
  e2e::TempDir dir;
  dir.write("rows.csv",
            "days_since_purchase,has_receipt,customer_tier,fraud_suspected\n45,true,gold,false\n45,maybe,gold,false\n5,true,gold,false\n");
  e2e::Result r = leeway({"query", POLICIES_DIR, "returns", "--batch", dir.path() + "/rows.csv"});
  CHECK(r.exit == 1);
  CHECK(r.err.find("1 of 3 rows could not be read") != std::string::npos);
  CHECK(r.out.find("grace-period") != std::string::npos);
  CHECK(r.out.find("line 3: `has_receipt=maybe`") != std::string::npos);
  CHECK(r.out.find("in-window") != std::string::npos);
  // A JSON Lines record is the object a single query prints.
  r = leeway({"query", POLICIES_DIR, "returns", "--batch", dir.path() + "/rows.csv", "--format", "jsonl"});
  e2e::Result one = leeway({"query", POLICIES_DIR, "returns", "days_since_purchase=45", "has_receipt=true", "customer_tier=gold",
                            "fraud_suspected=false", "--format", "json"});
  CHECK(nlohmann::json::parse(r.out.substr(0, r.out.find('\n'))) == nlohmann::json::parse(one.out));
  r = leeway({"query", POLICIES_DIR, "returns", "--batch", dir.path() + "/rows.csv", "--format", "text"});
  CHECK(r.exit == 2);
  CHECK(r.out.empty());
  CHECK(r.err.find("--format csv") != std::string::npos);
}

TEST_CASE("query answers as the contract says", "[cli]") {
  e2e::Result r = leeway({"query", POLICIES_DIR, "returns", "days_since_purchase=45", "has_receipt=true", "customer_tier=gold",
                          "fraud_suspected=false", "--format", "json"});
  REQUIRE(r.exit == 0);
  auto j = nlohmann::json::parse(r.out);
  CHECK(j["outcome"] == "refund");
  CHECK(j["decided_by"] == "exception");
  CHECK(j["items"] == nlohmann::json::array({"returns.grace-period"}));
  CHECK(j["granted_by"] == "supervisor");
  CHECK(j["max_cost"] == 200);
  CHECK(j["conflict"] == false);
  r = leeway({"query", POLICIES_DIR, "returns", "days_since_purchase=45", "has_receipt=true", "customer_tier=gold", "fraud_suspected=true",
              "--format", "json"});
  j = nlohmann::json::parse(r.out);
  CHECK(j["decided_by"] == "line");
  CHECK(j["outcome"] == "decline");
  // The leeway: normally, the options (yours with --as), the lines.
  r = leeway({"query", POLICIES_DIR, "returns", "days_since_purchase=45", "has_receipt=true", "customer_tier=gold", "fraud_suspected=false",
              "--format", "json", "--as", "associate"});
  j = nlohmann::json::parse(r.out);
  CHECK(j["normal"] == nlohmann::json::parse(R"({"outcome": "decline", "decided_by": "rule", "items": ["returns.after-window"]})"));
  REQUIRE(j["options"].size() == 1);
  CHECK(j["options"][0]["exception"] == "returns.grace-period");
  CHECK(j["options"][0]["yours"] == false);
  CHECK(j["options"][0]["ask"] == "supervisor");
  CHECK(j["options"][0]["blocked_by"] == nullptr);
  CHECK(j["lines"].empty());
  r = leeway({"query", POLICIES_DIR, "returns", "days_since_purchase=45", "has_receipt=true", "customer_tier=gold", "fraud_suspected=false", "--as",
              "supervisor"});
  CHECK(r.out.find("Normally: no return") != std::string::npos);  // the outcome's title
  CHECK(r.out.find("You may give a refund, up to 200 USD, on your own") != std::string::npos);
  r = leeway({"query", POLICIES_DIR, "returns", "days_since_purchase=45", "--as", "superviser"});
  CHECK(r.exit == 2);
  CHECK(r.err.find("did you mean `supervisor`?") != std::string::npos);
  // A dimension left out: every value of it, region by region where the answer differs.
  r = leeway({"query", POLICIES_DIR, "returns", "has_receipt=true", "customer_tier=gold", "fraud_suspected=false", "--format", "json"});
  CHECK(r.exit == 0);
  j = nlohmann::json::parse(r.out);
  CHECK(j["depends_on"] == nlohmann::json::array({"days_since_purchase"}));
  CHECK(j["outcome"] == nullptr);
  REQUIRE(j["answers"].size() == 3);
  CHECK(j["answers"][1]["region"]["days_since_purchase"] == nlohmann::json::array({31, 60}));
  CHECK(j["answers"][1]["options"][0]["max_cost"] == 200);
  // Unknown and out-of-domain dimensions: exit 2, naming them.
  r = leeway({"query", POLICIES_DIR, "returns", "days_since_purchase=99999", "has_receipt=true", "customer_tier=gold", "fraud_suspected=false"});
  CHECK(r.exit == 2);
  CHECK(r.err.find("days_since_purchase") != std::string::npos);
  r = leeway({"query", POLICIES_DIR, "returnz", "days_since_purchase=1"});
  CHECK(r.exit == 2);
}

TEST_CASE("the graph renders with Graphviz", "[cli]") {
  e2e::Result r = leeway({"graph", POLICIES_DIR, "--format", "dot"});
  REQUIRE(r.exit == 0);
  e2e::TempDir dir;
  dir.write("g.dot", r.out);
  e2e::Result dot = e2e::run({"/usr/bin/dot", "-Tsvg", dir.path() + "/g.dot", "-o", dir.path() + "/g.svg"});
  CHECK(dot.exit == 0);
  CHECK(e2e::read_file(dir.path() + "/g.svg").find("<svg") != std::string::npos);
  r = leeway({"graph", POLICIES_DIR, "--format", "json"});
  auto j = nlohmann::json::parse(r.out);
  CHECK(j["nodes"].size() > 30);
}

TEST_CASE("same input, byte-identical output", "[cli]") {
  for (const char* fmt : {"json", "text"}) {
    e2e::Result a = leeway({"check", std::string(FIXTURES_DIR) + "/conflicted", "--format", fmt});
    e2e::Result b = leeway({"check", std::string(FIXTURES_DIR) + "/conflicted", "--format", fmt, "-j", "1"});
    CHECK(a.exit == 1);
    CHECK(a.out == b.out);
  }
}

namespace {
// A repository copied from the fixture base, with one more file.
void base_repo(const e2e::TempDir& dir) { dir.write("leeway.toml", e2e::read_file(std::string(FIXTURES_DIR) + "/base/leeway.toml")); }
std::vector<std::string> kinds_at(const e2e::Result& r) {
  std::vector<std::string> out;
  auto j = nlohmann::json::parse(r.out);
  for (const auto& d : j["diagnostics"])
    out.push_back(" " + d["kind"].get<std::string>() + " " + d["file"].get<std::string>() + ":" + std::to_string(d["line"].get<int>()) + ":" +
                  std::to_string(d["column"].get<int>()));
  return out;
}
}  // namespace

TEST_CASE("files that are not UTF-8, or hold NUL, are reported at the byte", "[cli][files]") {
  e2e::TempDir dir;
  base_repo(dir);
  dir.write("a.toml", "[policy]\nid = \"caf\xE9\"\n");
  dir.write("b.toml", std::string("[policy]\nid = \"x\0\"\n", 20));
  e2e::Result r = leeway({"check", dir.path(), "--format", "json"});
  CHECK(r.exit == 1);
  CHECK(kinds_at(r) == std::vector<std::string>{" invalid-encoding a.toml:2:10", " invalid-encoding b.toml:2:8"});
}

TEST_CASE("links out of the repository are not followed", "[cli][files]") {
  e2e::TempDir outside, dir;
  outside.write("secret.toml", "[policy]\nid = \"secret\"\n");
  base_repo(dir);
  std::filesystem::create_symlink(outside.path() + "/secret.toml", dir.path() + "/a.toml");
  std::filesystem::create_directory_symlink(outside.path(), dir.path() + "/sub");
  e2e::Result r = leeway({"check", dir.path(), "--format", "json"});
  CHECK(r.exit == 1);
  CHECK(kinds_at(r) == std::vector<std::string>{" link-outside a.toml:1:1", " link-outside sub:1:1"});
  CHECK(r.out.find("secret") == std::string::npos);
}

TEST_CASE("an oversized file is refused with a clear reason", "[cli][files]") {
  e2e::TempDir dir;
  base_repo(dir);
  dir.write("big.toml", "# " + std::string(5 << 20, 'x') + "\n");
  e2e::Result r = leeway({"check", dir.path(), "--format", "json"});
  CHECK(r.exit == 1);
  CHECK(kinds_at(r) == std::vector<std::string>{" unreadable-file big.toml:1:1"});
  CHECK(r.out.find("over the limit") != std::string::npos);
}

TEST_CASE("CRLF line endings and a byte order mark are fine", "[cli][files]") {
  e2e::TempDir dir;
  base_repo(dir);
  dir.write("p.toml",
            "\xEF\xBB\xBF[policy]\r\nid = \"p\"\r\nover = [\"days\"]\r\noutcomes = [\"yes\"]\r\n\r\n[[rule]]\r\nid = \"all\"\r\nthen = \"yes\"\r\n");
  e2e::Result r = leeway({"check", dir.path()});
  CHECK(r.exit == 0);
  CHECK(r.out == "no problems found\n");
}
