#include "compiler/emit/sarif.hpp"

#include <map>

#include "compiler/core/diagnostic_catalog.hpp"
#include "compiler/core/json_writer.hpp"
#include "compiler/core/version.hpp"
#include "compiler/emit/diagnostic_docs.hpp"
#include "compiler/emit/diagnostic_text.hpp"
#include "compiler/emit/region_json.hpp"

namespace leeway {
namespace {

// {"physicalLocation": ...}'s key and value, into the object `w` is in.
void location_keys(JsonWriter& w, const Pos& p, const std::string& root) {
  w.plain_key("physicalLocation").begin_object().plain_key("artifactLocation").begin_object().plain_key("uri").string(root + p.file).end_object();
  if (p.line > 0)
    w.plain_key("region")
        .begin_object()
        .plain_key("startLine")
        .integer(p.line)
        .plain_key("startColumn")
        .integer(p.column > 0 ? p.column : 1)
        .end_object();
  w.end_object();
}

void text_object(JsonWriter& w, std::string_view key, std::string_view text) {
  w.plain_key(key).begin_object().plain_key("text").string(text).end_object();
}

void rule(JsonWriter& w, const DiagnosticInfo& k) {
  w.begin_object().plain_key("id").string(k.code).plain_key("name").string(k.name);
  text_object(w, "shortDescription", k.summary);
  text_object(w, "fullDescription", k.summary);
  w.plain_key("help").begin_object().plain_key("text").string(diagnostic_explanation_text(k)).plain_key("markdown").string(diagnostic_explanation(k));
  w.end_object().plain_key("defaultConfiguration").begin_object().plain_key("level").string(severity_name(k.severity)).end_object();
  w.end_object();
}

void result(JsonWriter& w, const Diagnostic& d, const std::string& root) {
  const DiagnosticInfo& k = diagnostic_info(d.kind);
  w.begin_object().plain_key("ruleId").string(k.code);
  w.plain_key("ruleIndex").integer(static_cast<std::size_t>(d.kind));  // rules are in catalog order
  w.plain_key("level").string(severity_name(d.severity));
  text_object(w, "message", message_with_details(d));
  w.plain_key("locations").begin_array().begin_object();
  location_keys(w, d.pos, root);
  w.end_object().end_array();
  if (!d.notes.empty()) {
    w.plain_key("relatedLocations").begin_array();
    int id = 1;
    for (const auto& n : d.notes) {
      w.begin_object();
      location_keys(w, n.pos, root);
      w.plain_key("id").integer(id++);
      text_object(w, "message", n.message);
      w.end_object();
    }
    w.end_array();
  }
  // Stable across runs, so code scanning tracks one problem from push to push.
  std::string fingerprint = std::string(k.code) + ":" + d.policy + ":";
  for (const auto& i : d.items) fingerprint += i + ",";
  w.plain_key("partialFingerprints").begin_object().plain_key("leeway/v1").string(fingerprint).end_object();
  if (!d.waived.empty()) {
    w.plain_key("suppressions").begin_array().begin_object().plain_key("kind").word("inSource").plain_key("justification").string(d.waived);
    w.end_object().end_array();
  }
  if (!d.policy.empty() || !d.items.empty() || d.region) {
    w.plain_key("properties").begin_object();
    if (!d.policy.empty()) w.plain_key("policy").string(d.policy);
    if (!d.items.empty()) {
      w.plain_key("items").begin_array();
      for (const auto& i : d.items) w.string(i);
      w.end_array();
    }
    if (d.region) {
      w.plain_key("region");
      write_region(w, *d.region);
    }
    w.end_object();
  }
  w.end_object();
}

}  // namespace

std::string render_sarif(const std::vector<Diagnostic>& diags, const std::string& root_hint) {
  std::string root = root_hint;
  if (!root.empty() && root.back() != '/') root += '/';
  std::string out;
  JsonWriter w(out, JsonWriter::Layout::pretty);
  w.begin_object().plain_key("$schema").string("https://json.schemastore.org/sarif-2.1.0.json").plain_key("version").string("2.1.0");
  w.plain_key("runs").begin_array().begin_object().plain_key("tool").begin_object().plain_key("driver").begin_object();
  w.plain_key("name").string("leeway").plain_key("version").string(kVersion).plain_key("rules").begin_array();
  for (const auto& k : diagnostic_catalog()) rule(w, k);
  w.end_array().end_object().end_object();
  w.plain_key("columnKind").string("unicodeCodePoints").plain_key("results").begin_array();
  for (const auto& d : diags) result(w, d, root);
  w.end_array().end_object().end_array().end_object().raw("\n");
  w.flush();
  return out;
}

}  // namespace leeway
