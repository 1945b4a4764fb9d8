#include "compiler/frontend/toml_pieces.hpp"

#include <algorithm>
#include <optional>
#include <string_view>
#include <vector>

#include "compiler/core/parallel.hpp"

namespace leeway {
namespace {

bool is_item_header(std::string_view line) {
  while (!line.empty() && (line.back() == '\r' || line.back() == ' ' || line.back() == '\t')) line.remove_suffix(1);
  return line == "[[rule]]" || line == "[[exception]]" || line == "[[line]]";
}

// Does a line assign the item lists directly (`rule = [...]`)? Such a list
// cannot be extended by a later header, so a cut could hide an error.
bool assigns_item_list(std::string_view line) {
  std::size_t i = line.find_first_not_of(" \t");
  if (i == std::string_view::npos) return false;
  line.remove_prefix(i);
  for (std::string_view key : {"rule", "exception", "line", "\"rule\"", "\"exception\"", "\"line\""})
    if (line.substr(0, key.size()) == key) {
      std::size_t j = line.find_first_not_of(" \t", key.size());
      if (j != std::string_view::npos && (line[j] == '=' || line[j] == '.')) return true;
    }
  return false;
}

}  // namespace

bool parse_toml_in_pieces(const SourceFile& file, unsigned threads, toml::table& out, std::size_t min_bytes) {
  std::string_view text = file.text();
  if (threads < 2 || text.size() < min_bytes) return false;
  // A multi-line string could hold a line that looks like a header.
  if (text.find("\"\"\"") != std::string_view::npos || text.find("'''") != std::string_view::npos) return false;
  // Cut points: item headers at the start of a line, near equal shares of the text.
  std::vector<std::pair<std::size_t, int>> cuts;  // offset, line (1-based)
  std::size_t share = text.size() / threads, next = share;
  int line = 1;
  for (std::size_t at = 0; at < text.size();) {
    std::size_t end = text.find('\n', at);
    if (end == std::string_view::npos) end = text.size();
    std::string_view l = text.substr(at, end - at);
    if (assigns_item_list(l)) return false;
    if (at >= next && cuts.size() + 1 < threads && is_item_header(l)) {
      cuts.emplace_back(at, line);
      next = at + share;
    }
    at = end + 1;
    ++line;
  }
  if (cuts.empty()) return false;
  std::size_t n = cuts.size() + 1;
  std::vector<std::optional<toml::table>> pieces(n);
  parallel_for(n, threads, [&](std::size_t k) {
    std::size_t from = k == 0 ? 0 : cuts[k - 1].first, to = k + 1 < n ? cuts[k].first : text.size();
    // Blank lines for those before the piece: toml++ then counts lines as in the file.
    std::string piece(k == 0 ? 0 : static_cast<std::size_t>(cuts[k - 1].second - 1), '\n');
    piece.append(text.substr(from, to - from));
    try {
      pieces[k] = toml::parse(std::string_view(piece), std::string_view(file.path()));
    } catch (const toml::parse_error&) {
      // The whole file is parsed again, for the error as it is there.
    }
  });
  for (const auto& p : pieces)
    if (!p) return false;
  toml::table& whole = *pieces[0];
  for (std::size_t k = 1; k < n; ++k)
    for (auto& [key, node] : *pieces[k]) {
      toml::array* later = node.as_array();
      toml::node* earlier = whole.get(key.str());
      // Only lists of tables made by headers join; anything else defined in
      // two pieces is what the whole parse reports as an error.
      if (!later || !later->is_array_of_tables()) {
        if (earlier) return false;
        whole.insert(key, std::move(node));
        continue;
      }
      if (!earlier) {
        whole.insert(key, std::move(node));
        continue;
      }
      toml::array* list = earlier->as_array();
      if (!list || !list->is_array_of_tables()) return false;
      for (auto& el : *later) list->push_back(std::move(el));
    }
  out = std::move(whole);
  return true;
}

}  // namespace leeway
