// libFuzzer: a policy file, with a fixed manifest.
#include "fuzz_common.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  leeway::fuzz::run({{"leeway.toml", leeway::fuzz::kManifest}, {"p.toml", std::string(reinterpret_cast<const char*>(data), size)}});
  return 0;
}
