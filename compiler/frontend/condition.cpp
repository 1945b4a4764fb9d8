#include "compiler/frontend/condition.hpp"
#include "compiler/core/values.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "compiler/core/suggest.hpp"
#include "compiler/frontend/toml_reader.hpp"

namespace leeway {
namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// Reports a number problem; returns false when the number is unusable.
bool check_number(NumberError e, std::string_view text, const Dimension& dim, const Pos& pos, Diagnostics& diags) {
  switch (e) {
    case NumberError::none: return true;
    case NumberError::too_precise:
      if (dim.type != DimType::money) {
        diags.add(DiagnosticKind::bad_constraint, pos, fmt::format("`{}` is not a whole number", text),
                  fmt::format("`{}` is {} dimension: write whole numbers, such as \"0..1\"", dim.name, with_article(dim_type_name(dim.type))));
        return false;
      }
      diags.add(DiagnosticKind::money_precision, pos, fmt::format("`{}` has more than two fraction digits", text),
                fmt::format("`{}` is money, counted in cents: round it to two fraction digits", dim.name));
      return false;
    case NumberError::overflow:
      diags.add(DiagnosticKind::integer_overflow, pos, fmt::format("`{}` is too large to represent", text),
                fmt::format("`{}` runs from {} to {}", dim.name, format_value(dim, dim.lo()), format_value(dim, dim.hi())));
      return false;
    case NumberError::syntax:
      diags.add(DiagnosticKind::bad_constraint, pos, fmt::format("`{}` is not {} value or range", text, with_article(dim_type_name(dim.type))),
                dim.type == DimType::money
                    ? std::string("write an amount (`19.99`) or a range: \"10..50\", \"31..\" (up to max) or \"..60\" (from min)")
                    : std::string("write a whole number (`45`) or a range: \"31..60\", \"31..\" (up to max) or \"..60\" (from min)"));
      return false;
  }
  return false;
}

std::optional<ParsedConstraint> parse_range(std::string_view raw, const Dimension& dim, const Pos& pos, Diagnostics& diags) {
  std::string_view text = trim(raw);
  std::size_t dots = text.find("..");
  std::int64_t lo = dim.lo(), hi = dim.hi();
  ParsedConstraint out;
  if (dots == std::string_view::npos) {
    std::int64_t v = 0;
    if (!check_number(parse_scaled(text, fraction_digits(dim), v), text, dim, pos, diags)) return std::nullopt;
    lo = hi = v;
  } else {
    std::string_view a = trim(text.substr(0, dots)), b = trim(text.substr(dots + 2));
    if (a.empty() && b.empty()) {
      check_number(NumberError::syntax, text, dim, pos, diags);
      return std::nullopt;
    }
    bool ok = true;
    if (!a.empty()) ok = check_number(parse_scaled(a, fraction_digits(dim), lo), a, dim, pos, diags) && ok;
    if (!b.empty()) ok = check_number(parse_scaled(b, fraction_digits(dim), hi), b, dim, pos, diags) && ok;
    if (!ok) return std::nullopt;
    out.open_ended = a.empty() || b.empty();
  }
  if (lo > hi) {
    diags.add(DiagnosticKind::empty_range, pos,
              fmt::format("the range \"{}\" is empty: {} is above {}", text, format_value(dim, lo), format_value(dim, hi)),
              fmt::format("write the low end first: \"{}..{}\"", format_value(dim, hi), format_value(dim, lo)));
    return std::nullopt;
  }
  if (lo < dim.lo() || hi > dim.hi()) {
    diags.add(DiagnosticKind::out_of_domain, pos,
              fmt::format("\"{}\" reaches outside `{}`, which runs from {} to {}", text, dim.name, format_value(dim, dim.lo()),
                          format_value(dim, dim.hi())),
              fmt::format("keep the range within {}..{}, or widen the dimension's min and max in leeway.toml", format_value(dim, dim.lo()),
                          format_value(dim, dim.hi())));
    return std::nullopt;
  }
  out.set = ValueSet::range(lo, hi);
  return out;
}

std::optional<ParsedConstraint> parse_number_node(const toml::node& value, const Dimension& dim, const SourceFile& file, Diagnostics& diags) {
  Pos pos = pos_of(file, value.source());
  if (value.is_string()) return parse_range(*value.value<std::string>(), dim, pos, diags);
  if (value.is_integer() || (value.is_floating_point() && dim.type == DimType::money))
    return parse_range(raw_value_text(file, value), dim, pos, diags);
  if (value.is_floating_point()) {
    diags.add(DiagnosticKind::bad_constraint, pos,
              fmt::format("`{}` is an integer dimension; `{}` is not a whole number", dim.name, raw_value_text(file, value)),
              "write a whole number or a range such as \"31..60\"");
    return std::nullopt;
  }
  diags.add(DiagnosticKind::wrong_type, pos,
            fmt::format("a condition on `{}` must be a number or a range string, not {}", dim.name, toml_type_name(value.type())),
            "write `45` for one value or \"31..60\" for a range");
  return std::nullopt;
}

std::optional<ParsedConstraint> parse_enum_node(const toml::node& value, const Dimension& dim, const SourceFile& file, Diagnostics& diags) {
  std::vector<std::int64_t> picked;
  bool ok = true;
  auto one = [&](const toml::node& n) {
    Pos pos = pos_of(file, n.source());
    if (!n.is_string()) {
      diags.add(DiagnosticKind::wrong_type, pos, fmt::format("a value of `{}` must be a string, not {}", dim.name, toml_type_name(n.type())),
                "put the value in double quotes");
      ok = false;
      return;
    }
    std::string v = *n.value<std::string>();
    auto it = std::find(dim.values.begin(), dim.values.end(), v);
    if (it == dim.values.end()) {
      std::string hint = did_you_mean(v, dim.values);
      diags.add(DiagnosticKind::unknown_value, pos, fmt::format("`{}` is not a value of `{}`", v, dim.name),
                hint.empty() ? fmt::format("add \"{}\" to the values of `{}` in leeway.toml", v, dim.name) : hint);
      ok = false;
      return;
    }
    picked.push_back(it - dim.values.begin());
  };
  if (const toml::array* a = value.as_array()) {
    if (a->empty()) {
      diags.add(DiagnosticKind::empty_list, pos_of(file, value.source()), fmt::format("the condition on `{}` lists no value", dim.name),
                "name at least one value, or remove the condition to allow every value");
      return std::nullopt;
    }
    for (const auto& el : *a) one(el);
  } else {
    one(value);
  }
  if (!ok) return std::nullopt;
  return ParsedConstraint{ValueSet::of(std::move(picked)), false};
}

std::optional<ParsedConstraint> parse_bool_node(const toml::node& value, const Dimension& dim, const SourceFile& file, Diagnostics& diags) {
  std::vector<std::int64_t> picked;
  auto bad = [&](const toml::node& n) {
    diags.add(DiagnosticKind::wrong_type, pos_of(file, n.source()),
              fmt::format("a condition on `{}` must be true or false, not {}", dim.name, toml_type_name(n.type())),
              n.is_string() ? "write true or false without quotes" : "write true or false");
    return std::nullopt;
  };
  if (const toml::array* a = value.as_array()) {
    if (a->empty()) {
      diags.add(DiagnosticKind::empty_list, pos_of(file, value.source()), fmt::format("the condition on `{}` lists no value", dim.name),
                "write true or false, or remove the condition");
      return std::nullopt;
    }
    for (const auto& el : *a) {
      if (!el.is_boolean()) return bad(el);
      picked.push_back(*el.value<bool>() ? 1 : 0);
    }
  } else {
    if (!value.is_boolean()) return bad(value);
    picked.push_back(*value.value<bool>() ? 1 : 0);
  }
  return ParsedConstraint{ValueSet::of(std::move(picked)), false};
}

}  // namespace

