// A dimension's values on the integer line (enum values by index, bool as
// 0/1, money as cents): which dimensions are ordered numbers, a typical value
// of a range, and each value as a policy writes it.
#pragma once
#include <cstdint>
#include <string>

#include "compiler/core/model.hpp"
#include "compiler/core/value_set.hpp"

namespace leeway {

// Integer and money dimensions are ordered numbers: they have ranges, edges
// and middles. Enum and bool dimensions are sets of named values.
inline bool is_numeric(DimType t) { return t == DimType::integer || t == DimType::money; }
inline bool is_numeric(const Dimension& dim) { return is_numeric(dim.type); }
// How many fraction digits a value of `dim` may have: 2 for money, else 0.
inline int fraction_digits(const Dimension& dim) { return dim.type == DimType::money ? kMoneyFractionDigits : 0; }

// A typical value of the interval [lo, hi] of `dim`: its middle, moved down to
// a whole amount of money where one lies inside ("150", not "150.37").
std::int64_t middle_value(const Dimension& dim, std::int64_t lo, std::int64_t hi);

// A money amount in cents as a decimal: "200", "19.90", "19.99".
std::string format_money(std::int64_t cents);
// A value of the integer encoding as a policy writes it: "19.99", "gold", "true".
std::string format_value(const Dimension& dim, std::int64_t v);

}  // namespace leeway
