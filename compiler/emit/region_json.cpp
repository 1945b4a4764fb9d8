#include "compiler/emit/region_json.hpp"

namespace leeway {

void write_region(JsonWriter& w, const Region& r) {
  w.begin_object();
  for (const RegionEntry& e : r) {
    w.key(e.dimension).begin_array();
    switch (e.type) {
      case RegionEntry::Type::integer: w.integer(e.lo).integer(e.hi); break;
      case RegionEntry::Type::money: w.money(e.lo).money(e.hi); break;
      case RegionEntry::Type::enumeration:
        for (std::string_view v : e.values) w.string(v);
        break;
      case RegionEntry::Type::boolean:
        for (std::string_view v : e.values) w.boolean(v == "true");
        break;
    }
    w.end_array();
  }
  w.end_object();
}

}  // namespace leeway
