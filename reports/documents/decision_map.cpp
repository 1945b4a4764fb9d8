#include "reports/documents/decision_map.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "compiler/core/values.hpp"
#include "compiler/core/safe_text.hpp"
#include "reports/documents/words.hpp"

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

DecisionMap draw_decision_map(const Repository& repo, const Policy& policy, const PolicySpace& space, const DecisionIndex& index) {
  DecisionMap out;
  const std::string& currency = repo.manifest.currency;
  out.axes = choose_axes(policy, space);
  std::size_t n = space.dims.size();
  if (out.axes.empty()) return out;
  std::size_t xd = out.axes[0];
  bool has_y = out.axes.size() > 1;
  std::size_t yd = has_y ? out.axes[1] : 0;

  // Hold every other dimension where the most exceptions apply.
  std::vector<std::int64_t> point(n);
  std::string held;
  for (std::size_t d = 0; d < n; ++d) {
    if (d == xd || (has_y && d == yd)) continue;
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
    point[d] = pick;
    held += fmt::format("{}{}: {}", held.empty() ? "" : "; ", dimension_label(*space.dims[d]), value_words(*space.dims[d], pick, currency));
  }

  std::vector<Segment> xs = segments(space, xd);
  std::vector<Segment> ys = has_y ? segments(space, yd) : std::vector<Segment>{{0, 0}};
  struct Cell {
    DecidedBy by;
    std::string text;
  };
  std::vector<std::vector<Cell>> cells(ys.size(), std::vector<Cell>(xs.size()));
  for (std::size_t r = 0; r < ys.size(); ++r)
    for (std::size_t c = 0; c < xs.size(); ++c) {
      point[xd] = xs[c].lo;
      if (has_y) point[yd] = ys[r].lo;
      Decision dec = index.decide(point, policy);
      Cell& cell = cells[r][c];
      cell.by = dec.decided_by;
      cell.text = dec.conflict ? "conflict" : dec.decided_by == DecidedBy::none ? "silent" : outcome_words(policy, dec.outcome);
    }

  const int left = has_y ? 150 : 20, top = 20;
  const int cw = std::clamp(760 / static_cast<int>(xs.size()), 46, 130);
  const int ch = 40;
  const int gw = cw * static_cast<int>(xs.size()), gh = ch * static_cast<int>(ys.size());
  // Wide enough for the legend too (five keys and the line's), so it is never cut off.
  const int legend_width = 5 * 90 + 24 + 150;
  const int width = std::max(left + gw + 20, left + legend_width), height = top + gh + 110;
  auto fill = [](const Cell& c) {
    if (c.text == "conflict") return "#c9b3e6";
    switch (c.by) {
      case DecidedBy::rule: return "#dbe7f3";
      case DecidedBy::exception: return "#ffe3a3";
      case DecidedBy::line: return "#f4b6b6";
      case DecidedBy::none: return "url(#silent)";
    }
    return "#ffffff";
  };
  std::string s = fmt::format(
      "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{}\" height=\"{}\" viewBox=\"0 0 {} {}\" font-family=\"DejaVu Sans, Helvetica, Arial, sans-serif\">\n"
      "<defs><pattern id=\"silent\" width=\"8\" height=\"8\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\">"
      "<rect width=\"8\" height=\"8\" fill=\"#ffffff\"/><line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"8\" stroke=\"#b0b7c3\" stroke-width=\"2\"/></pattern></defs>\n"
      "<rect width=\"{}\" height=\"{}\" fill=\"#ffffff\"/>\n",
      width, height, width, height, width, height);
  std::size_t chars = static_cast<std::size_t>(std::max(3, (cw - 6) / 6));
  for (std::size_t r = 0; r < ys.size(); ++r)
    for (std::size_t c = 0; c < xs.size(); ++c) {
      int x = left + cw * static_cast<int>(c), y = top + ch * static_cast<int>(r);
      const Cell& cell = cells[r][c];
      s += fmt::format("<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{}\" stroke=\"#ffffff\" stroke-width=\"1\"/>\n", x, y, cw, ch, fill(cell));
      s += fmt::format("<text x=\"{}\" y=\"{}\" font-size=\"10\" text-anchor=\"middle\" fill=\"#1d2430\">{}</text>\n", x + cw / 2, y + ch / 2 + 4,
                       xml_text(fit(cell.text, chars)));
    }
  // The line drawn: a thick border wherever a line's region meets anything else.
  auto is_line = [&](long r, long c) {
    return r >= 0 && c >= 0 && r < static_cast<long>(ys.size()) && c < static_cast<long>(xs.size()) &&
           cells[static_cast<std::size_t>(r)][static_cast<std::size_t>(c)].by == DecidedBy::line;
  };
  for (long r = 0; r < static_cast<long>(ys.size()); ++r)
    for (long c = 0; c < static_cast<long>(xs.size()); ++c) {
      if (!is_line(r, c)) continue;
      int x0 = left + cw * static_cast<int>(c), y0 = top + ch * static_cast<int>(r), x1 = x0 + cw, y1 = y0 + ch;
      auto edge = [&](int ax, int ay, int bx, int by) {
        s += fmt::format("<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"#b3261e\" stroke-width=\"3\" stroke-linecap=\"square\"/>\n", ax, ay, bx, by);
      };
      if (!is_line(r - 1, c)) edge(x0, y0, x1, y0);
      if (!is_line(r + 1, c)) edge(x0, y1, x1, y1);
      if (!is_line(r, c - 1)) edge(x0, y0, x0, y1);
      if (!is_line(r, c + 1)) edge(x1, y0, x1, y1);
    }
  // Axes: a label under every column, beside every row.
  for (std::size_t c = 0; c < xs.size(); ++c) {
    int x = left + cw * static_cast<int>(c) + cw / 2;
    s += fmt::format("<text x=\"{}\" y=\"{}\" font-size=\"9\" text-anchor=\"middle\" fill=\"#4a5566\">{}</text>\n", x, top + gh + 14,
                     xml_text(fit(segment_label(*space.dims[xd], xs[c], currency), chars)));
  }
  s += fmt::format("<text x=\"{}\" y=\"{}\" font-size=\"11\" text-anchor=\"middle\" font-weight=\"bold\" fill=\"#1d2430\">{}</text>\n", left + gw / 2,
                   top + gh + 32, xml_text(dimension_label(*space.dims[xd])));
  if (has_y) {
    for (std::size_t r = 0; r < ys.size(); ++r)
      s += fmt::format("<text x=\"{}\" y=\"{}\" font-size=\"9\" text-anchor=\"end\" fill=\"#4a5566\">{}</text>\n", left - 6,
                       top + ch * static_cast<int>(r) + ch / 2 + 4, xml_text(fit(segment_label(*space.dims[yd], ys[r], currency), 22)));
    s += fmt::format("<text x=\"12\" y=\"{}\" font-size=\"11\" font-weight=\"bold\" fill=\"#1d2430\" transform=\"rotate(-90 12 {})\" text-anchor=\"middle\">{}</text>\n",
                     top + gh / 2, top + gh / 2, xml_text(dimension_label(*space.dims[yd])));
  }
  // Legend.
  struct Key {
    const char* fill;
    const char* text;
  };
  int lx = left, ly = top + gh + 52;
  for (Key k : {Key{"#dbe7f3", "rule"}, Key{"#ffe3a3", "exception"}, Key{"#f4b6b6", "line"}, Key{"url(#silent)", "silent"},
                Key{"#c9b3e6", "conflict"}}) {
    s += fmt::format("<rect x=\"{}\" y=\"{}\" width=\"14\" height=\"14\" fill=\"{}\" stroke=\"#8a94a6\" stroke-width=\"0.5\"/>", lx, ly, k.fill);
    s += fmt::format("<text x=\"{}\" y=\"{}\" font-size=\"10\" fill=\"#1d2430\">{}</text>\n", lx + 19, ly + 11, k.text);
    lx += 90;
  }
  s += fmt::format("<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"#b3261e\" stroke-width=\"3\"/>", lx, ly + 7, lx + 18, ly + 7);
  s += fmt::format("<text x=\"{}\" y=\"{}\" font-size=\"10\" fill=\"#1d2430\">where a line takes over</text>\n", lx + 24, ly + 11);
  s += "</svg>\n";
  out.svg = std::move(s);
  out.caption = fmt::format("Across: {}.", dimension_label(*space.dims[xd]));
  if (has_y) out.caption += fmt::format(" Down: {}.", dimension_label(*space.dims[yd]));
  if (!held.empty()) out.caption += fmt::format(" Held at: {}.", held);
  return out;
}

}  // namespace leeway
