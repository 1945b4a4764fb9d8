#include "compiler/query/decision_writer.hpp"

#include <fmt/format.h>

#include "compiler/core/json_text.hpp"
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
      list = "[";
      for (std::size_t k = 0; k < it.forbids.size(); ++k) list += (k ? ", " : "") + json_string(it.forbids[k]);
      list += "]";
    }
    forbids_json_.push_back(std::move(list));
  }
  for (const auto& o : p.outcomes) outcome_json_.push_back(json_string(o)), outcome_csv_.push_back(csv_field(o));
  for (const auto& it : p.items) item_json_.push_back(json_string(p.id + "." + it.id)), item_csv_.push_back(p.id + "." + it.id);
  for (const auto& r : repo.manifest.roles) role_json_.push_back(json_string(r.id)), role_csv_.push_back(csv_field(r.id));
}

void DecisionWriter::answer_keys(std::string& out, const Answer& a) const {
  auto item = [&](int i) -> const Item& { return policy_.items[static_cast<std::size_t>(i)]; };
  auto role = [&](int r) { return r >= 0 ? role_json_[static_cast<std::size_t>(r)] : std::string("null"); };
  out += ", \"normal\": {\"outcome\": ";
  out += a.normal.outcome >= 0 ? outcome_json_[static_cast<std::size_t>(a.normal.outcome)] : "null";
  out += ", \"decided_by\": \"";
  out += decided_by_name(a.normal.decided_by);
  out += "\", \"items\": [";
  for (std::size_t k = 0; k < a.normal.items.size(); ++k) out += (k ? ", " : "") + item_json_[static_cast<std::size_t>(a.normal.items[k])];
  out += "]}, \"options\": [";
  for (std::size_t k = 0; k < a.options.size(); ++k) {
    const OptionAnswer& o = a.options[k];
    const Item& exc = item(o.exception);
    out += k ? ", " : "";
    out += "{\"exception\": " + item_json_[static_cast<std::size_t>(o.exception)];
    out += ", \"outcome\": " + (exc.outcome >= 0 ? outcome_json_[static_cast<std::size_t>(exc.outcome)] : std::string("null"));
    out += ", \"granted_by\": " + role(exc.role);
    out += ", \"max_cost\": " + (exc.max_cost ? format_money(*exc.max_cost) : std::string("null"));
    out += ", \"yours\": null, \"ask\": " + role(exc.role);
    out += ", \"blocked_by\": " + (o.blocked_by >= 0 ? item_json_[static_cast<std::size_t>(o.blocked_by)] : std::string("null")) + "}";
  }
  out += "], \"lines\": [";
  for (std::size_t k = 0; k < a.lines.size(); ++k) {
    const Item& line = item(a.lines[k]);
    out += k ? ", " : "";
    out += "{\"line\": " + item_json_[static_cast<std::size_t>(a.lines[k])];
    out += ", \"then\": " + (line.forbidding || line.outcome < 0 ? std::string("null") : outcome_json_[static_cast<std::size_t>(line.outcome)]);
    out += ", \"forbids\": " + forbids_json_[static_cast<std::size_t>(a.lines[k])] + "}";
  }
  out += "]";
}

void DecisionWriter::json(std::string& out, const Decision& d, const Answer* a) const {
  out += "{\"policy\": ";
  out += policy_json_;
  out += ", \"outcome\": ";
  out += d.outcome >= 0 ? outcome_json_[static_cast<std::size_t>(d.outcome)] : "null";
  out += ", \"decided_by\": \"";
  out += decided_by_name(d.decided_by);
  out += "\", \"items\": [";
  for (std::size_t k = 0; k < d.items.size(); ++k) {
    if (k) out += ", ";
    out += item_json_[static_cast<std::size_t>(d.items[k])];
  }
  out += "], \"granted_by\": ";
  out += d.role >= 0 ? role_json_[static_cast<std::size_t>(d.role)] : "null";
  out += ", \"max_cost\": ";
  out += d.max_cost ? format_money(*d.max_cost) : "null";
  out += ", \"conflict\": ";
  out += d.conflict ? "true" : "false";
  if (a) answer_keys(out, *a);
  out += "}";
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
