#include "compiler/query/decision_writer.hpp"

#include <fmt/format.h>

#include "compiler/core/values.hpp"

namespace leeway {

std::string json_string(std::string_view s) {
  std::string out = "\"";
  for (char c : s) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) out += fmt::format("\\u{:04x}", static_cast<unsigned>(c));
        else out += c;
    }
  }
  return out + "\"";
}

std::string csv_field(std::string_view s) {
  if (s.find_first_of(",\"\n\r") == std::string_view::npos) return std::string(s);
  std::string out = "\"";
  for (char c : s) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

DecisionWriter::DecisionWriter(const Repository& repo, const Policy& p) : policy_json_(json_string(p.id)) {
  for (const auto& o : p.outcomes) outcome_json_.push_back(json_string(o)), outcome_csv_.push_back(csv_field(o));
  for (const auto& it : p.items) item_json_.push_back(json_string(p.id + "." + it.id)), item_csv_.push_back(p.id + "." + it.id);
  for (const auto& r : repo.manifest.roles) role_json_.push_back(json_string(r.id)), role_csv_.push_back(csv_field(r.id));
}

void DecisionWriter::json(std::string& out, const Decision& d) const {
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
