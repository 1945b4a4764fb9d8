#include "app/lsp/symbol.hpp"

#include <algorithm>
#include <string_view>

#include "app/lsp/text_position.hpp"

namespace leeway::lsp {
namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '"' || s.front() == '\'')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r' || s.back() == '"' || s.back() == '\'')) s.remove_suffix(1);
  return s;
}

// The text around `offset`: its line, the key whose value it is in (looking
// back over the lines of a multi-line list), and where that value starts.
struct Around {
  std::size_t line_start = 0, line_end = 0;
  int line = 1;             // 1-based
  std::string_view header;  // "[dimensions.days]" when the line is a table header
  std::string_view key;     // "bends", "when", ...; empty when on a key itself or none
  std::size_t value_start = 0;
};

Around around(std::string_view text, std::size_t offset) {
  Around a;
  offset = std::min(offset, text.size());
  a.line_start = text.rfind('\n', offset == 0 ? 0 : offset - 1);
  a.line_start = (a.line_start == std::string_view::npos || offset == 0) ? 0 : a.line_start + 1;
  if (offset > 0 && text[offset - 1] == '\n') a.line_start = offset;
  a.line_end = text.find('\n', offset);
  if (a.line_end == std::string_view::npos) a.line_end = text.size();
  a.line = 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(a.line_start), '\n'));
  std::string_view line = text.substr(a.line_start, a.line_end - a.line_start);
  std::string_view t = trim(line);
  if (!t.empty() && t.front() == '[' && line.find('=') == std::string_view::npos) {
    a.header = t;
    return a;
  }
  // The key: on this line before '=', or on an earlier line that opened a list.
  std::size_t start = a.line_start;
  for (int back = 0; back < 50; ++back) {
    std::size_t nl = text.find('\n', start);
    std::string_view l = text.substr(start, (nl == std::string_view::npos ? text.size() : nl) - start);
    std::size_t eq = l.find('=');
    if (eq != std::string_view::npos) {
      if (start == a.line_start && start + eq >= offset) return a;  // on the key itself
      a.key = trim(l.substr(0, eq));
      a.value_start = start + eq + 1;
      return a;
    }
    std::string_view lt = trim(l);
    if (start != a.line_start && !lt.empty() && lt.front() == '[' && lt.find(']') == lt.size() - 1 && lt.rfind("[\"", 0) != 0) return a;  // a header
    if (start < 2) return a;
    std::size_t prev = text.rfind('\n', start - 2);
    start = prev == std::string_view::npos ? 0 : prev + 1;
  }
  return a;
}

// The item whose table holds line `line` of its policy (-1 for the header).
int item_at_line(const Policy& p, int line) {
  int best = -1, best_line = 0;
  for (std::size_t i = 0; i < p.items.size(); ++i)
    if (p.items[i].pos.line <= line && p.items[i].pos.line >= best_line) best = static_cast<int>(i), best_line = p.items[i].pos.line;
  // A [[waive]] after the item ends it.
  for (const Waiver& w : p.waivers)
    if (w.pos.line <= line && w.pos.line > best_line) return -1;
  return best;
}

// "rule-id" or "policy.rule-id", as `bends` and stories write it.
void find_item(const Compilation& c, int policy, std::string_view token, Symbol& s) {
  std::string_view item = token;
  int p = policy;
  if (std::size_t dot = token.find('.'); dot != std::string_view::npos) {
    int named = c.repo.policy_index(std::string(token.substr(0, dot)));
    if (named >= 0) p = named, item = token.substr(dot + 1);
  }
  if (p < 0) return;
  int i = c.repo.policies[static_cast<std::size_t>(p)].item_index(std::string(item));
  if (i < 0) return;
  s.kind = SymbolKind::item, s.policy = p, s.item = i;
}

}  // namespace

int policy_of_file(const Compilation& c, const std::string& file) {
  for (std::size_t p = 0; p < c.repo.policies.size(); ++p)
    if (c.repo.policies[p].file == file) return static_cast<int>(p);
  return -1;
}

