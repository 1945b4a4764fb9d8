// Running the leeway binary as a user would, and fixture repositories on disk.
#pragma once
#include <map>
#include <string>
#include <vector>

namespace e2e {

struct Result {
  int exit = -1;
  std::string out, err;
};

// Runs argv (no shell) with extra environment variables; stdin is empty.
Result run(const std::vector<std::string>& argv, const std::map<std::string, std::string>& env = {});
Result leeway(const std::vector<std::string>& args, const std::map<std::string, std::string>& env = {});

// A fresh temporary folder, removed when the object goes away.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::string& path() const { return path_; }
  void write(const std::string& rel, const std::string& text) const;

 private:
  std::string path_;
};

std::string read_file(const std::string& path);
// A snapshot of every file below a folder (path -> bytes), to prove nothing changed.
std::map<std::string, std::string> snapshot(const std::string& dir);

}  // namespace e2e
