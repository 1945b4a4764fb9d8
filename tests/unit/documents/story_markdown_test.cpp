// Story bodies keep their Markdown (paragraphs, emphasis, lists, quotes,
// http(s) links) and nothing else acts: raw HTML, images, other link
// schemes, code and Pandoc's own syntax stay text.
#include <catch2/catch.hpp>

#include "reports/documents/story_markdown.hpp"

using namespace leeway;

namespace {

// Does `what` occur in the Markdown with its first character not escaped by a backslash?
bool live(const std::string& md, const std::string& what) {
  for (std::size_t at = md.find(what); at != std::string::npos; at = md.find(what, at + 1)) {
    std::size_t slashes = 0;
    while (at > slashes && md[at - slashes - 1] == '\\') ++slashes;
    if (slashes % 2 == 0) return true;
  }
  return false;
}

}  // namespace

TEST_CASE("a story keeps its paragraphs, emphasis, lists, quotes and web links", "[documents][stories]") {
  std::string md = story_markdown(
      "She waited *forty* minutes, **in the rain**.\n\n"
      "What Ana did:\n\n- apologised\n- gave a voucher\n\n"
      "1. first\n2. second\n\n"
      "> It made my day.\n\n"
      "See [the review](https://example.com/review?a=1&b=2) and <http://example.org>.\n");
  CHECK(md.find("She waited *forty* minutes, **in the rain**.") != std::string::npos);
  CHECK(md.find("- apologised\n- gave a voucher") != std::string::npos);  // a tight list stays tight
  CHECK(md.find("1. first\n2. second") != std::string::npos);
  CHECK(md.find("> It made my day.") != std::string::npos);
  CHECK(md.find("[the review](<https://example.com/review?a=1&b=2>)") != std::string::npos);
  CHECK(md.find("(<http://example.org>)") != std::string::npos);
}

TEST_CASE("raw HTML, images, script links and Pandoc syntax in a story stay text", "[documents][stories][security]") {
  std::string md = story_markdown(
      "<script>alert(1)</script>\n\n"
      "Hello <b onclick=\"x()\">there</b>.\n\n"
      "![passwd](/etc/passwd)\n\n"
      "[click](javascript:alert(2)) and [file](file:///etc/passwd) and [mail](mailto:a@b.c)\n\n"
      "```{=html}\n<iframe src=\"javascript:alert(3)\"></iframe>\n```\n\n"
      "[x](https://ok.example){onclick=alert(4)}\n\n"
      "\\input{/etc/passwd} $x$ ^sup^ [@cite]\n\n"
      "1986\\. was a year. And:\\\n- not a list\n");
  // Nothing that Pandoc would turn into markup survives unescaped.
  for (const char* markup : {"<script", "<b ", "<iframe", "![", "](javascript", "](file", "](mailto", "```", "{=html}", "{onclick", "\\input", "$x$",
                             "[@cite]", "^sup^"}) {
    INFO(markup << " in:\n" << md);
    CHECK_FALSE(live(md, markup));
  }
  // The words are still there.
  for (const char* words : {"alert(1)", "there", "passwd", "click", "javascript:alert(2)", "iframe", "onclick=alert(4)", "input"})
    CHECK(md.find(words) != std::string::npos);
  CHECK(md.find("[x](<https://ok.example>)") != std::string::npos);
  // Escaped by its author, a number at the start of a paragraph opens no list.
  CHECK(md.find("\n1986\\. was a year.") != std::string::npos);
}

TEST_CASE("only http and https count as web links", "[documents][stories]") {
  CHECK(is_web_link("https://example.com"));
  CHECK(is_web_link("HTTP://EXAMPLE.COM"));
  CHECK_FALSE(is_web_link("javascript:alert(1)"));
  CHECK_FALSE(is_web_link("https://"));
  CHECK_FALSE(is_web_link(" https://example.com"));
  CHECK_FALSE(is_web_link("//example.com"));
  CHECK_FALSE(is_web_link("data:text/html,hi"));
}

TEST_CASE("a link target cannot break out of its angle brackets", "[documents][stories][security]") {
  std::string md = story_markdown("[a](<https://x.example/a>b> c) [b](https://x.example/\"><script>)\n");
  INFO(md);
  CHECK_FALSE(live(md, "<script"));
  CHECK(md.find("\">") == std::string::npos);
}

TEST_CASE("a story as HTML for the explorer keeps the safe subset and escapes the rest", "[documents][stories][security]") {
  std::string html =
      story_html("*Kept* [web](https://example.com) [js](javascript:alert(1)) <script>alert(2)</script> ![i](https://e.com/i.png)\n\n- one\n- two\n");
  CHECK(html.find("<em>Kept</em>") != std::string::npos);
  CHECK(html.find("<a href=\"https://example.com\">web</a>") != std::string::npos);
  CHECK(html.find("<li>one</li>") != std::string::npos);
  for (const char* bad : {"<script", "href=\"javascript", "<img"}) {
    INFO(bad << " in " << html);
    CHECK(html.find(bad) == std::string::npos);
  }
  CHECK(html.find("&lt;script&gt;alert(2)") != std::string::npos);
}
