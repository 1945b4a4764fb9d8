// The documents leeway publishes from a compiled repository, as Markdown:
// a handbook per role (handbook.cpp) and the manager grids (grids.cpp).
// Rendering them to HTML, PDF, DOCX and EPUB is build_outputs' job.
#pragma once
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "compiler/analysis/compile.hpp"
#include "compiler/changes/change_report.hpp"
#include "compiler/query/decision_index.hpp"

namespace leeway {

struct Document {
  Document() = default;
  Document(std::string name_, std::string markdown_, std::string title_)
      : name(std::move(name_)), markdown(std::move(markdown_)), title(std::move(title_)) {}
  std::string name;  // file stem: "handbook-supervisor", "grid-judgment"
  std::string markdown;
  // Pictures that also land beside the documents: file name, SVG text.
  std::vector<std::pair<std::string, std::string>> pictures;
  std::string title;  // for people: "Handbook for the Shift supervisor" (plain text)
  // A page leeway writes itself (the explorer): written as `name`.html, as it
  // is, with no Markdown and no Pandoc. Empty for a document.
  std::string page;
  bool card = false;            // one page: no contents, small type, two columns on paper
  std::string html_after_body;  // HTML that ends the HTML output's body (practice); "" for none
};

// What every document reads: the compilation, and each policy's decision
// index (null where the policy could not be analysed).
struct EditionBase;
struct DocContext {
  explicit DocContext(const Compilation& comp, const EditionBase* since = nullptr);
  const Compilation& comp;
  const EditionBase* since;                            // the previous edition, for "What changed"; null for none
  std::vector<std::unique_ptr<DecisionIndex>> index;   // by policy
  std::vector<std::vector<std::vector<int>>> stories;  // by policy, item: story indices that teach it
  const Repository& repo() const { return comp.repo; }
  // May `role` grant the exception (granted_by it, or by a role reporting to it)?
  bool may_grant(int role, const Item& exception) const;
  // Is the exception granted by a role `role` reports to (so it may ask)?
  bool may_ask(int role, const Item& exception) const;
};

Document make_handbook(const DocContext& ctx, int role);
Document make_card(const DocContext& ctx, int role);
Document make_judgment_grid(const DocContext& ctx);
Document make_authority_grid(const DocContext& ctx);
Document make_decision_maps(const DocContext& ctx);

// Every document, in a stable order: handbooks by role, cards by role, the
// grids, the explorer.
// With `since`, each handbook and grid opens with what changed since that edition.
std::vector<Document> make_documents(const Compilation& comp, const EditionBase* since = nullptr);

// Every role's handbook Markdown by role id (no "What changed" chapter), for
// `leeway diff` to tell whose handbook a change rewrites.
Handbooks handbooks_by_role(const Compilation& comp);

}  // namespace leeway
