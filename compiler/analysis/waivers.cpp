#include "compiler/analysis/waivers.hpp"

#include <algorithm>

#include <fmt/format.h>

namespace leeway {

void apply_waivers(const Repository& repo, Diagnostics& diags) {
  std::vector<Diagnostic> unused;
  for (const Policy& p : repo.policies)
    for (const Waiver& w : p.waivers) {
      if (!w.valid) continue;
      bool used = false, refused = false;
      // Findings not made yet (Diagnostics::findings) as their diagnostics would be.
      for (Finding& f : diags.findings()) {
        if (f.kind != w.kind || f.source->policy != p.id || !f.source->names(f, w.item)) continue;
        if (kind_severity(f.kind) == Severity::error) {
          refused = true;
          continue;
        }
        if (!f.waived) f.waived = &w.reason;
        used = true;
      }
      for (Diagnostic& d : diags.all()) {
        if (d.kind != w.kind || d.policy != p.id) continue;
        if (std::find(d.items.begin(), d.items.end(), w.item) == d.items.end()) continue;
        // Errors stay in force: a policy that contradicts itself or crosses
        // a line is wrong, whatever the reason given.
        if (d.severity == Severity::error) {
          refused = true;
          continue;
        }
        if (d.waived.empty()) d.waived = w.reason;
        used = true;
      }
      if (refused) {
        const DiagnosticInfo& k = diagnostic_info(*w.kind);
        Diagnostic d =
            Diagnostic::of(DiagnosticKind::bad_waiver, w.pos,
                           fmt::format("this waiver of {} for `{}` would silence an error; only warnings can be waived", w.code, w.item),
                           fmt::format("fix the {} ({}) instead, and remove the [[waive]]; `leeway explain {}` says how", k.name, k.code, k.code));
        d.policy = p.id;
        d.items = {w.item};
        unused.push_back(std::move(d));
        continue;
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
