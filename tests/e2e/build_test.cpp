// `leeway build`: the documents a trainer hands out, checked as a user would:
// golden Markdown, every role's handbook in every format, hostile text kept
// inert, Pandoc failing, missing or hanging, the cache, and safe output.
#include <catch2/catch.hpp>

#include <sys/stat.h>

#include <chrono>
#include <filesystem>

#include "run.hpp"

namespace fs = std::filesystem;
using e2e::leeway;

namespace {

const std::string kDocs = std::string(FIXTURES_DIR) + "/docs";
const std::string kHostile = std::string(FIXTURES_DIR) + "/hostile";

// Copies a fixture repository into a temporary folder (to change it safely).
void copy_repo(const std::string& from, const e2e::TempDir& to) {
  for (const auto& e : fs::recursive_directory_iterator(from))
    if (e.is_regular_file()) to.write(fs::relative(e.path(), from).string(), e2e::read_file(e.path().string()));
}

// A stand-in for Pandoc: a shell script with the given body.
std::string fake_pandoc(const e2e::TempDir& dir, const std::string& body) {
  dir.write("fake-pandoc", "#!/bin/sh\n" + body + "\n");
  std::string path = dir.path() + "/fake-pandoc";
  chmod(path.c_str(), 0755);
  return path;
}

std::map<std::string, std::string> outputs(const std::string& dir) {
  auto all = e2e::snapshot(dir);
  all.erase(".leeway-cache.json");
  return all;
}

}  // namespace

TEST_CASE("build writes the Markdown and maps of the golden files", "[build]") {
  e2e::TempDir out;
  auto before = e2e::snapshot(kDocs);
  e2e::Result r = leeway({"build", kDocs, "-o", out.path(), "--formats", "md"});
  REQUIRE(r.exit == 0);
  std::size_t compared = 0;
  for (const auto& e : fs::directory_iterator(GOLDEN_DIR)) {
    std::string name = e.path().filename().string();
    INFO(name << " (regenerate: leeway build tests/fixtures/docs -o tmp --formats md, then copy *.md and *.svg to tests/golden)");
    REQUIRE(fs::exists(out.path() + "/" + name));
    CHECK(e2e::read_file(out.path() + "/" + name) == e2e::read_file(e.path().string()));
    ++compared;
  }
  // Every Markdown file and map built has its golden file.
  std::size_t built = 0;
  for (const auto& e : fs::directory_iterator(out.path())) {
    std::string ext = e.path().extension().string();
    if (ext != ".md" && ext != ".svg") continue;
    INFO(e.path().filename().string() << " has no golden file");
    CHECK(fs::exists(fs::path(GOLDEN_DIR) / e.path().filename()));
    ++built;
  }
  CHECK(compared == built);
  CHECK(compared == 8);                   // 2 handbooks, 2 cards, 3 grids, 1 map
  CHECK(e2e::snapshot(kDocs) == before);  // nothing written into the repository
  // stdout lists the files, for scripts.
  CHECK(r.out.find("handbook-associate.md\n") != std::string::npos);
}

TEST_CASE("every role gets a handbook in every format, and the PDFs hold every exception and line", "[build][pandoc]") {
  e2e::TempDir out;
  e2e::Result r = leeway({"build", kDocs, "-o", out.path()});
  REQUIRE(r.exit == 0);
  for (const char* stem : {"handbook-associate", "handbook-supervisor", "grid-judgment", "grid-authority", "grid-decision-maps"})
    for (const char* ext : {".md", ".html", ".pdf", ".docx", ".epub"}) {
      INFO(stem << ext);
      CHECK(fs::file_size(out.path() + "/" + stem + ext) > 0);
    }
  CHECK(e2e::read_file(out.path() + "/handbook-supervisor.pdf").rfind("%PDF", 0) == 0);
  e2e::Result text = e2e::run({"/usr/bin/pdftotext", "-layout", out.path() + "/handbook-supervisor.pdf", "-"});
  REQUIRE(text.exit == 0);
  for (const char* title : {"Credit a little late", "Grace for gold", "Never on fraud", "Within 30 days", "The late kettle", "Answers to the drills"})
    CHECK(text.out.find(title) != std::string::npos);
  // The contents give each chapter's page, and the PDF has a bookmark for each.
  std::size_t contents = text.out.find("Contents");
  REQUIRE(contents != std::string::npos);
  for (const char* chapter : {"At a glance", "Returns", "Glossary", "Answers to the drills"}) {
    INFO(chapter);
    std::size_t at = text.out.find(std::string(chapter) + " . .", contents);
    REQUIRE(at != std::string::npos);
    std::string line = text.out.substr(at, text.out.find('\n', at) - at);
    CHECK(std::isdigit(static_cast<unsigned char>(line.back())));
    CHECK(e2e::read_file(out.path() + "/handbook-supervisor.pdf").find("/Title (" + std::string(chapter) + ")") != std::string::npos);
  }
  // The decision map is embedded in the HTML, not linked.
  std::string html = e2e::read_file(out.path() + "/grid-decision-maps.html");
  CHECK(html.find("data:image/svg+xml;base64,") != std::string::npos);
}

