#include "compiler/emit/diagnostic_report.hpp"

#include <algorithm>
#include <array>
#include <future>
#include <type_traits>

#include "compiler/core/parallel.hpp"

namespace leeway {
namespace {

// A diagnostic of the report that may be shown: made already, or a finding
// made for the purpose.
struct Candidate {
  Diagnostic* d;
  OrderKey key;
};

// The report's order (Diagnostics::sorted_order): place, then message and
// items, then as found.
bool report_before(const Candidate& x, const Candidate& y) {
  if (place_before(x.key, y.key)) return true;
  if (place_before(y.key, x.key)) return false;
  if (int c = x.d->message.compare(y.d->message)) return c < 0;
  if (x.d->items != y.d->items) return x.d->items < y.d->items;
  return x.key.index < y.key.index;
}

// The first `n` (0 < n) diagnostics of the report's order, findings among
// them made into `made`. Those placed before the n-th are shown, whatever
// their message; those at its place are told apart by message and items,
// so they are made too: the few at one place, not the 180,000.
std::vector<Diagnostic*> first_shown(Diagnostics& diags, std::size_t n, std::vector<Diagnostic>& made, unsigned threads) {
  std::vector<OrderKey> keys = diags.order_keys();
  if (n < keys.size()) {
    std::nth_element(keys.begin(), keys.begin() + static_cast<std::ptrdiff_t>(n - 1), keys.end(), place_before);
    OrderKey last = keys[n - 1];
    keys.erase(std::partition(keys.begin(), keys.end(), [&](const OrderKey& k) { return !place_before(last, k); }), keys.end());
  }
  std::size_t base = diags.all().size();
  std::vector<const OrderKey*> found;  // the candidates that are findings
  for (const OrderKey& k : keys)
    if (k.index >= base) found.push_back(&k);
  made.resize(found.size());
  parallel_for(found.size(), threads, [&](std::size_t i) { made[i] = Diagnostics::make(diags.findings()[found[i]->index - base]); });
  std::vector<Candidate> candidates;
  candidates.reserve(keys.size());
  std::size_t next = 0;
  for (const OrderKey& k : keys) candidates.push_back({k.index < base ? &diags.all()[k.index] : &made[next++], k});
  std::sort(candidates.begin(), candidates.end(), report_before);
  std::vector<Diagnostic*> shown;
  for (std::size_t i = 0; i < std::min(n, candidates.size()); ++i) shown.push_back(candidates[i].d);
  return shown;
}

DiagnosticCounts count_all(const Diagnostics& diags) {
  DiagnosticCounts c;
  for (const Diagnostic& d : diags.all()) c.add(d.kind, d.severity, !d.waived.empty());
  for (const Finding& f : diags.findings()) c.add(f.kind, kind_severity(f.kind), f.waived != nullptr);
  return c;
}

// What the exit code and the summary need of a diagnostic once it is
// written stays: its kind, severity and waiver. The rest is freed.
void keep_only_the_verdict(Diagnostic& d) {
  auto release = [](auto& x) { std::remove_reference_t<decltype(x)>().swap(x); };
  release(d.message), release(d.policy), release(d.items), release(d.roles), release(d.regions);
  release(d.example), release(d.hint), release(d.notes), release(d.details);
  d.region.reset();
}

// report_json's batches: each made on every core (details built, text
// written, then freed), and written out while the next is made.
class JsonBatches {
 public:
  // `order`: the report's order, as indices into `all`.
  JsonBatches(std::vector<Diagnostic>& all, const std::vector<std::uint32_t>& order, std::size_t limit, unsigned threads, const Sink& out)
      : all_(all), order_(order), limit_(limit), threads_(threads), writer_(limit, out) {}

  void run() {
    std::array<Batch, 2> batches;
    std::future<void> writing;
    for (std::size_t from = 0, n = 0; from < all_.size(); from += kBatch, ++n) {
      Batch& b = batches[n % 2];
      make(b, from);
      if (writing.valid()) writing.get();
      writing = std::async(std::launch::async, [this, &b] { write(b); });
    }
    if (writing.valid()) writing.get();
    writer_.finish();
  }

