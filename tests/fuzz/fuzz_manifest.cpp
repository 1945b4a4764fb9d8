// libFuzzer: the manifest (leeway.toml) with a fixed policy beside it.
#include "fuzz_common.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  leeway::fuzz::run({{"leeway.toml", std::string(reinterpret_cast<const char*>(data), size)}, {"p.toml", leeway::fuzz::kPolicy}});
  return 0;
}
