// Same input, same bytes, for the formats that are zip files (EPUB, DOCX):
// Debian's Pandoc 2.17 stamps EPUB entries with the time of the build.
// This sets every entry's time, in the central directory and in its local
// header, to one given time; nothing else in the file changes.
#pragma once
#include <cstdint>
#include <string>

#include "compiler/core/expected.hpp"

namespace leeway {

// Rewrites the zip file at `path` in place. Fails (and leaves it as it was)
// when it is not a zip file leeway can read.
Status set_zip_times(const std::string& path, std::int64_t epoch);

}  // namespace leeway
