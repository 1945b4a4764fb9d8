// Running independent work (files, policies, documents) on all cores.
#pragma once
#include <cstddef>
#include <functional>

namespace leeway {

// Runs body(i) for every i in [0, n) on up to `threads` threads (0: one per
// core). Each i runs exactly once; callers write results into slot i, so the
// outcome does not depend on scheduling.
void parallel_for(std::size_t n, unsigned threads, const std::function<void(std::size_t)>& body);

// The threads `threads` stands for: itself, or one per core when 0.
unsigned thread_count(unsigned threads);

}  // namespace leeway
