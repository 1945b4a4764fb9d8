// A region as JSON, written by JsonWriter: {"days": [31, 60], "amount":
// [0, 99.99], "tier": ["gold"], "fraud": [false]}, each dimension's values
// in its own units (docs/format.md).
#pragma once
#include "compiler/core/json_writer.hpp"
#include "compiler/core/region.hpp"

namespace leeway {

void write_region(JsonWriter& w, const Region& r);

}  // namespace leeway
