// A JSON string written by hand into a buffer, for writers that emit a
// million records a second (case review's JSON Lines): quotes, backslashes
// and control characters escaped; bytes that are not UTF-8 as U+FFFD.
#pragma once
#include <string>
#include <string_view>

namespace leeway {

void append_json_string(std::string& out, std::string_view s);
// The same, as a new string ("\"text\"").
std::string json_string(std::string_view s);

// Is `text` valid UTF-8 (and free of NUL)?
bool valid_utf8(std::string_view text);

}  // namespace leeway
