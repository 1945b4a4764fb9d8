#include "compiler/core/diagnostic_catalog.hpp"

#include <algorithm>
#include <array>
#include <cctype>

namespace leeway {
namespace {

using K = DiagnosticKind;
using S = Severity;

constexpr auto kCatalog = std::to_array<DiagnosticInfo>({
    // Reading files
    {K::unreadable_file, "unreadable-file", "LW001", S::error, "a file of the repository cannot be read"},
    {K::invalid_encoding, "invalid-encoding", "LW002", S::error, "a file is not clean UTF-8 (invalid bytes or a NUL byte)"},
    {K::toml_syntax, "toml-syntax", "LW003", S::error, "a file is not valid TOML"},
    {K::bad_front_matter, "bad-front-matter", "LW004", S::error, "a story does not start with TOML front matter between +++ lines"},
    {K::link_outside, "link-outside", "LW005", S::error, "a symbolic link points outside the repository"},
    // Shape of the TOML
    {K::wrong_type, "wrong-type", "LW101", S::error, "a key holds a value of the wrong type"},
    {K::missing_key, "missing-key", "LW102", S::error, "a required key is missing"},
    {K::unknown_key, "unknown-key", "LW103", S::error, "a key that the format does not know"},
    {K::bad_id, "bad-id", "LW104", S::error, "an id is empty or uses characters other than letters, digits, '_' and '-'"},
    {K::duplicate_id, "duplicate-id", "LW105", S::error, "two things of the same kind share an id"},
    {K::duplicate_value, "duplicate-value", "LW106", S::error, "a list names the same value twice"},
    {K::empty_list, "empty-list", "LW107", S::error, "a list that must name at least one value is empty"},
    {K::bad_map, "bad-map", "LW108", S::error, "a policy's `map` names other than one or two dimensions"},
    {K::bad_waiver, "bad-waiver", "LW109", S::error, "a [[waive]] names an unknown code or item, or gives no reason"},
    {K::unused_waiver, "unused-waiver", "LW110", S::warning, "a [[waive]] matches no diagnostic: it waives nothing"},
    {K::limit_exceeded, "limit-exceeded", "LW111", S::error, "a file, string, policy or list of diagnostics is over one of leeway's limits"},
    {K::conflicting_keys, "conflicting-keys", "LW112", S::error,
     "a table holds two keys of which only one may be given (a line's `then` and `forbids`)"},
    // Dimensions and roles
    {K::unbounded_dimension, "unbounded-dimension", "LW201", S::error, "an integer or money dimension lacks min or max"},
    {K::bad_bounds, "bad-bounds", "LW202", S::error, "a dimension's min is above its max, or a bound is out of range"},
    {K::bad_dimension_type, "bad-dimension-type", "LW203", S::error, "a dimension's type is not integer, money, enum or bool"},
    {K::role_cycle, "role-cycle", "LW204", S::error, "roles report to each other in a cycle"},
    {K::bad_amount, "bad-amount", "LW205", S::error, "an amount of money is negative or has more than two fraction digits"},
    {K::ceiling_inversion, "ceiling-inversion", "LW206", S::warning, "a role's max_cost is below that of a role reporting to it"},
    // References
    {K::unknown_dimension, "unknown-dimension", "LW301", S::error, "a name that is not a dimension of the manifest"},
    {K::dimension_not_over, "dimension-not-over", "LW302", S::error, "a condition names a dimension outside the policy's `over`"},
    {K::unknown_outcome, "unknown-outcome", "LW303", S::error, "`then` names an outcome the policy does not list"},
    {K::unknown_rule, "unknown-rule", "LW304", S::error, "`bends` names no rule"},
    {K::unknown_role, "unknown-role", "LW305", S::error, "`granted_by` or `reports_to` names no role"},
    {K::unknown_exception, "unknown-exception", "LW306", S::error, "a story's `teaches` names no rule, exception or line"},
    {K::bends_other_policy, "bends-other-policy", "LW307", S::error, "`bends` names a rule of another policy"},
    // Constraints
    {K::bad_constraint, "bad-constraint", "LW401", S::error, "a constraint is not of the form its dimension's type takes"},
    {K::empty_range, "empty-range", "LW402", S::error, "a range whose low end is above its high end"},
    {K::out_of_domain, "out-of-domain", "LW403", S::error, "a value or range outside the dimension's min..max"},
    {K::money_precision, "money-precision", "LW404", S::error, "money with more than two fraction digits"},
    {K::integer_overflow, "integer-overflow", "LW405", S::error, "a number too large to represent"},
    {K::unknown_value, "unknown-value", "LW406", S::error, "a value that is not one of the enum's values"},
    // Decision space (docs/format.md, "Meaning"; docs/diagnostics.md)
    {K::gap, "gap", "LW501", S::error, "situations decided by no rule and no line: the line is never stated there"},
    {K::rule_conflict, "rule-conflict", "LW502", S::error, "two rules overlap and their outcomes differ"},
    {K::exception_conflict, "exception-conflict", "LW503", S::error, "two exceptions overlap and their outcomes differ"},
    {K::line_conflict, "line-conflict", "LW504", S::error, "two lines overlap and their outcomes differ, or one forbids what the other decides"},
    {K::crosses_line, "crosses-line", "LW505", S::error, "an exception overlaps a line that decides otherwise or forbids its outcome"},
    {K::dead_exception, "dead-exception", "LW506", S::error, "an exception does not overlap the rule it bends"},
    {K::beyond_rule, "beyond-rule", "LW507", S::warning, "an exception reaches outside the rule it bends"},
    {K::no_bend, "no-bend", "LW508", S::warning, "an exception has the same outcome as the rule it bends"},
    {K::unbounded_exception, "unbounded-exception", "LW509", S::warning, "an exception states no line: no max_cost, or an open range"},
    {K::authority_exceeded, "authority-exceeded", "LW510", S::error, "an exception's max_cost is above its role's max_cost"},
    {K::rule_crosses_line, "rule-crosses-line", "LW511", S::error, "a rule decides an outcome that a line forbids there"},
    {K::overrides_rule, "overrides-rule", "LW512", S::warning,
     "an exception also holds where another rule of its policy decides, and answers differently"},
    {K::internal, "internal", "LW999", S::error, "leeway itself failed; please report it"},
});

// The table is indexed by the enum: every kind has its row, in order.
constexpr bool indexed_by_kind() {
  for (std::size_t i = 0; i < kCatalog.size(); ++i)
    if (static_cast<std::size_t>(kCatalog[i].kind) != i) return false;
  return kCatalog.size() == static_cast<std::size_t>(K::internal) + 1;
}
static_assert(indexed_by_kind(), "diagnostic_catalog.cpp: one row per DiagnosticKind, in the enum's order");

}  // namespace

const char* severity_name(Severity s) {
  switch (s) {
    case Severity::error: return "error";
    case Severity::warning: return "warning";
    case Severity::note: return "note";
  }
  return "error";
}

std::span<const DiagnosticInfo> diagnostic_catalog() { return kCatalog; }

const DiagnosticInfo& diagnostic_info(DiagnosticKind kind) {
  auto i = static_cast<std::size_t>(kind);
  return i < kCatalog.size() ? kCatalog[i] : kCatalog.back();
}

const DiagnosticInfo* find_diagnostic(std::string_view code_or_name) {
  // As people type them: lw507, LW507, Beyond-Rule.
  auto same = [](std::string_view a, std::string_view b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
             return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
           });
  };
  for (const auto& k : kCatalog)
    if (same(k.code, code_or_name) || same(k.name, code_or_name)) return &k;
  return nullptr;
}

}  // namespace leeway
