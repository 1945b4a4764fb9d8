// The templates, the stylesheet and the DOCX reference document, carried in
// the binary (cmake/embed_assets.cmake), so leeway needs no install folder.
#pragma once
#include <string_view>
#include <vector>

namespace leeway {

struct Asset {
  std::string_view name;  // file name in templates/
  std::string_view bytes;
};

const std::vector<Asset>& embedded_assets();
// The asset of that name; throws std::out_of_range if there is none (a build error).
std::string_view asset(std::string_view name);

}  // namespace leeway
