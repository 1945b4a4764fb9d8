// A file read from a policy repository: its text, and how to find a line in it.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>

namespace leeway {

// A file's path, held once per process: a position is copied into every
// item, constraint and diagnostic (a million of them in a large repository),
// and each copy is a pointer, not a string of its own.
class FileName {
 public:
  FileName() : name_(&empty_name()) {}
  FileName(std::string_view name);  // NOLINT: a path converts implicitly
  FileName(const std::string& name) : FileName(std::string_view(name)) {}
  FileName(const char* name) : FileName(std::string_view(name)) {}

  const std::string& str() const { return *name_; }
  operator const std::string&() const { return *name_; }  // NOLINT
  operator std::string_view() const { return *name_; }    // NOLINT
  const char* c_str() const { return name_->c_str(); }
  std::size_t size() const { return name_->size(); }
  bool empty() const { return name_->empty(); }
  // Equal names are the same interned string.
  friend bool operator==(const FileName& a, const FileName& b) { return a.name_ == b.name_; }
  friend bool operator==(const FileName& a, std::string_view b) { return *a.name_ == b; }
  friend bool operator==(const FileName& a, const char* b) { return *a.name_ == b; }
  friend bool operator<(const FileName& a, const FileName& b) { return *a.name_ < *b.name_; }
  friend std::string operator+(const std::string& a, const FileName& b) { return a + *b.name_; }
  friend std::string operator+(const FileName& a, std::string_view b) { return *a.name_ + std::string(b); }

 private:
  static const std::string& empty_name();
  const std::string* name_;
};

// A position in a file, 1-based; line 0 means "the whole file".
struct Pos {
  FileName file;  // relative to the repository root, with '/' separators
  int line = 0;
  int column = 0;
};

class SourceFile {
 public:
  SourceFile() = default;
  SourceFile(FileName path, std::string text);

  const FileName& path() const { return path_; }
  const std::string& text() const { return text_; }
  // The text of 1-based line n, without its line ending; empty if out of range.
  std::string_view line(int n) const;
  int line_count() const { return static_cast<int>(starts_.size()); }
  // The byte offset of a 1-based line and column, the column counted in
  // characters (UTF-8 sequences) as toml++ counts it (clamped to the line's end).
  std::size_t offset(int line, int column) const;

 private:
  FileName path_;
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

template <>
struct fmt::formatter<leeway::FileName> : fmt::formatter<std::string_view> {
  auto format(const leeway::FileName& f, fmt::format_context& ctx) const { return fmt::formatter<std::string_view>::format(f.str(), ctx); }
};
