// The change report as JSON: every decision change with its region and both
// records, the changes in the files, the diagnostics new and fixed, and who
// is affected.
#include "compiler/emit/change_report_json.hpp"

#include "compiler/core/json_writer.hpp"
#include "compiler/emit/diagnostic_json.hpp"
#include "compiler/emit/region_json.hpp"

namespace leeway {
namespace {

void write_strings(JsonWriter& w, const std::vector<std::string>& v) {
  w.begin_array();
  for (const std::string& s : v) w.string(s);
  w.end_array();
}

void write_record(JsonWriter& w, const DecisionRecord& d) {
  if (!d.exists) {  // the situations do not exist in this revision
    w.null();
    return;
  }
  w.begin_object();
  w.plain_key("outcome").string_or_null(d.outcome ? *d.outcome : "", d.outcome.has_value());
  w.plain_key("decided_by").string(d.decided_by);
  w.plain_key("items");
  write_strings(w, d.items);
  w.plain_key("granted_by").string_or_null(d.granted_by ? *d.granted_by : "", d.granted_by.has_value());
  w.plain_key("conflict").boolean(d.conflict);
  w.end_object();
}

void write_changes(JsonWriter& w, const ChangeSet& c) {
  w.begin_object().plain_key("added");
  write_strings(w, c.added);
  w.plain_key("removed");
  write_strings(w, c.removed);
  w.plain_key("modified").begin_array();
  for (const auto& m : c.modified) {
    w.begin_object().plain_key("id").string(m.id).plain_key("keys");
    write_strings(w, m.keys);
    w.plain_key("values").begin_array();
    for (const ValueChange& v : m.values)
      w.begin_object().plain_key("key").string(v.key).plain_key("before").string(v.before).plain_key("after").string(v.after).end_object();
    w.end_array().end_object();
  }
  w.end_array().end_object();
}

void write_diagnostics(JsonWriter& w, const std::vector<const Diagnostic*>& diags) {
  w.begin_array();
  for (const Diagnostic* d : diags) write_diagnostic(w, *d);
  w.end_array();
}

}  // namespace

std::string change_report_json(const ChangeReport& r) {
  std::string out;
  {
    JsonWriter w(out, JsonWriter::Layout::pretty);
    w.begin_object().plain_key("base").string(r.base).plain_key("head").string(r.head);
    w.plain_key("changes").begin_array();
    for (const auto& c : r.changes) {
      w.begin_object().plain_key("policy").string(c.policy).plain_key("region");
      write_region(w, c.region);
      w.plain_key("example").string(c.example).plain_key("before");
      write_record(w, c.before);
      w.plain_key("after");
      write_record(w, c.after);
      w.end_object();
    }
    w.end_array();
    w.plain_key("items");
    write_changes(w, r.model.items);
    w.plain_key("policies");
    write_changes(w, r.model.policies);
    w.plain_key("roles");
    write_changes(w, r.model.roles);
    w.plain_key("dimensions");
    write_changes(w, r.model.dimensions);
    w.plain_key("edition");
    if (r.model.edition)
      w.begin_object().plain_key("before").string(r.model.edition->before).plain_key("after").string(r.model.edition->after).end_object();
    else
      w.null();
    w.plain_key("diagnostics").begin_object().plain_key("new");
    write_diagnostics(w, r.model.new_diagnostics);
    w.plain_key("fixed");
    write_diagnostics(w, r.model.fixed_diagnostics);
    w.end_object();
    w.plain_key("affected").begin_object().plain_key("roles");
    write_strings(w, r.affected_roles);
    w.plain_key("owners");
    write_strings(w, r.owners);
    w.end_object().end_object();
  }
  return out + "\n";
}

}  // namespace leeway
