#include "compiler/analysis/role_checks.hpp"

#include <fmt/format.h>

#include "compiler/core/values.hpp"

namespace leeway {

void check_ceilings(const RepoGraph& graph, const Manifest& manifest, Diagnostics& diags) {
  for (std::size_t l = 0; l < manifest.roles.size(); ++l) {
    const Role& lower = manifest.roles[l];
    if (!lower.max_cost) continue;
    for (int h : roles_above(graph, static_cast<int>(l))) {
      if (h == static_cast<int>(l)) continue;
      const Role& higher = manifest.roles[static_cast<std::size_t>(h)];
      if (!higher.max_cost || *higher.max_cost >= *lower.max_cost) continue;
      Diagnostic& d =
          diags.add(DiagnosticKind::ceiling_inversion, higher.max_cost_pos,
                    fmt::format("role `{}` may spend up to {} {}, less than `{}`, who reports to it ({} {})", higher.id,
                                format_money(*higher.max_cost), manifest.currency, lower.id, format_money(*lower.max_cost), manifest.currency),
                    fmt::format("a role may grant whatever the roles reporting to it grant: raise `{}`'s max_cost to at least {}, or lower `{}`'s",
                                higher.id, format_money(*lower.max_cost), lower.id));
      d.roles = {higher.id, lower.id};
    }
  }
}

}  // namespace leeway
