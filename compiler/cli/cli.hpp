// The `leeway` command line: parses arguments and runs one command.
#pragma once

namespace leeway {

// Exit status: 0 no error, 1 errors found (or warnings with --strict),
// 2 the command could not run (bad arguments, no repository, internal error).
int run_cli(int argc, char** argv);

}  // namespace leeway
