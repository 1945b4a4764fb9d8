#include "reports/documents/documents.hpp"

#include <algorithm>
#include <functional>

#include "compiler/core/parallel.hpp"
#include "reports/documents/explorer.hpp"

namespace leeway {

DocContext::DocContext(const Compilation& c, const EditionBase* s) : comp(c), since(s) {
  const Repository& r = c.repo;
  index.resize(r.policies.size());
  stories.resize(r.policies.size());
  for (std::size_t p = 0; p < r.policies.size(); ++p) {
    stories[p].resize(r.policies[p].items.size());
    if (p < c.spaces.size() && c.spaces[p]) index[p] = std::make_unique<DecisionIndex>(*c.spaces[p]);
  }
  for (std::size_t s = 0; s < r.stories.size(); ++s)
    for (const auto& ref : r.stories[s].teaches)
      if (ref.policy >= 0 && ref.item >= 0)
        stories[static_cast<std::size_t>(ref.policy)][static_cast<std::size_t>(ref.item)].push_back(static_cast<int>(s));
}

bool DocContext::may_grant(int role, const Item& exception) const {
  if (exception.role < 0 || role < 0) return false;
  auto above = roles_above(comp.graph, exception.role);
  return std::find(above.begin(), above.end(), role) != above.end();
}

bool DocContext::may_ask(int role, const Item& exception) const {
  if (exception.role < 0 || role < 0 || may_grant(role, exception)) return false;
  auto above = roles_above(comp.graph, role);
  return std::find(above.begin(), above.end(), exception.role) != above.end();
}

std::vector<Document> make_documents(const Compilation& comp, const EditionBase* since) {
  DocContext ctx(comp, since);
  int roles = static_cast<int>(comp.repo.manifest.roles.size());
  std::vector<std::function<Document()>> makers;
  for (int r = 0; r < roles; ++r) makers.push_back([&ctx, r] { return make_handbook(ctx, r); });
  for (int r = 0; r < roles; ++r) makers.push_back([&ctx, r] { return make_card(ctx, r); });
  makers.push_back([&ctx] { return make_judgment_grid(ctx); });
  makers.push_back([&ctx] { return make_authority_grid(ctx); });
  makers.push_back([&ctx] { return make_decision_maps(ctx); });
  makers.push_back([&ctx] { return make_explorer(ctx); });
  // Documents are independent: make them in parallel, each into its slot.
  std::vector<Document> docs(makers.size());
  parallel_for(docs.size(), 0, [&](std::size_t i) { docs[i] = makers[i](); });
  return docs;
}

Handbooks handbooks_by_role(const Compilation& comp) {
  DocContext ctx(comp);
  std::vector<std::string> markdown(comp.repo.manifest.roles.size());
  parallel_for(markdown.size(), 0, [&](std::size_t r) { markdown[r] = make_handbook(ctx, static_cast<int>(r)).markdown; });
  Handbooks out;
  for (std::size_t r = 0; r < markdown.size(); ++r) out[comp.repo.manifest.roles[r].id] = std::move(markdown[r]);  // as make_documents names them
  return out;
}

}  // namespace leeway
