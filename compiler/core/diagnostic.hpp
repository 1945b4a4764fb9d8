// A diagnostic: what is wrong, where, and how to fix it. Plain data, produced by
// every stage and rendered by compiler/emit (text, JSON, SARIF, GitHub annotations).
#pragma once
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
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
  std::string message;  // one line
  Pos pos;
  std::string policy;               // the policy id, where there is one
  std::vector<std::string> items;   // qualified item ids
  std::vector<std::string> roles;   // role ids, for diagnostics about roles
  std::optional<Region> region;
  std::vector<Region> regions;      // where one region is not enough (beyond-rule): all of them; `region` is the first
  std::string example;              // an example situation inside the region, in words
  std::string hint;                 // how to fix it
  std::vector<Note> notes;          // related places ("first defined here")
  std::string waived;               // the reason of the [[waive]] that suppresses it; empty: in force
  // What costs most to build (a region, its example, notes, the hint) may be
  // left to this, run by complete() only for the diagnostics someone reads:
  // `check` shows 50 of 200,000 as text, and writes JSON one at a time.
  // It may point into the Compilation that made the diagnostic. It sets all
  // four (region, example, hint, notes; clearing what it does not give) and
  // reuses their room: `check --format json` runs the details of one
  // diagnostic after another into the same one (details_into).
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

struct Waiver;

// Diagnostics found but left out of the list, counted: `check` as text shows
// the first 50 of what may be 200,000, and analysis then keeps only the
// diagnostics that can be among those (CompileOptions::keep_first).
struct Omitted {
  std::vector<std::size_t> by_kind;  // indexed by DiagnosticKind
  std::size_t errors = 0, warnings = 0, notes = 0, waived = 0;  // in force by severity; waived apart
  std::vector<const Waiver*> waivers_used, waivers_refused;  // the [[waive]] entries they matched
  std::size_t total() const { return errors + warnings + notes + waived; }
  // Counts one diagnostic of `kind` (waived or not).
  void add(DiagnosticKind kind, bool waived);
  void merge(const Omitted& o);
};

// Collects diagnostics from the stages; one run reports every problem it finds.
class Diagnostics {
 public:
  Diagnostic& add(DiagnosticKind kind, Pos pos, std::string message, std::string hint = {});
  void append(std::vector<Diagnostic> more);
  const std::vector<Diagnostic>& all() const { return list_; }
  std::vector<Diagnostic>& all() { return list_; }
  // Diagnostics in force (not waived) of that severity, omitted ones included.
  std::size_t count(Severity s) const;
  std::size_t waived() const;
  const Omitted& omitted() const { return omitted_; }
  Omitted& omitted() { return omitted_; }
  bool has_errors() const { return count(Severity::error) > 0; }
  // A stable order: by file, line, column, then kind and message.
  void sort();
  // That order as indices into all(), leaving the list as it is: a
  // conflict-heavy repository has 200,000 diagnostics of some 350 bytes,
  // and a writer that takes them in order need not move them. Shared out on
  // `threads` (0: every core); the order is the same on any number.
  std::vector<std::uint32_t> sorted_order(unsigned threads = 1) const;
  // Builds the details of every diagnostic still without them.
  void complete(unsigned threads);

 private:
  std::vector<Diagnostic> list_;
  Omitted omitted_;
};

}  // namespace leeway
