// Where a policy repository's files come from: a folder on disk (or, for
// `leeway diff`, a Git revision). The loader sees only this interface.
#pragma once
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "compiler/core/diagnostic.hpp"
#include "compiler/core/expected.hpp"

namespace leeway {

constexpr std::uintmax_t kMaxFileBytes = 4u << 20;  // 4 MiB: far above any real policy file

class RepoSource {
 public:
  virtual ~RepoSource() = default;
  // Relative paths ('/'-separated, sorted) of every file below the root that
  // leeway reads: `*.toml` anywhere, `*.md` under stories/. Problems (links out
  // of the repository) are reported as diagnostics.
  virtual std::vector<std::string> list(Diagnostics& diags) = 0;
  // The file's bytes, or why they cannot be read.
  virtual Expected<std::string> read(const std::string& path) = 0;
  virtual std::string describe() const = 0;
};

class DiskSource : public RepoSource {
 public:
  explicit DiskSource(std::string root);
  std::vector<std::string> list(Diagnostics& diags) override;
  Expected<std::string> read(const std::string& path) override;
  std::string describe() const override { return root_; }

 private:
  std::string root_;
};

// Files held in memory: for tests, fuzzing and revisions read from Git.
class MemorySource : public RepoSource {
 public:
  explicit MemorySource(std::map<std::string, std::string> files, std::string name = "<memory>") : files_(std::move(files)), name_(std::move(name)) {}
  std::vector<std::string> list(Diagnostics& diags) override;
  Expected<std::string> read(const std::string& path) override;
  std::string describe() const override { return name_; }

 private:
  std::map<std::string, std::string> files_;
  std::string name_;
};

// Whether leeway reads this relative path as part of a repository.
bool is_repository_file(const std::string& rel);

}  // namespace leeway
