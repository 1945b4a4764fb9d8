#include "compiler/core/diagnostic.hpp"

#include <algorithm>
#include <tuple>

#include "compiler/core/parallel.hpp"

namespace leeway {

Diagnostic Diagnostic::of(DiagnosticKind kind, Pos pos, std::string message, std::string hint) {
  Diagnostic d;
  d.kind = kind;
  d.severity = kind_severity(kind);
  d.pos = std::move(pos);
  d.message = std::move(message);
  d.hint = std::move(hint);
  return d;
}

void Diagnostic::complete() {
  if (!details) return;
  auto build = std::move(details);
  details = nullptr;
  build(*this);
}

namespace {
// What a diagnostic carries besides its details, swapped between two.
void swap_carried(Diagnostic& a, Diagnostic& b) {
  std::swap(a.kind, b.kind);
  std::swap(a.severity, b.severity);
  std::swap(a.pos, b.pos);
  a.message.swap(b.message);
  a.policy.swap(b.policy);
  a.items.swap(b.items);
  a.roles.swap(b.roles);
  a.regions.swap(b.regions);
  a.waived.swap(b.waived);
}
}  // namespace

void Diagnostic::details_into(Diagnostic& into) {
  swap_carried(*this, into);
  details(into);
}

void Diagnostic::give_back(Diagnostic& from) { swap_carried(*this, from); }

void Diagnostics::complete(unsigned threads) {
  constexpr std::size_t kChunk = 1024;
  std::size_t chunks = (list_.size() + kChunk - 1) / kChunk;
  parallel_for(chunks, threads, [&](std::size_t c) {
    for (std::size_t i = c * kChunk; i < std::min(list_.size(), (c + 1) * kChunk); ++i) list_[i].complete();
  });
}

Diagnostic& Diagnostics::add(DiagnosticKind kind, Pos pos, std::string message, std::string hint) {
  list_.push_back(Diagnostic::of(kind, std::move(pos), std::move(message), std::move(hint)));
  return list_.back();
}

void Diagnostics::append(std::vector<Diagnostic> more) {
  if (list_.empty()) {
    list_ = std::move(more);
    return;
  }
  list_.reserve(list_.size() + more.size());  // exactly: no doubling of a large list
  list_.insert(list_.end(), std::make_move_iterator(more.begin()), std::make_move_iterator(more.end()));
}

Diagnostic Diagnostics::make(const Finding& f) {
  Diagnostic d = f.source->make(f);
  if (f.waived) d.waived = *f.waived;
  return d;
}

void Diagnostics::make_findings(unsigned threads) {
  if (findings_.empty()) return;
  std::size_t base = list_.size();
  list_.resize(base + findings_.size());  // exactly: no doubling of a large list
  constexpr std::size_t kChunk = 1024;
  parallel_for((findings_.size() + kChunk - 1) / kChunk, threads, [&](std::size_t c) {
    for (std::size_t i = c * kChunk; i < std::min(findings_.size(), (c + 1) * kChunk); ++i) list_[base + i] = make(findings_[i]);
  });
  std::vector<Finding>().swap(findings_);
}

namespace {
Severity counted_as(const Diagnostic& d) { return d.severity; }
Severity counted_as(const Finding& f) { return kind_severity(f.kind); }
bool is_waived(const Diagnostic& d) { return !d.waived.empty(); }
bool is_waived(const Finding& f) { return f.waived != nullptr; }
}  // namespace

std::size_t Diagnostics::count(Severity s) const {
  auto in_force = [s](const auto& d) { return counted_as(d) == s && !is_waived(d); };
  return static_cast<std::size_t>(std::count_if(list_.begin(), list_.end(), in_force) + std::count_if(findings_.begin(), findings_.end(), in_force));
}

std::size_t Diagnostics::waived() const {
  auto waived = [](const auto& d) { return is_waived(d); };
  return static_cast<std::size_t>(std::count_if(list_.begin(), list_.end(), waived) + std::count_if(findings_.begin(), findings_.end(), waived));
}

void Diagnostics::sort() {
  // Sorted as indices, then moved into place once: a conflict-heavy
  // repository has 200,000 diagnostics of some 350 bytes each, and a sort
  // that moves them spends its time copying. In place, cycle by cycle:
  // position k takes the diagnostic at order[k].
  std::vector<std::uint32_t> order = sorted_order();
  for (std::size_t k = 0; k < order.size(); ++k) {
    if (order[k] == k) continue;
    Diagnostic held = std::move(list_[k]);
    std::size_t at = k;
    while (order[at] != k) {
      std::size_t from = order[at];
      list_[at] = std::move(list_[from]);
      order[at] = static_cast<std::uint32_t>(at);
      at = from;
    }
    list_[at] = std::move(held);
    order[at] = static_cast<std::uint32_t>(at);
  }
}

namespace {

// The keys of the report's order (OrderKey) for `list` and then `found`.
std::vector<OrderKey> keys_of(const std::vector<Diagnostic>& list, const std::vector<Finding>& found) {
  std::vector<std::string_view> names;
  auto name = [&](const FileName& f) {  // runs of one file are the rule: one entry a run
    if (names.empty() || names.back().data() != f.str().data()) names.push_back(f);
  };
  for (const auto& d : list) name(d.pos.file);
  for (const auto& f : found) name(f.pos->file);
  std::sort(names.begin(), names.end());
  names.erase(std::unique(names.begin(), names.end()), names.end());
  std::vector<std::uint32_t> kind_rank(diagnostic_catalog().size() + 1, 0);
  {
    std::vector<std::pair<std::string_view, std::size_t>> kinds;
    for (const DiagnosticInfo& info : diagnostic_catalog()) kinds.emplace_back(info.name, static_cast<std::size_t>(info.kind));
    std::sort(kinds.begin(), kinds.end());
    for (std::size_t r = 0; r < kinds.size(); ++r)
      if (kinds[r].second < kind_rank.size()) kind_rank[kinds[r].second] = static_cast<std::uint32_t>(r);
  }
  std::vector<OrderKey> keys(list.size() + found.size());
  const FileName* last = nullptr;
  std::uint32_t last_rank = 0;
  auto key = [&](std::uint32_t i, const Pos& pos, DiagnosticKind kind) {
    if (!last || !(*last == pos.file)) {  // runs of the same file are the rule
      last = &pos.file;
      last_rank = static_cast<std::uint32_t>(std::lower_bound(names.begin(), names.end(), std::string_view(pos.file)) - names.begin());
    }
    std::size_t k = static_cast<std::size_t>(kind);
    keys[i] = OrderKey{last_rank, pos.line, pos.column, k < kind_rank.size() ? kind_rank[k] : 0, i};
  };
  for (std::uint32_t i = 0; i < list.size(); ++i) key(i, list[i].pos, list[i].kind);
  auto made = static_cast<std::uint32_t>(list.size());
  for (std::uint32_t i = 0; i < found.size(); ++i) key(made + i, *found[i].pos, found[i].kind);
  return keys;
}

}  // namespace

std::vector<OrderKey> Diagnostics::order_keys() const { return keys_of(list_, findings_); }

std::vector<std::uint32_t> Diagnostics::sorted_order(unsigned threads) const {
  // Each diagnostic's place and kind as numbers (OrderKey). Only equal keys
  // compare their messages and items; equal diagnostics keep their order.
  using Key = OrderKey;
  std::vector<Key> keys = keys_of(list_, {});
  auto place = [](const Key& k) { return std::tie(k.file, k.line, k.column, k.kind); };
  // Every key differs (by index at least), so the order is one, however the
  // work is shared: halves sorted on two cores, then merged.
  auto before = [](const Key& a, const Key& b) {
    return std::tie(a.file, a.line, a.column, a.kind, a.index) < std::tie(b.file, b.line, b.column, b.kind, b.index);
  };
  auto mid = keys.begin() + static_cast<std::ptrdiff_t>(keys.size() / 2);
  parallel_for(2, threads, [&](std::size_t half) { half ? std::sort(mid, keys.end(), before) : std::sort(keys.begin(), mid, before); });
  std::inplace_merge(keys.begin(), mid, keys.end(), before);
  // Runs of one place and kind are ordered by message and items; a run whose
  // diagnostics all say the same (a policy's gaps) stays in the order found.
  // Runs are independent: shared out in pieces.
  std::vector<std::size_t> runs;  // where each run begins
  for (std::size_t begin = 0, end; begin < keys.size(); begin = end) {
    runs.push_back(begin);
    for (end = begin + 1; end < keys.size() && place(keys[end]) == place(keys[begin]);) ++end;
  }
  runs.push_back(keys.size());
  constexpr std::size_t kRunsAPiece = 4096;
  parallel_for((runs.size() - 1 + kRunsAPiece - 1) / kRunsAPiece, threads, [&](std::size_t piece) {
    for (std::size_t r = piece * kRunsAPiece; r < std::min(runs.size() - 1, (piece + 1) * kRunsAPiece); ++r) {
      auto begin = keys.begin() + static_cast<std::ptrdiff_t>(runs[r]), end = keys.begin() + static_cast<std::ptrdiff_t>(runs[r + 1]);
      const Diagnostic& first = list_[begin->index];
      bool alike =
          std::all_of(begin + 1, end, [&](const Key& k) { return list_[k.index].message == first.message && list_[k.index].items == first.items; });
      if (alike) continue;
      std::sort(begin, end, [&](const Key& a, const Key& b) {
        const Diagnostic &x = list_[a.index], &y = list_[b.index];
        if (int c = x.message.compare(y.message)) return c < 0;
        if (x.items != y.items) return x.items < y.items;
        return a.index < b.index;
      });
    }
  });
  std::vector<std::uint32_t> order(keys.size());
  for (std::size_t k = 0; k < keys.size(); ++k) order[k] = keys[k].index;
  return order;
}

}  // namespace leeway
