#include "reports/documents/story_markdown.hpp"

#include <cctype>
#include <cstdlib>
#include <memory>

#include <cmark-gfm.h>
#include <fmt/format.h>

#include "compiler/core/safe_text.hpp"

namespace leeway {

namespace {

struct NodeDeleter {
  void operator()(cmark_node* n) const { cmark_node_free(n); }
};

std::string literal(cmark_node* n) {
  const char* s = cmark_node_get_literal(n);
  return s ? s : "";
}

// Percent-encodes what could end or break a link destination written as <...>.
std::string link_target(std::string_view url) {
  std::string out;
  for (unsigned char c : url) {
    if (c <= 0x20 || c == 0x7f || c == '<' || c == '>' || c == '\\' || c == '"' || c == '`' || c == '{' || c == '}')
      out += fmt::format("%{:02X}", c);
    else
      out += static_cast<char>(c);
  }
  return out;
}

std::string inlines(cmark_node* parent);

// The words of an inline node and its children, as plain text (for what stays inert).
std::string plain(cmark_node* n) {
  switch (cmark_node_get_type(n)) {
    case CMARK_NODE_TEXT:
    case CMARK_NODE_CODE:
    case CMARK_NODE_HTML_INLINE: return literal(n);
    case CMARK_NODE_SOFTBREAK:
    case CMARK_NODE_LINEBREAK: return " ";
    default: break;
  }
  std::string out;
  for (cmark_node* c = cmark_node_first_child(n); c; c = cmark_node_next(c)) out += plain(c);
  return out;
}

std::string inline_node(cmark_node* n) {
  switch (cmark_node_get_type(n)) {
    case CMARK_NODE_TEXT:
    case CMARK_NODE_CODE:
    case CMARK_NODE_HTML_INLINE: return md_inline(literal(n));
    case CMARK_NODE_SOFTBREAK: return " ";
    case CMARK_NODE_LINEBREAK: return "\\\n";
    case CMARK_NODE_EMPH: return "*" + inlines(n) + "*";
    case CMARK_NODE_STRONG: return "**" + inlines(n) + "**";
    case CMARK_NODE_LINK: {
      const char* u = cmark_node_get_url(n);
      std::string url = u ? u : "";
      std::string text = inlines(n);
      if (is_web_link(url)) return fmt::format("[{}](<{}>)", text.empty() ? md_inline(url) : text, link_target(url));
      // Another scheme, or a path: its words and its target, as text.
      return text + md_inline(url.empty() ? "" : " (" + url + ")");
    }
    case CMARK_NODE_IMAGE: {
      const char* u = cmark_node_get_url(n);
      return md_inline(fmt::format("[picture: {}{}{}]", plain(n), u && *u ? ", " : "", u ? u : ""));
    }
    default: return md_inline(plain(n));
  }
}

std::string inlines(cmark_node* parent) {
  std::string out;
  for (cmark_node* c = cmark_node_first_child(parent); c; c = cmark_node_next(c)) out += inline_node(c);
  return out;
}

// A paragraph's inlines as lines, each safe at the start of a line; emphasis
// marks must touch their words, so the spaces inside them move outside.
std::string paragraph(cmark_node* n) {
  std::string text = inlines(n), out;
  std::size_t at = 0;
  while (at <= text.size()) {
    std::size_t end = text.find('\n', at);
    if (end == std::string::npos) end = text.size();
    std::string line = text.substr(at, end - at);
    while (!line.empty() && line.back() == ' ') line.pop_back();
    out += md_line_start(line);
    if (end < text.size()) out += '\n';
    at = end + 1;
  }
  return out;
}

// Prefixes every line of `text`: `first` on the first, `rest` on the others (blank lines get `rest` trimmed).
std::string indent(const std::string& text, const std::string& first, const std::string& rest) {
  std::string out;
  std::size_t at = 0;
  bool head = true;
  while (at <= text.size()) {
    std::size_t end = text.find('\n', at);
    if (end == std::string::npos) end = text.size();
    std::string line = text.substr(at, end - at);
    std::string prefix = head ? first : rest;
    if (line.empty()) prefix.erase(prefix.find_last_not_of(' ') + 1);
    out += prefix + line;
    if (end < text.size()) out += '\n';
    head = false;
    at = end + 1;
  }
  return out;
}

std::string blocks(cmark_node* parent, int depth);

std::string block(cmark_node* n, int depth) {
  switch (cmark_node_get_type(n)) {
    case CMARK_NODE_PARAGRAPH: {
      std::string text = paragraph(n);
      return text.find_first_not_of(" \\\n") == std::string::npos ? "" : text;
    }
    case CMARK_NODE_HEADING: {
      std::string text = paragraph(n);
      return text.find_first_not_of(" \\\n") == std::string::npos ? "" : "**" + text + "**";
    }
    case CMARK_NODE_BLOCK_QUOTE: {
      std::string inner = blocks(n, depth + 1);
      return inner.empty() ? "" : indent(inner, "> ", "> ");
    }
    case CMARK_NODE_LIST: {
      // Lists nest only so deep; deeper ones are read as their text.
      bool ordered = cmark_node_get_list_type(n) == CMARK_ORDERED_LIST;
      int number = ordered ? cmark_node_get_list_start(n) : 0;
      bool tight = cmark_node_get_list_tight(n) != 0;
      if (number < 1 || number > 999999) number = 1;
      std::string out;
      for (cmark_node* item = cmark_node_first_child(n); item; item = cmark_node_next(item)) {
        std::string inner = blocks(item, depth + 1);
        std::string marker = ordered ? fmt::format("{}. ", number++) : "- ";
        out += (out.empty() ? "" : tight ? "\n" : "\n\n") + indent(inner.empty() ? md_text(" ") : inner, marker, std::string(marker.size(), ' '));
      }
      return out;
    }
    case CMARK_NODE_CODE_BLOCK:
    case CMARK_NODE_HTML_BLOCK: return md_paragraphs(literal(n));
    case CMARK_NODE_THEMATIC_BREAK: return "";
    default: return md_paragraphs(plain(n));
  }
}

std::string blocks(cmark_node* parent, int depth) {
  std::string out;
  for (cmark_node* c = cmark_node_first_child(parent); c; c = cmark_node_next(c)) {
    std::string b = depth > 8 ? md_paragraphs(plain(c)) : block(c, depth);
    if (!b.empty()) out += (out.empty() ? "" : "\n\n") + b;
  }
  return out;
}

}  // namespace

bool is_web_link(std::string_view url) {
  auto starts = [&](std::string_view scheme) {
    if (url.size() <= scheme.size()) return false;
    for (std::size_t i = 0; i < scheme.size(); ++i)
      if (std::tolower(static_cast<unsigned char>(url[i])) != scheme[i]) return false;
    return true;
  };
  return starts("http://") || starts("https://");
}

std::string story_markdown(std::string_view body) {
  // CMARK_OPT_SAFE is the default in cmark-gfm 0.29 for its own renderers;
  // here nothing is rendered by cmark: the tree is written back by hand.
  std::unique_ptr<cmark_node, NodeDeleter> doc(cmark_parse_document(body.data(), body.size(), CMARK_OPT_DEFAULT));
  if (!doc) return md_paragraphs(body);
  return blocks(doc.get(), 0);
}

std::string story_html(std::string_view body) {
  std::string md = story_markdown(body);
  char* html = cmark_markdown_to_html(md.data(), md.size(), CMARK_OPT_DEFAULT);
  if (!html) return "";
  std::string out(html);
  std::free(html);
  return out;
}

}  // namespace leeway
