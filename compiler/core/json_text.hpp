// A JSON string written by hand into a buffer, for writers that emit a
// million records a second (case review's JSON Lines): quotes, backslashes
// and control characters escaped; bytes that are not UTF-8 as U+FFFD.
#pragma once
#include <string>
#include <string_view>

namespace leeway {

// How control characters are written: `compact` as case review and query
// always have (\n, \r, \t, every other control character and DEL as \u00XX);
// `like_nlohmann` as nlohmann's dump() does (\b and \f too, DEL as it is),
// which `check --format json` keeps byte for byte.
enum class JsonEscapes { compact, like_nlohmann };
void append_json_string(std::string& out, std::string_view s, JsonEscapes how = JsonEscapes::compact);
// The same, as a new string ("\"text\"").
std::string json_string(std::string_view s);

// Is `text` written into JSON as it is: printable ASCII, no quote, no backslash?
bool plain_json_text(std::string_view text);

// Is `text` valid UTF-8 (and free of NUL)?
bool valid_utf8(std::string_view text);

}  // namespace leeway
