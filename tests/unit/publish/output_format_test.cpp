// The document formats, parsed once from --formats and carried typed; the
// stylesheet on each paper; Pandoc's command line for each format.
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "compiler/core/assets.hpp"
#include "reports/publish/output_format.hpp"
#include "reports/publish/pandoc.hpp"
#include "reports/publish/stylesheet.hpp"

using namespace leeway;

TEST_CASE("the names given to --formats parse into a set of formats, and a name that is none is an error naming it", "[publish][formats]") {
  Expected<FormatSet> all = parse_formats("md,html,pdf,docx,epub");
  REQUIRE(all);
  CHECK(*all == all_formats());
  Expected<FormatSet> two = parse_formats("html,,md,html");  // empty items skipped, repeats harmless
  REQUIRE(two);
  CHECK(*two == FormatSet{OutputFormat::md, OutputFormat::html});
  CHECK_FALSE(two->has(OutputFormat::pdf));
  Expected<FormatSet> none = parse_formats("");
  REQUIRE(none);
  CHECK(none->empty());
  Expected<FormatSet> bad = parse_formats("md,odt");
  REQUIRE_FALSE(bad);
  CHECK(bad.error() == "`odt` is not a document format; choose among md, html, pdf, docx, epub");
  CHECK_FALSE(parse_formats("MD"));  // names are lower case
  CHECK_FALSE(parse_formats("page"));
}

TEST_CASE("each format's name is its file extension, and Pandoc renders all but Markdown", "[publish][formats]") {
  std::vector<std::string> names;
  for (OutputFormat f : formats_by_readability()) names.emplace_back(format_name(f));
  CHECK(names == std::vector<std::string>{"html", "pdf", "docx", "epub", "md"});
  CHECK(std::find(pandoc_formats().begin(), pandoc_formats().end(), OutputFormat::md) == pandoc_formats().end());
  CHECK(pandoc_formats().size() == 4);
}

TEST_CASE("the stylesheet gets its paper from a template variable, the rest of it as written", "[publish][stylesheet]") {
  std::string a4 = stylesheet(Paper::a4), letter = stylesheet(Paper::letter);
  CHECK(a4.find("@page { size: A4; margin: 2cm") != std::string::npos);
  CHECK(letter.find("@page { size: letter; margin: 2cm") != std::string::npos);
  CHECK(a4.find("{{") == std::string::npos);
  CHECK(a4.size() + 4 == letter.size());  // "letter" for "A4"
  // Every byte but the variable and its comment is the template's own.
  std::string_view tpl = asset("leeway.css");
  std::size_t at = tpl.find("{{PAGE_SIZE}}");
  REQUIRE(at != std::string_view::npos);
  CHECK(a4.substr(0, at) == tpl.substr(0, at));
  std::size_t after = tpl.find("}}", tpl.find("{{!", at)) + 2;
  CHECK(a4.substr(at + 2) == tpl.substr(after));
}

TEST_CASE("Pandoc's command line for each format, and HTML only for leeway's PDF engine", "[publish][pandoc]") {
  PandocAssets assets{"style.html", "epub.css", "reference.docx", "card.html", "template.html"};
  auto has = [](const std::vector<std::string>& a, const std::string& s) { return std::find(a.begin(), a.end(), s) != a.end(); };
  PandocJob job{OutputFormat::pdf, false, "in.md", "out.pdf", Layout::book, "", "2026-11-25", "urn:uuid:x"};
  std::vector<std::string> pdf = pandoc_args("pandoc", job, assets);
  CHECK(has(pdf, "--pdf-engine=weasyprint"));
  CHECK(has(pdf, "--to=html5"));
  job.html_for_pdf_engine = true;
  CHECK_FALSE(has(pandoc_args("pandoc", job, assets), "--pdf-engine=weasyprint"));
  job.format = OutputFormat::epub;
  std::vector<std::string> epub = pandoc_args("pandoc", job, assets);
  CHECK(has(epub, "--to=epub3"));
  CHECK(has(epub, "--metadata=identifier:urn:uuid:x"));
  CHECK(has(epub, "--metadata=date:2026-11-25"));
  job.format = OutputFormat::docx;
  CHECK(has(pandoc_args("pandoc", job, assets), "--reference-doc=reference.docx"));
  job.format = OutputFormat::html;
  job.layout = Layout::card;
  std::vector<std::string> html = pandoc_args("pandoc", job, assets);
  CHECK(has(html, "--self-contained"));
  CHECK(has(html, "--include-in-header=card.html"));
  CHECK(html.back() == "in.md");
}
