#include "compiler/core/values.hpp"

#include <fmt/format.h>

namespace leeway {

std::int64_t middle_value(const Dimension& dim, std::int64_t lo, std::int64_t hi) {
  std::int64_t v = lo + (hi - lo) / 2;
  if (dim.type != DimType::money) return v;
  std::int64_t whole = v - ((v % kCentsPerUnit) + kCentsPerUnit) % kCentsPerUnit;
  return whole >= lo ? whole : v;
}

std::string format_money(std::int64_t cents) {
  bool neg = cents < 0;
  std::uint64_t c = neg ? 0 - static_cast<std::uint64_t>(cents) : static_cast<std::uint64_t>(cents);
  constexpr auto per_unit = static_cast<std::uint64_t>(kCentsPerUnit);
  std::string s = fmt::format("{}{}", neg ? "-" : "", c / per_unit);
  std::uint64_t frac = c % per_unit;
  if (frac == 0) return s;
  return fmt::format("{}.{:02}", s, frac);
}

std::string format_value(const Dimension& dim, std::int64_t v) {
  switch (dim.type) {
    case DimType::integer: return std::to_string(v);
    case DimType::money: return format_money(v);
    case DimType::enumeration:
      return v >= 0 && static_cast<std::size_t>(v) < dim.values.size() ? dim.values[static_cast<std::size_t>(v)] : "?";
    case DimType::boolean: return v ? "true" : "false";
  }
  return std::to_string(v);
}

}  // namespace leeway
