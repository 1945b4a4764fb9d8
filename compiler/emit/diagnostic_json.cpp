#include "compiler/emit/diagnostic_json.hpp"

#include <algorithm>
#include <array>
#include <cstring>

#include <fmt/format.h>

#include "compiler/core/json_text.hpp"

#include "compiler/core/model.hpp"

namespace leeway {

nlohmann::ordered_json region_to_json(const Region& r) {
  nlohmann::ordered_json j = nlohmann::ordered_json::object();
  auto money = [](std::int64_t c) -> nlohmann::ordered_json {
    if (c % kCentsPerUnit == 0) return c / kCentsPerUnit;
    return static_cast<double>(c) / static_cast<double>(kCentsPerUnit);
  };
  for (const auto& e : r) {
    switch (e.type) {
      case RegionEntry::Type::integer: j[e.dimension] = {e.lo, e.hi}; break;
      case RegionEntry::Type::money: j[e.dimension] = {money(e.lo), money(e.hi)}; break;
      case RegionEntry::Type::enumeration: j[e.dimension] = e.values; break;
      case RegionEntry::Type::boolean: {
        nlohmann::ordered_json arr = nlohmann::ordered_json::array();
        for (const auto& v : e.values) arr.push_back(v == "true");
        j[e.dimension] = arr;
        break;
      }
    }
  }
  return j;
}

nlohmann::ordered_json diagnostic_to_json(const Diagnostic& d) {
  nlohmann::ordered_json j;
  j["code"] = std::string(diagnostic_info(d.kind).code);
  j["kind"] = std::string(kind_name(d.kind));
  j["severity"] = severity_name(d.severity);
  j["message"] = d.message;
  j["file"] = d.pos.file;
  j["line"] = d.pos.line > 0 ? d.pos.line : 1;
  j["column"] = d.pos.column > 0 ? d.pos.column : 1;
  j["policy"] = d.policy.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(d.policy);
  j["items"] = d.items;
  if (!d.roles.empty()) j["roles"] = d.roles;
  j["region"] = d.region ? region_to_json(*d.region) : nlohmann::ordered_json(nullptr);
  if (!d.regions.empty()) {
    nlohmann::ordered_json all = nlohmann::ordered_json::array();
    for (const Region& r : d.regions) all.push_back(region_to_json(r));
    j["regions"] = all;
  }
  if (!d.example.empty()) j["example"] = d.example;
  if (!d.hint.empty()) j["hint"] = d.hint;
  if (!d.waived.empty()) j["waived"] = d.waived;
  if (!d.notes.empty()) {
    nlohmann::ordered_json notes = nlohmann::ordered_json::array();
    for (const auto& n : d.notes)
      notes.push_back({{"file", n.pos.file}, {"line", n.pos.line > 0 ? n.pos.line : 1}, {"column", n.pos.column > 0 ? n.pos.column : 1}, {"message", n.message}});
    j["notes"] = notes;
  }
  return j;
}

namespace {

// The writer below prints, by hand, exactly the text nlohmann's dump(2) gives
// for diagnostic_to_json (tests/unit/emit/diagnostic_json_test.cpp holds it to
// that): a check with 180,000 diagnostics spent most of its time building
// JSON trees only to print them.
class JsonOut {
 public:
  explicit JsonOut(std::string& out) : out_(out) {}
  JsonOut(const JsonOut&) = delete;
  ~JsonOut() { flush(); }
  // Text goes into a buffer of its own, a run of bytes at a time, and into
  // `out` in large pieces: 180,000 diagnostics are some 30 million small
  // appends, and a string's append checks its room and ends it each time.
  void raw(std::string_view s) {
    if (s.size() > kRoom / 4) {
      flush();
      out_ += s;
      return;
    }
    need(s.size());
    std::memcpy(buf_ + n_, s.data(), s.size());
    n_ += s.size();
  }
  void put(char c) {
    need(1);
    buf_[n_++] = c;
  }
  void newline(int depth) {
    std::size_t n = 1 + static_cast<std::size_t>(depth) * 2;
    need(n);
    buf_[n_] = '\n';
    std::memset(buf_ + n_ + 1, ' ', n - 1);
    n_ += n;
  }
  void string(std::string_view s) {
    // Plain text (names, values, messages, hints) as it is; anything else by
    // the shared escaper.
    bool plain = plain_json_text(s);
    if (plain && s.size() <= kRoom / 4) return word(s);
    flush();
    // Text that is not UTF-8 (or holds a NUL) goes to nlohmann, for its
    // U+FFFD replacement: rare enough to hand over.
    if (!plain && !valid_utf8(s))
      out_ += nlohmann::ordered_json(std::string(s)).dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
    else
      append_json_string(out_, s, JsonEscapes::like_nlohmann);
  }
  void integer(std::int64_t v) {
    fmt::format_int text(v);
    raw(std::string_view(text.data(), text.size()));
  }
  void money(std::int64_t cents) {
    if (cents % kCentsPerUnit == 0) return integer(cents / kCentsPerUnit);
    double v = static_cast<double>(cents) / static_cast<double>(kCentsPerUnit);
    // Both print the shortest text that reads back as the same double; they
    // differ only where one switches to an exponent (never for cents below 10^15 units).
    if (v > -1e15 && v < 1e15) {
      char text[64];
      raw(std::string_view(text, static_cast<std::size_t>(fmt::format_to(text, "{}", v) - text)));
    } else {
      raw(nlohmann::ordered_json(v).dump());
    }
  }
  // A short string known to need no escape: a word of this writer's or of
  // the catalog's (codes, kind and severity names, held to it by a test), or
  // text that plain_json_text has passed. Text from a policy goes to string().
  void word(std::string_view s) {
    need(s.size() + 2);
    buf_[n_++] = '"';
    std::memcpy(buf_ + n_, s.data(), s.size());
    n_ += s.size();
    buf_[n_++] = '"';
  }
  // "key": , at `depth`, after a comma unless first; `k` is a word of this writer's.
  void key(std::string_view k, int depth, bool& first) {
    key_start(depth, first);
    word(k);
    raw(": ");
  }
  // The same for a key from the policy (a dimension's name), escaped as any text.
  void text_key(std::string_view k, int depth, bool& first) {
    key_start(depth, first);
    string(k);
    raw(": ");
  }
  template <class Range, class F>
  void array(const Range& v, int depth, F each) {
    if (v.empty()) return raw("[]");
    put('[');
    for (std::size_t i = 0; i < v.size(); ++i) {
      if (i) put(',');
      newline(depth + 1);
      each(v[i]);
    }
    newline(depth);
    put(']');
  }

