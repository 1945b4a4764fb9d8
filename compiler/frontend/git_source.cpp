#include "compiler/frontend/git_source.hpp"

#include <filesystem>
#include <map>

#include <fmt/format.h>
#include <git2.h>
#include <toml++/toml.h>

namespace fs = std::filesystem;

namespace leeway {
namespace {

// libgit2 is initialised once per process and its objects freed by RAII.
struct Git {
  Git() { git_libgit2_init(); }
  ~Git() { git_libgit2_shutdown(); }
};

template <class T, void (*Free)(T*)>
struct Owned {
  T* p = nullptr;
  ~Owned() {
    if (p) Free(p);
  }
};

std::string last_error() {
  const git_error* e = git_error_last();
  return e && e->message ? e->message : "unknown error";
}

struct Walk {
  git_repository* repo;
  std::map<std::string, std::string>* files;
  std::string error;
};

int visit(const char* root, const git_tree_entry* entry, void* payload) {
  auto* w = static_cast<Walk*>(payload);
  std::string path = std::string(root) + git_tree_entry_name(entry);
  git_filemode_t mode = git_tree_entry_filemode(entry);
  if (git_tree_entry_type(entry) == GIT_OBJECT_TREE) {
    // Hidden folders (.git, .github) are not part of the policy repository.
    return git_tree_entry_name(entry)[0] == '.' ? 1 : 0;
  }
  if (mode != GIT_FILEMODE_BLOB && mode != GIT_FILEMODE_BLOB_EXECUTABLE) return 0;  // links and submodules are not followed
  if (!is_repository_file(path) || git_tree_entry_name(entry)[0] == '.') return 0;
  Owned<git_blob, git_blob_free> blob;
  if (git_blob_lookup(&blob.p, w->repo, git_tree_entry_id(entry)) != 0) {
    w->error = fmt::format("cannot read {}: {}", path, last_error());
    return -1;
  }
  auto size = git_blob_rawsize(blob.p);
  const char* data = static_cast<const char*>(git_blob_rawcontent(blob.p));
  // Oversized files are kept (the loader reports them) but not their bytes.
  (*w->files)[path] =
      size > static_cast<git_object_size_t>(kMaxFileBytes) ? std::string(kMaxFileBytes + 1, ' ') : std::string(data, static_cast<std::size_t>(size));
  return 0;
}

// The policy repository's folder relative to the working tree's root ("" for the root).
std::string folder_in(git_repository* repo, const std::string& repo_path) {
  const char* workdir = git_repository_workdir(repo);
  if (!workdir) return "";
  std::error_code ec;
  fs::path rel = fs::weakly_canonical(repo_path, ec).lexically_relative(fs::weakly_canonical(workdir, ec));
  std::string prefix = rel.generic_string();
  return prefix == "." ? "" : prefix;
}

}  // namespace

Expected<GitRevision> read_git_revision(const std::string& repo_path, const std::string& rev) {
  static Git git;
  GitRevision out;
  Owned<git_repository, git_repository_free> repo;
  if (git_repository_open_ext(&repo.p, repo_path.c_str(), 0, nullptr) != 0) {
    std::string msg = last_error();
    Failure f{fmt::format("`{}` is not inside a Git repository: {}", repo_path, msg)};
    if (msg.find("owner") != std::string::npos || msg.find("safe.directory") != std::string::npos)
      f.message +=
          "\n  = hint: the repository belongs to another user; Git refuses it until you run "
          "`git config --global --add safe.directory <path>` (or run leeway as the repository's owner)";
    return f;
  }
  std::string prefix = folder_in(repo.p, repo_path);
  Owned<git_object, git_object_free> obj;
  if (git_revparse_single(&obj.p, repo.p, rev.c_str()) != 0) {
    return Failure{fmt::format("`{}` is not a revision of the Git repository: {}", rev, last_error())};
  }
  Owned<git_object, git_object_free> commit;
  if (git_object_peel(&commit.p, obj.p, GIT_OBJECT_COMMIT) != 0) {
    return Failure{fmt::format("`{}` does not name a commit: {}", rev, last_error())};
  }
  char sha[10] = {};
  git_oid_tostr(sha, sizeof sha, git_object_id(commit.p));
  out.rev = rev;
  out.sha = sha;
  out.label = fmt::format("{} ({})", rev, sha);
  Owned<git_tree, git_tree_free> tree;
  if (git_commit_tree(&tree.p, reinterpret_cast<git_commit*>(commit.p)) != 0) {
    return Failure{fmt::format("cannot read the tree of `{}`: {}", rev, last_error())};
  }
  Owned<git_tree, git_tree_free> sub;
  git_tree* walk_tree = tree.p;
  if (!prefix.empty()) {
    Owned<git_tree_entry, git_tree_entry_free> entry;
    if (git_tree_entry_bypath(&entry.p, tree.p, prefix.c_str()) != 0 || git_tree_entry_type(entry.p) != GIT_OBJECT_TREE) {
      return Failure{fmt::format("`{}` has no folder `{}`: the policy repository did not exist then", out.label, prefix)};
    }
    if (git_tree_lookup(&sub.p, repo.p, git_tree_entry_id(entry.p)) != 0) {
      return Failure{fmt::format("cannot read `{}` at `{}`: {}", prefix, out.label, last_error())};
    }
    walk_tree = sub.p;
  }
  std::map<std::string, std::string> files;
  Walk w{repo.p, &files, {}};
  if (git_tree_walk(walk_tree, GIT_TREEWALK_PRE, visit, &w) != 0 && !w.error.empty()) {
    return Failure{w.error};
  }
  out.source = std::make_unique<MemorySource>(std::move(files), out.label);
  return out;
}

std::string previous_edition_commit(const std::string& repo_path, const std::string& edition) {
  static Git git;
  Owned<git_repository, git_repository_free> repo;
  if (git_repository_open_ext(&repo.p, repo_path.c_str(), 0, nullptr) != 0) return "";
  std::string prefix = folder_in(repo.p, repo_path);
  std::string manifest = prefix.empty() ? "leeway.toml" : prefix + "/leeway.toml";
  Owned<git_revwalk, git_revwalk_free> walk;
  if (git_revwalk_new(&walk.p, repo.p) != 0 || git_revwalk_push_head(walk.p) != 0) return "";
  git_revwalk_simplify_first_parent(walk.p);
  git_oid oid;
  for (int seen = 0; seen < 100000 && git_revwalk_next(&oid, walk.p) == 0; ++seen) {
    Owned<git_commit, git_commit_free> commit;
    Owned<git_tree, git_tree_free> tree;
    Owned<git_tree_entry, git_tree_entry_free> entry;
    Owned<git_blob, git_blob_free> blob;
    if (git_commit_lookup(&commit.p, repo.p, &oid) != 0 || git_commit_tree(&tree.p, commit.p) != 0) return "";
    // Before the repository existed there is no previous edition.
    if (git_tree_entry_bypath(&entry.p, tree.p, manifest.c_str()) != 0) return "";
    if (git_blob_lookup(&blob.p, repo.p, git_tree_entry_id(entry.p)) != 0) return "";
    std::string_view text(static_cast<const char*>(git_blob_rawcontent(blob.p)), static_cast<std::size_t>(git_blob_rawsize(blob.p)));
    std::string then;
    try {
      toml::table parsed = toml::parse(text);
      then = parsed["repository"]["edition"].value_or(std::string());
    } catch (const toml::parse_error&) {
      continue;  // a broken manifest then: keep looking further back
    }
    if (then != edition) return git_oid_tostr_s(&oid);
  }
  return "";
}

std::optional<std::int64_t> head_commit_time(const std::string& repo_path) {
  static Git git;
  Owned<git_repository, git_repository_free> repo;
  if (git_repository_open_ext(&repo.p, repo_path.c_str(), 0, nullptr) != 0) return std::nullopt;
  Owned<git_object, git_object_free> head;
  if (git_revparse_single(&head.p, repo.p, "HEAD") != 0) return std::nullopt;
  Owned<git_object, git_object_free> commit;
  if (git_object_peel(&commit.p, head.p, GIT_OBJECT_COMMIT) != 0) return std::nullopt;
  return static_cast<std::int64_t>(git_commit_time(reinterpret_cast<git_commit*>(commit.p)));
}

}  // namespace leeway
