#include "compiler/analysis/greedy_cover.hpp"

#include <algorithm>
#include <cstdint>
#include <map>
#include <numeric>

namespace leeway {
namespace {

__extension__ typedef __int128 Wide;  // an interval's end plus one, even at INT64_MAX

// A sorted list of atom indices along one dimension, held elsewhere.
struct Atoms {
  const std::uint32_t* data = nullptr;
  std::size_t size = 0;
  std::uint32_t operator[](std::size_t i) const { return data[i]; }
  static Atoms of(const std::vector<std::uint32_t>& v) { return {v.data(), v.size()}; }
};

// The atoms of one dimension and, for every box, which atoms it holds there
// (box i's: flat[offset[i] .. offset[i + 1]), sorted).
struct Axis {
  std::vector<ValueSet> atoms;
  std::vector<std::uint32_t> flat;
  std::vector<std::uint32_t> offset;
  Atoms of_box(std::size_t i) const { return {flat.data() + offset[i], offset[i + 1] - offset[i]}; }
};

Axis make_axis(const std::vector<const Box*>& boxes, std::size_t d, bool contiguous) {
  // Elementary pieces: between consecutive edges of any box.
  std::vector<Wide> edges;
  for (const Box* b : boxes)
    for (const Interval& iv : (*b)[d].intervals()) {
      edges.push_back(iv.lo);
      edges.push_back(static_cast<Wide>(iv.hi) + 1);
    }
  std::sort(edges.begin(), edges.end());
  edges.erase(std::unique(edges.begin(), edges.end()), edges.end());
  std::size_t pieces = edges.empty() ? 0 : edges.size() - 1;
  auto piece_of = [&](Wide v) { return static_cast<std::uint32_t>(std::lower_bound(edges.begin(), edges.end(), v) - edges.begin()); };
  auto piece_values = [&](std::size_t p) {
    return ValueSet::range(static_cast<std::int64_t>(edges[p]), static_cast<std::int64_t>(edges[p + 1] - 1));
  };
  // The pieces each box holds, in order.
  Axis axis;
  axis.offset.reserve(boxes.size() + 1);
  axis.offset.push_back(0);
  for (const Box* b : boxes) {
    for (const Interval& iv : (*b)[d].intervals())
      for (std::uint32_t p = piece_of(iv.lo), e = piece_of(static_cast<Wide>(iv.hi) + 1); p < e; ++p) axis.flat.push_back(p);
    axis.offset.push_back(static_cast<std::uint32_t>(axis.flat.size()));
  }
  if (contiguous) {
    // Adjacency matters: every piece is an atom, held by a box or not.
    for (std::size_t p = 0; p < pieces; ++p) axis.atoms.push_back(piece_values(p));
    return axis;
  }
  // Pieces in exactly the same boxes are one atom; pieces in none are left
  // out. Atoms are numbered in the order of their lowest pieces, so the
  // cover does not depend on the order of the boxes.
  std::vector<std::vector<std::uint32_t>> members(pieces);
  for (std::size_t i = 0; i < boxes.size(); ++i)
    for (std::uint32_t j = axis.offset[i]; j < axis.offset[i + 1]; ++j) members[axis.flat[j]].push_back(static_cast<std::uint32_t>(i));
  std::vector<std::uint32_t> atom_of(pieces, UINT32_MAX);
  std::map<std::vector<std::uint32_t>, std::uint32_t> atom_with;  // members -> atom
  for (std::uint32_t p = 0; p < pieces; ++p) {
    if (members[p].empty()) continue;
    auto [at, added] = atom_with.try_emplace(std::move(members[p]), static_cast<std::uint32_t>(axis.atoms.size()));
    if (added) axis.atoms.emplace_back();
    atom_of[p] = at->second;
    axis.atoms[at->second] = axis.atoms[at->second].unite(piece_values(p));
  }
  for (std::size_t i = 0; i < boxes.size(); ++i) {
    auto first = axis.flat.begin() + axis.offset[i], last = axis.flat.begin() + axis.offset[i + 1];
    for (auto it = first; it != last; ++it) *it = atom_of[*it];
    std::sort(first, last);
  }
  // Several pieces of one atom in a box: keep the atom once.
  std::vector<std::uint32_t> flat, offset = {0};
  for (std::size_t i = 0; i < boxes.size(); ++i) {
    for (std::uint32_t j = axis.offset[i]; j < axis.offset[i + 1]; ++j)
      if (j == axis.offset[i] || axis.flat[j] != axis.flat[j - 1]) flat.push_back(axis.flat[j]);
    offset.push_back(static_cast<std::uint32_t>(flat.size()));
  }
  axis.flat = std::move(flat);
  axis.offset = std::move(offset);
  return axis;
}

// A box of atoms: one list per dimension.
using AtomBox = std::vector<Atoms>;

// The region as one bit per cell of the atoms' grid. One dimension, the one
// with the most atoms, runs along rows of whole 64-bit words, so a box's
// cells in a row are read or written a word at a time.
class Grid {
 public:
  explicit Grid(const std::vector<std::size_t>& sizes) : sizes_(sizes), row_strides_(sizes.size(), 0) {
    inner_ = static_cast<std::size_t>(std::max_element(sizes.begin(), sizes.end()) - sizes.begin());
    words_ = (sizes[inner_] + 63) / 64;
    std::size_t rows = 1;
    for (std::size_t d = sizes.size(); d-- > 0;) {
      if (d == inner_) continue;
      outer_.insert(outer_.begin(), d);
      row_strides_[d] = rows;
      rows *= sizes[d];
    }
    bits_.assign(rows * words_, 0);
    mask_.resize(words_);
    all_.resize(words_);
    at_.resize(sizes.size());
  }

