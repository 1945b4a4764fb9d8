#include "reports/documents/decision_map.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "compiler/core/safe_text.hpp"
#include "compiler/core/values.hpp"
#include "compiler/core/words.hpp"

namespace leeway {
namespace {

// Shortens text to at most `n` characters (counting UTF-8 code points).
std::string fit(const std::string& s, std::size_t n) {
  std::size_t count = 0, i = 0;
  for (; i < s.size(); ++i) {
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) {
      if (count == n) break;
      ++count;
    }
  }
  if (i >= s.size()) return s;
  // Leave room for the ellipsis: drop the last code point kept.
  std::size_t cut = i;
  do --cut;
  while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80);
  return s.substr(0, cut) + "\xE2\x80\xA6";
}

struct Segment {
  std::int64_t lo, hi;
};

// Elementary segments along dimension d: cut at every item edge.
std::vector<Segment> segments(const PolicySpace& space, std::size_t d) {
  const ValueSet& dom = space.domain[d];
  std::vector<Segment> out;
  if (!is_numeric(*space.dims[d])) {
    for (std::int64_t v = dom.min(); v <= dom.max(); ++v) out.push_back({v, v});
    return out;
  }
  std::vector<std::int64_t> cuts{dom.min()};
  for (const auto& it : space.items)
    for (const auto& iv : it.box[d].intervals()) {
      if (iv.lo > dom.min()) cuts.push_back(iv.lo);
      if (iv.hi < dom.max()) cuts.push_back(iv.hi + 1);
    }
  std::sort(cuts.begin(), cuts.end());
  cuts.erase(std::unique(cuts.begin(), cuts.end()), cuts.end());
  for (std::size_t i = 0; i < cuts.size(); ++i) out.push_back({cuts[i], i + 1 < cuts.size() ? cuts[i + 1] - 1 : dom.max()});
  return out;
}

std::string segment_label(const Dimension& dim, const Segment& s, const std::string& currency) {
  if (!is_numeric(dim)) return value_words(dim, s.lo, currency);  // yes/no, a value, or their titles
  auto v = [&](std::int64_t x) { return format_value(dim, x); };
  std::string unit = dim.type == DimType::money ? currency : dim.unit;
  if (s.lo == s.hi) return fmt::format("{}{}{}", v(s.lo), unit.empty() ? "" : " ", unit);
  return fmt::format("{}\xE2\x80\x93{}{}{}", v(s.lo), v(s.hi), unit.empty() ? "" : " ", unit);
}

std::size_t edge_count(const PolicySpace& space, std::size_t d) { return segments(space, d).size(); }

}  // namespace

std::vector<std::size_t> choose_axes(const Policy& policy, const PolicySpace& space) {
  std::vector<std::size_t> axes;
  for (const std::string& name : policy.map)
    for (std::size_t d = 0; d < space.dims.size(); ++d)
      if (space.dims[d]->name == name && std::find(axes.begin(), axes.end(), d) == axes.end()) axes.push_back(d);
  if (!axes.empty()) return axes;
  std::size_t n = space.dims.size();
  if (n == 0) return axes;
  // x: the numeric dimension with the most edges (else the one with most values).
  std::size_t x = 0;
  std::size_t best = 0;
  bool best_numeric = false;
  for (std::size_t d = 0; d < n; ++d) {
    bool num = is_numeric(*space.dims[d]);
    std::size_t e = edge_count(space, d);
    if ((num && !best_numeric) || (num == best_numeric && e > best)) x = d, best = e, best_numeric = num;
  }
  axes.push_back(x);
  if (n == 1) return axes;
  // y: a dimension a line uses (so the line shows), else the next most cut one.
  std::size_t y = n;
  for (const auto& it : space.items) {
    if (it.kind != ItemKind::line) continue;
    for (std::size_t d = 0; d < n && y == n; ++d)
      if (d != x && !(it.box[d] == space.domain[d])) y = d;
    if (y != n) break;
  }
  if (y == n) {
    std::size_t most = 0;
    for (std::size_t d = 0; d < n; ++d)
      if (d != x && (y == n || edge_count(space, d) > most)) y = d, most = edge_count(space, d);
  }
  axes.push_back(y);
  return axes;
}

