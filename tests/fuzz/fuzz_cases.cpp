// libFuzzer: a case log for `leeway review`, as CSV (and, when it starts
// with '{', as JSON Lines), held against a small repository.
#include "fuzz_common.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string log(reinterpret_cast<const char*>(data), size);
  leeway::fuzz::run_cases(log, log.rfind("{", 0) == 0 ? leeway::CaseFormat::jsonl : leeway::CaseFormat::csv);
  return 0;
}