  // The dimension that runs along rows.
  std::size_t inner() const { return inner_; }

  void fill(const AtomBox& box, bool on) {
    make_mask(box[inner_]);
    rows(box, [&](std::size_t base) {
      for (std::size_t w = 0; w < words_; ++w) bits_[base + w] = on ? bits_[base + w] | mask_[w] : bits_[base + w] & ~mask_[w];
      return true;
    });
  }
  bool full(const AtomBox& box) {
    make_mask(box[inner_]);
    return rows(box, [&](std::size_t base) {
      for (std::size_t w = 0; w < words_; ++w)
        if ((bits_[base + w] & mask_[w]) != mask_[w]) return false;
      return true;
    });
  }
  // The atoms along the row dimension that are set in every row the box
  // crosses (whatever the box holds along that dimension itself).
  const std::vector<std::uint64_t>& set_in_every_row(const AtomBox& box) {
    std::fill(all_.begin(), all_.end(), ~std::uint64_t{0});
    rows(box, [&](std::size_t base) {
      for (std::size_t w = 0; w < words_; ++w) all_[w] &= bits_[base + w];
      return true;
    });
    return all_;
  }
  // The first cell still set at or after word `from` (which moves on to
  // its word): its atoms, or false when none is left.
  bool first(std::size_t& from, std::vector<std::uint32_t>& point) const {
    for (; from < bits_.size(); ++from) {
      if (!bits_[from]) continue;
      std::size_t row = from / words_;
      point.resize(sizes_.size());
      point[inner_] = static_cast<std::uint32_t>((from % words_) * 64 + static_cast<std::size_t>(__builtin_ctzll(bits_[from])));
      for (std::size_t d : outer_) {
        point[d] = static_cast<std::uint32_t>(row / row_strides_[d]);
        row %= row_strides_[d];
      }
      return true;
    }
    return false;
  }

 private:
  void make_mask(Atoms atoms) {
    std::fill(mask_.begin(), mask_.end(), 0);
    for (std::size_t i = 0; i < atoms.size; ++i) mask_[atoms[i] / 64] |= std::uint64_t{1} << (atoms[i] % 64);
  }
  // Calls f(first word of the row) for every row the box crosses; stops when
  // f returns false (and then returns false itself).
  template <class F>
  bool rows(const AtomBox& box, F&& f) {
    for (Atoms l : box)
      if (l.size == 0) return true;
    std::size_t row = 0;
    for (std::size_t d : outer_) {
      at_[d] = 0;
      row += box[d][0] * row_strides_[d];
    }
    while (true) {
      if (!f(row * words_)) return false;
      std::size_t i = outer_.size();
      while (i-- > 0) {
        std::size_t d = outer_[i];
        Atoms l = box[d];
        row -= l[at_[d]] * row_strides_[d];
        if (++at_[d] < l.size) {
          row += l[at_[d]] * row_strides_[d];
          break;
        }
        at_[d] = 0;
        row += l[0] * row_strides_[d];
      }
      if (i == static_cast<std::size_t>(-1)) return true;
    }
  }

