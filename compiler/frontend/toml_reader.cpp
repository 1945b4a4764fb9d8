#include "compiler/frontend/toml_reader.hpp"

#include <algorithm>
#include <limits>

#include <fmt/format.h>

#include "compiler/core/suggest.hpp"

namespace leeway {

Pos pos_of(const SourceFile& file, const toml::source_region& r) {
  return Pos{file.path(), static_cast<int>(r.begin.line), static_cast<int>(r.begin.column)};
}

const char* toml_type_name(toml::node_type t) {
  switch (t) {
    case toml::node_type::table: return "a table";
    case toml::node_type::array: return "an array";
    case toml::node_type::string: return "a string";
    case toml::node_type::integer: return "an integer";
    case toml::node_type::floating_point: return "a decimal number";
    case toml::node_type::boolean: return "a boolean";
    case toml::node_type::date: return "a date";
    case toml::node_type::time: return "a time";
    case toml::node_type::date_time: return "a date-time";
    default: return "nothing";
  }
}

std::string_view raw_value_text(const SourceFile& file, const toml::node& n) {
  const auto& r = n.source();
  std::size_t at = file.offset(static_cast<int>(r.begin.line), static_cast<int>(r.begin.column));
  std::string_view t = std::string_view(file.text()).substr(at);
  std::size_t end = 0;
  while (end < t.size() && std::string_view(",]} \t\r\n#").find(t[end]) == std::string_view::npos) ++end;
  return t.substr(0, end);
}

NumberError parse_scaled(std::string_view text, int digits, std::int64_t& out) {
  std::size_t i = 0;
  bool neg = false;
  if (i < text.size() && (text[i] == '+' || text[i] == '-')) neg = text[i++] == '-';
  std::uint64_t value = 0;
  int int_digits = 0, frac_digits = 0;
  bool seen_dot = false, too_precise = false;
  constexpr std::uint64_t limit = static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max());
  // value * 10 + digit, refusing anything past int64's range.
  auto push = [&](unsigned digit) {
    if (value > (limit - digit) / 10) return false;
    value = value * 10 + digit;
    return true;
  };
  for (; i < text.size(); ++i) {
    char c = text[i];
    if (c == '_') continue;  // TOML digit separators
    if (c == '.') {
      if (seen_dot) return NumberError::syntax;
      seen_dot = true;
      continue;
    }
    if (c < '0' || c > '9') return NumberError::syntax;
    if (seen_dot) {
      if (frac_digits == digits) {
        if (c != '0') too_precise = true;
        continue;
      }
      ++frac_digits;
    } else {
      ++int_digits;
    }
    if (!push(static_cast<unsigned>(c - '0'))) return NumberError::overflow;
  }
  if (int_digits == 0 && frac_digits == 0) return NumberError::syntax;
  if (too_precise) return NumberError::too_precise;
  for (; frac_digits < digits; ++frac_digits)
    if (!push(0)) return NumberError::overflow;
  out = neg ? -static_cast<std::int64_t>(value) : static_cast<std::int64_t>(value);
  return NumberError::none;
}

TableReader::TableReader(const toml::table& table, const SourceFile& file, Diagnostics& diags, std::string what)
    : table_(table), file_(file), diags_(diags), what_(std::move(what)) {}

void TableReader::allow_only(std::initializer_list<std::string_view> known) {
  for (auto&& [k, v] : table_) {
    if (std::find(known.begin(), known.end(), k.str()) != known.end()) continue;
    report_unknown_key(k, std::vector<std::string>(known.begin(), known.end()));
  }
}

void TableReader::allow_only(const std::vector<std::string>& known) {
  for (auto&& [k, v] : table_)
    if (std::find(known.begin(), known.end(), k.str()) == known.end()) report_unknown_key(k, known);
}

void TableReader::report_unknown_key(const toml::key& key, const std::vector<std::string>& known) {
  std::string hint = did_you_mean(key.str(), known);
  diags_.add(DiagnosticKind::unknown_key, pos_of(file_, key.source()), fmt::format("unknown key `{}` in {}", key.str(), what_),
             hint.empty() ? "remove it; the format does not read it" : hint);
}

const toml::node* TableReader::get(std::string_view key) const { return table_.get(key); }

Pos TableReader::key_pos(std::string_view key) const {
  for (auto&& [k, v] : table_)
    if (k.str() == key) return pos_of(file_, k.source());
  return table_pos();
}

