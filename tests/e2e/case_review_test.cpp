// `leeway review`: the sample case log of the bundled repository, a
// repository with a gap (silent cases), exit codes, filters, hostile rows,
// the manager's review as documents and draft stories that check clean.
#include <catch2/catch.hpp>

#include <filesystem>

#include <nlohmann/json.hpp>

#include "run.hpp"

namespace fs = std::filesystem;
using e2e::leeway;

namespace {

const std::string kSample = std::string(SOURCE_DIR) + "/docs/examples/northwind-cases.csv";

// The document fixture with its "late" rule narrowed to 31..60 days: past 60
// days the policy is silent (a gap) unless a line decides (fraud).
void gap_repo(const e2e::TempDir& dir) {
  for (const char* f : {"leeway.toml", "returns.toml", "stories/late-kettle.md"})
    dir.write(f, e2e::read_file(std::string(FIXTURES_DIR) + "/docs/" + f));
  std::string p = e2e::read_file(dir.path() + "/returns.toml");
  p.replace(p.find("when = { days = \"31..\" }"), 24, "when = { days = \"31..60\" }");
  dir.write("returns.toml", p);
}

}  // namespace

TEST_CASE("review of the sample case log: every row classified, the malformed ones invalid with their row", "[review]") {
  e2e::Result r = leeway({"review", POLICIES_DIR, kSample, "--format", "json"});
  CHECK(r.exit == 1);  // the sample has malformed rows on purpose
  auto j = nlohmann::json::parse(r.out);
  CHECK(j["cases"] == 611);
  std::size_t sum = 0;
  for (auto& [cls, n] : j["by_class"].items()) sum += n.get<std::size_t>();
  CHECK(sum == 611);
  CHECK(j["by_class"]["invalid"] == 11);
  for (const char* cls : {"crosses-line", "rule", "exception", "above-ceiling", "beyond-authority", "off-policy"}) {
    INFO(cls);
    CHECK(j["by_class"][cls].get<int>() > 5);
  }
  CHECK(j["by_class"]["silent"] == 0);  // the bundled repository has no gap
  // JSON Lines: one record per row, in order, each with its class and reason.
  r = leeway({"review", POLICIES_DIR, kSample, "--format", "jsonl"});
  std::size_t rows = 0, invalid = 0;
  for (std::size_t at = 0; at < r.out.size();) {
    std::size_t end = r.out.find('\n', at);
    auto rec = nlohmann::json::parse(r.out.substr(at, end - at));
    CHECK(rec["row"] == ++rows);
    CHECK(rec["reason"].is_string());
    if (rec["class"] == "invalid") ++invalid;
    if (rec["case"] == "NW-BAD5") CHECK(rec["reason"].get<std::string>().find("two fraction digits") != std::string::npos);
    if (rec["case"] == "NW-BAD1") CHECK(rec["reason"].get<std::string>().find("did you mean `returns`") != std::string::npos);
    at = end + 1;
  }
  CHECK(rows == 611);
  CHECK(invalid == 11);
}

TEST_CASE("review of a repository with a gap: silent cases grouped by the gap box check reports", "[review]") {
  e2e::TempDir repo, logs;
  gap_repo(repo);
  REQUIRE(leeway({"check", repo.path(), "--format", "json"}).exit == 1);  // the gap is an error
  logs.write(
      "cases.jsonl",
      "{\"case\": \"a\", \"policy\": \"returns\", \"given\": \"refund\", \"by\": \"associate\", \"days\": 70, \"tier\": \"gold\", \"fraud\": false}\n"
      "{\"case\": \"b\", \"policy\": \"returns\", \"given\": \"decline\", \"by\": \"associate\", \"days\": 99, \"tier\": \"standard\", \"fraud\": "
      "false}\n"
      "{\"case\": \"c\", \"policy\": \"returns\", \"given\": \"refund\", \"by\": \"associate\", \"days\": 70, \"tier\": \"gold\", \"fraud\": true}\n"
      "{\"case\": \"d\", \"policy\": \"returns\", \"given\": \"refund\", \"by\": \"associate\", \"days\": 45, \"tier\": \"gold\", \"fraud\": false, "
      "\"cost\": 12.5}\n");
  e2e::Result r = leeway({"review", repo.path(), logs.path() + "/cases.jsonl", "--format", "json"});
  CHECK(r.exit == 0);
  auto j = nlohmann::json::parse(r.out);
  CHECK(j["by_class"]["silent"] == 2);
  CHECK(j["by_class"]["crosses-line"] == 1);      // c: fraud decides
  CHECK(j["by_class"]["beyond-authority"] == 1);  // d: the supervisor grants the gold grace
  REQUIRE(j["silent"].size() == 1);
  CHECK(j["silent"][0]["policy"] == "returns");
  CHECK(j["silent"][0]["cases"] == 2);
  CHECK(j["silent"][0]["region"]["days"] == nlohmann::json::array({61, 100}));
  CHECK(j["silent"][0]["region"]["fraud"] == nlohmann::json::array({false}));
  // The same box as `leeway check`'s gap.
  auto check = nlohmann::json::parse(leeway({"check", repo.path(), "--format", "json"}).out);
  bool same = false;
  for (const auto& d : check["diagnostics"])
    if (d["kind"] == "gap") same = same || d["region"] == j["silent"][0]["region"];
  CHECK(same);
  r = leeway({"review", repo.path(), logs.path() + "/cases.jsonl", "--format", "jsonl"});
  auto d = nlohmann::json::parse(r.out.substr(r.out.rfind('\n', r.out.size() - 2) + 1));
  CHECK(d["class"] == "beyond-authority");
  CHECK(d["exception"] == "returns.gold-grace");
  CHECK(d["ask"] == "supervisor");
  CHECK(d["normal"] == "decline");
}

