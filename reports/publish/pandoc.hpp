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
  std::string css;           // the stylesheet file, for EPUB
  std::string reference_docx;
  std::string card_header;   // the card's extra style (<style>...</style>): one page, two columns
};

// How a document is laid out: a book has contents; a card is one page.
// `html_after_body`: a file whose HTML ends the HTML output's body (the
// practice scripts); "" for none. Other formats never get it.
enum class Layout { book, card };

std::vector<std::string> pandoc_args(const std::string& program, const std::string& format, const std::string& input,
                                     const std::string& output, const PandocAssets& assets, Layout layout = Layout::book,
                                     const std::string& html_after_body = "");

}  // namespace leeway
