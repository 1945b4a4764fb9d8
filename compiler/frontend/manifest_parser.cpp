#include "compiler/frontend/manifest_parser.hpp"

#include <algorithm>
#include <tuple>

#include <fmt/format.h>

#include "compiler/core/ids.hpp"
#include "compiler/core/values.hpp"
#include "compiler/frontend/titles.hpp"
#include "compiler/frontend/toml_reader.hpp"

namespace leeway {
namespace {

// Bounds far inside int64, so that arithmetic on domains never overflows.
constexpr std::int64_t kMaxMagnitude = 1'000'000'000'000'000;  // 10^15

void check_id(const std::string& id, const Pos& pos, const char* what, Diagnostics& diags) {
  if (!is_valid_id(id))
    diags.add(DiagnosticKind::bad_id, pos, fmt::format("`{}` is not a valid {} name", id, what),
              "use letters, digits, '_' and '-' only (at most 128 characters)");
}

// An integer or money dimension: its bounds, min and max.
void parse_bounds(Dimension& dim, TableReader& r, const std::string& type, Diagnostics& diags) {
  const std::string& name = dim.name;
  int digits = fraction_digits(dim);
  for (const char* k : {"values"})
    if (r.get(k))
      diags.add(DiagnosticKind::unknown_key, r.key_pos(k), fmt::format("{} dimension has no `{}`", with_article(type), k),
                "remove it; use min and max");
  auto mn = r.number("min", false, digits), mx = r.number("max", false, digits);
  if (!r.get("min") || !r.get("max")) {
    diags.add(DiagnosticKind::unbounded_dimension, dim.pos, fmt::format("dimension `{}` has no {}", name, !r.get("min") ? "min" : "max"),
              fmt::format("{} dimensions need both bounds, so that every situation can be checked: add `min = ...` and `max = ...`", type));
    return;
  }
  if (!mn || !mx) return;
  std::int64_t limit = kMaxMagnitude * (dim.type == DimType::money ? kCentsPerUnit : 1);
  if (*mn < -limit || *mx > limit) {
    diags.add(DiagnosticKind::bad_bounds, dim.pos, fmt::format("the bounds of `{}` are too large", name), "keep min and max within -10^15..10^15");
    return;
  }
  if (dim.type == DimType::money && *mn < 0) {
    diags.add(DiagnosticKind::bad_bounds, r.value_pos("min"), fmt::format("money dimension `{}` starts below zero", name),
              "money amounts start at 0");
    return;
  }
  if (*mn > *mx) {
    diags.add(DiagnosticKind::bad_bounds, r.value_pos("min"), fmt::format("dimension `{}` has min above max", name), "swap min and max");
    return;
  }
  dim.min = *mn;
  dim.max = *mx;
  dim.valid = true;
}

// An enum dimension: its values, and their titles.
void parse_values(Dimension& dim, TableReader& r, const SourceFile& file, Diagnostics& diags) {
  const std::string& name = dim.name;
  for (const char* k : {"min", "max"})
    if (r.get(k))
      diags.add(DiagnosticKind::unknown_key, r.key_pos(k), fmt::format("an enum dimension has no `{}`", k), "remove it; list the `values`");
  auto values = r.string_list("values", false);
  if (!r.get("values")) {
    diags.add(DiagnosticKind::missing_key, dim.pos, fmt::format("enum dimension `{}` has no `values`", name),
              "list its values: values = [\"standard\", \"gold\"]");
    return;
  }
  if (!values) return;
  if (values->empty()) {
    diags.add(DiagnosticKind::empty_list, r.value_pos("values"), fmt::format("enum dimension `{}` lists no values", name), "list at least one value");
    return;
  }
  bool ok = true;
  const toml::array* arr = r.get("values")->as_array();
  for (std::size_t i = 0; i < values->size(); ++i) {
    Pos vpos = pos_of(file, (*arr)[i].source());
    for (std::size_t j = 0; j < i; ++j)
      if ((*values)[j] == (*values)[i]) {
        auto& d = diags.add(DiagnosticKind::duplicate_value, vpos, fmt::format("enum dimension `{}` lists `{}` twice", name, (*values)[i]),
                            "remove the repeated value");
        d.notes.push_back({pos_of(file, (*arr)[j].source()), "first listed here"});
        ok = false;
        break;
      }
    if ((*values)[i].empty()) {
      diags.add(DiagnosticKind::bad_id, vpos, fmt::format("enum dimension `{}` has an empty value", name), "give the value a name");
      ok = false;
    }
  }
  if (!ok) return;
  dim.values = *values;
  dim.value_titles = read_titles(r, "titles", dim.values, DiagnosticKind::unknown_value, "a value of this dimension");
  dim.valid = true;
}

// A bool dimension: the titles of false and true.
void parse_bool(Dimension& dim, TableReader& r, Diagnostics& diags) {
  for (const char* k : {"min", "max", "values"})
    if (r.get(k))
      diags.add(DiagnosticKind::unknown_key, r.key_pos(k), fmt::format("a bool dimension has no `{}`", k), "remove it; a bool is true or false");
  dim.value_titles = read_titles(r, "titles", {"false", "true"}, DiagnosticKind::unknown_value, "true or false");
  dim.valid = true;
}

Dimension parse_dimension(const std::string& name, const toml::key& key, const toml::node& node, const SourceFile& file, Diagnostics& diags) {
  Dimension dim;
  dim.name = name;
  dim.pos = pos_of(file, key.source());
  check_id(name, dim.pos, "dimension", diags);
  const toml::table* t = node.as_table();
  if (!t) {
    diags.add(DiagnosticKind::wrong_type, pos_of(file, node.source()), fmt::format("dimension `{}` must be a table", name),
              fmt::format("write it as [dimensions.{}] with a `type`", name));
    return dim;
  }
  dim.pos = pos_of(file, t->source());
  TableReader r(*t, file, diags, fmt::format("[dimensions.{}]", name));
  r.allow_only({"type", "min", "max", "values", "unit", "description", "title", "titles"});
  dim.title = r.string("title", false).value_or("");
  dim.unit = r.string("unit", false).value_or("");
  dim.description = r.string("description", false).value_or("");
  auto type = r.string("type", true);
  if (!type) return dim;
  if (*type == "integer")
    dim.type = DimType::integer;
  else if (*type == "money")
    dim.type = DimType::money;
  else if (*type == "enum")
    dim.type = DimType::enumeration;
  else if (*type == "bool")
    dim.type = DimType::boolean;
  else {
    diags.add(DiagnosticKind::bad_dimension_type, r.value_pos("type"), fmt::format("`{}` is not a dimension type", *type),
              "use one of `integer`, `money`, `enum`, `bool`");
    return dim;
  }
  switch (dim.type) {
    case DimType::integer:
    case DimType::money: parse_bounds(dim, r, *type, diags); break;
    case DimType::enumeration: parse_values(dim, r, file, diags); break;
    case DimType::boolean: parse_bool(dim, r, diags); break;
  }
  return dim;
}

Role parse_role(const std::string& id, const toml::key& key, const toml::node& node, const SourceFile& file, Diagnostics& diags) {
  Role role;
  role.id = id;
  role.pos = pos_of(file, key.source());
  check_id(id, role.pos, "role", diags);
  const toml::table* t = node.as_table();
  if (!t) {
    diags.add(DiagnosticKind::wrong_type, pos_of(file, node.source()), fmt::format("role `{}` must be a table", id),
              fmt::format("write it as [roles.{}] with a `title`", id));
    return role;
  }
  role.pos = pos_of(file, t->source());
  TableReader r(*t, file, diags, fmt::format("[roles.{}]", id));
  r.allow_only({"title", "max_cost", "reports_to", "description"});
  role.title = r.string("title", false).value_or(id);
  role.max_cost = r.number("max_cost", false, kMoneyFractionDigits);
  role.max_cost_pos = r.value_pos("max_cost");
  if (role.max_cost && *role.max_cost < 0) {
    diags.add(DiagnosticKind::bad_amount, r.value_pos("max_cost"), fmt::format("role `{}` has a negative max_cost", id), "a ceiling is 0 or more");
    role.max_cost.reset();
  }
  if (auto rt = r.string("reports_to", false)) {
    role.reports_to = *rt;
    role.reports_to_pos = r.value_pos("reports_to");
  }
  return role;
}

}  // namespace

Manifest parse_manifest(const toml::table& root, const SourceFile& file, Diagnostics& diags) {
  Manifest m;
  m.pos = Pos{file.path(), 1, 1};
  TableReader top(root, file, diags, "leeway.toml");
  top.allow_only({"repository", "dimensions", "roles"});
  if (const toml::table* repo = top.table("repository", true)) {
    TableReader r(*repo, file, diags, "[repository]");
    r.allow_only({"name", "edition", "currency", "description"});
    m.name = r.string("name", true).value_or("");
    m.edition = r.string("edition", false).value_or("");
    m.currency = r.string("currency", false).value_or("USD");
  }
  if (const toml::table* dims = top.table("dimensions", false))
    for (auto&& [k, v] : *dims) m.dimensions.push_back(parse_dimension(std::string(k.str()), k, v, file, diags));
  if (const toml::table* roles = top.table("roles", false))
    for (auto&& [k, v] : *roles) m.roles.push_back(parse_role(std::string(k.str()), k, v, file, diags));
  // toml++ keeps keys sorted; present them in the order they are written.
  auto by_pos = [](const auto& a, const auto& b) { return std::tie(a.pos.line, a.pos.column) < std::tie(b.pos.line, b.pos.column); };
  std::stable_sort(m.dimensions.begin(), m.dimensions.end(), by_pos);
  std::stable_sort(m.roles.begin(), m.roles.end(), by_pos);
  return m;
}

}  // namespace leeway
