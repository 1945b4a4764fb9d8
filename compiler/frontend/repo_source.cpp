#include "compiler/frontend/repo_source.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <fmt/format.h>

namespace fs = std::filesystem;

namespace leeway {

bool is_repository_file(const std::string& rel) {
  auto ends_with = [&](std::string_view s) { return rel.size() >= s.size() && rel.compare(rel.size() - s.size(), s.size(), s) == 0; };
  if (ends_with(".toml")) return true;
  return ends_with(".md") && rel.rfind("stories/", 0) == 0;
}

DiskSource::DiskSource(std::string root) : root_(std::move(root)) {}

std::vector<std::string> DiskSource::list(Diagnostics& diags) {
  std::vector<std::string> out;
  std::error_code ec;
  fs::path root = fs::weakly_canonical(fs::path(root_), ec);
  fs::recursive_directory_iterator it(root, fs::directory_options::skip_permission_denied, ec), end;
  for (; !ec && it != end; it.increment(ec)) {
    const fs::directory_entry& e = *it;
    std::string name = e.path().filename().string();
    // Lexical: fs::relative would resolve a link to its target.
    std::string rel = e.path().lexically_relative(root).generic_string();
    // Hidden folders (.git, .github) are not part of the policy repository.
    if (!name.empty() && name[0] == '.') {
      if (e.is_directory(ec) && !e.is_symlink(ec)) it.disable_recursion_pending();
      continue;
    }
    if (e.is_symlink(ec)) {
      fs::path target = fs::weakly_canonical(e.path(), ec);
      std::string trel = ec ? std::string("..") : fs::relative(target, root, ec).generic_string();
      bool outside = ec || trel.empty() || trel.rfind("..", 0) == 0;
      if (outside && (is_repository_file(rel) || fs::is_directory(target, ec))) {
        diags.add(DiagnosticKind::link_outside, Pos{rel, 0, 0},
                  fmt::format("`{}` is a symbolic link to a place outside the repository; leeway does not follow it", rel),
                  "copy the file into the repository, or remove the link");
      }
      if (fs::is_directory(e.path(), ec)) it.disable_recursion_pending();  // links to folders are never followed
      if (outside || fs::is_directory(e.path(), ec)) continue;
    }
    if (!e.is_regular_file(ec)) continue;
    if (is_repository_file(rel)) out.push_back(rel);
  }
  std::sort(out.begin(), out.end());
  return out;
}

namespace {
Failure too_big(std::uintmax_t size) {
  return Failure{fmt::format("the file is {} bytes, over the limit of {} bytes for one policy file", size, kMaxFileBytes)};
}
}  // namespace

Expected<std::string> DiskSource::read(const std::string& path) {
  fs::path p = fs::path(root_) / path;
  std::error_code ec;
  auto size = fs::file_size(p, ec);
  if (ec) return Failure{ec.message()};
  if (size > kMaxFileBytes) return too_big(size);
  std::ifstream in(p, std::ios::binary);
  if (!in) return Failure{"cannot open it for reading"};
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::vector<std::string> MemorySource::list(Diagnostics&) {
  std::vector<std::string> out;
  for (const auto& [path, text] : files_)
    if (is_repository_file(path) && path.find("/.") == std::string::npos && path[0] != '.') out.push_back(path);
  return out;
}

Expected<std::string> MemorySource::read(const std::string& path) {
  auto it = files_.find(path);
  if (it == files_.end()) return Failure{"no such file"};
  if (it->second.size() > kMaxFileBytes) return too_big(it->second.size());
  return it->second;
}

}  // namespace leeway