 private:
  static constexpr std::size_t kBatch = 4096, kPiece = 256;
  struct Batch {
    std::size_t from = 0, to = 0, written = 0;
    std::vector<std::string> texts;  // one per piece; their memory is reused from batch to batch
    std::vector<const Diagnostic*> shown, counted;
  };

  void make(Batch& b, std::size_t from) {
    b.from = from;
    b.to = std::min(all_.size(), from + kBatch);
    b.written = limit_ == 0 ? b.to : std::clamp(limit_, from, b.to);
    std::size_t pieces = (b.to - from + kPiece - 1) / kPiece;
    if (b.texts.size() < pieces) b.texts.resize(pieces);
    parallel_for(pieces, threads_, [&](std::size_t p) { make_piece(b, p); });
  }

  void make_piece(Batch& b, std::size_t p) {
    // Written in a string of this thread's own: strings side by side in
    // `texts` share cache lines, and every append moves their size.
    std::string text;
    text.swap(b.texts[p]);
    text.clear();
    // Room for a piece of diagnostics with a region each (some 1,000
    // bytes), once: a string that doubles leaves its smaller selves behind
    // in fresh memory.
    text.reserve(kPiece * 1280);
    // Details are built into one diagnostic of this thread's, whose
    // regions, strings and lists keep their room from one to the next.
    thread_local Diagnostic completed;
    for (std::size_t i = b.from + p * kPiece; i < std::min(b.to, b.from + (p + 1) * kPiece); ++i) {
      Diagnostic& d = all_[order_[i]];
      if (i < b.written) {
        if (d.details) {
          d.details_into(completed);
          append_diagnostic_json(text, completed);
          d.give_back(completed);
        } else {
          append_diagnostic_json(text, d);
        }
      }
      keep_only_the_verdict(d);
    }
    text.swap(b.texts[p]);
  }

  void write(Batch& b) {
    const std::vector<const Diagnostic*> none;
    for (std::size_t p = 0; p * kPiece < b.to - b.from; ++p) {
      b.shown.clear();
      for (std::size_t i = b.from + p * kPiece; i < std::min(b.written, b.from + (p + 1) * kPiece); ++i) b.shown.push_back(&all_[order_[i]]);
      writer_.add_rendered(b.shown, b.texts[p], none);
    }
    b.counted.clear();
    for (std::size_t i = b.written; i < b.to; ++i) b.counted.push_back(&all_[order_[i]]);
    writer_.add_rendered(none, {}, b.counted);
  }

  std::vector<Diagnostic>& all_;
  const std::vector<std::uint32_t>& order_;
  std::size_t limit_;
  unsigned threads_;
  DiagnosticJsonWriter writer_;
};

}  // namespace

std::string report_text(Diagnostics& diags, const std::map<std::string, SourceFile>& files, const TextOptions& opt, unsigned threads) {
  std::vector<Diagnostic> made;  // the findings shown (or at the place of the last one shown)
  std::vector<Diagnostic*> shown;
  if (opt.max_diagnostics == 0) {
    diags.make_findings(threads);
    for (std::uint32_t i : diags.sorted_order(threads)) shown.push_back(&diags.all()[i]);
  } else {
    shown = first_shown(diags, opt.max_diagnostics, made, threads);
  }
  parallel_for(shown.size(), threads, [&](std::size_t i) { shown[i]->complete(); });
  DiagnosticCounts all = count_all(diags), hidden = all;
  for (const Diagnostic* d : shown) --hidden.by_kind[static_cast<std::size_t>(d->kind)];
  return render_text(std::vector<const Diagnostic*>(shown.begin(), shown.end()), hidden, all, files, opt.color);
}

void report_json(Diagnostics& diags, std::size_t limit, unsigned threads, const Sink& out) {
  // Made where they lie; the report's order taken as indices, rather than
  // moving 180,000 diagnostics into it.
  diags.make_findings(threads);
  std::vector<std::uint32_t> order = diags.sorted_order(threads);
  JsonBatches(diags.all(), order, limit, threads, out).run();
}

const std::vector<Diagnostic>& report_all(Diagnostics& diags, unsigned threads) {
  diags.make_findings(threads);
  diags.complete(threads);
  diags.sort();
  return diags.all();
}

}  // namespace leeway
