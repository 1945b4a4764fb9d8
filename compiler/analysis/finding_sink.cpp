#include "compiler/analysis/finding_sink.hpp"

#include <algorithm>
#include <tuple>

namespace leeway {
namespace {

// The order of Diagnostics::sort up to the message: file, line, column, kind name.
int compare_place(const Pos& a, DiagnosticKind ka, const Pos& b, DiagnosticKind kb) {
  if (!(a.file == b.file)) return a.file.str() < b.file.str() ? -1 : 1;
  if (a.line != b.line) return a.line < b.line ? -1 : 1;
  if (a.column != b.column) return a.column < b.column ? -1 : 1;
  if (ka == kb) return 0;
  return kind_name(ka) < kind_name(kb) ? -1 : 1;
}

}  // namespace

FindingSink::FindingSink(const Policy& policy, std::size_t keep, std::vector<Diagnostic>& out, Omitted& omitted)
    : policy_(policy), keep_(keep), out_(out), omitted_(omitted) {}

FindingSink::~FindingSink() {
  std::sort(kept_.begin(), kept_.end(), [](const Kept& x, const Kept& y) { return x.seq < y.seq; });
  for (Kept& k : kept_) out_.push_back(std::move(k.d));
}

bool FindingSink::before(const Kept& x, const Kept& y) const {
  if (int c = compare_place(x.d.pos, x.d.kind, y.d.pos, y.d.kind)) return c < 0;
  if (int c = x.d.message.compare(y.d.message)) return c < 0;
  if (x.d.items != y.d.items) return x.d.items < y.d.items;
  return x.seq < y.seq;
}

void FindingSink::omit(DiagnosticKind kind, const std::function<bool(std::string_view)>& names) {
  // As apply_waivers does: a warning matched by a waiver is waived; an error
  // is not, and the waiver is reported as refused.
  bool waived = false;
  for (const Waiver& w : policy_.waivers) {
    if (!w.valid || w.kind != kind || !names(w.item)) continue;
    if (kind_severity(kind) == Severity::error) {
      if (std::find(omitted_.waivers_refused.begin(), omitted_.waivers_refused.end(), &w) == omitted_.waivers_refused.end())
        omitted_.waivers_refused.push_back(&w);
      continue;
    }
    waived = true;
    if (std::find(omitted_.waivers_used.begin(), omitted_.waivers_used.end(), &w) == omitted_.waivers_used.end())
      omitted_.waivers_used.push_back(&w);
  }
  omitted_.add(kind, waived);
}

void FindingSink::omit(const Diagnostic& d) {
  omit(d.kind, [&](std::string_view q) { return std::find(d.items.begin(), d.items.end(), q) != d.items.end(); });
}

void FindingSink::offer(DiagnosticKind kind, const Pos& pos, const Item* a, const Item* b, const std::function<Diagnostic()>& make) {
  std::size_t seq = seq_++;
  if (keep_ == 0) {
    out_.push_back(make());
    return;
  }
  auto later = [this](const Kept& x, const Kept& y) { return before(x, y); };
  if (kept_.size() == keep_ && compare_place(pos, kind, kept_.front().d.pos, kept_.front().d.kind) > 0) {
    // After the last one kept: never shown. Counted without being built.
    auto names = [&](std::string_view q) {
      for (const Item* it : {a, b}) {
        if (!it) continue;
        const std::string& p = policy_.id;
        if (q.size() == p.size() + 1 + it->id.size() && q.substr(0, p.size()) == p && q[p.size()] == '.' && q.substr(p.size() + 1) == it->id)
          return true;
      }
      return false;
    };
    omit(kind, names);
    return;
  }
  Kept k{make(), seq};
  if (kept_.size() < keep_) {
    kept_.push_back(std::move(k));
    std::push_heap(kept_.begin(), kept_.end(), later);
    return;
  }
  if (!before(k, kept_.front())) {
    omit(k.d);
    return;
  }
  std::pop_heap(kept_.begin(), kept_.end(), later);
  omit(kept_.back().d);
  kept_.back() = std::move(k);
  std::push_heap(kept_.begin(), kept_.end(), later);
}

}  // namespace leeway
