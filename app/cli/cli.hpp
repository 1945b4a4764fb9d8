// The `leeway` command line: parses arguments and runs one command (see
// command.hpp for the exit codes and the commands, one file each).
#pragma once

namespace leeway {

// Returns the process's exit status, an ExitCode.
int run_cli(int argc, char** argv);

}  // namespace leeway
