#include "app/lsp/workspace.hpp"

#include <algorithm>
#include <filesystem>

#include <fmt/format.h>

#include "compiler/frontend/repo_source.hpp"

namespace leeway::lsp {
namespace fs = std::filesystem;

std::string uri_to_path(std::string_view uri) {
  constexpr std::string_view scheme = "file://";
  if (uri.substr(0, scheme.size()) != scheme) return "";
  uri.remove_prefix(scheme.size());
  std::string out;
  for (std::size_t i = 0; i < uri.size(); ++i) {
    if (uri[i] == '%' && i + 2 < uri.size() && std::isxdigit(static_cast<unsigned char>(uri[i + 1])) &&
        std::isxdigit(static_cast<unsigned char>(uri[i + 2]))) {
      out += static_cast<char>(std::stoi(std::string(uri.substr(i + 1, 2)), nullptr, 16));
      i += 2;
    } else {
      out += uri[i];
    }
  }
  return out;
}

std::string path_to_uri(const std::string& path) {
  std::string out = "file://";
  for (unsigned char c : path) {
    if (std::isalnum(c) || c == '/' || c == '-' || c == '_' || c == '.' || c == '~')
      out += static_cast<char>(c);
    else
      out += fmt::format("%{:02X}", c);
  }
  return out;
}

void Workspace::open_folder(const std::string& folder) {
  root_.clear();
  std::error_code ec;
  if (folder.empty() || !fs::is_directory(folder, ec)) return;
  if (fs::exists(fs::path(folder) / "leeway.toml", ec)) {
    root_ = fs::path(folder).lexically_normal().string();
  } else {
    // A workspace that holds a repository (policies/ in a larger project).
    std::vector<fs::path> found;
    for (auto it = fs::recursive_directory_iterator(folder, fs::directory_options::skip_permission_denied, ec);
         !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
      if (it.depth() > 1) it.disable_recursion_pending();
      std::string name = it->path().filename().string();
      if (it->is_directory(ec) && (name.rfind('.', 0) == 0 || name == "node_modules" || name == "build")) it.disable_recursion_pending();
      if (name == "leeway.toml" && it->is_regular_file(ec)) found.push_back(it->path().parent_path());
    }
    std::sort(found.begin(), found.end());
    if (!found.empty()) root_ = found.front().lexically_normal().string();
  }
  if (!root_.empty() && root_.size() > 1 && root_.back() == '/') root_.pop_back();
}

std::string Workspace::relative(const std::string& path) const {
  if (root_.empty()) return "";
  std::string p = fs::path(path).lexically_normal().string();
  if (p.size() <= root_.size() + 1 || p.compare(0, root_.size(), root_) != 0 || p[root_.size()] != '/') return "";
  return p.substr(root_.size() + 1);
}

std::string Workspace::absolute(const std::string& relative) const { return (fs::path(root_) / relative).string(); }

void Workspace::set_text(const std::string& path, std::string text) {
  std::string rel = relative(path);
  if (!rel.empty()) open_[rel] = std::move(text);
}

void Workspace::close(const std::string& path) { open_.erase(relative(path)); }

const Compilation* Workspace::compile(unsigned threads) {
  error_.clear();
  if (root_.empty()) {
    error_ = "no leeway.toml in the workspace";
    compiled_.reset();
    return nullptr;
  }
  DiskSource disk(root_);
  Diagnostics listing;
  std::map<std::string, std::string> files;
  for (const std::string& rel : disk.list(listing)) {
    if (auto it = open_.find(rel); it != open_.end()) {
      files[rel] = it->second;
    } else if (Expected<std::string> bytes = disk.read(rel)) {
      files[rel] = std::move(*bytes);
    }
  }
  // Files open in the editor but not saved yet count too.
  for (const auto& [rel, text] : open_) {
    bool story = rel.rfind("stories/", 0) == 0 && rel.size() > 3 && rel.compare(rel.size() - 3, 3, ".md") == 0;
    bool toml = rel.size() > 5 && rel.compare(rel.size() - 5, 5, ".toml") == 0;
    if (story || toml) files.emplace(rel, text);
  }
  MemorySource source(std::move(files), root_);
  Expected<Compilation> c = leeway::compile(source, CompileOptions{true, threads});
  if (!c) {
    error_ = c.error();
    compiled_.reset();
    return nullptr;
  }
  c->diags.sort();
  compiled_ = std::make_unique<Compilation>(std::move(*c));
  return compiled_.get();
}

}  // namespace leeway::lsp
