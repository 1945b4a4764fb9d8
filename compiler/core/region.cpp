#include "compiler/core/region.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "compiler/core/values.hpp"

namespace leeway {
namespace {

std::string entry_words(const RegionEntry& e) {
  std::string name = e.title.empty() ? name_in_words(e.dimension) : std::string(e.title);
  auto num = [&](std::int64_t v) { return e.type == RegionEntry::Type::money ? format_money(v) : std::to_string(v); };
  std::string unit = e.unit.empty() ? "" : " " + std::string(e.unit);
  // Values as a person reads them: their titles where there are some.
  std::vector<std::string> values(e.values.begin(), e.values.end());
  for (std::size_t i = 0; i < values.size(); ++i)
    if (i < e.value_titles.size() && !e.value_titles[i].empty())
      values[i] = std::string(e.value_titles[i]);
    else if (e.type == RegionEntry::Type::boolean)
      values[i] = e.values[i] == "true" ? "yes" : "no";
  switch (e.type) {
    case RegionEntry::Type::integer:
    case RegionEntry::Type::money:
      if (e.lo == e.hi) return fmt::format("{}: exactly {}", name, e.unit.empty() ? num(e.lo) : unit_words(num(e.lo), e.lo, std::string(e.unit)));
      return fmt::format("{}: {} to {}{}", name, num(e.lo), num(e.hi), unit);
    case RegionEntry::Type::enumeration: return fmt::format("{}: {}", name, or_list(values));
    case RegionEntry::Type::boolean:
      if (values.size() == 1) return fmt::format("{}: {}", name, values[0]);
      return fmt::format("{}: {}", name, or_list({values.back(), values.front()}));  // "yes or no"
  }
  return name;
}

}  // namespace

std::string region_in_words(const Region& r) {
  std::string out;
  for (const auto& e : r) {
    if (e.full) continue;
    out += (out.empty() ? "" : "; ") + entry_words(e);
  }
  return out.empty() ? "every situation" : out;
}

}  // namespace leeway
