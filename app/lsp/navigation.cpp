#include "app/lsp/navigation.hpp"

#include <algorithm>

#include "app/lsp/text_position.hpp"

namespace leeway::lsp {
namespace {

std::string name_of(const Compilation& c, const Symbol& s) {
  switch (s.kind) {
    case SymbolKind::item: return c.repo.policies[static_cast<std::size_t>(s.policy)].items[static_cast<std::size_t>(s.item)].id;
    case SymbolKind::dimension: return c.repo.manifest.dimensions[static_cast<std::size_t>(s.dimension)].name;
    case SymbolKind::role: return c.repo.manifest.roles[static_cast<std::size_t>(s.role)].id;
    case SymbolKind::policy: return c.repo.policies[static_cast<std::size_t>(s.policy)].id;
    case SymbolKind::outcome:
    case SymbolKind::value: return s.name;
    case SymbolKind::none: break;
  }
  return "";
}

Place place_at(const Compilation& c, const Pos& pos) {
  auto f = c.repo.files.find(pos.file);
  if (f == c.repo.files.end()) return {};
  auto [b, e] = token_at(f->second, pos);
  return Place{pos.file.str(), b, e};
}

// The first `"name"` after the line that starts with `key` at or after byte `from`.
Place quoted_after(const Compilation& c, const std::string& file, std::size_t from, std::string_view key, const std::string& name) {
  auto f = c.repo.files.find(file);
  if (f == c.repo.files.end()) return {};
  const std::string& text = f->second.text();
  std::size_t at = from;
  while ((at = text.find(key, at)) != std::string::npos && at != 0 && text[at - 1] != '\n') ++at;
  if (at == std::string::npos) return {};
  std::size_t q = text.find("\"" + name + "\"", at);
  if (q == std::string::npos) return {};
  return Place{file, q + 1, q + 1 + name.size()};
}

}  // namespace

std::vector<Place> definition_of(const Compilation& c, const Symbol& s) {
  const Manifest& m = c.repo.manifest;
  Place p;
  switch (s.kind) {
    case SymbolKind::item: p = place_at(c, c.repo.policies[static_cast<std::size_t>(s.policy)].items[static_cast<std::size_t>(s.item)].id_pos); break;
    case SymbolKind::dimension: p = place_at(c, m.dimensions[static_cast<std::size_t>(s.dimension)].pos); break;
    case SymbolKind::role: p = place_at(c, m.roles[static_cast<std::size_t>(s.role)].pos); break;
    case SymbolKind::policy: p = place_at(c, c.repo.policies[static_cast<std::size_t>(s.policy)].pos); break;
    case SymbolKind::outcome: p = quoted_after(c, c.repo.policies[static_cast<std::size_t>(s.policy)].file, 0, "outcomes", s.name); break;
    case SymbolKind::value: {
      const Dimension& d = m.dimensions[static_cast<std::size_t>(s.dimension)];
      auto f = c.repo.files.find(d.pos.file);
      if (f != c.repo.files.end()) p = quoted_after(c, d.pos.file, f->second.offset(d.pos.line, 1), "values", s.name);
      break;
    }
    case SymbolKind::none: break;
  }
  if (p.file.empty()) return {};
  return {p};
}

std::vector<Place> references_to(const Compilation& c, const Symbol& s, bool with_definition) {
  std::vector<Place> out;
  std::string name = name_of(c, s);
  if (name.empty()) return out;
  std::vector<Place> def = definition_of(c, s);
  // Does `p` start inside the definition's range (a header's range is the whole header)?
  auto at_definition = [&](const Place& p) {
    return !def.empty() && def[0].file == p.file && def[0].begin <= p.begin && p.begin < std::max(def[0].end, def[0].begin + 1);
  };
  for (const auto& [path, file] : c.repo.files) {
    const std::string& text = file.text();
    for (std::size_t at = text.find(name); at != std::string::npos; at = text.find(name, at + 1)) {
      // Whole names only ("grace" in "grace-period" is not a reference).
      std::size_t end = at + name.size();
      if (end < text.size() && name_char(text[end]) && text[end] != '.') continue;
      if (at > 0 && name_char(text[at - 1]) && text[at - 1] != '.') continue;
      Symbol here = symbol_at(c, path, at);
      if (!here.same_as(s)) continue;
      Place p{path, here.begin, here.end};
      if (at_definition(p) && !with_definition) continue;
      if (!out.empty() && out.back().file == p.file && out.back().begin == p.begin) continue;
      out.push_back(p);
    }
  }
  if (with_definition && !def.empty() && std::none_of(out.begin(), out.end(), at_definition)) out.insert(out.begin(), def[0]);
  return out;
}

}  // namespace leeway::lsp