TEST_CASE("every link inside an HTML document lands on an element of it: contents, drills and their answers", "[build][pandoc]") {
  e2e::TempDir out;
  REQUIRE(leeway({"build", kDocs, "-o", out.path(), "--formats", "html"}).exit == 0);
  std::size_t checked = 0;
  for (const auto& [name, bytes] : outputs(out.path())) {
    if (name.size() < 5 || name.substr(name.size() - 5) != ".html") continue;
    INFO(name);
    for (std::size_t at = bytes.find("href=\"#"); at != std::string::npos; at = bytes.find("href=\"#", at + 1)) {
      std::string id = bytes.substr(at + 7, bytes.find('"', at + 7) - at - 7);
      INFO("#" << id);
      CHECK(bytes.find("id=\"" + id + "\"") != std::string::npos);
      ++checked;
    }
  }
  std::string handbook = e2e::read_file(out.path() + "/handbook-supervisor.html");
  CHECK(handbook.find("<nav id=\"TOC\"") != std::string::npos);
  CHECK(handbook.find("href=\"#answer-1\"") != std::string::npos);  // a drill links to its answer
  CHECK(handbook.find("href=\"#drill-1\"") != std::string::npos);   // and the answer back
  CHECK(checked > 20);
}

TEST_CASE("same input gives the same bytes, and a rebuild with nothing changed runs no Pandoc", "[build][pandoc]") {
  e2e::TempDir a, b;
  REQUIRE(leeway({"build", kDocs, "-o", a.path(), "--formats", "md,html"}).exit == 0);
  REQUIRE(leeway({"build", kDocs, "-o", b.path(), "--formats", "md,html", "-j", "1"}).exit == 0);
  CHECK(outputs(a.path()) == outputs(b.path()));

  auto first = outputs(a.path());
  auto t0 = std::chrono::steady_clock::now();
  e2e::Result again = leeway({"build", kDocs, "-o", a.path(), "--formats", "md,html"});
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  // Nothing changed: nothing is rendered again, and nothing is touched.
  CHECK(again.exit == 0);
  CHECK(again.err.find("(0 rendered by Pandoc, 17 unchanged)") != std::string::npos);
  CHECK(outputs(a.path()) == first);
  CHECK(secs < 5);

  // A change to the text re-renders; the new text is there.
  e2e::TempDir repo;
  copy_repo(kDocs, repo);
  std::string policy = e2e::read_file(repo.path() + "/returns.toml");
  policy.replace(policy.find("Politely decline."), 17, "Decline, kindly.");
  repo.write("returns.toml", policy);
  e2e::Result changed = leeway({"build", repo.path(), "-o", a.path(), "--formats", "md,html"});
  CHECK(changed.exit == 0);
  CHECK(e2e::read_file(a.path() + "/handbook-associate.html").find("Decline, kindly.") != std::string::npos);
}

