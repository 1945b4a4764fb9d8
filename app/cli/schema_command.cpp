// `leeway schema manifest|policy`: the JSON Schemas (draft 2020-12) of the
// manifest and of a policy file, for editors that check TOML against a schema
// (taplo, Even Better TOML); `leeway init` writes the configuration that
// associates them. The schemas are templates/*.schema.json, carried in the binary.
#include <memory>

#include "app/cli/command.hpp"
#include "compiler/core/assets.hpp"

namespace leeway {

Command add_schema_command(CLI::App& app, const GlobalOptions&) {
  auto which = std::make_shared<std::string>();
  CLI::App* cmd = app.add_subcommand("schema", "print the JSON Schema of the manifest or of a policy file, for editors");
  cmd->add_option("WHICH", *which, "manifest (leeway.toml) or policy (any other .toml file)")
      ->required()
      ->check(CLI::IsMember({"manifest", "policy"}));
  cmd->footer(
      "\nThe schema catches what an editor can know without the repository: unknown keys, wrong types, missing\n"
      "required keys. `leeway check` (or `leeway lsp` in the editor) checks the rest: names, conflicts, gaps.\n"
      "Example:\n  leeway schema policy > .leeway/policy.schema.json");
  return {cmd, [which] {
            write_out(asset(*which == "manifest" ? "manifest.schema.json" : "policy.schema.json"));
            return ExitCode::ok;
          }};
}

}  // namespace leeway