Symbol symbol_at(const Compilation& c, const std::string& file, std::size_t offset) {
  Symbol s;
  auto f = c.repo.files.find(file);
  if (f == c.repo.files.end()) return s;
  std::string_view text = f->second.text();
  if (offset > text.size()) return s;
  // The token: a name under (or just before) the cursor.
  std::size_t b = offset, e = offset;
  while (b > 0 && name_char(text[b - 1])) --b;
  while (e < text.size() && name_char(text[e])) ++e;
  if (b == e) return s;
  s.begin = b, s.end = e;
  std::string token(text.substr(b, e - b));
  const Manifest& m = c.repo.manifest;
  Around a = around(text, offset);
  int policy = policy_of_file(c, file);
  if (!a.header.empty()) {
    // [dimensions.NAME] and [roles.NAME]: the name, wherever the cursor is on it.
    std::string_view line = text.substr(a.line_start, a.line_end - a.line_start);
    for (std::string_view table : {"[dimensions.", "[roles."}) {
      std::size_t at = line.find(table);
      if (at == std::string_view::npos) continue;
      std::size_t name_begin = a.line_start + at + table.size();
      std::size_t name_end = text.find(']', name_begin);
      if (name_end == std::string_view::npos || name_end > a.line_end || offset < name_begin || offset > name_end) return s;
      std::string name(trim(text.substr(name_begin, name_end - name_begin)));
      s.begin = name_begin, s.end = name_end;
      if (table == "[dimensions.") {
        if ((s.dimension = m.dimension_index(name)) >= 0) s.kind = SymbolKind::dimension;
      } else if ((s.role = m.role_index(name)) >= 0) {
        s.kind = SymbolKind::role;
      }
    }
    return s;
  }
  std::string key(a.key);
  if (key.empty()) return s;
  if (key == "when") {
    // Inside `{ dim = value, ... }`: the entry the token is in.
    std::size_t seg = text.find_last_of("{,", b == 0 ? 0 : b - 1);
    if (seg == std::string_view::npos || seg < a.value_start) return s;
    std::string_view entry = text.substr(seg + 1, e - seg - 1);
    std::size_t eq = entry.find('=');
    std::string dim(trim(eq == std::string_view::npos ? entry : entry.substr(0, eq)));
    int d = m.dimension_index(dim);
    if (d < 0) return s;
    if (eq == std::string_view::npos || seg + 1 + eq > b) {
      s.kind = SymbolKind::dimension, s.dimension = d;
      return s;
    }
    const Dimension& dm = m.dimensions[static_cast<std::size_t>(d)];
    if (dm.type == DimType::enumeration && std::find(dm.values.begin(), dm.values.end(), token) != dm.values.end())
      s.kind = SymbolKind::value, s.dimension = d, s.name = token;
    return s;
  }
  if (key == "bends" || key == "item") {
    find_item(c, policy, token, s);
  } else if (key == "teaches") {
    find_item(c, -1, token, s);
  } else if (key == "granted_by" || key == "reports_to") {
    if ((s.role = m.role_index(token)) >= 0) s.kind = SymbolKind::role;
  } else if (key == "over" || key == "map") {
    if ((s.dimension = m.dimension_index(token)) >= 0) s.kind = SymbolKind::dimension;
  } else if ((key == "then" || key == "forbids" || key == "outcomes") && policy >= 0) {
    const Policy& p = c.repo.policies[static_cast<std::size_t>(policy)];
    if (std::find(p.outcomes.begin(), p.outcomes.end(), token) != p.outcomes.end()) s.kind = SymbolKind::outcome, s.policy = policy, s.name = token;
  } else if (key == "id" && policy >= 0) {
    const Policy& p = c.repo.policies[static_cast<std::size_t>(policy)];
    int i = item_at_line(p, a.line);
    if (i >= 0 && p.items[static_cast<std::size_t>(i)].id == token)
      s.kind = SymbolKind::item, s.policy = policy, s.item = i;
    else if (p.id == token)
      s.kind = SymbolKind::policy, s.policy = policy;
  } else if (key == "values" && file == "leeway.toml") {
    for (std::size_t d = 0; d < m.dimensions.size(); ++d)
      if (m.dimensions[d].pos.line <= a.line &&
          (s.dimension < 0 || m.dimensions[d].pos.line > m.dimensions[static_cast<std::size_t>(s.dimension)].pos.line))
        s.dimension = static_cast<int>(d);
    if (s.dimension >= 0) {
      const Dimension& dm = m.dimensions[static_cast<std::size_t>(s.dimension)];
      if (std::find(dm.values.begin(), dm.values.end(), token) != dm.values.end()) s.kind = SymbolKind::value, s.name = token;
    }
  }
  return s;
}

Expectation expected_at(const Compilation& c, const std::string& file, std::size_t offset) {
  Expectation x;
  auto f = c.repo.files.find(file);
  if (f == c.repo.files.end()) return x;
  std::string_view text = f->second.text();
  offset = std::min(offset, text.size());
  std::size_t b = offset;
  while (b > 0 && name_char(text[b - 1])) --b;
  x.begin = b;
  x.quoted = b > 0 && (text[b - 1] == '"' || text[b - 1] == '\'');
  x.policy = policy_of_file(c, file);
  Around a = around(text, offset);
  if (!a.header.empty() || a.key.empty() || offset < a.value_start) return x;
  std::string key(a.key);
  const Manifest& m = c.repo.manifest;
  if (key == "when") {  // the policy may be unreadable while a line is half-typed
    std::size_t seg = text.find_last_of("{,", b == 0 ? 0 : b - 1);
    if (seg == std::string_view::npos || seg < a.value_start) return x;
    std::string_view entry = text.substr(seg + 1, b - seg - 1);
    std::size_t eq = entry.find('=');
    if (eq == std::string_view::npos) {
      x.what = Expectation::dimension;
      return x;
    }
    x.dim = m.dimension_index(std::string(trim(entry.substr(0, eq))));
    if (x.dim >= 0) x.what = Expectation::value;
    return x;
  }
  if (key == "then" || key == "forbids") x.what = Expectation::outcome;
  if (key == "granted_by" || key == "reports_to") x.what = Expectation::role;
  if (key == "over" || key == "map") x.what = Expectation::dimension;
  if (key == "bends") x.what = Expectation::rule;
  if (key == "item" || key == "teaches") x.what = Expectation::item;
  return x;
}

}  // namespace leeway::lsp
