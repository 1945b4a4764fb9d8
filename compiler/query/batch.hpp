// `leeway query --batch`: the decision at every row of a CSV file, streamed.
#pragma once
#include <cstdio>
#include <istream>

#include "compiler/core/expected.hpp"
#include "compiler/query/decision_index.hpp"

namespace leeway {

enum class BatchFormat { csv, jsonl };
// Writes a decision for every row of `in` (a header row of dimension names,
// in any order, then one situation a row) to `out`: the situation and the
// decision as CSV, or the decision as JSON Lines. Returns the number of rows,
// or a failure naming the line at fault.
Expected<std::size_t> run_batch(const Repository& repo, const Policy& policy, const DecisionIndex& index, std::istream& in, std::FILE* out,
                                BatchFormat format);

}  // namespace leeway
