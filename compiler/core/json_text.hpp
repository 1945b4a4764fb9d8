// The old name of the JSON escaper, kept only for the writers not yet on
// JsonWriter (compiler/emit/diagnostic_json.cpp, compiler/review/classify.cpp):
// one escape style now, nlohmann's, whatever `how` says. Goes once they
// include compiler/core/json_writer.hpp.
#pragma once
#include "compiler/core/json_writer.hpp"

namespace leeway {

enum class JsonEscapes { compact, like_nlohmann };
inline void append_json_string(std::string& out, std::string_view s, JsonEscapes) { append_json_string(out, s); }

}  // namespace leeway
