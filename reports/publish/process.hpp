// Running a program as a subprocess: an argument vector (never a shell), no
// standard input, its output to a log file, and a time limit after which the
// program and everything it started are killed. Its environment is
// leeway's with the variables the caller sets added: leeway's own is never
// changed (no setenv), so threads and later runs see what they saw before.
#pragma once
#include <string>
#include <utility>
#include <vector>

namespace leeway {

struct ProcessResult {
  bool started = false;  // false: the program was not found or could not run
  bool timed_out = false;
  int exit_code = -1;  // -1 when killed by a signal
  std::string output;  // what it wrote (standard output and error), at most 4 KiB kept
  bool ok() const { return started && !timed_out && exit_code == 0; }
};

// Variables to set in a child's environment: name, value.
using EnvironmentVars = std::vector<std::pair<std::string, std::string>>;

// The environment a child gets: every "NAME=value" of `base` (a null-ended
// array, as `environ`) whose name `set` does not name, then those of `set`.
std::vector<std::string> child_environment(char* const* base, const EnvironmentVars& set);

// argv[0] is looked up on PATH when it has no '/'. `log_path` receives the
// output. The child's environment: leeway's, with `env` set.
ProcessResult run_process(const std::vector<std::string>& argv, const std::string& log_path, double timeout_seconds, const EnvironmentVars& env = {});

// The full path of a program on PATH ("" when there is none).
std::string find_program(const std::string& name);

// What identifies a program: its path, size and time ("missing" when there is
// none), so a new Pandoc renders everything again without running it to ask its version.
std::string program_identity(const std::string& path);

}  // namespace leeway
