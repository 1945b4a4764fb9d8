// Where one analysis task (a policy's conflicts, or its gaps) puts what it
// finds. Unbounded, every diagnostic goes to the list. Bounded by N (`check`
// as text shows the first 50 of what may be 200,000), only the diagnostics
// that can still be among the first N of the report's order are built and
// kept; the rest are counted (Omitted), with the waivers that match them, so
// that the totals, the exit code and unused-waiver checks stay exact.
#pragma once
#include <functional>
#include <vector>

#include "compiler/core/diagnostic.hpp"
#include "compiler/core/model.hpp"

namespace leeway {

class FindingSink {
 public:
  // `keep`: 0 keeps everything.
  FindingSink(const Policy& policy, std::size_t keep, std::vector<Diagnostic>& out, Omitted& omitted);
  FindingSink(const FindingSink&) = delete;
  ~FindingSink();  // appends what it kept to `out`, in the order found

  // A diagnostic of `kind` at `pos`, about items `a` and `b` of the policy
  // (either may be null), built by `make` only if it may be shown.
  void offer(DiagnosticKind kind, const Pos& pos, const Item* a, const Item* b, const std::function<Diagnostic()>& make);

 private:
  struct Kept {
    Diagnostic d;
    std::size_t seq;
  };
  bool before(const Kept& x, const Kept& y) const;  // report order (Diagnostics::sort)
  // Counts a diagnostic left out; `names(q)`: does it name the qualified item q?
  void omit(DiagnosticKind kind, const std::function<bool(std::string_view)>& names);
  void omit(const Diagnostic& d);

  const Policy& policy_;
  std::size_t keep_;
  std::vector<Diagnostic>& out_;
  Omitted& omitted_;
  std::vector<Kept> kept_;  // a heap: the last in report order on top
  std::size_t seq_ = 0;
};

}  // namespace leeway
