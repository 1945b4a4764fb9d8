#include "compiler/analysis/item_checks.hpp"

#include <fmt/format.h>

#include "compiler/core/diagnostic_catalog.hpp"
#include "compiler/core/values.hpp"

namespace leeway {
namespace {

std::string money_text(const Repository& repo, std::int64_t cents) { return fmt::format("{} {}", format_money(cents), repo.manifest.currency); }

}  // namespace

void check_exceptions(const Repository& repo, const std::vector<std::optional<PolicySpace>>& spaces, int policy, std::vector<Diagnostic>& out) {
  const Policy& p = repo.policies[static_cast<std::size_t>(policy)];
  for (std::size_t i = 0; i < p.items.size(); ++i) {
    const Item& it = p.items[i];
    if (it.kind != ItemKind::exception || it.id.empty()) continue;
    std::string qid = p.id + "." + it.id;
    auto add = [&](DiagnosticKind kind, Pos pos, std::string msg, std::string hint) -> Diagnostic& {
      Diagnostic d = Diagnostic::of(kind, std::move(pos), std::move(msg), std::move(hint));
      d.policy = p.id;
      d.items = {qid};
      out.push_back(std::move(d));
      return out.back();
    };

    // What it bends (a rule of this policy): does it overlap the rule, stay
    // inside it, change its answer?
    const auto& space = spaces[static_cast<std::size_t>(policy)];
    if (it.bends_item >= 0 && it.bends_policy == policy) {
      const Item& rule = p.items[static_cast<std::size_t>(it.bends_item)];
      std::string rid = p.id + "." + rule.id;
      // A space holds every item of its policy, in order.
      const CompiledItem* exc = space ? &space->items[i] : nullptr;
      const CompiledItem* bent = space ? &space->items[static_cast<std::size_t>(it.bends_item)] : nullptr;
      if (exc && bent) {
        if (!boxes_overlap(exc->box, bent->box)) {
          auto& d = add(DiagnosticKind::dead_exception, it.pos,
                        fmt::format("exception `{}` never applies where rule `{}` does, so it bends nothing", it.id, rule.id),
                        "make its `when` overlap the rule it bends, or bend the rule that covers these situations");
          d.items.push_back(rid);
          d.notes.push_back({rule.pos, fmt::format("rule `{}` is here", rule.id)});
        } else if (!box_subset(exc->box, bent->box)) {
          auto& d = add(DiagnosticKind::beyond_rule, it.pos, fmt::format("exception `{}` reaches outside rule `{}`, which it bends", it.id, rule.id),
                        "narrow its `when` to lie inside the rule's, or split it so each part bends the rule that covers it");
          d.items.push_back(rid);
          d.notes.push_back({rule.pos, fmt::format("rule `{}` is here", rule.id)});
          // Exactly the part outside the rule, as disjoint boxes.
          std::vector<bool> contiguous;
          for (const Dimension* dim : space->dims) contiguous.push_back(is_numeric(*dim));
          std::vector<Box> outside = box_difference(exc->box, bent->box, contiguous);
          for (const Box& box : outside) d.regions.push_back(make_region(*space, box));
          d.region = d.regions.front();
          d.example = example_in(*space, outside.front());
        }
      }
      if (it.then == rule.then) {
        auto& d = add(DiagnosticKind::no_bend, it.then_pos,
                      fmt::format("exception `{}` has the same outcome as rule `{}` ({}): where `{}` applies, it changes nothing", it.id, rule.id,
                                  it.then, rule.id),
                      "an exception gives a different answer from the rule it bends; change `then` or remove the exception");
        d.items.push_back(rid);
        d.notes.push_back({rule.then_pos, fmt::format("rule `{}` already decides `{}`", rule.id, rule.then)});
      }
    }

    // A line stated: a ceiling, and no open-ended ranges.
    std::vector<std::string> missing;
    Pos where = it.pos;
    if (!it.max_cost_written) missing.push_back("it has no `max_cost`");
    for (const auto& c : it.when)
      if (c.open_ended) {
        if (missing.empty()) where = c.pos;
        missing.push_back(fmt::format("its range on `{}` is open-ended",
                                      repo.manifest.dimensions[static_cast<std::size_t>(p.over[static_cast<std::size_t>(c.over_index)])].name));
      }
    if (!missing.empty()) {
      std::string why;
      for (std::size_t k = 0; k < missing.size(); ++k) why += (k == 0 ? "" : k + 1 == missing.size() ? " and " : ", ") + missing[k];
      add(DiagnosticKind::unbounded_exception, where, fmt::format("exception `{}` states no line: {}", it.id, why),
          "say how far it goes: add `max_cost = ...` and close every range (\"31..60\", not \"31..\")");
    }

    // Authority: no more than the granting role may spend.
    if (it.role >= 0 && it.max_cost) {
      const Role& role = repo.manifest.roles[static_cast<std::size_t>(it.role)];
      if (role.max_cost && *it.max_cost > *role.max_cost) {
        auto& d = add(DiagnosticKind::authority_exceeded, it.max_cost_pos,
                      fmt::format("exception `{}` allows up to {}, above the {} {} may spend", it.id, money_text(repo, *it.max_cost),
                                  money_text(repo, *role.max_cost), with_article(role.id)),
                      fmt::format("lower `max_cost` to {} or less, or have a role with more authority grant it", format_money(*role.max_cost)));
        d.notes.push_back({role.pos, fmt::format("role `{}` may spend up to {}", role.id, money_text(repo, *role.max_cost))});
      }
    }
  }
}

}  // namespace leeway
