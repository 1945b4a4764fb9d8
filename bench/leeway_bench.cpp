// leeway_bench: the numbers issue 3 asks for, in one run.
//   - `leeway check` time against the time to merely parse the same files
//     with toml++ (the floor no checker can beat), for 1000 policies x 100
//     items and for one policy of 20,000 items over 6 dimensions;
//   - peak memory of each check (the child's max RSS);
//   - `leeway query --batch` throughput.
// Times are the best of several runs, wall clock.
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <fcntl.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <vector>

#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <toml++/toml.h>

#include "synthetic.hpp"

extern char** environ;
namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {

struct Run {
  double seconds = 0;
  long max_rss_kb = 0;
  int exit = -1;
};

// Runs argv with stdout to `out_path` (or /dev/null), returns wall time and peak RSS.
Run spawn(const std::vector<std::string>& argv, const std::string& out_path = "/dev/null") {
  posix_spawn_file_actions_t fa;
  posix_spawn_file_actions_init(&fa);
  posix_spawn_file_actions_addopen(&fa, 1, out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  std::vector<char*> args;
  for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  pid_t pid;
  auto t0 = Clock::now();
  Run r;
  if (posix_spawn(&pid, argv[0].c_str(), &fa, nullptr, args.data(), environ) != 0) return r;
  int status = 0;
  rusage ru{};
  wait4(pid, &status, 0, &ru);
  r.seconds = std::chrono::duration<double>(Clock::now() - t0).count();
  r.max_rss_kb = ru.ru_maxrss;
  r.exit = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  posix_spawn_file_actions_destroy(&fa);
  return r;
}

// The floor: read every .toml file and parse it with toml++, nothing else.
double parse_only(const std::string& dir) {
  auto t0 = Clock::now();
  std::size_t nodes = 0;
  for (const auto& e : fs::recursive_directory_iterator(dir)) {
    if (e.path().extension() != ".toml") continue;
    std::ifstream in(e.path(), std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    std::string text = ss.str();
    toml::table t = toml::parse(std::string_view(text), std::string_view(e.path().native()));
    nodes += t.size();
  }
  if (nodes == 0) std::fputs("warning: nothing parsed\n", stderr);
  return std::chrono::duration<double>(Clock::now() - t0).count();
}

template <class F>
double best_of(int n, F f) {
  double best = 1e30;
  for (int i = 0; i < n; ++i) best = std::min(best, f());
  return best;
}

struct Scenario {
  std::string name;
  bench::SyntheticSpec spec;
  double goal_ratio;  // 0: no goal
};

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Benchmarks leeway check and query against the toml++ parse-only floor."};
  std::string leeway, work = "bench-data";
  int repeat = 3;
  long batch_rows = 1'000'000;
  bool quick = false;
  app.add_option("--leeway", leeway, "the leeway binary")->required();
  app.add_option("--work", work, "a scratch folder for the synthetic repositories")->capture_default_str();
  app.add_option("--repeat", repeat, "runs per measurement (the best is kept)")->capture_default_str();
  app.add_option("--batch-rows", batch_rows, "rows for the query --batch measurement")->capture_default_str();
  app.add_flag("--quick", quick, "smaller repositories, for a smoke test");
  CLI11_PARSE(app, argc, argv);

  std::vector<Scenario> scenarios = {
      {"1000 policies x 100 items, 6 dims (clean)", {1000, 100, 6, false, 1}, 1.5},
      {"1 policy x 20000 items, 6 dims (clean)", {1, 20000, 6, false, 2}, 2.0},
      {"100 policies x 100 items, 6 dims (conflict-heavy)", {100, 100, 6, true, 3}, 0},
  };
  if (quick) {
    scenarios[0].spec.policies = 50;
    scenarios[1].spec.items = 2000;
    scenarios[2].spec.policies = 10;
  }
  std::printf("%-52s %10s %10s %8s %8s %10s %8s\n", "scenario", "parse (s)", "check (s)", "ratio", "goal", "peak MB", "exit");
  bool all_ok = true;
  for (std::size_t i = 0; i < scenarios.size(); ++i) {
    const Scenario& s = scenarios[i];
    std::string dir = fs::path(work) / fmt::format("scenario{}", i);
    bench::write_synthetic(dir, s.spec);
    double parse = best_of(repeat, [&] { return parse_only(dir); });
    Run best;
    best.seconds = 1e30;
    for (int r = 0; r < repeat; ++r) {
      Run run = spawn({leeway, "check", dir, "--format", "json"});
      if (run.seconds < best.seconds) best = run;
    }
    double ratio = best.seconds / parse;
    bool ok = s.goal_ratio == 0 || ratio <= s.goal_ratio;
    all_ok = all_ok && ok && best.max_rss_kb < 1024 * 1024;
    std::printf("%-52s %10.3f %10.3f %7.2fx %8s %10.1f %8d\n", s.name.c_str(), parse, best.seconds, ratio,
                s.goal_ratio > 0 ? fmt::format("{:.1f}x", s.goal_ratio).c_str() : "-", best.max_rss_kb / 1024.0, best.exit);
  }

  // query --batch: one policy of 100 items over 6 dimensions.
  bench::SyntheticSpec qspec{1, 100, 6, false, 4};
  std::string qdir = fs::path(work) / "query";
  bench::write_synthetic(qdir, qspec);
  std::string csv = fs::path(work) / "batch.csv";
  bench::write_batch_csv(csv, qspec, batch_rows);
  for (const char* format : {"csv", "jsonl"}) {
    Run best;
    best.seconds = 1e30;
    for (int r = 0; r < repeat; ++r) {
      Run run = spawn({leeway, "query", qdir, "p0", "--batch", csv, "--format", format});
      if (run.seconds < best.seconds) best = run;
    }
    double rate = static_cast<double>(batch_rows) / best.seconds;
    all_ok = all_ok && rate >= 1e6;
    std::printf("query --batch --format %-5s %ld situations: %.3f s, %.2f M situations/s (goal 1 M/s), peak %.1f MB, exit %d\n", format,
                batch_rows, best.seconds, rate / 1e6, best.max_rss_kb / 1024.0, best.exit);
  }
  std::printf("%s\n", all_ok ? "all goals met" : "some goals NOT met");
  return 0;
}
