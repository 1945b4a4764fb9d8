// A file read from a policy repository: its text, and how to find a line in it.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace leeway {

// A position in a file, 1-based; line 0 means "the whole file".
struct Pos {
  std::string file;  // relative to the repository root, with '/' separators
  int line = 0;
  int column = 0;
};

class SourceFile {
 public:
  SourceFile() = default;
  SourceFile(std::string path, std::string text);

  const std::string& path() const { return path_; }
  const std::string& text() const { return text_; }
  // The text of 1-based line n, without its line ending; empty if out of range.
  std::string_view line(int n) const;
  int line_count() const { return static_cast<int>(starts_.size()); }
  // The byte offset of a 1-based line and column (clamped to the text).
  std::size_t offset(int line, int column) const;

 private:
  std::string path_;
  std::string text_;
  std::vector<std::size_t> starts_;
};

// Where text fails to be clean UTF-8, or holds a byte leeway refuses.
struct EncodingProblem {
  int line = 0;
  int column = 0;
  std::string what;  // "invalid UTF-8 byte 0xff", "NUL byte"
};

// The first encoding problem in text (invalid UTF-8 or a NUL byte), if any.
bool find_encoding_problem(std::string_view text, EncodingProblem& out);

}  // namespace leeway
