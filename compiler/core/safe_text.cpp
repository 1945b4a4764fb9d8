#include "compiler/core/safe_text.hpp"

#include <string_view>
#include <vector>

namespace leeway {
namespace {

// Characters Pandoc's Markdown acts on anywhere in a line: escapes, code,
// emphasis, links and images, raw HTML and entities, math, super- and
// subscript, strike-out, citations, table cells, attributes, headings.
bool acts_inline(unsigned char c) { return std::string_view("\\`*_[]<>!$^~@&|{}#").find(static_cast<char>(c)) != std::string_view::npos; }

// Characters that start a block at the beginning of a line: a list, a
// definition, a quote, a setext underline.
bool acts_at_start(unsigned char c) { return std::string_view("-+:=%").find(static_cast<char>(c)) != std::string_view::npos; }

}  // namespace

std::string md_inline(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 4);
  bool space = false;
  for (unsigned char c : text) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
      space = true;
      continue;
    }
    if (c < 32 || c == 127) continue;
    if (space) out += ' ', space = false;
    if (acts_inline(c)) out += '\\';
    out += static_cast<char>(c);
  }
  if (space) out += ' ';
  return out;
}

std::string md_line_start(std::string line) {
  std::size_t first = line.find_first_not_of(' ');
  if (first == std::string::npos) return line;
  line.erase(0, first);
  unsigned char c = static_cast<unsigned char>(line[0]);
  if (acts_at_start(c)) return "\\" + line;
  std::size_t digits = line.find_first_not_of("0123456789");
  if (digits != std::string::npos && digits > 0 && (line[digits] == '.' || line[digits] == ')')) line.insert(digits, "\\");
  return line;
}

std::string md_text(std::string_view text) {
  std::string line = md_inline(text);
  while (!line.empty() && line.back() == ' ') line.pop_back();
  return md_line_start(std::move(line));
}

std::string md_paragraphs(std::string_view text) {
  std::string out, para;
  auto flush = [&] {
    std::string p = md_text(para);
    if (!p.empty()) out += (out.empty() ? "" : "\n\n") + p;
    para.clear();
  };
  std::size_t at = 0;
  while (at <= text.size()) {
    std::size_t end = text.find('\n', at);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(at, end - at);
    bool blank = line.find_first_not_of(" \t\r") == std::string_view::npos;
    if (blank)
      flush();
    else
      para.append(line).push_back(' ');
    at = end + 1;
  }
  flush();
  return out;
}

}  // namespace leeway

namespace leeway {
namespace {

std::string base64(std::string_view in) {
  static constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  out.reserve((in.size() + 2) / 3 * 4);
  std::size_t i = 0;
  for (; i + 2 < in.size(); i += 3) {
    unsigned v = static_cast<unsigned char>(in[i]) << 16 | static_cast<unsigned char>(in[i + 1]) << 8 | static_cast<unsigned char>(in[i + 2]);
    out += kAlphabet[v >> 18 & 63], out += kAlphabet[v >> 12 & 63], out += kAlphabet[v >> 6 & 63], out += kAlphabet[v & 63];
  }
  if (i + 1 == in.size()) {
    unsigned v = static_cast<unsigned char>(in[i]) << 16;
    out += kAlphabet[v >> 18 & 63], out += kAlphabet[v >> 12 & 63], out += "==";
  } else if (i + 2 == in.size()) {
    unsigned v = static_cast<unsigned char>(in[i]) << 16 | static_cast<unsigned char>(in[i + 1]) << 8;
    out += kAlphabet[v >> 18 & 63], out += kAlphabet[v >> 12 & 63], out += kAlphabet[v >> 6 & 63], out += '=';
  }
  return out;
}

}  // namespace

std::string md_blockquote(std::string_view markdown) {
  std::string out = "> ";
  for (char c : markdown) {
    out += c;
    if (c == '\n') out += "> ";
  }
  return out;
}

std::string md_svg_image(std::string_view svg, std::string_view alt_text) {
  return "![" + md_text(alt_text) + "](data:image/svg+xml;base64," + base64(svg) + ")";
}

std::string xml_text(std::string_view s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default:
        if (static_cast<unsigned char>(c) >= 32 || c == '\t') out += c;
    }
  }
  return out;
}

std::string script_json(std::string_view json) {
  std::string out;
  out.reserve(json.size());
  for (char c : json) {
    if (c == '<')
      out += "\\u003c";
    else if (c == '>')
      out += "\\u003e";
    else if (c == '&')
      out += "\\u0026";
    else
      out += c;
  }
  return out;
}

}  // namespace leeway
