#include "compiler/frontend/loader.hpp"

#include <algorithm>
#include <optional>
#include <thread>

#include <fmt/format.h>
#include <toml++/toml.h>

#include "compiler/core/parallel.hpp"
#include "compiler/frontend/manifest_parser.hpp"
#include "compiler/frontend/policy_parser.hpp"
#include "compiler/frontend/story_parser.hpp"
#include "compiler/frontend/toml_pieces.hpp"

namespace leeway {
namespace {

constexpr std::string_view kManifest = "leeway.toml";

// What one file yields; filled independently for every file, then merged.
struct FileResult {
  std::optional<SourceFile> file;  // read (for rendering source lines)
  bool usable = false;             // clean UTF-8, so it may be parsed
  Diagnostics diags;
  std::optional<Policy> policy;
  std::optional<Story> story;
  toml::table table;  // the parsed document, handed on to be freed later
};

// Reads and checks one file's bytes.
void read_file(RepoSource& source, const std::string& path, FileResult& r) {
  Expected<std::string> bytes = source.read(path);
  if (!bytes) {
    r.diags.add(DiagnosticKind::unreadable_file, Pos{path, 0, 0}, fmt::format("cannot read `{}`: {}", path, bytes.error()),
                "check that the file exists and is readable");
    return;
  }
  std::string text = std::move(*bytes);
  // A UTF-8 byte order mark is harmless; drop it so columns count from the text.
  if (text.rfind("\xEF\xBB\xBF", 0) == 0) text.erase(0, 3);
  EncodingProblem problem;
  bool bad = find_encoding_problem(text, problem);
  r.file.emplace(path, std::move(text));
  if (bad) {
    r.diags.add(DiagnosticKind::invalid_encoding, Pos{path, problem.line, problem.column},
                fmt::format("`{}` is not valid UTF-8 text: {}", path, problem.what), "save the file as UTF-8 text");
    return;
  }
  r.usable = true;
}

bool parse_toml(const SourceFile& file, Diagnostics& diags, toml::table& out, unsigned threads = 1) {
  if (parse_toml_in_pieces(file, threads, out)) return true;
  try {
    out = toml::parse(std::string_view(file.text()), std::string_view(file.path()));
    return true;
  } catch (const toml::parse_error& e) {
    diags.add(DiagnosticKind::toml_syntax, Pos{file.path(), static_cast<int>(e.source().begin.line), static_cast<int>(e.source().begin.column)},
              std::string(e.description()), "fix the TOML syntax at this place; the file is skipped until then");
    return false;
  }
}

}  // namespace

Expected<LoadResult> load_repository(RepoSource& source, unsigned threads) {
  LoadResult out;
  out.repo.root = source.describe();
  std::vector<std::string> paths = source.list(out.diags);
  bool has_manifest = false;
  for (const auto& p : paths) has_manifest = has_manifest || p == kManifest;
  if (!has_manifest) {
    return Failure{fmt::format("`{}` is not a policy repository: it has no leeway.toml", source.describe())};
  }
  auto merge = [&](FileResult& r) {
    out.diags.append(std::move(r.diags.all()));
    if (r.file) out.repo.files.emplace(r.file->path(), std::move(*r.file));
    if (r.policy) out.repo.policies.push_back(std::move(*r.policy));
    if (r.story) out.repo.stories.push_back(std::move(*r.story));
    if (!r.table.empty()) out.tables.push_back(std::move(r.table));
  };
  {
    FileResult m;
    read_file(source, std::string(kManifest), m);
    toml::table t;
    if (m.usable && parse_toml(*m.file, m.diags, t)) out.repo.manifest = parse_manifest(t, *m.file, m.diags);
    merge(m);
  }
  paths.erase(std::remove(paths.begin(), paths.end(), std::string(kManifest)), paths.end());
  std::vector<FileResult> results(paths.size());
  const Manifest& manifest = out.repo.manifest;
  // With fewer files than cores, a large file also parses its items in parallel.
  unsigned cores = threads ? threads : std::max(1u, std::thread::hardware_concurrency());
  unsigned inner = paths.size() < cores ? cores : 1;
  parallel_for(paths.size(), threads, [&](std::size_t i) {
    const std::string& path = paths[i];
    FileResult& r = results[i];
    read_file(source, path, r);
    if (!r.usable) return;
    if (path.size() > 3 && path.compare(path.size() - 3, 3, ".md") == 0) {
      r.story = parse_story(*r.file, r.diags);
      return;
    }
    if (parse_toml(*r.file, r.diags, r.table, inner)) r.policy = parse_policy(r.table, *r.file, manifest, r.diags, inner);
    // With a file per core or more, each worker frees its documents as it
    // goes; with fewer, freeing is handed on (LoadResult::tables).
    if (inner == 1) r.table.clear();
  });
  for (auto& r : results) merge(r);
  return out;
}

}  // namespace leeway
