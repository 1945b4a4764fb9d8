#include <cstdio>
#include <cstdlib>
#include <exception>

#include "app/cli/cli.hpp"

#ifdef LEEWAY_MIMALLOC
#include <mimalloc.h>
#endif

int main(int argc, char** argv) {
#ifdef LEEWAY_MIMALLOC
  // 2 MiB pages where the kernel offers them (transparent huge pages): a
  // large check touches a few hundred MB, and every 4 KiB page is a fault.
  // MIMALLOC_LARGE_OS_PAGES=0 in the environment still turns it off.
  if (!std::getenv("MIMALLOC_LARGE_OS_PAGES")) mi_option_set_enabled(mi_option_large_os_pages, true);
#endif
  try {
    return leeway::run_cli(argc, argv);
  } catch (const std::bad_alloc&) {
    std::fputs("leeway: error: out of memory\n", stderr);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "leeway: internal error: %s\nplease report this with the repository that caused it\n", e.what());
  }
  return 2;
}
