#include "reports/publish/atomic_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <string>
#include <vector>

#include <fmt/format.h>

namespace leeway {
namespace fs = std::filesystem;

Status write_file_atomically(const fs::path& path, std::string_view bytes) {
  std::string name = (path.parent_path() / ("." + path.filename().string() + ".leeway-XXXXXX")).string();
  std::vector<char> tmp(name.begin(), name.end());
  tmp.push_back('\0');
  int fd = mkostemp(tmp.data(), O_CLOEXEC);
  if (fd < 0) return Failure{fmt::format("cannot write {}: {}", path.string(), std::strerror(errno))};
  auto fail = [&](int err) -> Status {
    ::close(fd);
    ::unlink(tmp.data());
    return Failure{fmt::format("cannot write {}: {}", path.string(), std::strerror(err))};
  };
  for (std::size_t done = 0; done < bytes.size();) {
    ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return fail(n < 0 ? errno : ENOSPC);
    done += static_cast<std::size_t>(n);
  }
  if (::fchmod(fd, 0644) != 0 || ::fsync(fd) != 0) return fail(errno);
  if (::close(fd) != 0) {
    int err = errno;
    ::unlink(tmp.data());
    return Failure{fmt::format("cannot write {}: {}", path.string(), std::strerror(err))};
  }
  if (::rename(tmp.data(), path.c_str()) != 0) {
    int err = errno;
    ::unlink(tmp.data());
    return Failure{fmt::format("cannot write {}: {}", path.string(), std::strerror(err))};
  }
  return success();
}

}  // namespace leeway
