// A policy file: [policy], [[rule]], [[exception]], [[line]]. Local checks only
// (shape, conditions, outcomes, ids within the file); references to other
// files are linked by the resolver.
#pragma once
#include <toml++/toml.h>

#include "compiler/core/diagnostic.hpp"
#include "compiler/core/model.hpp"
#include "compiler/core/source_file.hpp"

namespace leeway {

// `threads` share out the items of a large file (0: every core); the result
// does not depend on the number.
Policy parse_policy(const toml::table& root, const SourceFile& file, const Manifest& manifest, Diagnostics& diags, unsigned threads = 1);

}  // namespace leeway
