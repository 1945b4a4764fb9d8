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

// One dimension of a region, already in the units a reader sees.
struct RegionEntry {
  enum class Type { integer, money, enumeration, boolean };
  std::string dimension;
  std::string title;                  // for words: the dimension's title, "" for its name
  Type type = Type::integer;
  std::int64_t lo = 0, hi = 0;       // integer: the values; money: cents
  std::vector<std::string> values;   // enum: value names; bool: "false"/"true"
  std::vector<std::string> value_titles;  // for words: parallel to values, "" where there is none
  std::string unit;                  // for words: "days"
  bool full = false;                 // the whole domain of the dimension
};
using Region = std::vector<RegionEntry>;

// "days since purchase: 31 to 60 days; customer tier: gold or platinum";
// "every situation" when no entry narrows it.
std::string region_in_words(const Region& r);

}  // namespace leeway
