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
  // By hand: regions, examples and batch rows write hundreds of thousands.
  bool neg = cents < 0;
  std::uint64_t c = neg ? 0 - static_cast<std::uint64_t>(cents) : static_cast<std::uint64_t>(cents);
  constexpr auto per_unit = static_cast<std::uint64_t>(kCentsPerUnit);
  static_assert(per_unit == 100, "cents are written as two digits");
  fmt::format_int units(c / per_unit);
  std::string s;
  s.reserve(units.size() + 4);
  if (neg) s += '-';
  s.append(units.data(), units.size());
  if (std::uint64_t frac = c % per_unit) {
    s += '.';
    s += static_cast<char>('0' + frac / 10);
    s += static_cast<char>('0' + frac % 10);
  }
  return s;
}

std::string format_value(const Dimension& dim, std::int64_t v) {
  switch (dim.type) {
    case DimType::integer: return fmt::format_int(v).str();
    case DimType::money: return format_money(v);
    case DimType::enumeration: return v >= 0 && static_cast<std::size_t>(v) < dim.values.size() ? dim.values[static_cast<std::size_t>(v)] : "?";
    case DimType::boolean: return v ? "true" : "false";
  }
  return std::to_string(v);
}

}  // namespace leeway
