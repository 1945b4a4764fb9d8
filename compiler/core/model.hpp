// The policy repository as plain data: what the loader produces, the resolver
// links, and analysis, the graph and the documents read.
#pragma once
#include <algorithm>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "compiler/core/diagnostic_catalog.hpp"
#include "compiler/core/source_file.hpp"
#include "compiler/core/value_set.hpp"

namespace leeway {

enum class DimType { integer, money, enumeration, boolean };
const char* dim_type_name(DimType t);

// Money is held exactly, as integer cents: two fraction digits.
constexpr std::int64_t kCentsPerUnit = 100;
constexpr int kMoneyFractionDigits = 2;

struct Dimension {
  std::string name;
  std::string title;                      // the words for people ("Days since purchase"); "" for none
  std::vector<std::string> value_titles;  // enum: one per value; bool: [false, true]; "" for none
  DimType type = DimType::integer;
  std::int64_t min = 0, max = 0;    // integer: values; money: cents
  std::vector<std::string> values;  // enum values, in declared order
  std::string unit, description;
  Pos pos;
  bool valid = false;  // fully declared; conditions over an invalid one are not checked

  // The dimension's domain on the integer line: enum values by index, bool as 0/1.
  std::int64_t lo() const;
  std::int64_t hi() const;
  ValueSet domain() const { return ValueSet::range(lo(), hi()); }
};

struct Role {
  std::string id, title;
  std::optional<std::int64_t> max_cost;  // cents; none: no ceiling stated
  std::string reports_to;
  Pos pos, reports_to_pos, max_cost_pos;
  int reports_to_index = -1;  // resolved
};

struct Manifest {
  std::string name, edition, currency = "USD";
  std::vector<Dimension> dimensions;
  std::vector<Role> roles;
  Pos pos;
  int dimension_index(const std::string& name) const;
  int role_index(const std::string& id) const;
};

enum class ItemKind { rule, exception, line };
const char* item_kind_name(ItemKind k);

// One entry of a `when` table, already converted to values of its dimension.
struct Constraint {
  int over_index = -1;  // position in the policy's `over`
  ValueSet set;
  bool open_ended = false;  // written as "31.." or "..60"
  Pos pos;
};

struct Why {
  std::string cared_for, cost_effective, loyalty;
  Pos pos;
  bool present = false;
};

struct Item {
  ItemKind kind = ItemKind::rule;
  std::string id, title, says, then;
  Pos pos, id_pos, then_pos;
  // lines only: a line either forces `then`, or forbids these outcomes
  // (`forbids = [...]`) and decides nothing itself.
  bool forbidding = false;
  std::vector<std::string> forbids;
  std::vector<int> forbidden;  // their indices into the policy's outcomes, sorted
  Pos forbids_pos;
  std::vector<Constraint> when;
  bool when_valid = true;  // every constraint parsed; otherwise analysis skips the item
  int outcome = -1;        // index into the policy's outcomes, resolved
  // exceptions only
  std::string bends, granted_by;
  Pos bends_pos, granted_by_pos, max_cost_pos;
  std::optional<std::int64_t> max_cost;  // cents
  bool max_cost_written = false;         // the key is there (even if its value was rejected)
  Why why;
  int bends_policy = -1, bends_item = -1;  // resolved
  int role = -1;                           // resolved
};

// Does `exception` cross `line` where both hold: the line forces another
// outcome, or forbids the exception's?
inline bool crosses(const Item& exception, const Item& line) {
  return line.forbidding ? std::binary_search(line.forbidden.begin(), line.forbidden.end(), exception.outcome) : line.outcome != exception.outcome;
}

// A [[waive]] entry: a diagnostic accepted on purpose, with the reason why.
struct Waiver {
  std::string code;                    // as written: "LW507" or "beyond-rule"
  std::optional<DiagnosticKind> kind;  // resolved; none when the code is unknown
  std::string item;                    // the item it names, qualified ("returns.grace-period")
  std::string reason;
  Pos pos;
  bool valid = false;
};

struct Policy {
  std::string id, title, owner, summary;
  std::string file;
  Pos pos;
  std::vector<int> over;  // manifest dimension indices
  std::vector<std::string> outcomes;
  std::vector<std::string> map;  // optional: the two dimensions its decision map is drawn over
  std::vector<Item> items;       // in file order
  std::vector<Waiver> waivers;
  std::vector<std::string> outcome_titles;  // one per outcome; "" for none
  bool valid = true;                        // its header parsed well enough to analyse it
  int item_index(const std::string& id) const;
};

struct StoryRef {
  std::string id;  // "policy.item" as written
  Pos pos;
  int policy = -1, item = -1;  // resolved
};

struct Story {
  std::string file, title, told_by, date, body;
  Pos pos;
  std::vector<StoryRef> teaches;
};

struct Repository {
  std::string root;
  Manifest manifest;
  std::vector<Policy> policies;
  std::vector<Story> stories;
  std::map<std::string, SourceFile> files;  // every file read, for rendering source lines
  int policy_index(const std::string& id) const;
  std::string qualified(int policy, int item) const;
};

}  // namespace leeway
