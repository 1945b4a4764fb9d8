// Conditions: turning one `when` entry (or a query's dim=value) into a value set
// of its dimension, exactly, with a diagnostic for every malformed constraint.
#pragma once
#include <optional>
#include <string>
#include <string_view>

#include <toml++/toml.h>

#include "compiler/core/diagnostic.hpp"
#include "compiler/core/expected.hpp"
#include "compiler/core/model.hpp"
#include "compiler/core/source_file.hpp"

namespace leeway {

struct ParsedConstraint {
  ValueSet set;
  bool open_ended = false;
};

// Parses the TOML value of `when.<dim>`; reports problems at the value and
// returns nothing when it cannot be read.
std::optional<ParsedConstraint> parse_constraint(const toml::node& value, const Dimension& dim, const SourceFile& file, Diagnostics& diags);

// Parses one situation value written as text ("45", "19.99", "gold", "true")
// into the dimension's integer encoding, or fails with a sentence naming the
// problem.
Expected<std::int64_t> parse_point(std::string_view text, const Dimension& dim);

}  // namespace leeway
