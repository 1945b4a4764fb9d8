#include "compiler/diagnostic.hpp"

#include <algorithm>
#include <tuple>

#include "compiler/diagnostic_catalog.hpp"

namespace leeway {

const char* severity_name(Severity s) {
  switch (s) {
    case Severity::error: return "error";
    case Severity::warning: return "warning";
    case Severity::note: return "note";
  }
  return "error";
}

Diagnostic& Diagnostics::add(std::string kind, Pos pos, std::string message, std::string hint) {
  Diagnostic d;
  d.severity = diagnostic_kind(kind).severity;
  d.kind = std::move(kind);
  d.pos = std::move(pos);
  d.message = std::move(message);
  d.hint = std::move(hint);
  list_.push_back(std::move(d));
  return list_.back();
}

void Diagnostics::append(std::vector<Diagnostic> more) {
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
    return std::tie(a.pos.file, a.pos.line, a.pos.column, a.kind, a.message, a.items) <
           std::tie(b.pos.file, b.pos.line, b.pos.column, b.kind, b.message, b.items);
  });
}

}  // namespace leeway
