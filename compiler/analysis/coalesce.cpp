#include "compiler/analysis/coalesce.hpp"

#include <algorithm>
#include <cstdint>
#include <iterator>
#include <numeric>
#include <optional>

#include "compiler/analysis/greedy_cover.hpp"

namespace leeway {
namespace {

// Lexicographic order of value sets, by their intervals.
int compare(const ValueSet& a, const ValueSet& b) {
  const auto &x = a.intervals(), &y = b.intervals();
  for (std::size_t i = 0; i < std::min(x.size(), y.size()); ++i) {
    if (x[i].lo != y[i].lo) return x[i].lo < y[i].lo ? -1 : 1;
    if (x[i].hi != y[i].hi) return x[i].hi < y[i].hi ? -1 : 1;
  }
  return x.size() == y.size() ? 0 : x.size() < y.size() ? -1 : 1;
}

// One pass along dimension d: boxes equal everywhere but d (and of one
// label) join where their values along d do. True when any joined.
// `hashes[i * k + e]`: the hash of box i's values along e, kept up to date.
bool merge_along(std::vector<LabelledBox>& boxes, std::vector<std::uint64_t>& hashes, std::size_t d, bool contiguous) {
  std::size_t k = boxes.empty() ? 0 : boxes[0].first.size();
  // Each box's key for this pass, hashed: its label and every other dimension.
  struct Entry {
    std::uint64_t key;
    std::int64_t lowest;  // along d
    std::size_t index;
  };
  std::vector<Entry> entries(boxes.size());
  for (std::size_t i = 0; i < boxes.size(); ++i) {
    std::uint64_t h = boxes[i].second * 0x9e3779b97f4a7c15ull;
    for (std::size_t e = 0; e < k; ++e)
      if (e != d) h = (h ^ hashes[i * k + e]) * 0x100000001b3ull + e;
    entries[i] = Entry{h, boxes[i].first[d].min(), i};
  }
  auto same_elsewhere = [&](std::size_t a, std::size_t b) -> int {
    if (boxes[a].second != boxes[b].second) return boxes[a].second < boxes[b].second ? -1 : 1;
    for (std::size_t e = 0; e < k; ++e)
      if (e != d)
        if (int c = compare(boxes[a].first[e], boxes[b].first[e])) return c;
    return 0;
  };
  // By key, then along d: boxes equal elsewhere are disjoint along d, so
  // their lowest values there order them. Two different keys with one hash
  // (never seen with 64 bits) would only keep some boxes from joining: a
  // group is checked member by member below, and only equal keys ever join.
  std::sort(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) {
    if (a.key != b.key) return a.key < b.key;
    if (a.lowest != b.lowest) return a.lowest < b.lowest;
    return a.index < b.index;
  });
  auto joins = [&](const ValueSet& a, const ValueSet& b) { return !contiguous || (a.is_interval() && b.is_interval() && a.max() + 1 == b.min()); };
  // Is there anything to join at all? Most passes after the first find nothing.
  bool any = false;
  for (std::size_t i = 0; i + 1 < entries.size() && !any; ++i)
    any = entries[i].key == entries[i + 1].key && same_elsewhere(entries[i].index, entries[i + 1].index) == 0 &&
          joins(boxes[entries[i].index].first[d], boxes[entries[i + 1].index].first[d]);
  if (!any) return false;
  std::vector<LabelledBox> out;
  std::vector<std::uint64_t> out_hashes;
  out.reserve(boxes.size());
  out_hashes.reserve(hashes.size());
  auto emit = [&](LabelledBox&& box, std::size_t from) {
    out_hashes.insert(out_hashes.end(), hashes.begin() + static_cast<std::ptrdiff_t>(from * k),
                      hashes.begin() + static_cast<std::ptrdiff_t>((from + 1) * k));
    out_hashes[out.size() * k + d] = box.first[d].hash();
    out.push_back(std::move(box));
  };
  for (std::size_t i = 0; i < entries.size();) {
    std::size_t j = i + 1;
    while (j < entries.size() && entries[j].key == entries[i].key && same_elsewhere(entries[i].index, entries[j].index) == 0) ++j;
    // entries[i..j): one group, sorted along d.
    std::size_t from = entries[i].index;
    LabelledBox current = std::move(boxes[from]);
    for (std::size_t g = i + 1; g < j; ++g) {
      LabelledBox& next = boxes[entries[g].index];
      if (joins(current.first[d], next.first[d])) {
        current.first[d] = current.first[d].unite(next.first[d]);
      } else {
        emit(std::move(current), from);
        from = entries[g].index;
        current = std::move(next);
      }
    }
    emit(std::move(current), from);
    i = j;
  }
  boxes = std::move(out);
  hashes = std::move(out_hashes);
  return true;
}

// Merges along every dimension, again and again until a round joins nothing.
void merge_all(std::vector<LabelledBox>& boxes, const std::vector<bool>& contiguous) {
  if (boxes.size() < 2) return;
  std::size_t k = boxes[0].first.size();
  std::vector<std::uint64_t> hashes(boxes.size() * k);
  for (std::size_t i = 0; i < boxes.size(); ++i)
    for (std::size_t e = 0; e < k; ++e) hashes[i * k + e] = boxes[i].first[e].hash();
  // Dimension after dimension until k passes in a row join nothing (a
  // pass joins whole runs, so right after it its own dimension has none left).
  for (std::size_t d = 0, quiet = 0; quiet < k; d = (d + 1) % k)
    quiet = merge_along(boxes, hashes, d, d < contiguous.size() && contiguous[d]) ? 1 : quiet + 1;
}

// The most cells a label's grid of atoms may have for a greedy cover (one
// bit each, 512 KiB); a region cut finer than that keeps what merging found.
constexpr std::size_t kMaxCoverCells = std::size_t{1} << 22;

}  // namespace

