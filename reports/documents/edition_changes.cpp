#include "reports/documents/edition_changes.hpp"

#include <algorithm>
#include <set>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "compiler/core/safe_text.hpp"
#include "compiler/core/words.hpp"
#include "reports/documents/templates.hpp"

namespace leeway {

EditionBase::EditionBase(const Compilation& b, const Compilation& head, std::string l)
    : base(b), label(std::move(l)), changes(decision_changes(b, head)), model(diff_models(b, head)) {}

namespace {

constexpr std::size_t kMostSituations = 40;  // beyond that, `leeway diff` has them all

// The item of qualified id `id` in a compilation, or null.
const Item* find_item(const Compilation& c, const std::string& id, const Policy** policy = nullptr) {
  std::size_t dot = id.find('.');
  int p = c.repo.policy_index(id.substr(0, dot));
  if (p < 0 || dot == std::string::npos) return nullptr;
  const Policy& pol = c.repo.policies[static_cast<std::size_t>(p)];
  int i = pol.item_index(id.substr(dot + 1));
  if (i < 0) return nullptr;
  if (policy) *policy = &pol;
  return &pol.items[static_cast<std::size_t>(i)];
}

// Does the exception concern the reader (`role_id`; "" for managers): may they grant it or ask for it?
bool concerns(const Compilation& c, const Item& exception, const std::string& role_id) {
  if (role_id.empty()) return true;
  int role = c.repo.manifest.role_index(role_id);
  if (role < 0 || exception.role < 0) return false;
  auto above = roles_above(c.graph, exception.role);  // who may grant it
  if (std::find(above.begin(), above.end(), role) != above.end()) return true;
  auto mine = roles_above(c.graph, role);  // whom the reader may ask
  return std::find(mine.begin(), mine.end(), exception.role) != mine.end();
}

bool record_concerns(const Compilation& c, const DecisionRecord& d, const std::string& role_id) {
  if (!d.exists || d.decided_by != "exception") return true;  // rules and lines decide for everyone
  for (const std::string& id : d.items)
    if (const Item* it = find_item(c, id); it && concerns(c, *it, role_id)) return true;
  return false;
}

// "yours to give" when the reader may grant the exception, else who grants it.
std::string who_grants(const Compilation& c, const Item& exception, const std::string& role_id) {
  int role = role_id.empty() ? -1 : c.repo.manifest.role_index(role_id);
  if (role >= 0 && exception.role >= 0) {
    auto above = roles_above(c.graph, exception.role);
    if (std::find(above.begin(), above.end(), role) != above.end()) return "yours to give";
  }
  return "granted by the " + role_words(c.repo.manifest, exception.role);
}

std::string record_words(const Compilation& c, const DecisionRecord& d, const std::string& role_id) {
  if (!d.exists) return "these situations did not exist";
  if (d.conflict) return "the policy contradicted itself";
  if (d.decided_by == "none" || d.items.empty()) return "nothing was stated";
  const Policy* policy = nullptr;
  const Item* it = find_item(c, d.items.front(), &policy);
  if (!it || !policy) return *d.outcome;
  std::string what = d.outcome ? outcome_words(*policy, *d.outcome) : "no single answer";
  std::string by = fmt::format("the {} \u201c{}\u201d", d.decided_by, item_name(*it));
  if (d.decided_by != "exception") return fmt::format("{} ({})", what, by);
  return fmt::format("{} ({}, {})", what, by, who_grants(c, *it, role_id));
}

std::string ceiling(const std::string& v, const std::string& currency) { return v.empty() ? "no ceiling" : "up to " + v + " " + currency; }

}  // namespace

namespace {

using Dict = ctemplate::TemplateDictionary;

// The chapter for one reader: a role (its id), or managers ("": everything).
class ChapterWriter {
 public:
  ChapterWriter(const EditionBase& since, const Compilation& head, int role)
      : since_(since),
        head_(head),
        m_(head.repo.manifest),
        role_(role),
        role_id_(role >= 0 ? m_.roles[static_cast<std::size_t>(role)].id : ""),
        dict_("what-changed") {}
  std::string write();

 private:
  // A part of the chapter (`section`), worded for a role or for managers; null until it is needed.
  Dict* part(Dict*& at, const char* section) {
    if (!at) {
      at = dict_.AddSectionDictionary(section);
      at->ShowSection(role_ >= 0 ? "TO_ROLE" : "TO_MANAGERS");
      any_ = true;
    }
    return at;
  }
  void add_situations();
  void add_exceptions();
  void add_ceilings();
  void add_lines();
  std::set<std::string> theirs(const Compilation& c) const;

