#include "compiler/core/model.hpp"

namespace leeway {

const char* dim_type_name(DimType t) {
  switch (t) {
    case DimType::integer: return "integer";
    case DimType::money: return "money";
    case DimType::enumeration: return "enum";
    case DimType::boolean: return "bool";
  }
  return "integer";
}

const char* item_kind_name(ItemKind k) {
  switch (k) {
    case ItemKind::rule: return "rule";
    case ItemKind::exception: return "exception";
    case ItemKind::line: return "line";
  }
  return "rule";
}

std::int64_t Dimension::lo() const {
  switch (type) {
    case DimType::integer:
    case DimType::money: return min;
    default: return 0;
  }
}

std::int64_t Dimension::hi() const {
  switch (type) {
    case DimType::integer:
    case DimType::money: return max;
    case DimType::enumeration: return static_cast<std::int64_t>(values.size()) - 1;
    case DimType::boolean: return 1;
  }
  return 0;
}

int Manifest::dimension_index(const std::string& n) const {
  for (std::size_t i = 0; i < dimensions.size(); ++i)
    if (dimensions[i].name == n) return static_cast<int>(i);
  return -1;
}

int Manifest::role_index(const std::string& id) const {
  for (std::size_t i = 0; i < roles.size(); ++i)
    if (roles[i].id == id) return static_cast<int>(i);
  return -1;
}

int Policy::item_index(const std::string& item_id) const {
  for (std::size_t i = 0; i < items.size(); ++i)
    if (items[i].id == item_id) return static_cast<int>(i);
  return -1;
}

int Repository::policy_index(const std::string& id) const {
  for (std::size_t i = 0; i < policies.size(); ++i)
    if (policies[i].id == id) return static_cast<int>(i);
  return -1;
}

std::string Repository::qualified(int policy, int item) const {
  const auto& p = policies[static_cast<std::size_t>(policy)];
  return p.id + "." + p.items[static_cast<std::size_t>(item)].id;
}

}  // namespace leeway
