// Escaping policy text for Markdown: whatever a policy says stays text.
#include <catch2/catch.hpp>

#include "compiler/core/safe_text.hpp"

using leeway::md_paragraphs;
using leeway::md_text;

TEST_CASE("md_text escapes every character Markdown could act on, and only those", "[markdown]") {
  CHECK(md_text("plain words") == "plain words");
  CHECK(md_text("Refund, then: store credit; 19.99 USD (at most).") == "Refund, then: store credit; 19.99 USD (at most).");
  CHECK(md_text("<script>alert(1)</script>") == "\\<script\\>alert(1)\\</script\\>");
  CHECK(md_text("[x](javascript:alert(1))") == "\\[x\\](javascript:alert(1))");
  CHECK(md_text("![i](/etc/passwd)") == "\\!\\[i\\](/etc/passwd)");
  CHECK(md_text("$\\input{x}$") == "\\$\\\\input\\{x\\}\\$");
  CHECK(md_text("a | b") == "a \\| b");
  CHECK(md_text("`code` *em* _u_ ~s~ ^s^ &amp; #h @cite") == "\\`code\\` \\*em\\* \\_u\\_ \\~s\\~ \\^s\\^ \\&amp; \\#h \\@cite");
}

TEST_CASE("md_text keeps one line: no heading, list or block can start", "[markdown]") {
  CHECK(md_text("first\n# heading\n- item\n\n```{=html}\n") == "first \\# heading - item \\`\\`\\`\\{=html\\}");
  // What opens a block only at the start of a line is escaped there.
  CHECK(md_text("- item") == "\\- item");
  CHECK(md_text("12. point") == "12\\. point");
  CHECK(md_text(": term") == "\\: term");
  CHECK(md_text("> quote") == "\\> quote");
  CHECK(md_text("  tabs\tand\r\nCRLF  ") == "tabs and CRLF");
  CHECK(md_text(std::string("a\0b\x07"
                            "c",
                            5)) == "abc");               // control characters dropped
  CHECK(md_text("café – ünïcode") == "café – ünïcode");  // non-ASCII kept as is
}

TEST_CASE("md_paragraphs keeps paragraphs and escapes each", "[markdown]") {
  CHECK(md_paragraphs("one\ntwo\n\n\nthree <b>\n") == "one two\n\nthree \\<b\\>");
  CHECK(md_paragraphs("\n\n") == "");
}

TEST_CASE("md_blockquote and md_svg_image", "[markdown]") {
  CHECK(leeway::md_blockquote("a\n\nb") == "> a\n> \n> b");
  // "<svg/>" in base64; the alt text is escaped like any other text.
  CHECK(leeway::md_svg_image("<svg/>", "map [1]") == "![map \\[1\\]](data:image/svg+xml;base64,PHN2Zy8+)");
}
