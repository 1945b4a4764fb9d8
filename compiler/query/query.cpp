#include "compiler/query/query.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "compiler/core/values.hpp"
#include "compiler/frontend/condition.hpp"
#include "compiler/core/suggest.hpp"

namespace leeway {
namespace {

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

std::vector<std::string> dim_names(const PolicySpace& s) {
  std::vector<std::string> out;
  for (const Dimension* d : s.dims) out.push_back(d->name);
  return out;
}

// Splits one CSV line (RFC 4180 quoting) into fields.
bool split_csv(std::string_view line, std::vector<std::string>& fields) {
  fields.clear();
  std::string cur;
  bool quoted = false;
  for (std::size_t i = 0; i < line.size(); ++i) {
    char c = line[i];
    if (quoted) {
      if (c == '"' && i + 1 < line.size() && line[i + 1] == '"') cur += '"', ++i;
      else if (c == '"') quoted = false;
      else cur += c;
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      fields.push_back(std::move(cur));
      cur.clear();
    } else if (c != '\r') {
      cur += c;
    }
  }
  fields.push_back(std::move(cur));
  return !quoted;
}

// The text of every part of a decision, computed once per policy so that the
// batch loop only copies bytes.
struct Strings {
  std::vector<std::string> outcome_json, outcome_csv, item_json, item_csv, role_json, role_csv;
  Strings(const Repository& repo, const Policy& p) {
    for (const auto& o : p.outcomes) outcome_json.push_back(json_string(o)), outcome_csv.push_back(csv_field(o));
    for (const auto& it : p.items) item_json.push_back(json_string(p.id + "." + it.id)), item_csv.push_back(p.id + "." + it.id);
    for (const auto& r : repo.manifest.roles) role_json.push_back(json_string(r.id)), role_csv.push_back(csv_field(r.id));
  }
};

void append_json(std::string& out, const Strings& s, const std::string& policy_json, const Decision& d) {
  out += "{\"policy\": ";
  out += policy_json;
  out += ", \"outcome\": ";
  out += d.outcome >= 0 ? s.outcome_json[static_cast<std::size_t>(d.outcome)] : "null";
  out += ", \"decided_by\": \"";
  out += decided_by_name(d.decided_by);
  out += "\", \"items\": [";
  for (std::size_t k = 0; k < d.items.size(); ++k) {
    if (k) out += ", ";
    out += s.item_json[static_cast<std::size_t>(d.items[k])];
  }
  out += "], \"granted_by\": ";
  out += d.role >= 0 ? s.role_json[static_cast<std::size_t>(d.role)] : "null";
  out += ", \"max_cost\": ";
  out += d.max_cost ? format_money(*d.max_cost) : "null";
  out += ", \"conflict\": ";
  out += d.conflict ? "true" : "false";
  out += "}";
}

}  // namespace

std::string parse_situation(const PolicySpace& space, const std::vector<std::string>& words, std::vector<std::int64_t>& point) {
  point.assign(space.dims.size(), 0);
  std::vector<bool> given(space.dims.size(), false);
  auto names = dim_names(space);
  for (const auto& w : words) {
    auto eq = w.find('=');
    if (eq == std::string::npos) return fmt::format("`{}` is not of the form dimension=value", w);
    std::string name = w.substr(0, eq), value = w.substr(eq + 1);
    auto it = std::find(names.begin(), names.end(), name);
    if (it == names.end()) {
      std::string hint = did_you_mean(name, names);
      return fmt::format("`{}` is not a dimension of this policy{}{}", name, hint.empty() ? "" : "; ", hint);
    }
    std::size_t d = static_cast<std::size_t>(it - names.begin());
    std::string error;
    auto v = parse_point(value, *space.dims[d], error);
    if (!v) return error;
    point[d] = *v;
    given[d] = true;
  }
  for (std::size_t d = 0; d < given.size(); ++d)
    if (!given[d]) return fmt::format("the situation leaves out `{}`; the policy decides over it, so give `{}=...`", names[d], names[d]);
  return {};
}

std::string decision_json(const Repository& repo, const Policy& policy, const Decision& d) {
  Strings s(repo, policy);
  std::string out;
  append_json(out, s, json_string(policy.id), d);
  return out;
}

std::string decision_text(const Repository& repo, const Policy& policy, const Decision& d) {
  if (d.decided_by == DecidedBy::none) return fmt::format("{}: the policy is silent here: no rule or line decides this situation\n", policy.id);
  std::string items;
  for (int i : d.items) items += (items.empty() ? "" : ", ") + policy.id + "." + policy.items[static_cast<std::size_t>(i)].id;
  if (d.conflict) return fmt::format("{}: conflict: the {}s {} disagree, so there is no single answer\n", policy.id, decided_by_name(d.decided_by), items);
  std::string out = fmt::format("{}: {} (decided by {} {})\n", policy.id, policy.outcomes[static_cast<std::size_t>(d.outcome)], decided_by_name(d.decided_by), items);
  if (d.role >= 0) {
    const Role& r = repo.manifest.roles[static_cast<std::size_t>(d.role)];
    out += fmt::format("  granted by: {} ({})\n", r.title, r.id);
  }
  if (d.decided_by == DecidedBy::exception)
    out += d.max_cost ? fmt::format("  up to: {} {}\n", format_money(*d.max_cost), repo.manifest.currency) : std::string("  up to: no ceiling stated\n");
  return out;
}

std::string run_batch(const Repository& repo, const Policy& policy, const DecisionIndex& index, std::istream& in, std::FILE* out,
                      BatchFormat format, std::size_t& rows) {
  const PolicySpace& space = index.space();
  auto names = dim_names(space);
  std::string line;
  std::vector<std::string> fields;
  rows = 0;
  if (!std::getline(in, line)) return "the batch file is empty: it needs a header row of dimension names";
  if (line.rfind("\xEF\xBB\xBF", 0) == 0) line.erase(0, 3);
  split_csv(line, fields);
  // column -> dimension
  std::vector<int> column_dim(fields.size(), -1);
  std::vector<bool> seen(names.size(), false);
  for (std::size_t c = 0; c < fields.size(); ++c) {
    auto it = std::find(names.begin(), names.end(), fields[c]);
    if (it == names.end()) {
      std::string hint = did_you_mean(fields[c], names);
      return fmt::format("line 1: column `{}` is not a dimension of policy `{}`{}{}", fields[c], policy.id, hint.empty() ? "" : "; ", hint);
    }
    std::size_t d = static_cast<std::size_t>(it - names.begin());
    if (seen[d]) return fmt::format("line 1: column `{}` appears twice", fields[c]);
    seen[d] = true;
    column_dim[c] = static_cast<int>(d);
  }
  for (std::size_t d = 0; d < names.size(); ++d)
    if (!seen[d]) return fmt::format("line 1: no column for `{}`; the policy decides over it", names[d]);

  Strings s(repo, policy);
  std::string policy_json = json_string(policy.id);
  std::string buf;
  buf.reserve(1 << 20);
  if (format == BatchFormat::csv) {
    for (const auto& n : names) buf += n + ",";
    buf += "outcome,decided_by,items,granted_by,max_cost,conflict\n";
  }
  std::vector<std::int64_t> point(names.size());
  std::string error;
  std::size_t line_no = 1;
  while (std::getline(in, line)) {
    ++line_no;
    if (line.empty() || line == "\r") continue;
    if (!split_csv(line, fields)) return fmt::format("line {}: an opening quote is never closed", line_no);
    if (fields.size() != column_dim.size())
      return fmt::format("line {}: {} values for {} columns", line_no, fields.size(), column_dim.size());
    for (std::size_t c = 0; c < fields.size(); ++c) {
      auto v = parse_point(fields[c], *space.dims[static_cast<std::size_t>(column_dim[c])], error);
      if (!v) return fmt::format("line {}: {}", line_no, error);
      point[static_cast<std::size_t>(column_dim[c])] = *v;
    }
    Decision d = index.decide(point, policy);
    if (format == BatchFormat::jsonl) {
      append_json(buf, s, policy_json, d);
      buf += '\n';
    } else {
      for (std::size_t dd = 0; dd < names.size(); ++dd) {
        buf += csv_field(format_value(*space.dims[dd], point[dd]));
        buf += ',';
      }
      buf += d.outcome >= 0 ? s.outcome_csv[static_cast<std::size_t>(d.outcome)] : "";
      buf += ',';
      buf += decided_by_name(d.decided_by);
      buf += ',';
      for (std::size_t k = 0; k < d.items.size(); ++k) {
        if (k) buf += ';';
        buf += s.item_csv[static_cast<std::size_t>(d.items[k])];
      }
      buf += ',';
      buf += d.role >= 0 ? s.role_csv[static_cast<std::size_t>(d.role)] : "";
      buf += ',';
      buf += d.max_cost ? format_money(*d.max_cost) : "";
      buf += d.conflict ? ",true\n" : ",false\n";
    }
    ++rows;
    if (buf.size() > (1 << 20) - 4096) {
      std::fwrite(buf.data(), 1, buf.size(), out);
      buf.clear();
    }
  }
  std::fwrite(buf.data(), 1, buf.size(), out);
  return {};
}

}  // namespace leeway
