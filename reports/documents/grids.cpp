// The manager grids: the judgment grid (every exception against the three
// questions, with its reach, ceiling and who grants it), the authority matrix
// (exceptions x roles), and a decision map per policy.
#include <algorithm>

#include <fmt/format.h>

#include "compiler/core/safe_text.hpp"
#include "compiler/core/words.hpp"
#include "compiler/query/query.hpp"
#include "reports/documents/decision_map.hpp"
#include "reports/documents/documents.hpp"
#include "reports/documents/edition_changes.hpp"
#include "reports/documents/templates.hpp"

namespace leeway {
namespace {

using Dict = ctemplate::TemplateDictionary;

constexpr auto set = set_text;

// The title block's repository and edition, and what changed since the last edition (for managers: everything).
void header(Dict& dict, const DocContext& ctx) {
  set_repository(&dict, ctx.repo().manifest.name, ctx.repo().manifest.edition);
  if (ctx.since) dict.SetValue("WHAT_CHANGED", what_changed_markdown(*ctx.since, ctx.comp, -1));
}

std::string where_words(const DocContext& ctx, std::size_t policy, int item) {
  const auto& space = ctx.comp.spaces[policy];
  return item_where_words(space ? &*space : nullptr, item);
}

}  // namespace

Document make_judgment_grid(const DocContext& ctx) {
  const Repository& repo = ctx.repo();
  Dict dict("judgment");
  header(dict, ctx);
  for (std::size_t p = 0; p < repo.policies.size(); ++p) {
    const Policy& pol = repo.policies[p];
    Dict* pd = dict.AddSectionDictionary("POLICY");
    set(pd, "POLICY_TITLE", policy_name(pol));
    Dict* grid = nullptr;  // one table per policy, a row per exception
    for (std::size_t i = 0; i < pol.items.size(); ++i) {
      const Item& it = pol.items[i];
      if (it.kind != ItemKind::exception) continue;
      if (!grid) grid = pd->AddSectionDictionary("GRID");
      Dict* d = grid->AddSectionDictionary("EXCEPTION");
      set(d, "ITEM_TITLE", item_name(it));
      set(d, "REACH", fmt::format("{}: {}", outcome_words(pol, it.then), where_words(ctx, p, static_cast<int>(i))));
      std::string bends = it.bends;
      if (it.bends_policy >= 0)
        bends = item_name(repo.policies[static_cast<std::size_t>(it.bends_policy)].items[static_cast<std::size_t>(it.bends_item)]);
      set(d, "BENDS", bends);
      set(d, "CEILING", ceiling_words(it, repo.manifest.currency));
      set(d, "GRANTED_BY", role_words(repo.manifest, it.role));
      auto answer = [](const std::string& s) { return s.empty() ? std::string("not answered") : s; };
      set(d, "CARED_FOR", answer(it.why.cared_for));
      set(d, "COST_EFFECTIVE", answer(it.why.cost_effective));
      set(d, "LOYALTY", answer(it.why.loyalty));
    }
    if (!grid) pd->ShowSection("NO_EXCEPTION");
  }
  return Document("grid-judgment", expand_template("judgment-grid.md.tpl", dict), "The judgment grid");
}

Document make_authority_grid(const DocContext& ctx) {
  const Repository& repo = ctx.repo();
  const Manifest& m = repo.manifest;
  Dict dict("authority");
  header(dict, ctx);
  for (std::size_t r = 0; r < m.roles.size(); ++r) {
    Dict* d = dict.AddSectionDictionary("ROLE_KEY");
    set(d, "ROLE_ID", m.roles[r].id);
    set(d, "ROLE_TITLE", m.roles[r].title.empty() ? m.roles[r].id : m.roles[r].title);
    set(d, "ROLE_CEILING", m.roles[r].max_cost ? money_words(*m.roles[r].max_cost, m.currency) : "an amount not stated");
    d->SetValue("REPORTS", m.roles[r].reports_to_index >= 0 ? md_text(fmt::format("; reports to {}", m.roles[r].reports_to)) : "");
  }
  // Pandoc sizes the columns of a wide pipe table by the dashes of its ruler.
  std::string head = "| Exception |", ruler = "|:" + std::string(std::max<std::size_t>(12, 4 * m.roles.size()), '-') + "|";
  for (const Role& r : m.roles) head += " " + md_text(r.id) + " |", ruler += ":" + std::string(8, '-') + ":|";
  for (std::size_t p = 0; p < repo.policies.size(); ++p) {
    const Policy& pol = repo.policies[p];
    Dict* pd = dict.AddSectionDictionary("POLICY");
    set(pd, "POLICY_TITLE", policy_name(pol));
    Dict* matrix = nullptr;
    for (const Item& it : pol.items) {
      if (it.kind != ItemKind::exception) continue;
      if (!matrix) {
        matrix = pd->AddSectionDictionary("MATRIX");
        matrix->SetValue("HEADER", head);
        matrix->SetValue("RULER", ruler);
      }
      std::string row = "| " + md_text(item_name(it)) + " |";
      for (std::size_t r = 0; r < m.roles.size(); ++r) {
        std::string cell = "\u2014";
        if (ctx.may_grant(static_cast<int>(r), it)) cell = it.max_cost ? "up to " + money_words(*it.max_cost, m.currency) : "yes, no ceiling";
        row += " " + md_text(cell) + " |";
      }
      matrix->AddSectionDictionary("ROW")->SetValue("CELLS", row);
    }
    if (!matrix) pd->ShowSection("NO_EXCEPTION");
  }
  return Document("grid-authority", expand_template("authority-grid.md.tpl", dict), "The authority matrix");
}

Document make_decision_maps(const DocContext& ctx) {
  const Repository& repo = ctx.repo();
  Dict dict("maps");
  header(dict, ctx);
  Document doc("grid-decision-maps", "", "Decision maps");
  for (std::size_t p = 0; p < repo.policies.size(); ++p) {
    const Policy& pol = repo.policies[p];
    Dict* pd = dict.AddSectionDictionary("POLICY");
    set(pd, "POLICY_TITLE", policy_name(pol));
    const auto& space = ctx.comp.spaces[p];
    if (!space || !ctx.index[p]) {
      set(pd, "CAPTION", "This policy could not be analysed, so it has no map; run leeway check.");
      continue;
    }
    DecisionMap map = draw_decision_map(repo, pol, *space, *ctx.index[p]);
    set(pd, "CAPTION", map.caption);
    pd->SetValue("IMAGE", md_svg_image(map.svg, "Decision map of " + policy_name(pol)));
    doc.pictures.emplace_back("grid-map-" + pol.id + ".svg", std::move(map.svg));
  }
  doc.markdown = expand_template("decision-maps.md.tpl", dict);
  return doc;
}

}  // namespace leeway
