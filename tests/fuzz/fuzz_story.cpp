// libFuzzer: a story (TOML front matter between +++ lines, then Markdown).
#include "fuzz_common.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  leeway::fuzz::run({{"leeway.toml", leeway::fuzz::kManifest},
                     {"p.toml", leeway::fuzz::kPolicy},
                     {"stories/s.md", std::string(reinterpret_cast<const char*>(data), size)}});
  return 0;
}
