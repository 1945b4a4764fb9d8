// Synthetic policy repositories for benchmarks: policies x items x dimensions.
// Clean: rules tile each policy's space exactly (no gap, no conflict), every
// exception lies inside the rule it bends, lines stay clear of exceptions.
// Conflict-heavy: items are random boxes with random outcomes.
#pragma once
#include <cstdint>
#include <string>

namespace bench {

struct SyntheticSpec {
  int policies = 10;
  int items = 100;     // per policy
  int dimensions = 6;  // 2..6
  bool conflicts = false;
  std::uint32_t seed = 1;
};

// Writes the repository into `dir` (created; existing files are replaced).
// Returns the number of files written.
int write_synthetic(const std::string& dir, const SyntheticSpec& spec);

// Writes a CSV of `rows` situations for policy `p0` of a repository made with `spec`.
void write_batch_csv(const std::string& path, const SyntheticSpec& spec, long rows);

}  // namespace bench
