// A decision written as JSON (the object of `leeway query --format json`) or as a CSV row.
// The text of every outcome, item and role is escaped once per policy, so
// writing a decision (a batch writes millions) only copies bytes.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "compiler/core/json_writer.hpp"

#include "compiler/query/answer.hpp"
#include "compiler/query/decision_index.hpp"

namespace leeway {

// A CSV field, quoted only where it must be (RFC 4180).
std::string csv_field(std::string_view s);

class DecisionWriter {
 public:
  DecisionWriter(const Repository& repo, const Policy& policy);
  // {"policy": ..., "outcome": ..., ...}, one line, no newline; with the
  // leeway's keys (normal, options, lines) after them where `a` is given,
  // as `leeway query --format json` writes them without --as.
  void json(std::string& out, const Decision& d, const Answer* a = nullptr) const;
  // outcome,decided_by,items,granted_by,max_cost,conflict and a newline.
  void csv(std::string& out, const Decision& d) const;

 private:
  void answer_keys(JsonWriter& w, const Answer& a) const;
  void items(JsonWriter& w, const std::vector<int>& list) const;
  const Policy& policy_;
  std::vector<std::string> forbids_json_;  // per item: a forbidding line's outcomes as a JSON list, else "null"
  std::string policy_json_;
  std::vector<std::string> outcome_json_, outcome_csv_, item_json_, item_csv_, role_json_, role_csv_;
};

}  // namespace leeway
