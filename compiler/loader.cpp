#include "compiler/loader.hpp"

#include <fmt/format.h>
#include <toml++/toml.h>

#include "compiler/manifest_parser.hpp"
#include "compiler/policy_parser.hpp"
#include "compiler/story_parser.hpp"

namespace leeway {
namespace {

constexpr std::string_view kManifest = "leeway.toml";

// Reads and checks one file; returns nullptr when it cannot be used.
const SourceFile* read_file(RepoSource& source, const std::string& path, LoadResult& out) {
  std::string text, error;
  if (!source.read(path, text, error)) {
    out.diags.add("unreadable-file", Pos{path, 0, 0}, fmt::format("cannot read `{}`: {}", path, error),
                  "check that the file exists and is readable");
    return nullptr;
  }
  // A UTF-8 byte order mark is harmless; drop it so columns count from the text.
  if (text.rfind("\xEF\xBB\xBF", 0) == 0) text.erase(0, 3);
  EncodingProblem problem;
  bool bad = find_encoding_problem(text, problem);
  const SourceFile& file = out.repo.files.emplace(path, SourceFile(path, std::move(text))).first->second;
  if (bad) {
    out.diags.add("invalid-encoding", Pos{path, problem.line, problem.column}, fmt::format("`{}` is not valid UTF-8 text: {}", path, problem.what),
                  "save the file as UTF-8 text");
    return nullptr;
  }
  return &file;
}

bool parse_toml(const SourceFile& file, Diagnostics& diags, toml::table& out) {
  try {
    out = toml::parse(std::string_view(file.text()), std::string_view(file.path()));
    return true;
  } catch (const toml::parse_error& e) {
    diags.add("toml-syntax", Pos{file.path(), static_cast<int>(e.source().begin.line), static_cast<int>(e.source().begin.column)},
              std::string(e.description()), "fix the TOML syntax at this place; the file is skipped until then");
    return false;
  }
}

}  // namespace

LoadResult load_repository(RepoSource& source) {
  LoadResult out;
  out.repo.root = source.describe();
  std::vector<std::string> paths = source.list(out.diags);
  bool has_manifest = false;
  for (const auto& p : paths) has_manifest = has_manifest || p == kManifest;
  if (!has_manifest) {
    out.fatal = fmt::format("`{}` is not a policy repository: it has no leeway.toml", source.describe());
    return out;
  }
  if (const SourceFile* mf = read_file(source, std::string(kManifest), out)) {
    toml::table t;
    if (parse_toml(*mf, out.diags, t)) out.repo.manifest = parse_manifest(t, *mf, out.diags);
  }
  for (const auto& path : paths) {
    if (path == kManifest) continue;
    const SourceFile* f = read_file(source, path, out);
    if (!f) continue;
    if (path.size() > 3 && path.compare(path.size() - 3, 3, ".md") == 0) {
      out.repo.stories.push_back(parse_story(*f, out.diags));
      continue;
    }
    toml::table t;
    if (parse_toml(*f, out.diags, t)) out.repo.policies.push_back(parse_policy(t, *f, out.repo.manifest, out.diags));
  }
  return out;
}

}  // namespace leeway
