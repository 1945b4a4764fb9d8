#include "compiler/analysis/coalesce.hpp"

#include <algorithm>
#include <cstdint>
#include <numeric>

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

std::uint64_t hash_of(const ValueSet& v) {
  std::uint64_t h = 0xcbf29ce484222325ull;
  for (const Interval& iv : v.intervals()) {
    h = (h ^ static_cast<std::uint64_t>(iv.lo)) * 0x100000001b3ull;
    h = (h ^ static_cast<std::uint64_t>(iv.hi)) * 0x100000001b3ull;
  }
  return h;
}

// One pass along dimension d: boxes equal everywhere but d (and of one
// label) join where their values along d do. True when any joined.
bool merge_along(std::vector<LabelledBox>& boxes, std::size_t d, bool contiguous) {
  std::size_t k = boxes.empty() ? 0 : boxes[0].first.size();
  // Each box's key for this pass, hashed: its label and every other dimension.
  struct Entry {
    std::uint64_t key;
    std::size_t index;
  };
  std::vector<Entry> entries(boxes.size());
  for (std::size_t i = 0; i < boxes.size(); ++i) {
    std::uint64_t h = boxes[i].second * 0x9e3779b97f4a7c15ull;
    for (std::size_t e = 0; e < k; ++e)
      if (e != d) h = (h ^ hash_of(boxes[i].first[e])) * 0x100000001b3ull + e;
    entries[i] = Entry{h, i};
  }
  auto same_elsewhere = [&](std::size_t a, std::size_t b) -> int {
    if (boxes[a].second != boxes[b].second) return boxes[a].second < boxes[b].second ? -1 : 1;
    for (std::size_t e = 0; e < k; ++e)
      if (e != d)
        if (int c = compare(boxes[a].first[e], boxes[b].first[e])) return c;
    return 0;
  };
  // By key, then along d. Two different keys with one hash (never seen with
  // 64 bits) would only keep some boxes from joining: a group is checked
  // member by member below, and only equal keys ever join.
  std::sort(entries.begin(), entries.end(), [&](const Entry& a, const Entry& b) {
    if (a.key != b.key) return a.key < b.key;
    if (int c = compare(boxes[a.index].first[d], boxes[b.index].first[d])) return c < 0;
    return a.index < b.index;
  });
  // Is there anything to join at all? Most passes after the first find nothing.
  bool any = false;
  for (std::size_t i = 0; i + 1 < entries.size() && !any; ++i) {
    if (entries[i].key != entries[i + 1].key || same_elsewhere(entries[i].index, entries[i + 1].index) != 0) continue;
    const ValueSet &a = boxes[entries[i].index].first[d], &b = boxes[entries[i + 1].index].first[d];
    any = !contiguous || (a.is_interval() && b.is_interval() && a.max() + 1 == b.min());
  }
  if (!any) return false;
  std::vector<LabelledBox> out;
  out.reserve(boxes.size());
  for (std::size_t i = 0; i < entries.size();) {
    std::size_t j = i + 1;
    while (j < entries.size() && entries[j].key == entries[i].key && same_elsewhere(entries[i].index, entries[j].index) == 0) ++j;
    // entries[i..j): one group, sorted along d.
    LabelledBox current = std::move(boxes[entries[i].index]);
    for (std::size_t g = i + 1; g < j; ++g) {
      LabelledBox& next = boxes[entries[g].index];
      const ValueSet &a = current.first[d], &b = next.first[d];
      if (!contiguous || (a.is_interval() && b.is_interval() && a.max() + 1 == b.min())) {
        current.first[d] = a.unite(b);
      } else {
        out.push_back(std::move(current));
        current = std::move(next);
      }
    }
    out.push_back(std::move(current));
    i = j;
  }
  boxes = std::move(out);
  return true;
}

}  // namespace

std::vector<LabelledBox> coalesce(std::vector<LabelledBox> boxes, const std::vector<bool>& contiguous) {
  if (boxes.size() > 1) {
    std::size_t k = boxes[0].first.size();
    // Until a whole round over the dimensions joins nothing more.
    for (bool joined = true; joined;) {
      joined = false;
      for (std::size_t d = 0; d < k; ++d) joined = merge_along(boxes, d, d < contiguous.size() && contiguous[d]) || joined;
    }
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
