// What a valid id looks like, shared by every parser.
#pragma once
#include <string_view>

namespace leeway {

// Letters, digits, '_' and '-'; not empty. Ids are joined with '.' elsewhere.
inline bool is_valid_id(std::string_view id) {
  if (id.empty() || id.size() > 128) return false;
  for (char c : id) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
    if (!ok) return false;
  }
  return true;
}

}  // namespace leeway
