// A diagnostic: what is wrong, where, and how to fix it. Plain data, produced by
// every stage and rendered by diagnostic_render.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "compiler/source_file.hpp"

namespace leeway {

enum class Severity { error, warning, note };
const char* severity_name(Severity s);

// One dimension of a region, already in the units a reader sees.
struct RegionEntry {
  enum class Type { integer, money, enumeration, boolean };
  std::string dimension;
  Type type = Type::integer;
  std::int64_t lo = 0, hi = 0;       // integer: the values; money: cents
  std::vector<std::string> values;   // enum: value names; bool: "false"/"true"
  std::string unit;                  // for words: "days"
  bool full = false;                 // the whole domain of the dimension
};
using Region = std::vector<RegionEntry>;

struct Note {
  Pos pos;
  std::string message;
};

struct Diagnostic {
  std::string kind;  // stable name from the catalog: "rule-conflict", "unknown-key"
  Severity severity = Severity::error;
  std::string message;  // one line
  Pos pos;
  std::string policy;               // the policy id, where there is one
  std::vector<std::string> items;   // qualified item ids
  std::optional<Region> region;
  std::string example;              // an example situation inside the region, in words
  std::string hint;                 // how to fix it
  std::vector<Note> notes;          // related places ("first defined here")
  std::string waived;               // the reason of the [[waive]] that suppresses it; empty: in force
};

// Collects diagnostics from the stages; one run reports every problem it finds.
class Diagnostics {
 public:
  Diagnostic& add(std::string kind, Pos pos, std::string message, std::string hint = {});
  void append(std::vector<Diagnostic> more);
  const std::vector<Diagnostic>& all() const { return list_; }
  std::vector<Diagnostic>& all() { return list_; }
  // Diagnostics in force (not waived) of that severity.
  std::size_t count(Severity s) const;
  std::size_t waived() const;
  bool has_errors() const { return count(Severity::error) > 0; }
  // A stable order: by file, line, column, then kind and message.
  void sort();

 private:
  std::vector<Diagnostic> list_;
};

}  // namespace leeway
