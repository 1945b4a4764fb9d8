#include "compiler/emit/sarif.hpp"

#include <map>

#include <nlohmann/json.hpp>

#include "compiler/core/diagnostic_catalog.hpp"
#include "compiler/core/version.hpp"
#include "compiler/emit/diagnostic_docs.hpp"
#include "compiler/emit/diagnostic_json.hpp"
#include "compiler/emit/diagnostic_text.hpp"

namespace leeway {
namespace {

using json = nlohmann::ordered_json;

json location(const Pos& p, const std::string& root) {
  json loc;
  loc["physicalLocation"]["artifactLocation"]["uri"] = root + p.file;
  if (p.line > 0) loc["physicalLocation"]["region"] = {{"startLine", p.line}, {"startColumn", p.column > 0 ? p.column : 1}};
  return loc;
}

}  // namespace

std::string render_sarif(const std::vector<Diagnostic>& diags, const std::string& root_hint) {
  std::string root = root_hint;
  if (!root.empty() && root.back() != '/') root += '/';
  json rules = json::array();
  for (const auto& k : diagnostic_catalog()) {
    std::string help = diagnostic_explanation(k);
    std::string help_text = diagnostic_explanation_text(k);
    rules.push_back({{"id", std::string(k.code)},
                     {"name", std::string(k.name)},
                     {"shortDescription", {{"text", std::string(k.summary)}}},
                     {"fullDescription", {{"text", std::string(k.summary)}}},
                     {"help", {{"text", help_text}, {"markdown", help}}},
                     {"defaultConfiguration", {{"level", severity_name(k.severity)}}}});
  }
  json results = json::array();
  for (const auto& d : diags) {
    const DiagnosticInfo& k = diagnostic_info(d.kind);
    json r;
    r["ruleId"] = std::string(k.code);
    r["ruleIndex"] = static_cast<std::size_t>(d.kind);  // rules are in catalog order
    r["level"] = severity_name(d.severity);
    std::string text = message_with_details(d);
    r["message"]["text"] = text;
    r["locations"] = json::array({location(d.pos, root)});
    if (!d.notes.empty()) {
      json related = json::array();
      int id = 1;
      for (const auto& n : d.notes) {
        json loc = location(n.pos, root);
        loc["id"] = id++;
        loc["message"]["text"] = n.message;
        related.push_back(loc);
      }
      r["relatedLocations"] = related;
    }
    // Stable across runs, so code scanning tracks one problem from push to push.
    r["partialFingerprints"]["leeway/v1"] = std::string(k.code) + ":" + d.policy + ":" + [&] {
      std::string s;
      for (const auto& i : d.items) s += i + ",";
      return s;
    }();
    if (!d.waived.empty()) r["suppressions"] = json::array({{{"kind", "inSource"}, {"justification", d.waived}}});
    json props;
    if (!d.policy.empty()) props["policy"] = d.policy;
    if (!d.items.empty()) props["items"] = d.items;
    if (d.region) props["region"] = region_to_json(*d.region);
    if (!props.empty()) r["properties"] = props;
    results.push_back(r);
  }
  json run;
  run["tool"]["driver"] = {{"name", "leeway"}, {"version", std::string(kVersion)}, {"rules", rules}};
  run["columnKind"] = "unicodeCodePoints";
  run["results"] = results;
  json doc;
  doc["$schema"] = "https://json.schemastore.org/sarif-2.1.0.json";
  doc["version"] = "2.1.0";
  doc["runs"] = json::array({run});
  return doc.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

}  // namespace leeway