std::vector<LabelledBox> coalesce(std::vector<LabelledBox> boxes, const std::vector<bool>& contiguous) {
  merge_all(boxes, contiguous);
  if (boxes.size() > 1) {
    // Label by label: a greedy maximal cover, merged again, where it needs fewer boxes.
    std::size_t k = boxes[0].first.size();
    std::vector<std::size_t> order(k);
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::sort(boxes.begin(), boxes.end(), [](const LabelledBox& a, const LabelledBox& b) { return a.second < b.second; });
    std::vector<LabelledBox> out;
    out.reserve(boxes.size());
    for (std::size_t i = 0; i < boxes.size();) {
      std::size_t j = i;
      while (j < boxes.size() && boxes[j].second == boxes[i].second) ++j;
      std::optional<std::vector<Box>> cover;
      if (j - i > 1) {
        std::vector<const Box*> region;
        for (std::size_t b = i; b < j; ++b) region.push_back(&boxes[b].first);
        cover = greedy_cover(region, contiguous, order, kMaxCoverCells);
      }
      std::vector<LabelledBox> grown;
      if (cover && cover->size() < j - i) {
        for (Box& b : *cover) grown.emplace_back(std::move(b), boxes[i].second);
        merge_all(grown, contiguous);
      }
      if (!grown.empty()) {
        std::move(grown.begin(), grown.end(), std::back_inserter(out));
      } else {
        std::move(boxes.begin() + static_cast<std::ptrdiff_t>(i), boxes.begin() + static_cast<std::ptrdiff_t>(j), std::back_inserter(out));
      }
      i = j;
    }
    boxes = std::move(out);
  }
  // Disjoint boxes differ in some dimension: their lowest values order them.
  std::sort(boxes.begin(), boxes.end(), [](const LabelledBox& a, const LabelledBox& b) {
    for (std::size_t d = 0; d < a.first.size(); ++d)
      if (int c = compare(a.first[d], b.first[d])) return c < 0;
    return a.second < b.second;
  });
  return boxes;
}

std::vector<Box> coalesce(std::vector<Box> boxes, const std::vector<bool>& contiguous) {
  std::vector<LabelledBox> labelled;
  labelled.reserve(boxes.size());
  for (Box& b : boxes) labelled.emplace_back(std::move(b), 0);
  std::vector<Box> out;
  out.reserve(labelled.size());
  for (LabelledBox& l : coalesce(std::move(labelled), contiguous)) out.push_back(std::move(l.first));
  return out;
}

}  // namespace leeway
