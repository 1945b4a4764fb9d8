// `leeway lsp`: the language server for editors (docs/editors.md), speaking
// the Language Server Protocol on standard input and output.
#include <unistd.h>

#include <cstdio>
#include <iostream>

#include "app/cli/command.hpp"
#include "app/lsp/server.hpp"

namespace leeway {

Command add_lsp_command(CLI::App& app, const GlobalOptions&) {
  CLI::App* cmd = app.add_subcommand("lsp", "run the language server for editors (LSP over standard input and output)");
  cmd->footer(
      "\nThe editor starts it; it checks the policy repository of the workspace (the workspace folder, or the first\n"
      "folder under it that holds leeway.toml) as you type, and answers hover, go to definition, references,\n"
      "completion and quick fixes. It never writes a file. docs/editors.md has the few lines each editor needs.");
  return {cmd, [] {
            // Started by hand in a terminal, it would seem to hang: say what it is waiting for.
            if (isatty(STDIN_FILENO))
              std::fputs(
                  "leeway lsp: waiting for a language client on standard input (Content-Length framed JSON-RPC).\n"
                  "  Editors start it themselves: see docs/editors.md. Ctrl-D ends it.\n",
                  stderr);
            std::ios::sync_with_stdio(false);
            return static_cast<ExitCode>(lsp::serve(std::cin, std::cout, std::cerr));
          }};
}

}  // namespace leeway
