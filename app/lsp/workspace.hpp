// The repository as the editor holds it: the files on disk, with the unsaved
// text of every open file in their place, compiled on demand. Nothing is
// ever written.
#pragma once
#include <map>
#include <memory>
#include <string>
#include <string_view>

#include "compiler/analysis/compile.hpp"

namespace leeway::lsp {

// "file:///home/a/b%20c.toml" -> "/home/a/b c.toml"; "" for other schemes.
std::string uri_to_path(std::string_view uri);
std::string path_to_uri(const std::string& path);

class Workspace {
 public:
  // The repository is `folder` itself or the first folder under it (two
  // levels down, in name order) that holds a leeway.toml.
  void open_folder(const std::string& folder);
  bool has_repository() const { return !root_.empty(); }
  const std::string& root() const { return root_; }

  // An open file's text (absolute path); closing returns it to the disk's.
  void set_text(const std::string& path, std::string text);
  void close(const std::string& path);

  // The path inside the repository ("returns.toml"), or "" when outside it.
  std::string relative(const std::string& path) const;
  std::string absolute(const std::string& relative) const;

  // Compiles the repository as it stands in the editor. Null when it cannot
  // be compiled at all (`error()` says why: no manifest, say).
  const Compilation* compile(unsigned threads = 0);
  const Compilation* current() const { return compiled_.get(); }
  const std::string& error() const { return error_; }

 private:
  std::string root_;
  std::map<std::string, std::string> open_;  // relative path -> unsaved text
  std::unique_ptr<Compilation> compiled_;
  std::string error_;
};

}  // namespace leeway::lsp
