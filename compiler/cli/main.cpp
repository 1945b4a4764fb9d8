#include <cstdio>
#include <exception>

#include "compiler/cli/cli.hpp"

int main(int argc, char** argv) {
  try {
    return leeway::run_cli(argc, argv);
  } catch (const std::bad_alloc&) {
    std::fputs("leeway: error: out of memory\n", stderr);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "leeway: internal error: %s\nplease report this with the repository that caused it\n", e.what());
  }
  return 2;
}
