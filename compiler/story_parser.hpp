// A story: Markdown under stories/ with TOML front matter between +++ lines.
#pragma once
#include "compiler/diagnostic.hpp"
#include "compiler/model.hpp"
#include "compiler/source_file.hpp"

namespace leeway {

Story parse_story(const SourceFile& file, Diagnostics& diags);

}  // namespace leeway
