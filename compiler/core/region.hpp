// A region: a set of situations as a reader sees it, one entry per dimension
// in the dimension's own units (days, amounts, value names). Diagnostics,
// query answers and documents carry regions; this file also says them in words.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace leeway {

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

// "days since purchase: 31 to 60 days; customer tier: gold or platinum";
// "every situation" when no entry narrows it.
std::string region_in_words(const Region& r);
// "an integer", "a supervisor": the word with its indefinite article.
std::string with_article(std::string_view word);
// "gold", "gold or platinum", "standard, gold or platinum".
std::string or_list(const std::vector<std::string>& words);
// A dimension's name as a reader says it: "days since purchase".
std::string name_in_words(std::string_view dimension);

}  // namespace leeway
