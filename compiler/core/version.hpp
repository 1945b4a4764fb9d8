// leeway's version, from `project(leeway VERSION ...)` in CMakeLists.txt: the
// one place it is written. --version, SARIF's tool and the document cache use it.
#pragma once
#include <string_view>

namespace leeway {

inline constexpr std::string_view kVersion = LEEWAY_VERSION;

}  // namespace leeway
