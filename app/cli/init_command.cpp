// `leeway init DIR`: a small working policy repository to start from.
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>

#include <fmt/format.h>

#include "app/cli/command.hpp"
#include "compiler/core/assets.hpp"

namespace leeway {
namespace {

namespace fs = std::filesystem;

// Writes the repository into `dir`, which must not exist or be empty.
ExitCode run_init(const std::string& dir) {
  std::error_code ec;
  if (fs::exists(dir, ec) && !(fs::is_directory(dir, ec) && fs::is_empty(dir, ec)))
    return fail(fmt::format("`{}` already exists and is not an empty folder; leeway init never overwrites anything", dir));
  fs::create_directories(fs::path(dir) / "stories", ec);
  if (!ec) fs::create_directories(fs::path(dir) / ".leeway", ec);
  if (ec) return fail(fmt::format("cannot create `{}`: {}", dir, ec.message()));
  const std::pair<const char*, const char*> files[] = {{"init-leeway.toml", "leeway.toml"},
                                                       {"init-returns.toml", "returns.toml"},
                                                       {"init-story.md", "stories/grace-period.md"},
                                                       // The editor's configuration: the schemas, and which files they are for.
                                                       {"init-taplo.toml", ".taplo.toml"},
                                                       {"manifest.schema.json", ".leeway/manifest.schema.json"},
                                                       {"policy.schema.json", ".leeway/policy.schema.json"}};
  for (const auto& [from, to] : files) {
    std::ofstream out(fs::path(dir) / to, std::ios::binary);
    std::string_view bytes = asset(from);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!out) return fail(fmt::format("cannot write `{}`", (fs::path(dir) / to).string()));
  }
  std::printf(
      "leeway: a policy repository is ready in %s:\n  leeway.toml\n  returns.toml\n  stories/grace-period.md\n"
      "  .taplo.toml and .leeway/*.schema.json (editors check the TOML as you type; see docs/editors.md)\n"
      "next: leeway check %s, then leeway build %s -o handbooks\n",
      dir.c_str(), dir.c_str(), dir.c_str());
  return ExitCode::ok;
}

}  // namespace

Command add_init_command(CLI::App& app, const GlobalOptions&) {
  auto dir = std::make_shared<std::string>();
  CLI::App* cmd = app.add_subcommand("init", "write a small working policy repository to start from");
  cmd->add_option("DIR", *dir, "a folder that does not exist yet (or is empty)")->required();
  return {cmd, [dir] { return run_init(*dir); }};
}

}  // namespace leeway
