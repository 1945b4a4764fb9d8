// A story's body, as its author wrote it in Markdown, made safe: parsed with
// a real CommonMark parser (cmark-gfm) and written back as Markdown that
// keeps a safe subset: paragraphs, emphasis, lists, quotes, line breaks, and
// links to http(s) addresses. Everything else (raw HTML, images, links of
// other schemes, code, headings) stays as inert text: its words appear,
// nothing in it acts.
#pragma once
#include <string>
#include <string_view>

namespace leeway {

// Safe Markdown for the story's body (block level, no trailing newline).
std::string story_markdown(std::string_view body);

// The same safe subset as HTML (for the explorer): the safe Markdown above,
// rendered by cmark-gfm in its safe mode (no raw HTML, no unsafe links).
std::string story_html(std::string_view body);

// Does `url` go to a web address (http:// or https://, any case)?
bool is_web_link(std::string_view url);

}  // namespace leeway
