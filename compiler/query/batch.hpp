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
// decision as CSV (with an `error` column, empty on good rows), or the
// decision as JSON Lines. A row that cannot be read becomes an error record
// (CSV: the `error` column; JSON Lines: {"row": N, "line": L, "error": ...})
// and the run goes on. Fails only when the header is wrong.
struct BatchSummary {
  std::size_t rows = 0;  // data rows, read or not
  std::size_t bad = 0;   // rows that became error records
};
Expected<BatchSummary> run_batch(const Repository& repo, const Policy& policy, const DecisionIndex& index, std::istream& in, std::FILE* out,
                                 BatchFormat format);

}  // namespace leeway
