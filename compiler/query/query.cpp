#include "compiler/query/query.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "compiler/core/values.hpp"
#include "compiler/frontend/condition.hpp"
#include "compiler/core/suggest.hpp"
#include "compiler/query/decision_writer.hpp"

namespace leeway {

Expected<std::vector<std::int64_t>> parse_situation(const PolicySpace& space, const std::vector<std::string>& words) {
  std::vector<std::int64_t> point(space.dims.size(), 0);
  std::vector<bool> given(space.dims.size(), false);
  auto names = space_dimension_names(space);
  for (const auto& w : words) {
    auto eq = w.find('=');
    if (eq == std::string::npos) return Failure{fmt::format("`{}` is not of the form dimension=value", w)};
    std::string name = w.substr(0, eq), value = w.substr(eq + 1);
    auto it = std::find(names.begin(), names.end(), name);
    if (it == names.end()) {
      std::string hint = did_you_mean(name, names);
      return Failure{fmt::format("`{}` is not a dimension of this policy{}{}", name, hint.empty() ? "" : "; ", hint)};
    }
    std::size_t d = static_cast<std::size_t>(it - names.begin());
    Expected<std::int64_t> v = parse_point(value, *space.dims[d]);
    if (!v) return Failure{v.error()};
    point[d] = *v;
    given[d] = true;
  }
  for (std::size_t d = 0; d < given.size(); ++d)
    if (!given[d]) return Failure{fmt::format("the situation leaves out `{}`; the policy decides over it, so give `{}=...`", names[d], names[d])};
  return point;
}

std::string decision_json(const Repository& repo, const Policy& policy, const Decision& d) {
  std::string out;
  DecisionWriter(repo, policy).json(out, d);
  return out;
}

std::string decision_text(const Repository& repo, const Policy& policy, const Decision& d) {
  if (d.decided_by == DecidedBy::none) return fmt::format("{}: the policy is silent here: no rule or line decides this situation\n", policy.id);
  std::string items;
  for (int i : d.items) items += (items.empty() ? "" : ", ") + policy.id + "." + policy.items[static_cast<std::size_t>(i)].id;
  if (d.conflict) return fmt::format("{}: conflict: the {}s {} disagree, so there is no single answer\n", policy.id, decided_by_name(d.decided_by), items);
  std::string out = fmt::format("{}: {} (decided by {} {})\n", policy.id, policy.outcomes[static_cast<std::size_t>(d.outcome)], decided_by_name(d.decided_by), items);
  if (d.role >= 0) {
    const Role& r = repo.manifest.roles[static_cast<std::size_t>(d.role)];
    out += fmt::format("  granted by: {} ({})\n", r.title, r.id);
  }
  if (d.decided_by == DecidedBy::exception)
    out += d.max_cost ? fmt::format("  up to: {} {}\n", format_money(*d.max_cost), repo.manifest.currency) : std::string("  up to: no ceiling stated\n");
  return out;
}

}  // namespace leeway
