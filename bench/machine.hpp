// What a benchmark's figures were measured on: "Intel(R) Xeon(R) Processor, 2 cores".
#pragma once
#include <string>

namespace bench {

std::string machine();

}  // namespace bench
