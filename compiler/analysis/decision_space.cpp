#include "compiler/analysis/decision_space.hpp"

#include <algorithm>

#include "compiler/core/values.hpp"

namespace leeway {

std::optional<PolicySpace> compile_space(const Repository& repo, int policy) {
  const Policy& p = repo.policies[static_cast<std::size_t>(policy)];
  if (!p.valid || p.over.empty() || p.outcomes.empty()) return std::nullopt;
  PolicySpace s;
  s.policy = policy;
  s.source = &repo.policies[static_cast<std::size_t>(policy)];
  for (int d : p.over) {
    const Dimension& dim = repo.manifest.dimensions[static_cast<std::size_t>(d)];
    if (!dim.valid) return std::nullopt;
    s.dims.push_back(&dim);
    s.domain.push_back(dim.domain());
  }
  for (std::size_t i = 0; i < p.items.size(); ++i) {
    const Item& it = p.items[i];
    if (!it.when_valid || (it.outcome < 0 && !it.forbidding) || it.id.empty()) return std::nullopt;
    CompiledItem c{static_cast<int>(i), it.kind, it.forbidding ? -1 : it.outcome, s.domain, it.forbidden};
    for (const auto& con : it.when) c.box[static_cast<std::size_t>(con.over_index)] = con.set;
    s.items.push_back(std::move(c));
  }
  return s;
}

const CompiledItem* find_compiled(const PolicySpace& space, int item) {
  for (const auto& c : space.items)
    if (c.item == item) return &c;
  return nullptr;
}

namespace {
// An enum value's or a boolean's name, as a view that lives as long as the manifest.
std::string_view value_name(const Dimension& dim, std::int64_t v) {
  if (dim.type == DimType::boolean) return v ? "true" : "false";
  return v >= 0 && static_cast<std::size_t>(v) < dim.values.size() ? std::string_view(dim.values[static_cast<std::size_t>(v)]) : "?";
}
}  // namespace

void make_region(const PolicySpace& space, const Box& box, Region& into) {
  into.resize(space.dims.size());
  for (std::size_t d = 0; d < space.dims.size(); ++d) {
    const Dimension& dim = *space.dims[d];
    RegionEntry& e = into[d];
    e.dimension = dim.name;
    e.title = dim.title;
    e.unit = dim.unit;
    e.full = box[d] == space.domain[d];
    e.lo = e.hi = 0;
    e.values.clear();
    e.value_titles.clear();
    switch (dim.type) {
      case DimType::integer:
      case DimType::money:
        e.type = dim.type == DimType::money ? RegionEntry::Type::money : RegionEntry::Type::integer;
        e.lo = box[d].min();
        e.hi = box[d].max();
        break;
      case DimType::enumeration:
      case DimType::boolean:
        e.type = dim.type == DimType::boolean ? RegionEntry::Type::boolean : RegionEntry::Type::enumeration;
        // Value titles only where the dimension has some: a conflict-heavy
        // repository holds hundreds of thousands of regions.
        bool titled = std::any_of(dim.value_titles.begin(), dim.value_titles.end(), [](const std::string& t) { return !t.empty(); });
        e.values.reserve(box[d].size());
        if (titled) e.value_titles.reserve(box[d].size());
        for (const auto& iv : box[d].intervals())
          for (std::int64_t v = iv.lo; v <= iv.hi; ++v) {
            e.values.push_back(value_name(dim, v));
            std::size_t i = static_cast<std::size_t>(v);
            if (titled) e.value_titles.push_back(i < dim.value_titles.size() ? std::string_view(dim.value_titles[i]) : std::string_view());
          }
        break;
    }
  }
}

Region make_region(const PolicySpace& space, const Box& box) {
  Region r;
  make_region(space, box, r);
  return r;
}

void example_in(const PolicySpace& space, const Box& box, std::string& into) {
  into.clear();
  for (std::size_t d = 0; d < space.dims.size(); ++d) {
    const Dimension& dim = *space.dims[d];
    const ValueSet& s = box[d];
    // The middle of a numeric interval reads more naturally than its edge.
    std::int64_t v = is_numeric(dim) && s.is_interval() ? middle_value(dim, s.min(), s.max()) : s.min();
    if (!into.empty()) into += ' ';
    into += dim.name;
    into += '=';
    into += format_value(dim, v);
  }
}

std::string example_in(const PolicySpace& space, const Box& box) {
  std::string out;
  example_in(space, box, out);
  return out;
}

std::vector<std::string> space_dimension_names(const PolicySpace& space) {
  std::vector<std::string> out;
  for (const Dimension* d : space.dims) out.push_back(d->name);
  return out;
}

}  // namespace leeway