std::optional<ParsedConstraint> parse_constraint(const toml::node& value, const Dimension& dim, const SourceFile& file, Diagnostics& diags) {
  switch (dim.type) {
    case DimType::integer:
    case DimType::money: return parse_number_node(value, dim, file, diags);
    case DimType::enumeration: return parse_enum_node(value, dim, file, diags);
    case DimType::boolean: return parse_bool_node(value, dim, file, diags);
  }
  return std::nullopt;
}

Expected<std::int64_t> parse_point(std::string_view raw, const Dimension& dim) {
  std::string_view text = trim(raw);
  switch (dim.type) {
    case DimType::integer:
    case DimType::money: {
      std::int64_t v = 0;
      NumberError e = parse_scaled(text, fraction_digits(dim), v);
      if (e == NumberError::too_precise && dim.type == DimType::money)
        return Failure{fmt::format("`{}={}`: money has at most two fraction digits", dim.name, text)};
      if (e != NumberError::none)
        return Failure{fmt::format("`{}={}`: not {}", dim.name, text, dim.type == DimType::money ? "an amount" : "a whole number")};
      if (v < dim.lo() || v > dim.hi())
        return Failure{fmt::format("`{}={}` is outside its domain {}..{}", dim.name, text, format_value(dim, dim.lo()), format_value(dim, dim.hi()))};
      return v;
    }
    case DimType::enumeration: {
      auto it = std::find(dim.values.begin(), dim.values.end(), text);
      if (it == dim.values.end()) {
        std::string hint = did_you_mean(text, dim.values);
        return Failure{fmt::format("`{}` is not a value of `{}`{}{}", text, dim.name, hint.empty() ? "" : "; ", hint)};
      }
      return static_cast<std::int64_t>(it - dim.values.begin());
    }
    case DimType::boolean:
      if (text == "true") return std::int64_t{1};
      if (text == "false") return std::int64_t{0};
      return Failure{fmt::format("`{}={}`: write true or false", dim.name, text)};
  }
  return Failure{fmt::format("`{}` has no type", dim.name)};
}

}  // namespace leeway
