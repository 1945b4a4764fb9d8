#include "compiler/core/assets.hpp"

#include <stdexcept>
#include <string>

namespace leeway {

std::string_view asset(std::string_view name) {
  for (const Asset& a : embedded_assets())
    if (a.name == name) return a.bytes;
  throw std::out_of_range("leeway was built without the asset " + std::string(name));
}

}  // namespace leeway
