// One large policy file parsed on several cores: toml++ parses a document on
// one thread, and a policy of 20,000 items is one document. Its text is cut
// at item headers into pieces, each parsed on its own (padded with the lines
// before it, so every position stays exact), and their item lists joined.
// Only where that cannot change the meaning: otherwise, and on any error,
// the caller parses the file whole, as before.
#pragma once
#include <toml++/toml.h>

#include "compiler/core/source_file.hpp"

namespace leeway {

// Parses `file` in up to `threads` pieces into `out`; false when it did not
// (the text is small, may not be cut safely, or a piece did not parse).
// `min_bytes`: smaller files are left whole (one parse costs less than cutting).
bool parse_toml_in_pieces(const SourceFile& file, unsigned threads, toml::table& out, std::size_t min_bytes = 256 * 1024);

}  // namespace leeway
