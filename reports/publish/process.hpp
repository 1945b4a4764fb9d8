// Running a program as a subprocess: an argument vector (never a shell), no
// standard input, its output to a log file, and a time limit after which the
// program and everything it started are killed.
#pragma once
#include <string>
#include <vector>

namespace leeway {

struct ProcessResult {
  bool started = false;  // false: the program was not found or could not run
  bool timed_out = false;
  int exit_code = -1;    // -1 when killed by a signal
  std::string output;    // what it wrote (standard output and error), at most 4 KiB kept
  bool ok() const { return started && !timed_out && exit_code == 0; }
};

// argv[0] is looked up on PATH when it has no '/'. `log_path` receives the output.
ProcessResult run_process(const std::vector<std::string>& argv, const std::string& log_path, double timeout_seconds);

// The full path of a program on PATH ("" when there is none).
std::string find_program(const std::string& name);

}  // namespace leeway
