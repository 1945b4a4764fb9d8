// A region: a set of situations as a reader sees it, one entry per dimension
// in the dimension's own units (days, amounts, value names). Diagnostics,
// query answers and documents carry regions; this file also says them in words.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "compiler/core/words.hpp"

namespace leeway {

// One dimension of a region, already in the units a reader sees. Its words
// are views of the manifest's (or of string literals): a conflict-heavy
// repository holds a million entries, and the repository outlives them all.
struct RegionEntry {
  enum class Type : std::uint8_t { integer, money, enumeration, boolean };
  std::string_view dimension;
  std::string_view title;  // for words: the dimension's title, "" for its name
  Type type = Type::integer;
  bool full = false;                           // the whole domain of the dimension
  std::int64_t lo = 0, hi = 0;                 // integer: the values; money: cents
  std::vector<std::string_view> values;        // enum: value names; bool: "false"/"true"
  std::vector<std::string_view> value_titles;  // for words: parallel to values, "" where there is none
  std::string_view unit;                       // for words: "days"
};
using Region = std::vector<RegionEntry>;

// "days since purchase: 31 to 60 days; customer tier: gold or platinum";
// "every situation" when no entry narrows it.
std::string region_in_words(const Region& r);

}  // namespace leeway
