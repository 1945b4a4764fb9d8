#include "compiler/emit/diagnostic_json.hpp"

#include <fmt/format.h>

#include "compiler/core/model.hpp"
#include "compiler/emit/region_json.hpp"

namespace leeway {

namespace {

void write_pos(JsonWriter& w, const Pos& pos) {
  w.plain_key("file").string(pos.file);
  w.plain_key("line").integer(pos.line > 0 ? pos.line : 1);
  w.plain_key("column").integer(pos.column > 0 ? pos.column : 1);
}

void write_strings(JsonWriter& w, const std::vector<std::string>& v) {
  w.begin_array();
  for (const std::string& s : v) w.string(s);
  w.end_array();
}

}  // namespace

void write_diagnostic(JsonWriter& w, const Diagnostic& d) {
  w.begin_object();
  // Codes, kind and severity names are the catalog's words, plain (a catalog test holds them so).
  w.plain_key("code").word(diagnostic_info(d.kind).code);
  w.plain_key("kind").word(kind_name(d.kind));
  w.plain_key("severity").word(severity_name(d.severity));
  w.plain_key("message").string(d.message);
  write_pos(w, d.pos);
  w.plain_key("policy").string_or_null(d.policy, !d.policy.empty());
  w.plain_key("items");
  write_strings(w, d.items);
  if (!d.roles.empty()) {
    w.plain_key("roles");
    write_strings(w, d.roles);
  }
  w.plain_key("region");
  d.region ? write_region(w, *d.region) : void(w.null());
  if (!d.regions.empty()) {
    w.plain_key("regions").begin_array();
    for (const Region& r : d.regions) write_region(w, r);
    w.end_array();
  }
  if (!d.example.empty()) w.plain_key("example").string(d.example);
  if (!d.hint.empty()) w.plain_key("hint").string(d.hint);
  if (!d.waived.empty()) w.plain_key("waived").string(d.waived);
  if (!d.notes.empty()) {
    w.plain_key("notes").begin_array();
    for (const Note& n : d.notes) {
      w.begin_object();
      write_pos(w, n.pos);
      w.plain_key("message").string(n.message);
      w.end_object();
    }
    w.end_array();
  }
  w.end_object();
}

DiagnosticJsonWriter::DiagnosticJsonWriter(std::size_t limit, Sink out) : limit_(limit), out_(std::move(out)), buf_("{\n  \"diagnostics\": [") {}

void DiagnosticJsonWriter::count(const Diagnostic& d) {
  if (!d.waived.empty())
    ++waived_;
  else
    (d.severity == Severity::error ? errors_ : d.severity == Severity::warning ? warnings_ : notes_)++;
}

void DiagnosticJsonWriter::flush_if_full() {
  if (buf_.size() > (1 << 16)) {
    out_(buf_);
    buf_.clear();
  }
}

void DiagnosticJsonWriter::add(const Diagnostic& d) {
  count(d);
  if (!writes_next()) return;
  buf_ += shown_++ ? ",\n    " : "\n    ";
  {
    JsonWriter w(buf_, JsonWriter::Layout::pretty, 2);
    write_diagnostic(w, d);
  }
  flush_if_full();
}

void DiagnosticJsonWriter::add_rendered(const std::vector<const Diagnostic*>& written, std::string_view text,
                                        const std::vector<const Diagnostic*>& counted) {
  for (const Diagnostic* d : written) count(*d);
  for (const Diagnostic* d : counted) count(*d);
  if (written.empty()) return;
  // The first diagnostic of the list has no comma before it.
  if (shown_ == 0 && !text.empty() && text[0] == ',') text.remove_prefix(1);
  shown_ += written.size();
  if (text.size() > (1 << 16)) {  // large enough to go out as it is, without a copy
    if (!buf_.empty()) out_(buf_);
    buf_.clear();
    out_(text);
    return;
  }
  buf_ += text;
  flush_if_full();
}

void append_diagnostic_json(std::string& out, const Diagnostic& d) {
  out += ",\n    ";
  JsonWriter w(out, JsonWriter::Layout::pretty, 2);
  write_diagnostic(w, d);
}

void DiagnosticJsonWriter::finish() {
  buf_ += shown_ ? "\n  ],\n" : "],\n";
  // Waived diagnostics count apart (and the key appears only when there are some).
  buf_ += fmt::format("  \"summary\": {{\n    \"errors\": {},\n    \"warnings\": {},\n    \"notes\": {}{}\n  }}\n}}\n", errors_, warnings_, notes_,
                      waived_ ? fmt::format(",\n    \"waived\": {}", waived_) : "");
  out_(buf_);
  buf_.clear();
}

void write_json(const std::vector<Diagnostic>& diags, std::size_t limit, const Sink& out) {
  DiagnosticJsonWriter w(limit, out);
  for (const auto& d : diags) w.add(d);
  w.finish();
}

std::string render_json(const std::vector<Diagnostic>& diags, std::size_t limit) {
  std::string out;
  write_json(diags, limit, [&](std::string_view piece) { out += piece; });
  return out;
}

}  // namespace leeway
