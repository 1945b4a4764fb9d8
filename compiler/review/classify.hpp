// Case review: each judgment call of a case log held against the policy at
// its situation, in one of eight classes, the first that applies
// (docs/case-review.md; ../shared/spec/cases.md): invalid, silent, crosses-line,
// rule, exception, above-ceiling, beyond-authority, off-policy. Classifying
// looks the situation up in the policy's compiled decision index; nothing
// is scanned per case, and nothing is allocated per case once the first
// cases have sized the buffers.
#pragma once
#include <array>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "compiler/analysis/compile.hpp"
#include "compiler/query/decision_index.hpp"
#include "compiler/review/case_log.hpp"

namespace leeway {

enum class CaseClass { invalid, silent, crosses_line, rule, exception, above_ceiling, beyond_authority, off_policy };
inline constexpr std::size_t kCaseClasses = 8;
const char* case_class_name(CaseClass c);
inline std::size_t class_index(CaseClass c) { return static_cast<std::size_t>(c); }

enum class QuestionAnswer { unanswered, yes, no };
inline constexpr std::size_t kQuestions = 3;  // cared_for, cost_effective, loyalty
const char* question_name(std::size_t q);

// Is `d` a day of the calendar written YYYY-MM-DD?
bool valid_date(std::string_view d);

struct CaseResult {
  std::size_t row = 0;
  CaseClass cls = CaseClass::invalid;
  // As written in the log ("" where the column is missing).
  std::string id, policy_text, given_text, by_text, staff, date, note;
  int policy = -1, given = -1, by = -1;  // resolved: policy, outcome and role indices (-1 when invalid)
  std::optional<std::int64_t> cost;      // cents
  std::array<QuestionAnswer, kQuestions> questions{};
  std::vector<std::int64_t> point;           // the situation, in the policy's `over` order
  int normal = -1;                           // the normal answer's outcome; -1: none, or no single one
  int exception = -1;                        // item index: the exception of exception / above-ceiling / beyond-authority
  int ask = -1;                              // role to ask (beyond-authority)
  int line = -1;                             // item index: the line crossed (crosses-line)
  bool over_role_ceiling = false;            // above-ceiling: the role's own max_cost, not (only) the exception's
  std::string reason;                        // a sentence for a person
  const std::string* reason_json = nullptr;  // the same as a JSON string, when the classifier has it made already
};

class CaseClassifier {
 public:
  explicit CaseClassifier(const Compilation& comp);
  ~CaseClassifier();
  // Maps the log's columns (again whenever JSON Lines brings new keys).
  void set_columns(const std::vector<std::string>& columns);
  // The columns that are none of the contract's (reported once as a warning).
  std::vector<std::string> unknown_columns() const;
  // The required columns the log lacks (CSV: a header without them cannot be reviewed).
  std::vector<std::string> missing_columns() const;
  void classify(const CaseRecord& record, CaseResult& out);
  const Compilation& compilation() const { return comp_; }

 private:
  struct PolicyData;
  const Compilation& comp_;
  std::vector<std::unique_ptr<PolicyData>> policies_;
  std::vector<std::string> columns_;
  std::vector<int> dim_column_;  // manifest dimension -> column, -1 when absent
  int col_case_ = -1, col_policy_ = -1, col_given_ = -1, col_by_ = -1, col_staff_ = -1, col_date_ = -1, col_cost_ = -1, col_note_ = -1;
  std::array<int, kQuestions> col_question_{-1, -1, -1};
  std::vector<int> hold_;  // scratch
  // The reason sentences, made once for each class, policy and item or role they name.
  std::unordered_map<std::uint64_t, std::pair<std::string, std::string>> reasons_;  // the sentence, and as JSON
  void reason(CaseResult& out, CaseClass cls, int policy, int a, int b, const std::function<std::string()>& make);
  // The steps of classify, in order; each but the last false when it has
  // settled the case (invalid, silent, crosses-line, rule), its reason given.
  bool read_fields(const CaseRecord& rec, CaseResult& out);     // case, policy, given, by, date, cost, the questions
  bool read_situation(const CaseRecord& rec, CaseResult& out);  // the point, in the policy's dimensions
  bool find_normal(CaseResult& out);                            // the items that hold (hold_) and the normal answer
  bool check_lines(CaseResult& out);                            // a line crossed
  void classify_exception(CaseResult& out);                     // exception, above-ceiling, beyond-authority, off-policy
};

}  // namespace leeway
