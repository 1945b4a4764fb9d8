// Positions as the protocol counts them (0-based lines, UTF-16 code units)
// and as leeway does (1-based lines, columns in characters; byte offsets).
#pragma once
#include <cstddef>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "compiler/core/source_file.hpp"

namespace leeway::lsp {

struct Position {
  int line = 0, character = 0;  // 0-based; character in UTF-16 code units
};

// The byte offset of an LSP position in `text` (clamped to its line).
std::size_t offset_of(std::string_view text, Position p);
// The LSP position of a byte offset.
Position position_of(std::string_view text, std::size_t offset);
nlohmann::json to_json(Position p);
nlohmann::json range_json(std::string_view text, std::size_t begin, std::size_t end);

// The byte range of the name or value that starts at leeway's `pos` (a
// quoted string, a word, a number): what an editor underlines. A position
// of line 0 (the whole file) is the file's first character.
std::pair<std::size_t, std::size_t> token_at(const SourceFile& file, const Pos& pos);

// Is `c` part of a name (ids, dimension names, values, "policy.item")?
inline bool name_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-' || c == '.' || static_cast<unsigned char>(c) >= 0x80;
}

}  // namespace leeway::lsp
