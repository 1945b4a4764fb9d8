#include "reports/documents/markdown.hpp"

#include <vector>

namespace leeway {
namespace {

bool is_ascii_punct(unsigned char c) { return (c >= 33 && c <= 47) || (c >= 58 && c <= 64) || (c >= 91 && c <= 96) || (c >= 123 && c <= 126); }

}  // namespace

std::string md_text(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 4);
  bool space = false;
  for (unsigned char c : text) {
    // Any run of white space (including line breaks and tabs) is one space;
    // other control characters are dropped.
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
      space = !out.empty();
      continue;
    }
    if (c < 32 || c == 127) continue;
    if (space) out += ' ', space = false;
    if (is_ascii_punct(c)) out += '\\';
    out += static_cast<char>(c);
  }
  return out;
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

}  // namespace leeway
