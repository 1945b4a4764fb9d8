#include "compiler/query/decision_writer.hpp"

#include <fmt/format.h>

#include "compiler/core/json_writer.hpp"
#include "compiler/core/values.hpp"

namespace leeway {

std::string csv_field(std::string_view s) {
  if (s.find_first_of(",\"\n\r") == std::string_view::npos) return std::string(s);
  std::string out = "\"";
  for (char c : s) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

DecisionWriter::DecisionWriter(const Repository& repo, const Policy& p) : policy_(p), policy_json_(json_string(p.id)) {
  for (const auto& it : p.items) {
    std::string list = "null";
    if (it.forbidding) {
      list.clear();
      JsonWriter w(list, JsonWriter::Layout::line);
      w.begin_array();
      for (const std::string& o : it.forbids) w.string(o);
      w.end_array();
    }
    forbids_json_.push_back(std::move(list));
  }
  for (const auto& o : p.outcomes) outcome_json_.push_back(json_string(o)), outcome_csv_.push_back(csv_field(o));
  for (const auto& it : p.items) item_json_.push_back(json_string(p.id + "." + it.id)), item_csv_.push_back(p.id + "." + it.id);
  for (const auto& r : repo.manifest.roles) role_json_.push_back(json_string(r.id)), role_csv_.push_back(csv_field(r.id));
}

namespace {

// One of the texts escaped once per policy, or null where `at` is below zero.
void cached(JsonWriter& w, const std::vector<std::string>& texts, int at) {
  if (at < 0)
    w.null();
  else
    w.rendered(texts[static_cast<std::size_t>(at)]);
}

void money_or_null(JsonWriter& w, const std::optional<std::int64_t>& cents) {
  if (cents)
    w.money_cents(*cents);
  else
    w.null();
}

}  // namespace

void DecisionWriter::items(JsonWriter& w, const std::vector<int>& list) const {
  w.begin_array();
  for (int i : list) w.rendered(item_json_[static_cast<std::size_t>(i)]);
  w.end_array();
}

void DecisionWriter::answer_keys(JsonWriter& w, const Answer& a) const {
  auto item = [&](int i) -> const Item& { return policy_.items[static_cast<std::size_t>(i)]; };
  w.plain_key("normal").begin_object().plain_key("outcome");
  cached(w, outcome_json_, a.normal.outcome);
  w.plain_key("decided_by").word(decided_by_name(a.normal.decided_by)).plain_key("items");
  items(w, a.normal.items);
  w.end_object().plain_key("options").begin_array();
  for (const OptionAnswer& o : a.options) {
    const Item& exc = item(o.exception);
    w.begin_object().plain_key("exception");
    cached(w, item_json_, o.exception);
    w.plain_key("outcome");
    cached(w, outcome_json_, exc.outcome);
    w.plain_key("granted_by");
    cached(w, role_json_, exc.role);
    w.plain_key("max_cost");
    money_or_null(w, exc.max_cost);
    w.plain_key("yours").null().plain_key("ask");
    cached(w, role_json_, exc.role);
    w.plain_key("blocked_by");
    cached(w, item_json_, o.blocked_by);
    w.end_object();
  }
  w.end_array().plain_key("lines").begin_array();
  for (int l : a.lines) {
    const Item& line = item(l);
    w.begin_object().plain_key("line");
    cached(w, item_json_, l);
    w.plain_key("then");
    cached(w, outcome_json_, line.forbidding ? -1 : line.outcome);
    w.plain_key("forbids").rendered(forbids_json_[static_cast<std::size_t>(l)]).end_object();
  }
  w.end_array();
}

void DecisionWriter::json(std::string& out, const Decision& d, const Answer* a) const {
  JsonWriter w(out, JsonWriter::Layout::line);
  w.begin_object().plain_key("policy").rendered(policy_json_).plain_key("outcome");
  cached(w, outcome_json_, d.outcome);
  w.plain_key("decided_by").word(decided_by_name(d.decided_by)).plain_key("items");
  items(w, d.items);
  w.plain_key("granted_by");
  cached(w, role_json_, d.role);
  w.plain_key("max_cost");
  money_or_null(w, d.max_cost);
  w.plain_key("conflict").boolean(d.conflict);
  if (a) answer_keys(w, *a);
  w.end_object();
}
void DecisionWriter::csv(std::string& out, const Decision& d) const {
  out += d.outcome >= 0 ? outcome_csv_[static_cast<std::size_t>(d.outcome)] : "";
  out += ',';
  out += decided_by_name(d.decided_by);
  out += ',';
  for (std::size_t k = 0; k < d.items.size(); ++k) {
    if (k) out += ';';
    out += item_csv_[static_cast<std::size_t>(d.items[k])];
  }
  out += ',';
  out += d.role >= 0 ? role_csv_[static_cast<std::size_t>(d.role)] : "";
  out += ',';
  out += d.max_cost ? format_money(*d.max_cost) : "";
  out += d.conflict ? ",true\n" : ",false\n";
}

}  // namespace leeway