TEST_CASE("index.html links every document in every format built, and only files that are there", "[build]") {
  e2e::TempDir out;
  REQUIRE(leeway({"build", kDocs, "-o", out.path(), "--formats", "md,html"}).exit == 0);
  std::string index = e2e::read_file(out.path() + "/index.html");
  CHECK(index.find("<html lang=\"en\">") != std::string::npos);
  CHECK(index.find("<h1>Fixture Outfitters, edition 7</h1>") != std::string::npos);
  CHECK(index.find("Handbook for the Supervisor") != std::string::npos);
  std::size_t links = 0;
  for (std::size_t at = index.find("href=\""); at != std::string::npos; at = index.find("href=\"", at + 1)) {
    std::string target = index.substr(at + 6, index.find('"', at + 6) - at - 6);
    INFO(target);
    CHECK(fs::exists(out.path() + "/" + target));
    ++links;
  }
  CHECK(links == 7 * 2 + 1 + 1);  // 2 handbooks, 2 cards and 3 grids in 2 formats, the decision map, the explorer
  CHECK(index.find("href=\"explorer.html\"") != std::string::npos);
  CHECK(index.find(".pdf") == std::string::npos);  // not built, not linked
  // Markdown alone: no explorer (it is a web page), and the index does not link one.
  e2e::TempDir md;
  REQUIRE(leeway({"build", kDocs, "-o", md.path(), "--formats", "md"}).exit == 0);
  CHECK_FALSE(fs::exists(md.path() + "/explorer.html"));
  CHECK(e2e::read_file(md.path() + "/index.html").find("explorer") == std::string::npos);
}

TEST_CASE("paper letter sets the PDF page size (build --paper)", "[build][pandoc]") {
  e2e::TempDir out;
  REQUIRE(leeway({"build", kDocs, "-o", out.path(), "--formats", "pdf", "--paper", "letter"}).exit == 0);
  e2e::Result info = e2e::run({"/usr/bin/pdfinfo", out.path() + "/grid-authority.pdf"});
  CHECK(info.out.find("612 x 792 pts (letter)") != std::string::npos);
  REQUIRE(leeway({"build", kDocs, "-o", out.path(), "--formats", "pdf"}).exit == 0);  // a4 again: rendered again, not reused
  info = e2e::run({"/usr/bin/pdfinfo", out.path() + "/grid-authority.pdf"});
  CHECK(info.out.find("(A4)") != std::string::npos);
}

TEST_CASE("hostile policy text stays text in every document", "[build][pandoc][security]") {
  e2e::TempDir out;
  e2e::Result r = leeway({"build", kHostile, "-o", out.path(), "--formats", "md,html,epub,docx"});
  REQUIRE(r.exit == 0);
  for (const auto& [name, bytes] : outputs(out.path())) {
    INFO(name);
    if (name.size() > 5 && name.substr(name.size() - 5) == ".html") {
      // leeway's own scripts (the explorer's, the practice's: data, then code), and none from the policies.
      const std::string kCode = "<script>\n\"use strict\";\n";
      for (std::size_t at = bytes.find("<script"); at != std::string::npos; at = bytes.find("<script", at + 1)) {
        std::string tag = bytes.substr(at, bytes.find('>', at) - at + 1);
        INFO(tag);
        CHECK((tag == "<script type=\"application/json\" id=\"leeway-data\">" || tag == "<script type=\"application/json\" id=\"practice-data\">" ||
               (tag == "<script>" && bytes.compare(at, kCode.size(), kCode) == 0)));
      }
      CHECK(bytes.find("</script><script") == std::string::npos);
      for (const char* bad : {"<script>alert", "<iframe", "<object", "<style>body", "<svg onload", "<img src=x", "<img src=\"/etc",
                              "href=\"javascript", "<a href=\"javascript", "src=\"file:", "<!-- comment"})
        CHECK(bytes.find(bad) == std::string::npos);
    }
    if (name.find("handbook") != std::string::npos && (name.find(".epub") != std::string::npos || name.find(".docx") != std::string::npos)) {
      // No picture in a handbook: nothing from the disk was pulled in.
      CHECK(bytes.find("media/") == std::string::npos);
      CHECK(bytes.find("root:x:0") == std::string::npos);
    }
  }
  // The story keeps its safe Markdown: emphasis, a web link, a list.
  std::string page = e2e::read_file(out.path() + "/handbook-associate.html");
  CHECK(page.find("<em>Kept</em>") != std::string::npos);
  CHECK(page.find("<strong>kept</strong>") != std::string::npos);
  CHECK(page.find("href=\"https://example.com/ok\"") != std::string::npos);
  CHECK(page.find("<li>a list item</li>") != std::string::npos);
  for (const char* bad : {"href=\"data:", "href=\"vbscript", "<img src=x", "onerror=alert(12)>", "src=\"https://example.com/x.png"}) {
    INFO(bad);
    CHECK(page.find(bad) == std::string::npos);
  }
  std::string md = e2e::read_file(out.path() + "/handbook-associate.md");
  CHECK(md.find("<script>") == std::string::npos);
  CHECK(md.find("\\<script\\>") != std::string::npos);  // shown, escaped
}

