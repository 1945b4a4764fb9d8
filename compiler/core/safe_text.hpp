// Policy text made safe for the Markdown leeway hands to Pandoc, and still
// readable as Markdown (people paste the .md files into wikis): only what
// Markdown would act on is backslash-escaped, so text from a policy can
// never open a link, an image, raw HTML or TeX, a table cell, a list or a
// heading: it stays text. Commas, colons and full stops stay as they are.
#pragma once
#include <string>
#include <string_view>

namespace leeway {

// One line of text (titles, cells, sentences): line breaks become spaces.
std::string md_text(std::string_view text);
// A piece of a line, to be joined with others (a story's text between its
// emphasis and links): escaped as md_text, but a space at either end is kept.
// Whoever starts a line with it escapes what would open a block there.
std::string md_inline(std::string_view text);
// `line` escaped where its first characters would open a block (a list, a
// quote, a heading...) at the start of a line.
std::string md_line_start(std::string line);
// Text of several paragraphs (a story's body): paragraphs are kept, each
// escaped as md_text; lines inside a paragraph are joined.
std::string md_paragraphs(std::string_view text);

// Text already in Markdown, quoted: every line starts with "> ".
std::string md_blockquote(std::string_view markdown);
// Text made safe inside XML and HTML (SVG labels, index.html): & < > " '
// as entities, control characters dropped.
std::string xml_text(std::string_view text);
// JSON made safe inside an HTML <script> element: '<', '>' and '&' (which
// occur only inside its strings) as \u escapes, so nothing in it can end
// the element or open a comment, and it parses to the same value.
std::string script_json(std::string_view json);
// An SVG picture, embedded as a data: URI, so no document refers to a file.
std::string md_svg_image(std::string_view svg, std::string_view alt_text);

}  // namespace leeway
