// A story: Markdown under stories/ with TOML front matter between +++ lines.
#pragma once
#include "compiler/core/diagnostic.hpp"
#include "compiler/core/model.hpp"
#include "compiler/core/source_file.hpp"

namespace leeway {

Story parse_story(const SourceFile& file, Diagnostics& diags);

}  // namespace leeway
