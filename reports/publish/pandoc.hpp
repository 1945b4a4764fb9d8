// Pandoc's command line for each output format. Markdown in, with raw HTML,
// raw TeX and raw attributes turned off, so nothing in the input can reach
// the output as live markup; --sandbox for HTML and PDF (Debian's Pandoc
// cannot sandbox DOCX and EPUB: their safety rests on the Markdown leeway
// generates, which refers to no file at all).
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "reports/publish/output_format.hpp"

namespace leeway {

struct PandocAssets {
  std::string style_header;  // an HTML fragment with the stylesheet (<style>...</style>)
  std::string epub_css;      // the stylesheet for EPUB: without paged media (@page), which EPUB does not allow
  std::string reference_docx;
  std::string card_header;    // the card's extra style (<style>...</style>): one page, two columns
  std::string html_template;  // Pandoc's html5 template with a <main> landmark (templates/pandoc-template.html)
};

// How a document is laid out: a book has contents; a card is one page.
enum class Layout { book, card };

// One Pandoc run: a document's Markdown into one format.
struct PandocJob {
  OutputFormat format = OutputFormat::html;  // html, pdf, docx or epub (pandoc_formats())
  // PDF only: Pandoc writes just the HTML, for leeway's PDF engine (pdf_engine.hpp)
  // to lay out, rather than running WeasyPrint itself.
  bool html_for_pdf_engine = false;
  std::string input, output;
  Layout layout = Layout::book;
  std::string html_after_body;  // a file whose HTML ends the HTML output's body (practice); "" for none
  std::string date;             // YYYY-MM-DD: the edition's date, for the EPUB's metadata
  std::string identifier;       // the EPUB's identifier, stable per edition and document
};

std::vector<std::string> pandoc_args(const std::string& program, const PandocJob& job, const PandocAssets& assets);

// The stylesheet without its paged-media rules (@page blocks), for EPUB.
std::string without_paged_media(const std::string& css);

// The Markdown without its `::: {.explore}` blocks (leeway's own, a line each:
// open, link, close): links into the explorer lead nowhere on paper or in an e-book.
std::string without_web_blocks(const std::string& md);

// "2026-11-25" for a time in seconds since 1970 (UTC): the EPUB's date.
std::string iso_date(std::int64_t epoch);

}  // namespace leeway
