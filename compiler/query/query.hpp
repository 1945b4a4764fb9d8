// `leeway query`: the decision at one situation, in JSON or in words.
#pragma once
#include <string>
#include <vector>

#include "compiler/core/expected.hpp"
#include "compiler/query/decision_index.hpp"

namespace leeway {

// Parses `dim=value` words into a point of the space, or fails naming the
// dimension or value at fault.
Expected<std::vector<std::int64_t>> parse_situation(const PolicySpace& space, const std::vector<std::string>& words);

// The JSON object of a decision, as `leeway query --format json` prints it (one line, no newline).
std::string decision_json(const Repository& repo, const Policy& policy, const Decision& d);
// The decision in words, for people.
std::string decision_text(const Repository& repo, const Policy& policy, const Decision& d);

}  // namespace leeway
