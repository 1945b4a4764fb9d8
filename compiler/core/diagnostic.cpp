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

std::size_t Diagnostics::count(Severity s) const {
  return static_cast<std::size_t>(std::count_if(list_.begin(), list_.end(), [&](const Diagnostic& d) { return d.severity == s && d.waived.empty(); }));
}

std::size_t Diagnostics::waived() const {
  return static_cast<std::size_t>(std::count_if(list_.begin(), list_.end(), [](const Diagnostic& d) { return !d.waived.empty(); }));
}

void Diagnostics::sort() {
  // Sorted as indices, then moved into place once: a conflict-heavy
  // repository has 200,000 diagnostics of some 400 bytes each, and a sort
  // that moves them spends its time copying (and comparing file names).
  std::vector<std::string_view> files;
  files.reserve(list_.size());
  for (const auto& d : list_) files.push_back(d.pos.file);
  std::vector<std::uint32_t> order(list_.size());
  for (std::uint32_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](std::uint32_t i, std::uint32_t j) {
    const Diagnostic &a = list_[i], &b = list_[j];
    if (a.pos.line != b.pos.line || a.pos.column != b.pos.column || a.pos.file.size() != b.pos.file.size() || files[i] != files[j]) {
      if (int c = files[i].compare(files[j])) return c < 0;
      return std::tie(a.pos.line, a.pos.column) < std::tie(b.pos.line, b.pos.column);
    }
    auto ka = kind_name(a.kind), kb = kind_name(b.kind);
    return std::tie(ka, a.message, a.items) < std::tie(kb, b.message, b.items);
  });
  // In place, cycle by cycle: position k takes the diagnostic at order[k].
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

}  // namespace leeway
