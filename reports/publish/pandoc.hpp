// Pandoc's command line for each output format. Markdown in, with raw HTML,
// raw TeX and raw attributes turned off, so nothing in the input can reach
// the output as live markup; --sandbox for HTML and PDF (Debian's Pandoc
// cannot sandbox DOCX and EPUB: their safety rests on the Markdown leeway
// generates, which refers to no file at all).
#pragma once
#include <string>
#include <vector>

namespace leeway {

// The formats Pandoc renders; "md" is written by leeway itself.
const std::vector<std::string>& pandoc_formats();

struct PandocAssets {
  std::string style_header;  // an HTML fragment with the stylesheet (<style>...</style>)
  std::string epub_css;      // the stylesheet for EPUB: without paged media (@page), which EPUB does not allow
  std::string reference_docx;
  std::string card_header;   // the card's extra style (<style>...</style>): one page, two columns
  std::string html_template; // Pandoc's html5 template with a <main> landmark (templates/pandoc-template.html)
};

// How a document is laid out: a book has contents; a card is one page.
enum class Layout { book, card };

// One Pandoc run: a document's Markdown into one format.
struct PandocJob {
  std::string format;  // html, pdf, pdf-html (HTML for leeway's PDF engine), docx, epub
  std::string input, output;
  Layout layout = Layout::book;
  std::string html_after_body;  // a file whose HTML ends the HTML output's body (practice); "" for none
  std::string date;             // YYYY-MM-DD: the edition's date, for the EPUB's metadata
  std::string identifier;       // the EPUB's identifier, stable per edition and document
};

std::vector<std::string> pandoc_args(const std::string& program, const PandocJob& job, const PandocAssets& assets);

// The stylesheet without its paged-media rules (@page blocks), for EPUB.
std::string without_paged_media(const std::string& css);

}  // namespace leeway
