// A diagnostic: what is wrong, where, and how to fix it. Plain data, produced by
// every stage and rendered by compiler/emit (text, JSON, SARIF, GitHub annotations).
#pragma once
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "compiler/core/diagnostic_catalog.hpp"
#include "compiler/core/region.hpp"
#include "compiler/core/source_file.hpp"

namespace leeway {

struct Note {
  Pos pos;
  std::string message;
};

struct Diagnostic {
  DiagnosticKind kind = DiagnosticKind::internal;
  Severity severity = Severity::error;  // the kind's, from the catalog
  std::string message;                  // one line
  Pos pos;
  std::string policy;              // the policy id, where there is one
  std::vector<std::string> items;  // qualified item ids
  std::vector<std::string> roles;  // role ids, for diagnostics about roles
  std::optional<Region> region;
  std::vector<Region> regions;  // where one region is not enough (beyond-rule): all of them; `region` is the first
  std::string example;          // an example situation inside the region, in words
  std::string hint;             // how to fix it
  std::vector<Note> notes;      // related places ("first defined here")
  std::string waived;           // the reason of the [[waive]] that suppresses it; empty: in force
  // What costs most to build (a region, its example, notes, the hint) may be
  // left to this, run by complete() only for the diagnostics someone reads
  // (compiler/emit/diagnostic_report.hpp). It may point into the Compilation
  // that made the diagnostic. It sets all four (region, example, hint,
  // notes; clearing what it does not give) and reuses their room: JSON runs
  // the details of one diagnostic after another into the same one
  // (details_into).
  std::function<void(Diagnostic&)> details;

  void complete();
  // `into` as this diagnostic with its details, built in `into`'s room
  // (region, example, hint, notes); the rest of this diagnostic lent to it
  // until give_back(into). For a diagnostic with details only.
  void details_into(Diagnostic& into);
  void give_back(Diagnostic& from);

  // A diagnostic of `kind`, with the kind's severity from the catalog.
  static Diagnostic of(DiagnosticKind kind, Pos pos = {}, std::string message = {}, std::string hint = {});
};

struct Finding;

// What found a kind of diagnostic a repository can have by the hundred
// thousand (a policy's gaps, its conflicting pairs), and makes the diagnostic
// of each of its findings when someone reads it. It may point into the
// Compilation, as details do.
class FindingSource {
 public:
  explicit FindingSource(std::string_view policy) : policy(policy) {}
  virtual ~FindingSource() = default;
  // The diagnostic of `f`, one of this source's; its costliest part may be
  // left to Diagnostic::details.
  virtual Diagnostic make(const Finding& f) const = 0;
  // Does the diagnostic of `f` name the qualified item `q` (a waiver's)?
  virtual bool names(const Finding& f, std::string_view q) const = 0;
  const std::string_view policy;  // the id of the policy its findings are about
};

// A diagnostic found but not made yet: what its place in the report, its
// count and its waiver need, in 40 bytes; the rest is its source's.
struct Finding {
  const FindingSource* source = nullptr;
  const Pos* pos = nullptr;             // where the diagnostic points
  const std::string* waived = nullptr;  // the reason of the [[waive]] that suppresses it
  std::uint32_t a = 0, b = 0;           // the source's own (two items, a gap)
  DiagnosticKind kind = DiagnosticKind::internal;
};

// A diagnostic's place in the report's order, as numbers: the file's rank
// among the files named, line, column, the kind name's rank. Diagnostics of
// one place are then ordered by message and items, and equal ones as found
// (`index`).
struct OrderKey {
  std::uint32_t file;
  int line, column;
  std::uint32_t kind;
  std::uint32_t index;
};
inline bool place_before(const OrderKey& a, const OrderKey& b) {
  return std::tie(a.file, a.line, a.column, a.kind) < std::tie(b.file, b.line, b.column, b.kind);
}

// Collects diagnostics from the stages; one run reports every problem it finds.
class Diagnostics {
 public:
  Diagnostic& add(DiagnosticKind kind, Pos pos, std::string message, std::string hint = {});
  void append(std::vector<Diagnostic> more);
  // The diagnostics made. Findings (below) are not among them until made.
  const std::vector<Diagnostic>& all() const { return list_; }
  std::vector<Diagnostic>& all() { return list_; }
  // Found, not made yet (CompileOptions::defer): the report makes those it
  // writes. Their order after all() is the order they were found in.
  const std::vector<Finding>& findings() const { return findings_; }
  std::vector<Finding>& findings() { return findings_; }
  // Keeps the source that findings point to as long as they are kept.
  void keep(std::shared_ptr<const FindingSource> source) { sources_.push_back(std::move(source)); }
  // The diagnostic of a finding, its waiver's reason included.
  static Diagnostic make(const Finding& f);
  // Every finding made, at the end of all() in the order found; shared out
  // on `threads`.
  void make_findings(unsigned threads);
  // Diagnostics in force (not waived) of that severity, findings included.
  std::size_t count(Severity s) const;
  std::size_t waived() const;
  bool has_errors() const { return count(Severity::error) > 0; }
  // A stable order: by file, line, column, then kind and message.
  void sort();
  // That order as indices into all(), leaving the list as it is: a
  // conflict-heavy repository has 200,000 diagnostics of some 350 bytes,
  // and a writer that takes them in order need not move them. Shared out on
  // `threads` (0: every core); the order is the same on any number.
  std::vector<std::uint32_t> sorted_order(unsigned threads = 1) const;
  // The keys of that order, of all() (index i) and then of the findings
  // (index all().size() + k), in that order.
  std::vector<OrderKey> order_keys() const;
  // Builds the details of every diagnostic still without them.
  void complete(unsigned threads);

 private:
  std::vector<Diagnostic> list_;
  std::vector<Finding> findings_;
  std::vector<std::shared_ptr<const FindingSource>> sources_;  // what findings_ point to
};

}  // namespace leeway
