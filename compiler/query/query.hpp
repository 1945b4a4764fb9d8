// `leeway query`: the decision at one situation, or at every row of a CSV file.
#pragma once
#include <cstdio>
#include <istream>
#include <string>
#include <vector>

#include "compiler/query/decision_index.hpp"

namespace leeway {

// Parses `dim=value` words into a point of the space. Returns "" or an error
// naming the dimension or value at fault.
std::string parse_situation(const PolicySpace& space, const std::vector<std::string>& words, std::vector<std::int64_t>& point);

// The contract's JSON object for a decision (one line, no trailing newline).
std::string decision_json(const Repository& repo, const Policy& policy, const Decision& d);
// The decision in words, for people.
std::string decision_text(const Repository& repo, const Policy& policy, const Decision& d);

enum class BatchFormat { csv, jsonl };
// Streams a decision for every row of `in` (a header row of dimension names,
// then one situation a row) to `out`. Returns "" or an error naming the line.
std::string run_batch(const Repository& repo, const Policy& policy, const DecisionIndex& index, std::istream& in, std::FILE* out,
                      BatchFormat format, std::size_t& rows);

}  // namespace leeway
