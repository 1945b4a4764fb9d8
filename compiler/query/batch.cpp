#include "compiler/query/batch.hpp"

#include <algorithm>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "compiler/core/suggest.hpp"
#include "compiler/core/values.hpp"
#include "compiler/frontend/condition.hpp"
#include "compiler/query/decision_writer.hpp"

namespace leeway {
namespace {

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

}  // namespace

Expected<BatchSummary> run_batch(const Repository& repo, const Policy& policy, const DecisionIndex& index, std::istream& in, std::FILE* out,
                                 BatchFormat format) {
  const PolicySpace& space = index.space();
  auto names = space_dimension_names(space);
  std::string line;
  std::vector<std::string> fields;
  BatchSummary summary;
  if (!std::getline(in, line)) return Failure{"the batch file is empty: it needs a header row of dimension names"};
  if (line.rfind("\xEF\xBB\xBF", 0) == 0) line.erase(0, 3);
  split_csv(line, fields);
  // column -> dimension
  std::vector<int> column_dim(fields.size(), -1);
  std::vector<bool> seen(names.size(), false);
  for (std::size_t c = 0; c < fields.size(); ++c) {
    auto it = std::find(names.begin(), names.end(), fields[c]);
    if (it == names.end()) {
      std::string hint = did_you_mean(fields[c], names);
      return Failure{fmt::format("line 1: column `{}` is not a dimension of policy `{}`{}{}", fields[c], policy.id, hint.empty() ? "" : "; ", hint)};
    }
    std::size_t d = static_cast<std::size_t>(it - names.begin());
    if (seen[d]) return Failure{fmt::format("line 1: column `{}` appears twice", fields[c])};
    seen[d] = true;
    column_dim[c] = static_cast<int>(d);
  }
  for (std::size_t d = 0; d < names.size(); ++d)
    if (!seen[d]) return Failure{fmt::format("line 1: no column for `{}`; the policy decides over it", names[d])};

  DecisionWriter writer(repo, policy);
  std::string buf;
  buf.reserve(1 << 20);
  if (format == BatchFormat::csv) {
    for (const auto& n : names) buf += n + ",";
    buf += "outcome,decided_by,items,granted_by,max_cost,conflict,error\n";
  }
  // Each enum's and bool's values as the CSV writes them, quoted once here
  // (a million rows a second); numbers never need quoting.
  std::vector<std::vector<std::string>> value_text(names.size());
  for (std::size_t dd = 0; dd < names.size(); ++dd)
    if (!is_numeric(*space.dims[dd]))
      for (std::int64_t v = space.domain[dd].min(); v <= space.domain[dd].max(); ++v)
        value_text[dd].push_back(csv_field(format_value(*space.dims[dd], v)));
  auto append_value = [&](std::size_t dd, std::int64_t v) {
    const Dimension& dim = *space.dims[dd];
    const std::vector<std::string>& texts = value_text[dd];
    std::int64_t at = v - (texts.empty() ? 0 : space.domain[dd].min());
    if (is_numeric(dim))
      buf += format_value(dim, v);
    else if (at >= 0 && static_cast<std::size_t>(at) < texts.size())
      buf += texts[static_cast<std::size_t>(at)];
    else
      buf += csv_field(format_value(dim, v));
  };
  std::vector<std::int64_t> point(names.size());
  std::vector<int> hold;  // the items that hold at the row's situation
  std::size_t line_no = 1;
  // A row that cannot be read is an error record in the stream; the run goes on.
  auto reject = [&](const std::string& why) {
    ++summary.rows;
    ++summary.bad;
    std::string message = fmt::format("line {}: {}", line_no, why);
    if (format == BatchFormat::jsonl) {
      buf += fmt::format("{{\"row\": {}, \"line\": {}, \"error\": {}}}\n", summary.rows, line_no, json_string(message));
    } else {
      // The values as written, in the output's column order, where the row has them all.
      std::vector<std::string> raw(names.size());
      if (fields.size() == column_dim.size())
        for (std::size_t c = 0; c < fields.size(); ++c) raw[static_cast<std::size_t>(column_dim[c])] = fields[c];
      for (const std::string& v : raw) buf += csv_field(v) + ",";
      buf += ",,,,,," + csv_field(message) + "\n";
    }
  };
  while (std::getline(in, line)) {
    ++line_no;
    if (line.empty() || line == "\r") continue;
    if (!split_csv(line, fields)) {
      fields.clear();
      reject("an opening quote is never closed");
      continue;
    }
    if (fields.size() != column_dim.size()) {
      reject(fmt::format("{} values for {} columns", fields.size(), column_dim.size()));
      continue;
    }
    std::string bad;
    for (std::size_t c = 0; c < fields.size() && bad.empty(); ++c) {
      Expected<std::int64_t> v = parse_point(fields[c], *space.dims[static_cast<std::size_t>(column_dim[c])]);
      if (!v) bad = v.error();
      else point[static_cast<std::size_t>(column_dim[c])] = *v;
    }
    if (!bad.empty()) {
      reject(bad);
      continue;
    }
    index.matching(point, hold);
    Decision d = decide_among(policy, hold);
    if (format == BatchFormat::jsonl) {
      Answer answer = answer_among(policy, hold);
      writer.json(buf, d, &answer);
      buf += '\n';
    } else {
      for (std::size_t dd = 0; dd < names.size(); ++dd) {
        append_value(dd, point[dd]);
        buf += ',';
      }
      writer.csv(buf, d);
      buf.back() = ',';  // the empty error column
      buf += '\n';
    }
    ++summary.rows;
    if (buf.size() > (1 << 20) - 4096) {
      std::fwrite(buf.data(), 1, buf.size(), out);
      buf.clear();
    }
  }
  std::fwrite(buf.data(), 1, buf.size(), out);
  return summary;
}

}  // namespace leeway
