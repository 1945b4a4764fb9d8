#include "reports/documents/documents.hpp"

#include <algorithm>

#include "compiler/core/parallel.hpp"
#include "reports/documents/explorer.hpp"

namespace leeway {

DocContext::DocContext(const Compilation& c) : comp(c) {
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

std::vector<Document> make_documents(const Compilation& comp) {
  DocContext ctx(comp);
  std::size_t roles = comp.repo.manifest.roles.size();
  std::vector<Document> docs(roles + 4);
  // Documents are independent: make them in parallel, each into its slot.
  parallel_for(docs.size(), 0, [&](std::size_t i) {
    if (i < roles)
      docs[i] = make_handbook(ctx, static_cast<int>(i));
    else if (i == roles)
      docs[i] = make_judgment_grid(ctx);
    else if (i == roles + 1)
      docs[i] = make_authority_grid(ctx);
    else if (i == roles + 2)
      docs[i] = make_decision_maps(ctx);
    else
      docs[i] = make_explorer(ctx);
  });
  return docs;
}

}  // namespace leeway
