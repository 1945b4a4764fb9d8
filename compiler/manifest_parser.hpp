// The manifest `leeway.toml`: repository facts, dimensions, roles.
#pragma once
#include <toml++/toml.h>

#include "compiler/diagnostic.hpp"
#include "compiler/model.hpp"
#include "compiler/source_file.hpp"

namespace leeway {

Manifest parse_manifest(const toml::table& root, const SourceFile& file, Diagnostics& diags);

}  // namespace leeway
