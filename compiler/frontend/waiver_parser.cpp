#include "compiler/frontend/waiver_parser.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "compiler/core/suggest.hpp"

namespace leeway {

void parse_waivers(Policy& p, TableReader& top, const SourceFile& file, Diagnostics& diags) {
  const toml::node* n = top.get("waive");
  if (!n) return;
  const toml::array* arr = n->as_array();
  if (!arr || !arr->is_array_of_tables()) {
    diags.add(DiagnosticKind::wrong_type, top.value_pos("waive"), "`waive` must be a list of tables",
              "write each waiver under its own [[waive]] header");
    return;
  }
  std::vector<std::string> ids;
  for (const Item& it : p.items) ids.push_back(it.id);
  for (const auto& el : *arr) {
    const toml::table& t = *el.as_table();
    TableReader r(t, file, diags, "[[waive]]");
    r.allow_only({"code", "item", "reason"});
    Waiver w;
    w.pos = r.table_pos();
    auto code = r.string("code", true);
    auto item = r.string("item", true);
    auto reason = r.string("reason", true);
    bool ok = code && item && reason;
    if (code) {
      w.code = *code;
      if (const DiagnosticInfo* k = find_diagnostic(w.code)) w.kind = k->kind;
      if (!w.kind) {
        std::vector<std::string> names;
        for (const auto& k : diagnostic_catalog()) names.emplace_back(k.name);
        std::string hint = did_you_mean(w.code, names);
        diags.add(DiagnosticKind::bad_waiver, r.value_pos("code"), fmt::format("`{}` is not a diagnostic code", w.code),
                  hint.empty() ? "name a code such as \"LW507\" or a kind such as \"beyond-rule\" (leeway explain lists them)" : hint);
        ok = false;
      }
    }
    if (item) {
      std::string bare = *item;
      if (bare.rfind(p.id + ".", 0) == 0) bare = bare.substr(p.id.size() + 1);
      if (std::find(ids.begin(), ids.end(), bare) == ids.end()) {
        std::string hint = did_you_mean(bare, ids);
        diags.add(DiagnosticKind::bad_waiver, r.value_pos("item"),
                  fmt::format("the waiver names `{}`, which is not an item of policy `{}`", *item, p.id),
                  hint.empty() ? "name a rule, exception or line of this policy by its id" : hint);
        ok = false;
      }
      w.item = p.id + "." + bare;
    }
    if (reason && reason->find_first_not_of(" \t\r\n") == std::string::npos) {
      diags.add(DiagnosticKind::bad_waiver, r.value_pos("reason"), "a waiver needs a reason", "say why this is accepted: reviewers read it");
      ok = false;
    }
    if (reason) w.reason = *reason;
    w.valid = ok;
    p.waivers.push_back(std::move(w));
  }
}

}  // namespace leeway
