// libFuzzer: condition strings, as a query's dim=value text for every type
// of dimension, and as the value of a `when` entry in a policy.
#include "compiler/frontend/condition.hpp"
#include "fuzz_common.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string text(reinterpret_cast<const char*>(data), size);
  leeway::Dimension dims[4];
  dims[0].type = leeway::DimType::integer, dims[0].min = -5, dims[0].max = 100;
  dims[1].type = leeway::DimType::money, dims[1].min = 0, dims[1].max = 100000;
  dims[2].type = leeway::DimType::enumeration, dims[2].values = {"a", "b"}, dims[2].max = 1;
  dims[3].type = leeway::DimType::boolean, dims[3].max = 1;
  for (auto& d : dims) {
    d.valid = true;
    (void)leeway::parse_point(text, d);
  }
  if (text.find('\n') == std::string::npos) {
    for (const char* dim : {"days", "amount", "tier", "fraud"}) {
      std::string policy = std::string(
                               "[policy]\nid = \"p\"\nover = [\"days\", \"amount\", \"tier\", \"fraud\"]\noutcomes = [\"y\"]\n[[rule]]\nid = "
                               "\"r\"\nthen = \"y\"\nwhen = { ") +
                           dim + " = " + text + " }\n";
      leeway::fuzz::run({{"leeway.toml", leeway::fuzz::kManifest}, {"p.toml", policy}});
    }
  }
  return 0;
}
