#include "compiler/diagnostic_catalog.hpp"

namespace leeway {

const std::vector<DiagnosticKind>& diagnostic_kinds() {
  using S = Severity;
  static const std::vector<DiagnosticKind> kinds = {
      // Reading files
      {"unreadable-file", "LW001", S::error, "a file of the repository cannot be read"},
      {"invalid-encoding", "LW002", S::error, "a file is not clean UTF-8 (invalid bytes or a NUL byte)"},
      {"toml-syntax", "LW003", S::error, "a file is not valid TOML"},
      {"bad-front-matter", "LW004", S::error, "a story does not start with TOML front matter between +++ lines"},
      {"link-outside", "LW005", S::error, "a symbolic link points outside the repository"},
      // Shape of the TOML
      {"wrong-type", "LW101", S::error, "a key holds a value of the wrong type"},
      {"missing-key", "LW102", S::error, "a required key is missing"},
      {"unknown-key", "LW103", S::error, "a key that the format does not know"},
      {"bad-id", "LW104", S::error, "an id is empty or uses characters other than letters, digits, '_' and '-'"},
      {"duplicate-id", "LW105", S::error, "two things of the same kind share an id"},
      {"duplicate-value", "LW106", S::error, "a list names the same value twice"},
      {"empty-list", "LW107", S::error, "a list that must name at least one value is empty"},
      {"bad-map", "LW108", S::error, "a policy's `map` names other than one or two dimensions"},
      {"bad-waiver", "LW109", S::error, "a [[waive]] names an unknown code or item, or gives no reason"},
      {"unused-waiver", "LW110", S::warning, "a [[waive]] matches no diagnostic: it waives nothing"},
      {"limit-exceeded", "LW111", S::error, "a file, string, policy or list of diagnostics is over one of leeway's limits"},
      // Dimensions and roles
      {"unbounded-dimension", "LW201", S::error, "an integer or money dimension lacks min or max"},
      {"bad-bounds", "LW202", S::error, "a dimension's min is above its max, or a bound is out of range"},
      {"bad-dimension-type", "LW203", S::error, "a dimension's type is not integer, money, enum or bool"},
      {"role-cycle", "LW204", S::error, "roles report to each other in a cycle"},
      {"bad-amount", "LW205", S::error, "an amount of money is negative or has more than two fraction digits"},
      // References
      {"unknown-dimension", "LW301", S::error, "a name that is not a dimension of the manifest"},
      {"dimension-not-over", "LW302", S::error, "a condition names a dimension outside the policy's `over`"},
      {"unknown-outcome", "LW303", S::error, "`then` names an outcome the policy does not list"},
      {"unknown-rule", "LW304", S::error, "`bends` names no rule"},
      {"unknown-role", "LW305", S::error, "`granted_by` or `reports_to` names no role"},
      {"unknown-exception", "LW306", S::error, "a story's `teaches` names no exception"},
      // Constraints
      {"bad-constraint", "LW401", S::error, "a constraint is not of the form its dimension's type takes"},
      {"empty-range", "LW402", S::error, "a range whose low end is above its high end"},
      {"out-of-domain", "LW403", S::error, "a value or range outside the dimension's min..max"},
      {"money-precision", "LW404", S::error, "money with more than two fraction digits"},
      {"integer-overflow", "LW405", S::error, "a number too large to represent"},
      {"unknown-value", "LW406", S::error, "a value that is not one of the enum's values"},
      // Decision space (sections 4 and 5 of the contract)
      {"gap", "LW501", S::error, "situations decided by no rule and no line: the line is never stated there"},
      {"rule-conflict", "LW502", S::error, "two rules overlap and their outcomes differ"},
      {"exception-conflict", "LW503", S::error, "two exceptions overlap and their outcomes differ"},
      {"line-conflict", "LW504", S::error, "two lines overlap and their outcomes differ"},
      {"crosses-line", "LW505", S::error, "an exception overlaps a line and their outcomes differ"},
      {"dead-exception", "LW506", S::error, "an exception does not overlap the rule it bends"},
      {"beyond-rule", "LW507", S::warning, "an exception reaches outside the rule it bends"},
      {"no-bend", "LW508", S::warning, "an exception has the same outcome as the rule it bends"},
      {"unbounded-exception", "LW509", S::warning, "an exception states no line: no max_cost, or an open range"},
      {"authority-exceeded", "LW510", S::error, "an exception's max_cost is above its role's max_cost"},
      {"internal", "LW999", S::error, "leeway itself failed; please report it"},
  };
  return kinds;
}

const DiagnosticKind* find_diagnostic_kind(std::string_view code_or_kind) {
  for (const auto& k : diagnostic_kinds())
    if (k.code == code_or_kind || k.kind == code_or_kind) return &k;
  return nullptr;
}

const DiagnosticKind& diagnostic_kind(std::string_view kind) {
  for (const auto& k : diagnostic_kinds())
    if (k.kind == kind) return k;
  return diagnostic_kinds().back();
}

}  // namespace leeway
