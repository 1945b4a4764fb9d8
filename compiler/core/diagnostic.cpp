#include "compiler/core/diagnostic.hpp"

#include <algorithm>
#include <tuple>

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
  std::stable_sort(list_.begin(), list_.end(), [](const Diagnostic& a, const Diagnostic& b) {
    auto ka = kind_name(a.kind), kb = kind_name(b.kind);
    return std::tie(a.pos.file, a.pos.line, a.pos.column, ka, a.message, a.items) <
           std::tie(b.pos.file, b.pos.line, b.pos.column, kb, b.message, b.items);
  });
}

}  // namespace leeway
