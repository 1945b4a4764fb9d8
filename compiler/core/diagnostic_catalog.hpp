// Every kind of diagnostic leeway reports, as a type: stages raise
// `DiagnosticKind::beyond_rule`, so a misspelt kind does not compile. The
// catalog gives each its stable name, code, severity and one-line summary;
// docs/diagnostics.md explains each (tests/unit/core/catalog_test.cpp holds
// the two together).
#pragma once
#include <cstdint>
#include <span>
#include <string_view>

namespace leeway {

enum class Severity { error, warning, note };
const char* severity_name(Severity s);

enum class DiagnosticKind : std::uint8_t {
  // Reading files
  unreadable_file,   // LW001
  invalid_encoding,  // LW002
  toml_syntax,       // LW003
  bad_front_matter,  // LW004
  link_outside,      // LW005
  // Shape of the TOML
  wrong_type,        // LW101
  missing_key,       // LW102
  unknown_key,       // LW103
  bad_id,            // LW104
  duplicate_id,      // LW105
  duplicate_value,   // LW106
  empty_list,        // LW107
  bad_map,           // LW108
  bad_waiver,        // LW109
  unused_waiver,     // LW110
  limit_exceeded,    // LW111
  conflicting_keys,  // LW112
  // Dimensions and roles
  unbounded_dimension,  // LW201
  bad_bounds,           // LW202
  bad_dimension_type,   // LW203
  role_cycle,           // LW204
  bad_amount,           // LW205
  ceiling_inversion,    // LW206
  // References
  unknown_dimension,   // LW301
  dimension_not_over,  // LW302
  unknown_outcome,     // LW303
  unknown_rule,        // LW304
  unknown_role,        // LW305
  unknown_exception,   // LW306
  bends_other_policy,  // LW307
  // Constraints
  bad_constraint,    // LW401
  empty_range,       // LW402
  out_of_domain,     // LW403
  money_precision,   // LW404
  integer_overflow,  // LW405
  unknown_value,     // LW406
  // Decision space (docs/format.md, "Meaning")
  gap,                  // LW501
  rule_conflict,        // LW502
  exception_conflict,   // LW503
  line_conflict,        // LW504
  crosses_line,         // LW505
  dead_exception,       // LW506
  beyond_rule,          // LW507
  no_bend,              // LW508
  unbounded_exception,  // LW509
  authority_exceeded,   // LW510
  rule_crosses_line,    // LW511
  overrides_rule,       // LW512
  internal,             // LW999
};

struct DiagnosticInfo {
  DiagnosticKind kind;
  std::string_view name;  // "rule-conflict": the kind as JSON, SARIF and [[waive]] write it
  std::string_view code;  // "LW502"
  Severity severity;
  std::string_view summary;  // one line for listings and SARIF rules
};

// Every entry, in code order (the order of the enum).
std::span<const DiagnosticInfo> diagnostic_catalog();
const DiagnosticInfo& diagnostic_info(DiagnosticKind kind);
inline std::string_view kind_name(DiagnosticKind kind) { return diagnostic_info(kind).name; }
inline Severity kind_severity(DiagnosticKind kind) { return diagnostic_info(kind).severity; }
// The entry for a code ("LW507") or name ("beyond-rule"), as users write
// them (leeway explain, [[waive]]), in any case; null if there is none.
const DiagnosticInfo* find_diagnostic(std::string_view code_or_name);

}  // namespace leeway