  std::vector<std::size_t> sizes_, row_strides_, outer_, at_;
  std::size_t inner_ = 0, words_ = 1;
  std::vector<std::uint64_t> bits_, mask_, all_;
};

}  // namespace

std::optional<std::vector<Box>> greedy_cover(const std::vector<const Box*>& boxes, const std::vector<bool>& contiguous,
                                             const std::vector<std::size_t>& order, std::size_t max_cells) {
  std::vector<Box> out;
  if (boxes.empty()) return out;
  std::size_t k = boxes[0]->size();
  auto numeric = [&](std::size_t d) { return d < contiguous.size() && contiguous[d]; };
  std::vector<Axis> axes;
  std::vector<std::size_t> sizes;
  std::size_t cells = 1;
  for (std::size_t d = 0; d < k; ++d) {
    axes.push_back(make_axis(boxes, d, numeric(d)));
    sizes.push_back(axes.back().atoms.size());
    if (sizes.back() == 0) return out;
    if (cells > max_cells / sizes.back()) return std::nullopt;
    cells *= sizes.back();
  }
  Grid grid(sizes);
  AtomBox lists(k);
  for (std::size_t i = 0; i < boxes.size(); ++i) {
    for (std::size_t d = 0; d < k; ++d) lists[d] = axes[d].of_box(i);
    grid.fill(lists, true);
  }
  std::vector<std::uint32_t> seed;
  std::vector<std::vector<std::uint32_t>> box(k);
  std::vector<std::uint32_t> one(1);
  // Box `box` grows along d by every atom `takes` (a numeric dimension only
  // by neighbours, staying one interval).
  auto grow = [&](std::size_t d, auto&& takes) {
    std::vector<std::uint32_t>& atoms = box[d];
    if (numeric(d)) {
      std::uint32_t lo = atoms.front(), hi = atoms.back();
      while (hi + 1 < sizes[d] && takes(hi + 1)) ++hi;
      while (lo > 0 && takes(lo - 1)) --lo;
      atoms.resize(hi - lo + 1);
      std::iota(atoms.begin(), atoms.end(), lo);
    } else {
      std::vector<std::uint32_t> grown;
      for (std::uint32_t a = 0; a < sizes[d]; ++a)
        if (std::binary_search(atoms.begin(), atoms.end(), a) || takes(a)) grown.push_back(a);
      atoms = std::move(grown);
    }
  };
  for (std::size_t from = 0; grid.first(from, seed);) {
    for (std::size_t d = 0; d < k; ++d) {
      box[d].assign(1, seed[d]);
      lists[d] = Atoms::of(box[d]);
    }
    for (std::size_t d : order) {
      if (d == grid.inner()) {
        // Along the rows: the atoms that every row of the box holds, read at once.
        const std::vector<std::uint64_t>& all = grid.set_in_every_row(lists);
        grow(d, [&](std::uint32_t a) { return (all[a / 64] >> (a % 64)) & 1; });
      } else {
        // Otherwise atom by atom: is the slab of the box at that atom all in the region?
        lists[d] = Atoms::of(one);
        grow(d, [&](std::uint32_t a) {
          one[0] = a;
          return grid.full(lists);
        });
      }
      lists[d] = Atoms::of(box[d]);
    }
    grid.fill(lists, false);
    Box values(k);
    for (std::size_t d = 0; d < k; ++d) {
      if (numeric(d)) {
        values[d] = ValueSet::range(axes[d].atoms[box[d].front()].min(), axes[d].atoms[box[d].back()].max());
      } else {
        for (std::uint32_t a : box[d]) values[d] = values[d].unite(axes[d].atoms[a]);
      }
    }
    out.push_back(std::move(values));
  }
  return out;
}

}  // namespace leeway
