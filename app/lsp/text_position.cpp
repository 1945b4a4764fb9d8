#include "app/lsp/text_position.hpp"

namespace leeway::lsp {
namespace {

// UTF-16 code units of the UTF-8 sequence that starts with byte `c`.
int units(unsigned char c) { return c >= 0xF0 ? 2 : 1; }
bool continuation(unsigned char c) { return (c & 0xC0) == 0x80; }

}  // namespace

std::size_t offset_of(std::string_view text, Position p) {
  std::size_t at = 0;
  for (int line = 0; line < p.line; ++line) {
    std::size_t nl = text.find('\n', at);
    if (nl == std::string_view::npos) return text.size();
    at = nl + 1;
  }
  for (int u = 0; u < p.character && at < text.size() && text[at] != '\n' && text[at] != '\r';) {
    u += units(static_cast<unsigned char>(text[at]));
    ++at;
    while (at < text.size() && continuation(static_cast<unsigned char>(text[at]))) ++at;
  }
  return at;
}

Position position_of(std::string_view text, std::size_t offset) {
  Position p;
  offset = std::min(offset, text.size());
  std::size_t line_start = 0;
  for (std::size_t i = 0; i < offset; ++i)
    if (text[i] == '\n') ++p.line, line_start = i + 1;
  for (std::size_t i = line_start; i < offset; ++i)
    if (!continuation(static_cast<unsigned char>(text[i]))) p.character += units(static_cast<unsigned char>(text[i]));
  return p;
}

nlohmann::json to_json(Position p) { return {{"line", p.line}, {"character", p.character}}; }

nlohmann::json range_json(std::string_view text, std::size_t begin, std::size_t end) {
  return {{"start", to_json(position_of(text, begin))}, {"end", to_json(position_of(text, end))}};
}

std::pair<std::size_t, std::size_t> token_at(const SourceFile& file, const Pos& pos) {
  const std::string& text = file.text();
  if (pos.line < 1) return {0, 0};
  std::size_t begin = file.offset(pos.line, pos.column > 0 ? pos.column : 1), end = begin;
  if (begin >= text.size()) return {text.size(), text.size()};
  if (text[begin] == '"' || text[begin] == '\'') {
    std::size_t close = text.find(text[begin], begin + 1);
    std::size_t nl = text.find('\n', begin);
    end = close != std::string::npos && (nl == std::string::npos || close < nl) ? close + 1 : (nl == std::string::npos ? text.size() : nl);
  } else if (text[begin] == '[') {  // a table header: the whole header
    std::size_t nl = text.find('\n', begin);
    end = nl == std::string::npos ? text.size() : nl;
    while (end > begin && (text[end - 1] == '\r' || text[end - 1] == ' ')) --end;
  } else {
    while (end < text.size() && (name_char(text[end]) || text[end] == '+' || text[end] == ':')) ++end;
    if (end == begin) ++end;
  }
  return {begin, end};
}

}  // namespace leeway::lsp
