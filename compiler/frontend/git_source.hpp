// A policy repository as it was at a Git revision, read with libgit2 straight
// from the object database: no checkout, no temporary clone, no shell.
#pragma once
#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "compiler/core/expected.hpp"
#include "compiler/frontend/repo_source.hpp"

namespace leeway {

struct GitRevision {
  std::unique_ptr<RepoSource> source;
  std::string rev;    // as asked for: "main", "v2", "HEAD~1"
  std::string sha;    // the commit it names, abbreviated: "3f2a1c9"
  std::string label;  // for people, both: "main (3f2a1c9)"
};

// `repo_path` is the policy repository's folder, anywhere inside a Git
// working tree; `rev` anything `git rev-parse` accepts (a branch, a tag, HEAD~1).
// Fails, with a hint where there is one, when it cannot be read.
Expected<GitRevision> read_git_revision(const std::string& repo_path, const std::string& rev);

// The last commit of the previous edition: going back from HEAD along first
// parents, the newest commit whose leeway.toml states an `edition` other
// than `edition` (the current one). Its full id, or "" when there is none:
// the folder is not in Git, or every commit has this edition, or the
// repository did not exist before. Never fails: this is a default.
std::string previous_edition_commit(const std::string& repo_path, const std::string& edition);

// The commit time of HEAD (seconds since 1970) of the Git repository that
// holds the folder; nothing when it is in none.
std::optional<std::int64_t> head_commit_time(const std::string& repo_path);

}  // namespace leeway