TEST_CASE("review says clearly what stops it: no file, no header, a header without a required column, bad arguments", "[review]") {
  e2e::TempDir logs;
  e2e::Result r = leeway({"review", POLICIES_DIR, logs.path() + "/nope.csv"});
  CHECK(r.exit == 2);
  CHECK(r.err.find("no such file") != std::string::npos);
  logs.write("empty.csv", "");
  r = leeway({"review", POLICIES_DIR, logs.path() + "/empty.csv"});
  CHECK(r.exit == 2);
  CHECK(r.err.find("header") != std::string::npos);
  logs.write("nogiven.csv", "case,policy,by\n1,returns,associate\n");
  r = leeway({"review", POLICIES_DIR, logs.path() + "/nogiven.csv"});
  CHECK(r.exit == 2);
  CHECK(r.err.find("no column `given`") != std::string::npos);
  r = leeway({"review", POLICIES_DIR, kSample, "--from", "last week"});
  CHECK(r.exit == 2);
  r = leeway({"review", POLICIES_DIR, kSample, "-o", std::string(POLICIES_DIR) + "/out"});
  CHECK(r.exit == 2);
  CHECK(r.err.find("inside the policy repository") != std::string::npos);
}

TEST_CASE("review filters by period, policy and role, and keeps reporting invalid rows", "[review]") {
  auto count = [](const std::vector<std::string>& extra) {
    std::vector<std::string> args = {"review", POLICIES_DIR, kSample, "--format", "json"};
    args.insert(args.end(), extra.begin(), extra.end());
    return nlohmann::json::parse(leeway(args).out);
  };
  auto all = count({});
  auto october = count({"--from", "2026-10-01", "--to", "2026-10-31"});
  auto november = count({"--from", "2026-11-01"});
  std::size_t valid = all["cases"].get<std::size_t>() - 11;
  CHECK(october["cases"].get<std::size_t>() - 11 + november["cases"].get<std::size_t>() - 11 == valid);
  auto returns = count({"--policy", "returns", "--role", "associate"});
  CHECK(returns["by_policy"].size() == 1);
  CHECK(returns["by_role"].size() == 1);
  CHECK(returns["by_role"]["associate"]["cases"].get<std::size_t>() + 11 == returns["cases"].get<std::size_t>());
}

TEST_CASE("the manager's review as documents keeps text from the log inert, and draft stories check clean", "[review][pandoc][security]") {
  e2e::TempDir out, drafts, repo, logs;
  std::string header = e2e::read_file(kSample).substr(0, e2e::read_file(kSample).find('\n') + 1);
  logs.write("cases.csv",
             header +
                 "H1,2026-10-02,\"<script>alert(1)</script> [x](javascript:alert(2)) **b**\",associate,returns,store_credit,10,yes,yes,yes,"
                 "\"<img src=x onerror=alert(3)> ![p](/etc/passwd) {=html}\",40,true,silver,false,,,,,,,,,\n"
                 "H2,2026-10-03,Ana,associate,returns,refund,300,,,,,70,true,gold,false,,,,,,,,,\n");
  e2e::Result r = leeway({"review", POLICIES_DIR, logs.path() + "/cases.csv", "-o", out.path(), "--formats", "md,html", "--stories", drafts.path()});
  REQUIRE(r.exit == 0);
  std::string html = e2e::read_file(out.path() + "/review.html");
  for (const char* bad : {"<script>alert", "href=\"javascript", "<img src=x", "<strong>b</strong>", "src=\"/etc/passwd"}) {
    INFO(bad);
    CHECK(html.find(bad) == std::string::npos);
  }
  CHECK(html.find("alert(1)") != std::string::npos);  // the words are there, as text
  CHECK(html.find("Calls to praise") != std::string::npos);
  CHECK(html.find("Case H2") != std::string::npos);  // to talk about: beyond authority
  // The draft story (one call to praise) is a story the repository accepts.
  std::size_t n = 0;
  for (const auto& e : fs::directory_iterator(drafts.path())) {
    ++n;
    for (const auto& f : fs::recursive_directory_iterator(POLICIES_DIR))
      if (f.is_regular_file()) repo.write(fs::relative(f.path(), POLICIES_DIR).string(), e2e::read_file(f.path().string()));
    std::string text = e2e::read_file(e.path().string());
    CHECK(text.find("teaches = [ 'returns.goodwill-credit' ]") != std::string::npos);
    CHECK(text.find("tags = [ 'draft' ]") != std::string::npos);
    repo.write("stories/" + e.path().filename().string(), text);
  }
  CHECK(n == 1);
  e2e::Result check = leeway({"check", repo.path()});
  INFO(check.out << check.err);
  CHECK(check.exit == 0);
}
