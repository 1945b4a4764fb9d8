#include "app/lsp/hover.hpp"

#include <fmt/format.h>

#include "compiler/analysis/decision_space.hpp"
#include "compiler/analysis/graph.hpp"
#include "compiler/core/region.hpp"
#include "compiler/core/safe_text.hpp"
#include "compiler/core/values.hpp"
#include "compiler/core/words.hpp"

namespace leeway::lsp {
namespace {

// A code span: backticks around the text, more of them than any run inside
// it (Markdown does not unescape inside code, so nothing is escaped).
std::string code(std::string_view text) {
  std::size_t run = 0, longest = 0;
  for (char ch : text) longest = std::max(longest, run = ch == '`' ? run + 1 : 0);
  std::string fence(longest + 1, '`');
  std::string pad = text.empty() || text.front() == '`' || text.back() == '`' ? " " : "";
  return fence + pad + std::string(text) + pad + fence;
}

std::string item_hover(const Compilation& c, int p, int i) {
  const Policy& pol = c.repo.policies[static_cast<std::size_t>(p)];
  const Item& it = pol.items[static_cast<std::size_t>(i)];
  const Manifest& m = c.repo.manifest;
  std::string out = fmt::format("**{}** {} of *{}*", item_kind_name(it.kind), code(it.id), md_inline(policy_name(pol)));
  if (!it.title.empty()) out += fmt::format(": {}", md_inline(it.title));
  out += "\n\n";
  if (!it.says.empty()) out += md_inline(it.says) + "\n\n";
  const auto& space = c.spaces[static_cast<std::size_t>(p)];
  const CompiledItem* ci = space ? find_compiled(*space, i) : nullptr;
  out += fmt::format("- **where:** {}\n", ci ? md_inline(region_in_words(make_region(*space, ci->box))) : "where its conditions hold");
  if (it.kind == ItemKind::line)
    out += it.forbidding ? fmt::format("- **never:** {}\n", md_inline(or_list(it.forbids))) : fmt::format("- **always:** {}\n", md_inline(it.then));
  else
    out += fmt::format("- **gives:** {}\n", md_inline(it.then));
  if (it.kind == ItemKind::exception) {
    if (it.bends_policy >= 0) {
      const Item& bent = c.repo.policies[static_cast<std::size_t>(it.bends_policy)].items[static_cast<std::size_t>(it.bends_item)];
      out += fmt::format("- **bends:** {} ({})\n", code(bent.id), md_inline(item_name(bent)));
    }
    if (it.role >= 0) {
      std::string who = md_inline(role_words(m, it.role));
      std::vector<int> above = roles_above(c.graph, it.role);
      if (above.size() > 1) {
        std::vector<std::string> names;
        for (std::size_t k = 1; k < above.size(); ++k) names.push_back(role_words(m, above[k]));
        who += fmt::format(" (and above: {})", md_inline(or_list(names)));
      }
      out += fmt::format("- **granted by:** {}\n", who);
    }
    out += fmt::format("- **up to:** {}\n", it.max_cost ? md_inline(money_words(*it.max_cost, m.currency)) : "no ceiling stated");
    if (it.why.present)
      out += fmt::format("- **why:** {} / {} / {}\n", md_inline(it.why.cared_for), md_inline(it.why.cost_effective), md_inline(it.why.loyalty));
  }
  std::vector<std::string> stories;
  for (const Story& st : c.repo.stories)
    for (const StoryRef& r : st.teaches)
      if (r.policy == p && r.item == i) stories.push_back(st.title.empty() ? st.file : st.title);
  if (!stories.empty()) out += fmt::format("- **taught by:** {}\n", md_inline(fmt::format("{}", fmt::join(stories, "; "))));
  return out;
}

std::string dimension_hover(const Compilation& c, int d) {
  const Dimension& dim = c.repo.manifest.dimensions[static_cast<std::size_t>(d)];
  std::string out = fmt::format("**dimension** {}", code(dim.name));
  if (!dim.title.empty()) out += ": " + md_inline(dim.title);
  out += fmt::format("\n\n- **type:** {}\n", dim_type_name(dim.type));
  if (dim.valid) {
    if (dim.type == DimType::enumeration) {
      std::vector<std::string> v;
      for (std::int64_t x = dim.lo(); x <= dim.hi(); ++x) v.push_back(format_value(dim, x));
      out += fmt::format("- **values:** {}\n", md_inline(fmt::format("{}", fmt::join(v, ", "))));
    } else if (dim.type != DimType::boolean) {
      out += fmt::format("- **from** {} **to** {}{}\n", md_inline(format_value(dim, dim.lo())), md_inline(format_value(dim, dim.hi())),
                         dim.unit.empty() ? "" : " " + md_inline(dim.unit));
    }
  }
  if (!dim.description.empty()) out += "\n" + md_inline(dim.description) + "\n";
  std::vector<std::string> used;
  for (const Policy& p : c.repo.policies)
    if (std::find(p.over.begin(), p.over.end(), d) != p.over.end()) used.push_back(policy_name(p));
  out += fmt::format("\n- **decided over by:** {}\n", used.empty() ? "no policy" : md_inline(fmt::format("{}", fmt::join(used, "; "))));
  return out;
}

std::string role_hover(const Compilation& c, int r) {
  const Manifest& m = c.repo.manifest;
  const Role& role = m.roles[static_cast<std::size_t>(r)];
  std::string out = fmt::format("**role** {}", code(role.id));
  if (!role.title.empty()) out += ": " + md_inline(role.title);
  out += fmt::format("\n\n- **ceiling:** {}\n", role.max_cost ? md_inline(money_words(*role.max_cost, m.currency)) : "none of its own");
  std::vector<int> above = roles_above(c.graph, r);
  if (above.size() > 1) out += fmt::format("- **reports to:** {}\n", md_inline(role_words(m, above[1])));
  std::size_t grants = 0;
  for (const Policy& p : c.repo.policies)
    for (const Item& it : p.items) grants += it.kind == ItemKind::exception && it.role == r;
  out += fmt::format("- **grants:** {} exception{} of its own, and what every role reporting to it may grant\n", grants, grants == 1 ? "" : "s");
  return out;
}

}  // namespace

std::string hover_markdown(const Compilation& c, const Symbol& s) {
  switch (s.kind) {
    case SymbolKind::item: return item_hover(c, s.policy, s.item);
    case SymbolKind::dimension: return dimension_hover(c, s.dimension);
    case SymbolKind::role: return role_hover(c, s.role);
    case SymbolKind::outcome: {
      const Policy& p = c.repo.policies[static_cast<std::size_t>(s.policy)];
      std::size_t deciding = 0;
      for (const Item& it : p.items) deciding += it.then == s.name;
      return fmt::format("**outcome** {} of *{}*: {}\n\n- **given by:** {} item{}\n", code(s.name), md_inline(policy_name(p)),
                         md_inline(outcome_words(p, s.name)), deciding, deciding == 1 ? "" : "s");
    }
    case SymbolKind::value: {
      const Dimension& dim = c.repo.manifest.dimensions[static_cast<std::size_t>(s.dimension)];
      auto at = std::find(dim.values.begin(), dim.values.end(), s.name);
      std::size_t i = static_cast<std::size_t>(at - dim.values.begin());
      std::string title = i < dim.value_titles.size() ? dim.value_titles[i] : "";
      return fmt::format("**value** {} of dimension {}{}\n", code(s.name), code(dim.name), title.empty() ? "" : ": " + md_inline(title));
    }
    case SymbolKind::policy: {
      const Policy& p = c.repo.policies[static_cast<std::size_t>(s.policy)];
      std::string out = fmt::format("**policy** {}: {}\n\n", code(p.id), md_inline(policy_name(p)));
      if (!p.summary.empty()) out += md_inline(p.summary) + "\n\n";
      out += fmt::format("- **items:** {}\n- **outcomes:** {}\n", p.items.size(), md_inline(fmt::format("{}", fmt::join(p.outcomes, ", "))));
      return out;
    }
    case SymbolKind::none: break;
  }
  return "";
}

}  // namespace leeway::lsp
