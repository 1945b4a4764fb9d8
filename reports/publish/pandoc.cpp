#include "reports/publish/pandoc.hpp"

#include <ctime>

#include <fmt/format.h>

namespace leeway {

std::vector<std::string> pandoc_args(const std::string& program, const PandocJob& job, const PandocAssets& assets) {
  OutputFormat format = job.format;
  std::vector<std::string> a = {program, "--quiet", "--from=markdown-raw_html-raw_tex-raw_attribute-tex_math_dollars-tex_math_single_backslash",
                                "--standalone", "--metadata=lang:en"};
  if (job.layout == Layout::book) a.insert(a.end(), {"--toc", "--toc-depth=1"});
  if (format == OutputFormat::html) {
    a.insert(a.end(),
             {"--sandbox", "--to=html5", "--self-contained", "--template=" + assets.html_template, "--include-in-header=" + assets.style_header});
    if (job.layout == Layout::card) a.push_back("--include-in-header=" + assets.card_header);
    if (!job.html_after_body.empty()) a.push_back("--include-after-body=" + job.html_after_body);
  } else if (format == OutputFormat::pdf) {
    // WeasyPrint lays out the HTML with the same stylesheet: Unicode and tables as on screen;
    // Pandoc runs it, or writes only the HTML for leeway's own PDF engine (pdf_engine.hpp) to lay out.
    a.insert(a.end(), {"--sandbox", "--to=html5", "--template=" + assets.html_template, "--include-in-header=" + assets.style_header});
    if (!job.html_for_pdf_engine) a.push_back("--pdf-engine=weasyprint");
    if (job.layout == Layout::card) a.push_back("--include-in-header=" + assets.card_header);
  } else if (format == OutputFormat::docx) {
    a.insert(a.end(), {"--to=docx", "--reference-doc=" + assets.reference_docx});
  } else if (format == OutputFormat::epub) {
    a.insert(a.end(), {"--to=epub3", "--css=" + assets.epub_css});
    // EPUB wants a date and an identifier; without them Pandoc writes an
    // empty dc:date and a random identifier (a new one every build).
    if (!job.date.empty()) a.push_back("--metadata=date:" + job.date);
    if (!job.identifier.empty()) a.push_back("--metadata=identifier:" + job.identifier);
  }
  a.insert(a.end(), {"--output=" + job.output, "--", job.input});
  return a;
}

std::string without_paged_media(const std::string& css) {
  std::string out;
  std::size_t at = 0;
  for (std::size_t p = css.find("@page"); p != std::string::npos; p = css.find("@page", at)) {
    out.append(css, at, p - at);
    // Skip the block, braces nested inside (@bottom-center { ... }) included.
    std::size_t i = css.find('{', p);
    int depth = 0;
    for (; i != std::string::npos && i < css.size(); ++i) {
      if (css[i] == '{') ++depth;
      if (css[i] == '}' && --depth == 0) break;
    }
    at = i == std::string::npos ? css.size() : i + 1;
  }
  out.append(css, at, std::string::npos);
  return out;
}

std::string without_web_blocks(const std::string& md) {
  static const std::string kOpen = "::: {.explore}\n";
  std::string out;
  std::size_t at = 0;
  for (std::size_t p = md.find(kOpen); p != std::string::npos; p = md.find(kOpen, at)) {
    out.append(md, at, p - at);
    std::size_t close = md.find("\n:::\n", p);
    at = close == std::string::npos ? md.size() : close + 5;
  }
  out.append(md, at, std::string::npos);
  return out;
}

std::string iso_date(std::int64_t epoch) {
  std::time_t t = static_cast<std::time_t>(epoch);
  std::tm tm{};
  gmtime_r(&t, &tm);
  return fmt::format("{:04}-{:02}-{:02}", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}

}  // namespace leeway