TEST_CASE("Pandoc failing, missing or hanging: a clear error and the previous outputs intact", "[build]") {
  e2e::TempDir out, tools, repo;
  copy_repo(kDocs, repo);
  REQUIRE(leeway({"build", repo.path(), "-o", out.path(), "--formats", "md"}).exit == 0);
  repo.write("returns.toml", e2e::read_file(repo.path() + "/returns.toml") + "\n# changed\n");
  std::string policy = e2e::read_file(repo.path() + "/returns.toml");
  policy.replace(policy.find("Refund it."), 10, "Refund it now.");
  repo.write("returns.toml", policy);
  auto before = e2e::snapshot(out.path());

  SECTION("failing") {
    e2e::Result r = leeway(
        {"build", repo.path(), "-o", out.path(), "--formats", "md,html", "--pandoc", fake_pandoc(tools, "echo 'boom: bad input' >&2; exit 3")});
    CHECK(r.exit == 2);
    CHECK(r.err.find("Pandoc failed (exit 3)") != std::string::npos);
    CHECK(r.err.find("boom: bad input") != std::string::npos);
    CHECK(r.err.find(".html") != std::string::npos);  // names the document
  }
  SECTION("missing") {
    e2e::Result r = leeway({"build", repo.path(), "-o", out.path(), "--formats", "md,pdf", "--pandoc", "/nonexistent/pandoc"});
    CHECK(r.exit == 2);
    CHECK(r.err.find("was not found") != std::string::npos);
  }
  SECTION("hanging") {
    auto t0 = std::chrono::steady_clock::now();
    e2e::Result r =
        leeway({"build", repo.path(), "-o", out.path(), "--formats", "md,html", "--pandoc", fake_pandoc(tools, "sleep 30"), "--pandoc-timeout", "1"});
    double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    CHECK(r.exit == 2);
    CHECK(r.err.find("did not finish within 1 seconds") != std::string::npos);
    CHECK(secs < 15);
  }
  SECTION("the PDF engine failing on one document") {
    // A `weasyprint` on PATH whose interpreter fails on the judgment grid only.
    tools.write("engine",
                "#!/bin/sh\nwhile [ $# -gt 1 ]; do shift; case \"$2\" in *grid-judgment.pdf) echo \"failed $2: no room\";; *.pdf) : > \"$2\"; "
                "echo \"done $2\";; esac; shift; done\nexit 1\n");
    tools.write("bin/weasyprint", "#!" + tools.path() + "/engine\n");
    chmod((tools.path() + "/engine").c_str(), 0755);
    chmod((tools.path() + "/bin/weasyprint").c_str(), 0755);
    e2e::Result r = leeway({"build", repo.path(), "-o", out.path(), "--formats", "md,pdf"}, {{"PATH", tools.path() + "/bin:/usr/bin:/bin"}});
    CHECK(r.exit == 2);
    CHECK(r.err.find("grid-judgment.pdf: WeasyPrint failed: no room") != std::string::npos);
    CHECK(r.err.find("handbook-supervisor.pdf:") == std::string::npos);  // the others were made
  }
  CHECK(e2e::snapshot(out.path()) == before);
}

TEST_CASE("build refuses an output folder inside the repository, and a repository with errors", "[build]") {
  e2e::TempDir repo, out;
  copy_repo(kDocs, repo);
  auto before = e2e::snapshot(repo.path());
  e2e::Result r = leeway({"build", repo.path(), "-o", repo.path() + "/out", "--formats", "md"});
  CHECK(r.exit == 2);
  CHECK(r.err.find("inside the policy repository") != std::string::npos);
  CHECK(e2e::snapshot(repo.path()) == before);
  // Run from inside the repository, with the defaults: `.` and a relative `out` that does not exist yet.
  r = e2e::run({"/usr/bin/env", "-C", repo.path(), LEEWAY_BIN, "build", "-o", "out", "--formats", "md"});
  CHECK(r.exit == 2);
  CHECK(r.err.find("inside the policy repository") != std::string::npos);
  CHECK(e2e::snapshot(repo.path()) == before);

  REQUIRE(leeway({"build", repo.path(), "-o", out.path(), "--formats", "md"}).exit == 0);
  auto built = e2e::snapshot(out.path());
  repo.write("broken.toml", "[policy]\nid = \"broken\"\nover = [\"nope\"]\noutcomes = [\"x\"]\n");
  r = leeway({"build", repo.path(), "-o", out.path(), "--formats", "md"});
  CHECK(r.exit == 1);
  CHECK(r.err.find("broken.toml:3:") != std::string::npos);
  CHECK(r.err.find("no document was built") != std::string::npos);
  CHECK(e2e::snapshot(out.path()) == built);
}