namespace {

// Every dimension off the axes held at a value where the most exceptions
// apply: the point the map is drawn through, and those values in words.
struct HeldPoint {
  std::vector<std::int64_t> point;
  std::string words;  // "customer tier: gold; ..."; "" when every dimension is an axis
};

std::int64_t busiest_value(const PolicySpace& space, std::size_t d) {
  std::vector<std::int64_t> candidates{space.domain[d].min()};
  for (const auto& it : space.items)
    if (it.kind == ItemKind::exception)
      for (const auto& iv : it.box[d].intervals()) candidates.push_back(iv.lo);
  std::sort(candidates.begin(), candidates.end());
  std::int64_t pick = candidates.front();
  std::size_t most = 0;
  for (std::int64_t v : candidates) {
    std::size_t count = 0;
    for (const auto& it : space.items)
      if (it.kind == ItemKind::exception && it.box[d].contains(v)) ++count;
    if (count > most) most = count, pick = v;
  }
  return pick;
}

HeldPoint hold_others(const PolicySpace& space, const std::vector<std::size_t>& axes, const std::string& currency) {
  HeldPoint held{std::vector<std::int64_t>(space.dims.size()), ""};
  for (std::size_t d = 0; d < space.dims.size(); ++d) {
    if (d == axes[0] || (axes.size() > 1 && d == axes[1])) continue;  // drawn across or down
    std::int64_t pick = busiest_value(space, d);
    held.point[d] = pick;
    held.words +=
        fmt::format("{}{}: {}", held.words.empty() ? "" : "; ", dimension_label(*space.dims[d]), value_words(*space.dims[d], pick, currency));
  }
  return held;
}

// One cell of the map: what decides there, and the words written in it.
struct Cell {
  DecidedBy by;
  std::string text;
};

// The grid of the map: a row per segment down, a column per segment across.
struct Grid {
  std::size_t xd = 0, yd = 0;
  bool has_y = false;
  std::vector<Segment> xs, ys;
  std::vector<std::vector<Cell>> cells;  // [row][column]
  bool is_line(long r, long c) const {
    return r >= 0 && c >= 0 && r < static_cast<long>(ys.size()) && c < static_cast<long>(xs.size()) &&
           cells[static_cast<std::size_t>(r)][static_cast<std::size_t>(c)].by == DecidedBy::line;
  }
};

Grid decide_cells(const Policy& policy, const PolicySpace& space, const DecisionIndex& index, const std::vector<std::size_t>& axes,
                  std::vector<std::int64_t> point) {
  Grid g;
  g.xd = axes[0];
  g.has_y = axes.size() > 1;
  g.yd = g.has_y ? axes[1] : 0;
  g.xs = segments(space, g.xd);
  g.ys = g.has_y ? segments(space, g.yd) : std::vector<Segment>{{0, 0}};
  g.cells.assign(g.ys.size(), std::vector<Cell>(g.xs.size()));
  for (std::size_t r = 0; r < g.ys.size(); ++r)
    for (std::size_t c = 0; c < g.xs.size(); ++c) {
      point[g.xd] = g.xs[c].lo;
      if (g.has_y) point[g.yd] = g.ys[r].lo;
      Decision dec = index.decide(point, policy);
      Cell& cell = g.cells[r][c];
      cell.by = dec.decided_by;
      cell.text = dec.conflict ? "conflict" : dec.decided_by == DecidedBy::none ? "silent" : outcome_words(policy, dec.outcome);
    }
  return g;
}

const char* cell_fill(const Cell& c) {
  if (c.text == "conflict") return "#c9b3e6";
  switch (c.by) {
    case DecidedBy::rule: return "#dbe7f3";
    case DecidedBy::exception: return "#ffe3a3";
    case DecidedBy::line: return "#f4b6b6";
    case DecidedBy::none: return "url(#silent)";
  }
  return "#ffffff";
}

// Where everything goes on the picture, in pixels.
struct Layout {
  explicit Layout(const Grid& g)
      : left(g.has_y ? 150 : 20),
        cw(std::clamp(760 / static_cast<int>(g.xs.size()), 46, 130)),
        gw(cw * static_cast<int>(g.xs.size())),
        gh(ch * static_cast<int>(g.ys.size())),
        // Wide enough for the legend too (five keys and the line's), so it is never cut off.
        width(std::max(left + gw + 20, left + 5 * 90 + 24 + 150)),
        height(top + gh + 110),
        chars(static_cast<std::size_t>(std::max(3, (cw - 6) / 6))) {}
  int left, top = 20, cw, ch = 40, gw, gh, width, height;
  std::size_t chars;  // the characters a cell's words may take
};

std::string svg_start(const Layout& l) {
  return fmt::format(
      "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{}\" height=\"{}\" viewBox=\"0 0 {} {}\" font-family=\"DejaVu Sans, Helvetica, Arial, "
      "sans-serif\">\n"
      "<defs><pattern id=\"silent\" width=\"8\" height=\"8\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\">"
      "<rect width=\"8\" height=\"8\" fill=\"#ffffff\"/><line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"8\" stroke=\"#b0b7c3\" "
      "stroke-width=\"2\"/></pattern></defs>\n"
      "<rect width=\"{}\" height=\"{}\" fill=\"#ffffff\"/>\n",
      l.width, l.height, l.width, l.height, l.width, l.height);
}

std::string svg_cells(const Grid& g, const Layout& l) {
  std::string s;
  for (std::size_t r = 0; r < g.ys.size(); ++r)
    for (std::size_t c = 0; c < g.xs.size(); ++c) {
      int x = l.left + l.cw * static_cast<int>(c), y = l.top + l.ch * static_cast<int>(r);
      const Cell& cell = g.cells[r][c];
      s += fmt::format("<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{}\" stroke=\"#ffffff\" stroke-width=\"1\"/>\n", x, y, l.cw, l.ch,
                       cell_fill(cell));
      s += fmt::format("<text x=\"{}\" y=\"{}\" font-size=\"10\" text-anchor=\"middle\" fill=\"#1d2430\">{}</text>\n", x + l.cw / 2, y + l.ch / 2 + 4,
                       xml_text(fit(cell.text, l.chars)));
    }
  return s;
}

// The line drawn: a thick border wherever a line's region meets anything else.
std::string svg_line_borders(const Grid& g, const Layout& l) {
  std::string s;
  for (long r = 0; r < static_cast<long>(g.ys.size()); ++r)
    for (long c = 0; c < static_cast<long>(g.xs.size()); ++c) {
      if (!g.is_line(r, c)) continue;
      int x0 = l.left + l.cw * static_cast<int>(c), y0 = l.top + l.ch * static_cast<int>(r), x1 = x0 + l.cw, y1 = y0 + l.ch;
      auto edge = [&](int ax, int ay, int bx, int by) {
        s += fmt::format("<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"#b3261e\" stroke-width=\"3\" stroke-linecap=\"square\"/>\n", ax, ay,
                         bx, by);
      };
      if (!g.is_line(r - 1, c)) edge(x0, y0, x1, y0);
      if (!g.is_line(r + 1, c)) edge(x0, y1, x1, y1);
      if (!g.is_line(r, c - 1)) edge(x0, y0, x0, y1);
      if (!g.is_line(r, c + 1)) edge(x1, y0, x1, y1);
    }
  return s;
}

// Axes: a label under every column, beside every row, and each axis's name.
std::string svg_axes(const PolicySpace& space, const Grid& g, const Layout& l, const std::string& currency) {
  std::string s;
  for (std::size_t c = 0; c < g.xs.size(); ++c) {
    int x = l.left + l.cw * static_cast<int>(c) + l.cw / 2;
    s += fmt::format("<text x=\"{}\" y=\"{}\" font-size=\"9\" text-anchor=\"middle\" fill=\"#4a5566\">{}</text>\n", x, l.top + l.gh + 14,
                     xml_text(fit(segment_label(*space.dims[g.xd], g.xs[c], currency), l.chars)));
  }
  s += fmt::format("<text x=\"{}\" y=\"{}\" font-size=\"11\" text-anchor=\"middle\" font-weight=\"bold\" fill=\"#1d2430\">{}</text>\n",
                   l.left + l.gw / 2, l.top + l.gh + 32, xml_text(dimension_label(*space.dims[g.xd])));
  if (!g.has_y) return s;
  for (std::size_t r = 0; r < g.ys.size(); ++r)
    s += fmt::format("<text x=\"{}\" y=\"{}\" font-size=\"9\" text-anchor=\"end\" fill=\"#4a5566\">{}</text>\n", l.left - 6,
                     l.top + l.ch * static_cast<int>(r) + l.ch / 2 + 4, xml_text(fit(segment_label(*space.dims[g.yd], g.ys[r], currency), 22)));
  s += fmt::format(
      "<text x=\"12\" y=\"{}\" font-size=\"11\" font-weight=\"bold\" fill=\"#1d2430\" transform=\"rotate(-90 12 {})\" "
      "text-anchor=\"middle\">{}</text>\n",
      l.top + l.gh / 2, l.top + l.gh / 2, xml_text(dimension_label(*space.dims[g.yd])));
  return s;
}

std::string svg_legend(const Layout& l) {
  struct Key {
    const char* fill;
    const char* text;
  };
  std::string s;
  int lx = l.left, ly = l.top + l.gh + 52;
  for (Key k :
       {Key{"#dbe7f3", "rule"}, Key{"#ffe3a3", "exception"}, Key{"#f4b6b6", "line"}, Key{"url(#silent)", "silent"}, Key{"#c9b3e6", "conflict"}}) {
    s += fmt::format("<rect x=\"{}\" y=\"{}\" width=\"14\" height=\"14\" fill=\"{}\" stroke=\"#8a94a6\" stroke-width=\"0.5\"/>", lx, ly, k.fill);
    s += fmt::format("<text x=\"{}\" y=\"{}\" font-size=\"10\" fill=\"#1d2430\">{}</text>\n", lx + 19, ly + 11, k.text);
    lx += 90;
  }
  s += fmt::format("<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"#b3261e\" stroke-width=\"3\"/>", lx, ly + 7, lx + 18, ly + 7);
  s += fmt::format("<text x=\"{}\" y=\"{}\" font-size=\"10\" fill=\"#1d2430\">where a line takes over</text>\n", lx + 24, ly + 11);
  return s;
}

}  // namespace

DecisionMap draw_decision_map(const Repository& repo, const Policy& policy, const PolicySpace& space, const DecisionIndex& index) {
  DecisionMap out;
  const std::string& currency = repo.manifest.currency;
  out.axes = choose_axes(policy, space);
  if (out.axes.empty()) return out;
  HeldPoint held = hold_others(space, out.axes, currency);
  Grid grid = decide_cells(policy, space, index, out.axes, held.point);
  Layout layout(grid);
  out.svg = svg_start(layout) + svg_cells(grid, layout) + svg_line_borders(grid, layout) + svg_axes(space, grid, layout, currency) +
            svg_legend(layout) + "</svg>\n";
  out.caption = fmt::format("Across: {}.", dimension_label(*space.dims[grid.xd]));
  if (grid.has_y) out.caption += fmt::format(" Down: {}.", dimension_label(*space.dims[grid.yd]));
  if (!held.words.empty()) out.caption += fmt::format(" Held at: {}.", held.words);
  return out;
}

}  // namespace leeway
