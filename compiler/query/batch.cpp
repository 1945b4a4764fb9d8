#include "compiler/query/batch.hpp"

#include <algorithm>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "compiler/core/csv_reader.hpp"
#include "compiler/core/json_writer.hpp"
#include "compiler/core/suggest.hpp"
#include "compiler/core/values.hpp"
#include "compiler/frontend/condition.hpp"
#include "compiler/query/decision_writer.hpp"

namespace leeway {
namespace {

// The header row: for each column, the dimension it holds.
Expected<std::vector<int>> read_header(CsvReader& csv, const Policy& policy, const std::vector<std::string>& names) {
  std::vector<std::string> fields;
  std::string error;
  if (!csv.next(fields, error)) return Failure{"the batch file is empty: it needs a header row of dimension names"};
  if (!error.empty()) return Failure{fmt::format("line {}: {}", csv.line(), error)};
  if (!fields.empty() && fields[0].rfind("\xEF\xBB\xBF", 0) == 0) fields[0].erase(0, 3);
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
  return column_dim;
}

// The rows after the header, each a decision or an error record, written
// into a buffer that goes out a megabyte at a time.
class BatchRun {
 public:
  BatchRun(const Repository& repo, const Policy& policy, const DecisionIndex& index, std::vector<int> column_dim, std::FILE* out, BatchFormat format)
      : policy_(policy),
        index_(index),
        space_(index.space()),
        names_(space_dimension_names(space_)),
        column_dim_(std::move(column_dim)),
        writer_(repo, policy),
        out_(out),
        format_(format),
        point_(names_.size()) {
    buf_.reserve(1 << 20);
    if (format_ == BatchFormat::csv) write_csv_header();
  }

  // One record as the reader gave it.
  void row(const std::vector<std::string>& fields, const std::string& error, std::size_t line) {
    line_ = line;
    if (!error.empty()) return reject({}, error);
    if (fields.size() != column_dim_.size()) return reject(fields, fmt::format("{} values for {} columns", fields.size(), column_dim_.size()));
    for (std::size_t c = 0; c < fields.size(); ++c) {
      Expected<std::int64_t> v = parse_point(fields[c], *space_.dims[static_cast<std::size_t>(column_dim_[c])]);
      if (!v) return reject(fields, v.error());
      point_[static_cast<std::size_t>(column_dim_[c])] = *v;
    }
    decide();
    if (buf_.size() > (1 << 20) - 4096) flush();
  }

  BatchSummary finish() {
    flush();
    return summary_;
  }

 private:
  void write_csv_header() {
    for (const auto& n : names_) buf_ += n + ",";
    buf_ += "outcome,decided_by,items,granted_by,max_cost,conflict,error\n";
    // Each enum's and bool's values as the CSV writes them, quoted once here
    // (a million rows a second); numbers never need quoting.
    value_text_.resize(names_.size());
    for (std::size_t d = 0; d < names_.size(); ++d)
      if (!is_numeric(*space_.dims[d]))
        for (std::int64_t v = space_.domain[d].min(); v <= space_.domain[d].max(); ++v)
          value_text_[d].push_back(csv_field(format_value(*space_.dims[d], v)));
  }

  void append_value(std::size_t d, std::int64_t v) {
    const Dimension& dim = *space_.dims[d];
    const std::vector<std::string>& texts = value_text_[d];
    std::int64_t at = v - (texts.empty() ? 0 : space_.domain[d].min());
    if (is_numeric(dim))
      buf_ += format_value(dim, v);
    else if (at >= 0 && static_cast<std::size_t>(at) < texts.size())
      buf_ += texts[static_cast<std::size_t>(at)];
    else
      buf_ += csv_field(format_value(dim, v));
  }

  void decide() {
    index_.matching(point_, hold_);
    Decision d = decide_among(policy_, hold_);
    if (format_ == BatchFormat::jsonl) {
      Answer answer = answer_among(policy_, hold_);
      writer_.json(buf_, d, &answer);
      buf_ += '\n';
    } else {
      for (std::size_t dd = 0; dd < names_.size(); ++dd) {
        append_value(dd, point_[dd]);
        buf_ += ',';
      }
      writer_.csv(buf_, d);
      buf_.back() = ',';  // the empty error column
      buf_ += '\n';
    }
    ++summary_.rows;
  }

  // A row that cannot be read is an error record in the stream; the run goes on.
  void reject(const std::vector<std::string>& fields, const std::string& why) {
    ++summary_.rows;
    ++summary_.bad;
    std::string message = fmt::format("line {}: {}", line_, why);
    if (format_ == BatchFormat::jsonl) {
      JsonWriter w(buf_, JsonWriter::Layout::line);
      w.begin_object().plain_key("row").integer(summary_.rows).plain_key("line").integer(line_).plain_key("error").string(message).end_object();
      w.raw("\n");
      return;
    }
    // The values as written, in the output's column order, where the row has them all.
    std::vector<std::string> raw(names_.size());
    if (fields.size() == column_dim_.size())
      for (std::size_t c = 0; c < fields.size(); ++c) raw[static_cast<std::size_t>(column_dim_[c])] = fields[c];
    for (const std::string& v : raw) buf_ += csv_field(v) + ",";
    buf_ += ",,,,,," + csv_field(message) + "\n";
  }

  void flush() {
    std::fwrite(buf_.data(), 1, buf_.size(), out_);
    buf_.clear();
  }

  const Policy& policy_;
  const DecisionIndex& index_;
  const PolicySpace& space_;
  std::vector<std::string> names_;
  std::vector<int> column_dim_;
  DecisionWriter writer_;
  std::FILE* out_;
  BatchFormat format_;
  std::vector<std::vector<std::string>> value_text_;
  std::vector<std::int64_t> point_;
  std::vector<int> hold_;  // the items that hold at the row's situation
  std::string buf_;
  std::size_t line_ = 0;
  BatchSummary summary_;
};

}  // namespace

Expected<BatchSummary> run_batch(const Repository& repo, const Policy& policy, const DecisionIndex& index, std::istream& in, std::FILE* out,
                                 BatchFormat format) {
  // A record is a line: a quote left open ends with it, not with the next row.
  CsvReader csv(in, CsvReader::Options{.line_breaks_in_quotes = false});
  Expected<std::vector<int>> column_dim = read_header(csv, policy, space_dimension_names(index.space()));
  if (!column_dim) return Failure{column_dim.error()};
  BatchRun run(repo, policy, index, std::move(*column_dim), out, format);
  std::vector<std::string> fields;
  std::string error;
  while (csv.next(fields, error)) run.row(fields, error, csv.line());
  return run.finish();
}

}  // namespace leeway
