#include "app/cli/command.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <optional>

#include <vector>
#include "compiler/frontend/git_source.hpp"

#include <fmt/format.h>

#include "compiler/emit/diagnostic_text.hpp"

namespace leeway {

namespace fs = std::filesystem;

bool GlobalOptions::color_on(int fd) const {
  const char* no = std::getenv("NO_COLOR");
  if (no && *no) return false;  // wins over --color always
  if (color == "always") return true;
  if (color == "never") return false;
  const char* term = std::getenv("TERM");
  if (term && std::string_view(term) == "dumb") return false;
  return isatty(fd) != 0;
}

ExitCode fail(std::string_view message) {
  std::fprintf(stderr, "leeway: error: %.*s\n", static_cast<int>(message.size()), message.data());
  return ExitCode::cannot_run;
}

namespace {

// Each command runs once and exits: it keeps its compilation to the end of
// the process and lets the system take the memory back, as clang's
// -disable-free does. Freeing a large repository item by item costs as much
// as a tenth of checking it. (Still reachable from here, so LeakSanitizer
// does not count it as a leak.)
Compilation* retain(Compilation&& c) {
  static auto* kept = new std::vector<Compilation*>;
  kept->push_back(new Compilation(std::move(c)));
  return kept->back();
}

}  // namespace

Expected<Compilation*> open_repository(RepoSource& source, const GlobalOptions& global, bool analyse, bool for_report) {
  CompileOptions options = global.compile_options(analyse);
  options.defer = for_report;
  Expected<Compilation> comp = compile(source, options);
  if (!comp) return Failure{comp.error()};
  Compilation* c = retain(std::move(*comp));
  if (!for_report) {
    auto t0 = std::chrono::steady_clock::now();
    c->diags.sort();
    c->timings.emplace_back("sort", std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
  }
  return c;
}

Status check_repository_folder(const std::string& repo) {
  std::error_code ec;
  if (!fs::exists(repo, ec)) return Failure{fmt::format("`{}` does not exist", repo)};
  if (!fs::is_directory(repo, ec)) return Failure{fmt::format("`{}` is not a folder; give the folder that holds leeway.toml", repo)};
  return success();
}

Expected<Compilation*> open_repository(const std::string& repo, const GlobalOptions& global, bool analyse, std::string_view hint, bool for_report) {
  if (Status folder = check_repository_folder(repo); !folder) return Failure{folder.error()};
  DiskSource source(repo);
  Expected<Compilation*> comp = open_repository(source, global, analyse, for_report);
  if (!comp && !hint.empty()) return Failure{fmt::format("{}\n  = hint: {}", comp.error(), hint)};
  return comp;
}

void report_to_stderr(const Compilation& comp, const GlobalOptions& global, std::size_t max) {
  if (comp.diags.all().empty()) return;
  TextOptions opt{global.color_on(STDERR_FILENO), max};
  std::string text = render_text(comp.diags.all(), comp.repo.files, opt);
  std::fwrite(text.data(), 1, text.size(), stderr);
}

void print_timings(const Compilation& comp, const GlobalOptions& global) {
  if (!global.timings) return;
  for (const auto& [stage, secs] : comp.timings) std::fprintf(stderr, "leeway: %-16s %8.3f s\n", stage.c_str(), secs);
}

void write_out(std::string_view s) { std::fwrite(s.data(), 1, s.size(), stdout); }

std::int64_t source_date_epoch(const std::string& repo, const Compilation& comp) {
  if (const char* e = std::getenv("SOURCE_DATE_EPOCH");
      e && *e && std::string_view(e).find_first_not_of("0123456789") == std::string_view::npos && std::strlen(e) < 18)
    return std::stoll(e);
  if (std::optional<std::int64_t> t = head_commit_time(repo)) return *t;
  namespace fs = std::filesystem;
  std::int64_t newest = 0;
  for (const auto& [path, file] : comp.repo.files) {
    struct stat st {};
    if (stat((fs::path(repo) / path).c_str(), &st) == 0) newest = std::max<std::int64_t>(newest, st.st_mtim.tv_sec);
  }
  return newest;
}

bool path_inside(const std::string& inner, const std::string& outer) {
  // Absolute first: weakly_canonical leaves a relative path that does not
  // exist yet ("out") relative, and it would then compare as unrelated.
  namespace fs = std::filesystem;
  std::error_code ec;
  fs::path a = fs::weakly_canonical(fs::absolute(inner, ec), ec), b = fs::weakly_canonical(fs::absolute(outer, ec), ec);
  auto rel = a.lexically_relative(b);
  return !rel.empty() && *rel.begin() != "..";
}

}  // namespace leeway
