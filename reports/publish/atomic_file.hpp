// One file written so that a reader sees the old bytes or the new, never a
// part: the bytes go to a new temporary file beside it (a unique name, created
// with O_EXCL, so nothing planted at a guessed name is followed), are synced
// to disk and the file closed, each step checked (a full disk is an error,
// not an empty file), and then renamed into place.
#pragma once
#include <filesystem>
#include <string_view>

#include "compiler/core/expected.hpp"

namespace leeway {

Status write_file_atomically(const std::filesystem::path& path, std::string_view bytes);

}  // namespace leeway