Pos TableReader::value_pos(std::string_view key) const {
  if (const toml::node* n = get(key)) return pos_of(file_, n->source());
  return table_pos();
}

void TableReader::report_missing(std::string_view key, std::string_view hint) {
  diags_.add(DiagnosticKind::missing_key, table_pos(), fmt::format("{} has no `{}`", what_, key),
             hint.empty() ? fmt::format("add `{} = ...` to {}", key, what_) : std::string(hint));
}

void TableReader::report_type(std::string_view key, std::string_view expected) {
  const toml::node* n = get(key);
  diags_.add(DiagnosticKind::wrong_type, value_pos(key),
             fmt::format("`{}` in {} must be {}, not {}", key, what_, expected, n ? toml_type_name(n->type()) : "nothing"),
             fmt::format("write `{}` as {}", key, expected));
}

std::optional<std::string> TableReader::string(std::string_view key, bool required) {
  const toml::node* n = get(key);
  if (!n) {
    if (required) report_missing(key);
    return std::nullopt;
  }
  if (auto s = n->value<std::string>(); s && n->is_string()) {
    if (s->size() > kMaxStringBytes) {
      diags_.add(DiagnosticKind::limit_exceeded, value_pos(key),
                 fmt::format("`{}` in {} is {} bytes long, over the limit of {} bytes for one text", key, what_, s->size(), kMaxStringBytes),
                 "shorten it; a long account of a case belongs in a story (stories/*.md)");
      return s->substr(0, kMaxStringBytes);
    }
    return *s;
  }
  report_type(key, "a string");
  return std::nullopt;
}

std::optional<bool> TableReader::boolean(std::string_view key, bool required) {
  const toml::node* n = get(key);
  if (!n) {
    if (required) report_missing(key);
    return std::nullopt;
  }
  if (n->is_boolean()) return *n->value<bool>();
  report_type(key, "true or false");
  return std::nullopt;
}

std::optional<std::int64_t> TableReader::number(std::string_view key, bool required, int digits) {
  const toml::node* n = get(key);
  if (!n) {
    if (required) report_missing(key);
    return std::nullopt;
  }
  if (!n->is_integer() && !(digits > 0 && n->is_floating_point())) {
    report_type(key, digits > 0 ? "a number (at most two fraction digits)" : "an integer");
    return std::nullopt;
  }
  std::int64_t v = 0;
  switch (parse_scaled(raw_value_text(file_, *n), digits, v)) {
    case NumberError::none: return v;
    case NumberError::too_precise:
      diags_.add(DiagnosticKind::money_precision, value_pos(key), fmt::format("`{}` has more than two fraction digits", key),
                 "money is counted in cents: round it to two fraction digits");
      return std::nullopt;
    case NumberError::overflow:
      diags_.add(DiagnosticKind::integer_overflow, value_pos(key), fmt::format("`{}` is too large", key), "use a smaller number");
      return std::nullopt;
    case NumberError::syntax: report_type(key, digits > 0 ? "a plain decimal number" : "a plain integer"); return std::nullopt;
  }
  return std::nullopt;
}

std::optional<std::vector<std::string>> TableReader::string_list(std::string_view key, bool required) {
  const toml::node* n = get(key);
  if (!n) {
    if (required) report_missing(key);
    return std::nullopt;
  }
  const toml::array* a = n->as_array();
  if (!a) {
    report_type(key, "a list of strings");
    return std::nullopt;
  }
  std::vector<std::string> out;
  bool ok = true;
  for (const auto& el : *a) {
    if (!el.is_string()) {
      diags_.add(DiagnosticKind::wrong_type, pos_of(file_, el.source()),
                 fmt::format("`{}` in {} must list strings; this is {}", key, what_, toml_type_name(el.type())), "put the value in double quotes");
      ok = false;
      continue;
    }
    out.push_back(*el.value<std::string>());
  }
  if (!ok) return std::nullopt;
  return out;
}

const toml::table* TableReader::table(std::string_view key, bool required) {
  const toml::node* n = get(key);
  if (!n) {
    if (required) report_missing(key);
    return nullptr;
  }
  if (const toml::table* t = n->as_table()) return t;
  report_type(key, "a table");
  return nullptr;
}

}  // namespace leeway