TEST_CASE("a role removed from the manifest takes its handbook with it", "[build]") {
  e2e::TempDir repo, out;
  copy_repo(kDocs, repo);
  REQUIRE(leeway({"build", repo.path(), "-o", out.path(), "--formats", "md"}).exit == 0);
  CHECK(fs::exists(out.path() + "/handbook-supervisor.md"));
  std::string m = e2e::read_file(repo.path() + "/leeway.toml");
  m.replace(m.find("[roles.supervisor]"), std::string("[roles.supervisor]\ntitle = \"Supervisor\"\nmax_cost = 200\n").size(),
            "[roles.lead]\ntitle = \"Lead\"\nmax_cost = 200\n");
  m.replace(m.find("reports_to = \"supervisor\""), 25, "reports_to = \"lead\"");
  repo.write("leeway.toml", m);
  std::string p = e2e::read_file(repo.path() + "/returns.toml");
  p.replace(p.find("granted_by = \"supervisor\""), 25, "granted_by = \"lead\"");
  repo.write("returns.toml", p);
  e2e::Result r = leeway({"build", repo.path(), "-o", out.path(), "--formats", "md"});
  REQUIRE(r.exit == 0);
  CHECK(fs::exists(out.path() + "/handbook-lead.md"));
  CHECK_FALSE(fs::exists(out.path() + "/handbook-supervisor.md"));
}

TEST_CASE("each role's pocket card fits one page and names every policy of the bundled repository", "[build][pandoc]") {
  e2e::TempDir out;
  REQUIRE(leeway({"build", POLICIES_DIR, "-o", out.path(), "--formats", "pdf"}).exit == 0);
  std::size_t cards = 0;
  for (const auto& e : fs::directory_iterator(out.path())) {
    std::string name = e.path().filename().string();
    if (name.rfind("card-", 0) != 0) continue;
    INFO(name);
    ++cards;
    e2e::Result info = e2e::run({"/usr/bin/pdfinfo", e.path().string()});
    CHECK(info.out.find("Pages:           1\n") != std::string::npos);
    std::string text = e2e::run({"/usr/bin/pdftotext", "-layout", e.path().string(), "-"}).out;
    for (const char* policy : {"Returns and refunds", "Warranty claims", "Price matching", "Service recovery", "Services that fell short",
                               "Products bought somewhere else"})
      CHECK(text.find(policy) != std::string::npos);
    CHECK(text.find("Normally:") != std::string::npos);
    CHECK(text.find("Never:") != std::string::npos);
  }
  CHECK(cards == 4);  // associate, supervisor, store manager, regional manager
}

TEST_CASE("e-books and Word files are the same bytes from one build to the next, dated by SOURCE_DATE_EPOCH", "[build][pandoc]") {
  e2e::TempDir a, b;
  std::map<std::string, std::string> env = {{"SOURCE_DATE_EPOCH", "1764028800"}};  // 2025-11-25
  REQUIRE(leeway({"build", kDocs, "-o", a.path(), "--formats", "docx,epub", "--since", "none"}, env).exit == 0);
  REQUIRE(leeway({"build", kDocs, "-o", b.path(), "--formats", "docx,epub", "--since", "none"}, env).exit == 0);
  CHECK(outputs(a.path()) == outputs(b.path()));
  e2e::Result opf = e2e::run({"/usr/bin/unzip", "-p", a.path() + "/handbook-supervisor.epub", "EPUB/content.opf"});
  CHECK(opf.out.find(">2025-11-25</dc:date>") != std::string::npos);
  CHECK(opf.out.find("urn:uuid:") != std::string::npos);
  e2e::Result list = e2e::run({"/usr/bin/unzip", "-l", a.path() + "/handbook-supervisor.epub"});
  CHECK(list.out.find("2025-11-25 00:00   mimetype") != std::string::npos);  // entries stamped with that time
}
