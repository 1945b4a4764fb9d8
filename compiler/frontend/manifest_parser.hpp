// The manifest `leeway.toml`: repository facts, dimensions, roles.
#pragma once
#include <toml++/toml.h>

#include "compiler/core/diagnostic.hpp"
#include "compiler/core/model.hpp"
#include "compiler/core/source_file.hpp"

namespace leeway {

Manifest parse_manifest(const toml::table& root, const SourceFile& file, Diagnostics& diags);

}  // namespace leeway
