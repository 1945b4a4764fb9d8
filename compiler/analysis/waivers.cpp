#include "compiler/analysis/waivers.hpp"

#include <algorithm>

#include <fmt/format.h>

namespace leeway {

void apply_waivers(const Repository& repo, Diagnostics& diags) {
  std::vector<Diagnostic> unused;
  for (const Policy& p : repo.policies)
    for (const Waiver& w : p.waivers) {
      if (!w.valid) continue;
      bool used = false;
      for (Diagnostic& d : diags.all()) {
        if (d.kind != w.kind || d.policy != p.id) continue;
        if (std::find(d.items.begin(), d.items.end(), w.item) == d.items.end()) continue;
        if (d.waived.empty()) d.waived = w.reason;
        used = true;
      }
      if (used) continue;
      Diagnostic d = Diagnostic::of(DiagnosticKind::unused_waiver, w.pos);
      d.policy = p.id;
      d.items = {w.item};
      d.message = fmt::format("this waiver of {} for `{}` matches no diagnostic", w.code, w.item);
      d.hint = "the problem it waived is gone: remove the [[waive]]";
      unused.push_back(std::move(d));
    }
  diags.append(std::move(unused));
}

}  // namespace leeway