 private:
  static constexpr std::size_t kRoom = 8192;
  void key_start(int depth, bool& first) {
    if (!first) put(',');
    first = false;
    newline(depth);
  }
  void need(std::size_t n) {
    if (n_ + n > kRoom) flush();
  }
  void flush() {
    out_.append(buf_, n_);
    n_ = 0;
  }
  std::string& out_;
  char buf_[kRoom];
  std::size_t n_ = 0;
};

void write_region(JsonOut& o, const Region& r, int depth) {
  if (r.empty()) return o.raw("{}");
  o.raw("{");
  bool first = true;
  for (const auto& e : r) {
    o.text_key(e.dimension, depth + 1, first);
    switch (e.type) {
      case RegionEntry::Type::integer: {
        o.array(std::array<std::int64_t, 2>{e.lo, e.hi}, depth + 1, [&](std::int64_t v) { o.integer(v); });
        break;
      }
      case RegionEntry::Type::money: {
        o.array(std::array<std::int64_t, 2>{e.lo, e.hi}, depth + 1, [&](std::int64_t v) { o.money(v); });
        break;
      }
      case RegionEntry::Type::enumeration: o.array(e.values, depth + 1, [&](std::string_view v) { o.string(v); }); break;
      case RegionEntry::Type::boolean: o.array(e.values, depth + 1, [&](std::string_view v) { o.raw(v == "true" ? "true" : "false"); }); break;
    }
  }
  o.newline(depth);
  o.raw("}");
}

void write_pos(JsonOut& o, const Pos& pos, int depth, bool& first) {
  o.key("file", depth, first);
  o.string(pos.file);
  o.key("line", depth, first);
  o.integer(pos.line > 0 ? pos.line : 1);
  o.key("column", depth, first);
  o.integer(pos.column > 0 ? pos.column : 1);
}

// One diagnostic as an object whose braces sit at `depth`.
void write_diagnostic(JsonOut& o, const Diagnostic& d, int depth) {
  int in = depth + 1;
  bool first = true;
  auto strings = [&](const std::vector<std::string>& v) { o.array(v, in, [&](const std::string& s) { o.string(s); }); };
  o.raw("{");
  o.key("code", in, first);
  o.word(diagnostic_info(d.kind).code);
  o.key("kind", in, first);
  o.word(kind_name(d.kind));
  o.key("severity", in, first);
  o.word(severity_name(d.severity));
  o.key("message", in, first);
  o.string(d.message);
  write_pos(o, d.pos, in, first);
  o.key("policy", in, first);
  d.policy.empty() ? o.raw("null") : o.string(d.policy);
  o.key("items", in, first);
  strings(d.items);
  if (!d.roles.empty()) {
    o.key("roles", in, first);
    strings(d.roles);
  }
  o.key("region", in, first);
  d.region ? write_region(o, *d.region, in) : o.raw("null");
  if (!d.regions.empty()) {
    o.key("regions", in, first);
    o.array(d.regions, in, [&](const Region& r) { write_region(o, r, in + 1); });
  }
  if (!d.example.empty()) {
    o.key("example", in, first);
    o.string(d.example);
  }
  if (!d.hint.empty()) {
    o.key("hint", in, first);
    o.string(d.hint);
  }
  if (!d.waived.empty()) {
    o.key("waived", in, first);
    o.string(d.waived);
  }
  if (!d.notes.empty()) {
    o.key("notes", in, first);
    o.array(d.notes, in, [&](const Note& n) {
      bool f = true;
      o.raw("{");
      write_pos(o, n.pos, in + 2, f);
      o.key("message", in + 2, f);
      o.string(n.message);
      o.newline(in + 1);
      o.raw("}");
    });
  }
  o.newline(depth);
  o.raw("}");
}

}  // namespace

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
    JsonOut o(buf_);
    write_diagnostic(o, d, 2);
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
  JsonOut o(out);
  write_diagnostic(o, d, 2);
}

void DiagnosticJsonWriter::finish() {
  buf_ += shown_ ? "\n  ],\n" : "],\n";
  // Waived diagnostics count apart (and the key appears only when there are some).
  buf_ += fmt::format("  \"summary\": {{\n    \"errors\": {},\n    \"warnings\": {},\n    \"notes\": {}{}\n  }}\n}}\n", errors_, warnings_,
                      notes_, waived_ ? fmt::format(",\n    \"waived\": {}", waived_) : "");
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