  const EditionBase& since_;
  const Compilation& head_;
  const Manifest& m_;
  int role_;
  std::string role_id_;
  Dict dict_;
  bool any_ = false;
};

// Situations whose answer changed, for this reader (at most kMostSituations).
void ChapterWriter::add_situations() {
  Dict* part_dict = nullptr;
  std::size_t shown = 0, more = 0;
  for (const DecisionChange& c : since_.changes) {
    if (!record_concerns(since_.base, c.before, role_id_) && !record_concerns(head_, c.after, role_id_)) continue;
    part(part_dict, "SITUATIONS");
    if (shown == kMostSituations) {
      ++more;
      continue;
    }
    ++shown;
    int p = head_.repo.policy_index(c.policy);
    Dict* d = part_dict->AddSectionDictionary("SITUATION");
    set_text(d, "POLICY", p >= 0 ? policy_name(head_.repo.policies[static_cast<std::size_t>(p)]) : c.policy);
    set_text(d, "WHERE", region_in_words(c.region));
    set_text(d, "BEFORE", record_words(since_.base, c.before, role_id_));
    set_text(d, "NOW", record_words(head_, c.after, role_id_));
  }
  if (more) part_dict->AddSectionDictionary("MORE")->SetIntValue("COUNT", static_cast<long>(more));
}

// The exceptions that concern the reader in a compilation, by qualified id.
std::set<std::string> ChapterWriter::theirs(const Compilation& c) const {
  std::set<std::string> ids;
  for (std::size_t p = 0; p < c.repo.policies.size(); ++p)
    for (std::size_t i = 0; i < c.repo.policies[p].items.size(); ++i) {
      const Item& it = c.repo.policies[p].items[i];
      if (it.kind == ItemKind::exception && concerns(c, it, role_id_)) ids.insert(c.repo.qualified(static_cast<int>(p), static_cast<int>(i)));
    }
  return ids;
}

// Exceptions new to the reader, or gone: compare what concerned them then and now.
void ChapterWriter::add_exceptions() {
  std::set<std::string> before = theirs(since_.base), after = theirs(head_);
  Dict *added = nullptr, *gone = nullptr;
  for (const std::string& id : after)
    if (!before.count(id)) {
      const Policy* policy = nullptr;
      const Item& it = *find_item(head_, id, &policy);
      Dict* d = part(added, "ADDED")->AddSectionDictionary("EXCEPTION");
      set_text(d, "TITLE", item_name(it));
      set_text(d, "OUTCOME", outcome_words(*policy, it.then));
      set_text(d, "WHO", who_grants(head_, it, role_id_));
    }
  for (const std::string& id : before)
    if (!after.count(id)) set_text(part(gone, "GONE")->AddSectionDictionary("EXCEPTION"), "TITLE", item_name(*find_item(since_.base, id)));
}

// Ceilings: of the exceptions that concern the reader, and of their own role.
void ChapterWriter::add_ceilings() {
  Dict* ceilings = nullptr;
  auto add = [&](const char* section, const char* key, const std::string& what, const ValueChange& v) {
    Dict* d = part(ceilings, "CEILINGS")->AddSectionDictionary(section);
    set_text(d, key, what);
    set_text(d, "NOW", ceiling(v.after, m_.currency));
    set_text(d, "BEFORE", ceiling(v.before, m_.currency));
  };
  for (const Modified& mod : since_.model.items.modified)
    for (const ValueChange& v : mod.values) {
      const Item* it = find_item(head_, mod.id);
      if (v.key == "max_cost" && it && concerns(head_, *it, role_id_)) add("ITEM_CEILING", "TITLE", item_name(*it), v);
    }
  for (const Modified& mod : since_.model.roles.modified)
    for (const ValueChange& v : mod.values) {
      if (v.key != "max_cost" || (!role_id_.empty() && mod.id != role_id_)) continue;
      add("ROLE_CEILING", "WHO", role_ >= 0 ? "What you may spend on one exception" : "The " + role_words(m_, m_.role_index(mod.id)), v);
    }
}

// Lines: everyone's.
void ChapterWriter::add_lines() {
  Dict* lines = nullptr;
  auto is_line = [](const Item* it) { return it && it->kind == ItemKind::line; };
  for (const std::string& id : since_.model.items.added)
    if (is_line(find_item(head_, id))) set_text(part(lines, "LINES")->AddSectionDictionary("NEW_LINE"), "TITLE", item_name(*find_item(head_, id)));
  for (const Modified& mod : since_.model.items.modified)
    if (is_line(find_item(head_, mod.id))) {
      Dict* d = part(lines, "LINES")->AddSectionDictionary("CHANGED_LINE");
      set_text(d, "TITLE", item_name(*find_item(head_, mod.id)));
      set_text(d, "KEYS", fmt::format("{}", fmt::join(mod.keys, ", ")));
    }
  for (const std::string& id : since_.model.items.removed)
    if (is_line(find_item(since_.base, id)))
      set_text(part(lines, "LINES")->AddSectionDictionary("GONE_LINE"), "TITLE", item_name(*find_item(since_.base, id)));
}

std::string ChapterWriter::write() {
  set_text(&dict_, "SINCE", since_.label);
  add_situations();
  add_exceptions();
  add_ceilings();
  add_lines();
  if (!any_) dict_.AddSectionDictionary("NOTHING")->ShowSection(role_ >= 0 ? "TO_ROLE" : "TO_MANAGERS");
  return expand_template_exactly("what-changed.md.tpl", dict_);
}

}  // namespace

std::string what_changed_markdown(const EditionBase& since, const Compilation& head, int role) { return ChapterWriter(since, head, role).write(); }

}  // namespace leeway
