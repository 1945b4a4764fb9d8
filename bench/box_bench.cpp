// box_bench: the regions of issue 16. For every policy of a synthetic
// repository, its gaps as the sweep finds them and as coalescing leaves
// them: boxes per policy and time, best of several runs, with the machine.
// `check` as a whole process, before and after, is leeway_bench's to time.
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <numeric>

#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include "compiler/analysis/coalesce.hpp"
#include "compiler/analysis/compile.hpp"
#include "compiler/analysis/gaps.hpp"
#include "compiler/analysis/greedy_cover.hpp"
#include "compiler/core/values.hpp"
#include "compiler/frontend/repo_source.hpp"
#include "machine.hpp"
#include "synthetic.hpp"

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

int main(int argc, char** argv) {
  CLI::App app{"Counts gap boxes per policy before and after coalescing, and times both."};
  std::string work = "bench-data";
  int repeat = 3;
  app.add_option("--work", work, "a scratch folder for the synthetic repositories")->capture_default_str();
  app.add_option("--repeat", repeat, "runs per measurement (the best is kept)")->capture_default_str();
  CLI11_PARSE(app, argc, argv);
  std::printf("machine: %s\n", bench::machine().c_str());
  std::printf("%-44s %9s %9s %7s %10s %10s %8s %9s\n", "repository (gaps, one thread)", "boxes", "boxes", "fewer", "sweep", "coalesce", "policies",
              "greedy");
  std::printf("%-44s %9s %9s %7s %10s %10s %8s %9s\n", "", "swept", "now", "", "s", "s", "", "cover");
  struct Case {
    const char* name;
    bench::SyntheticSpec spec;
  };
  for (const Case& c :
       {Case{"100 policies x 100 items, conflict-heavy", {100, 100, 6, true, 3}}, Case{"1 policy x 20000 items (clean)", {1, 20000, 6, false, 2}},
        Case{"1000 policies x 100 items (clean)", {1000, 100, 6, false, 1}}}) {
    std::string dir = (fs::path(work) / fmt::format("boxes-{}-{}", c.spec.policies, c.spec.items)).string();
    bench::write_synthetic(dir, c.spec);
    leeway::DiskSource source(dir);
    leeway::Expected<leeway::Compilation> comp = leeway::compile(source, leeway::CompileOptions{false, 0});
    if (!comp) {
      std::fprintf(stderr, "box_bench: %s\n", comp.error().c_str());
      return 2;
    }
    double sweep = 1e30, merge = 1e30;
    std::size_t raw_boxes = 0, boxes = 0, policies = 0, greedy = 0, greedy_unknown = 0;
    for (int r = 0; r < repeat; ++r) {
      double s = 0, m = 0;
      raw_boxes = boxes = policies = greedy = greedy_unknown = 0;
      for (const auto& space : comp->spaces) {
        if (!space) continue;
        ++policies;
        std::vector<const leeway::Box*> deciding;
        for (const auto& it : space->items)
          if (it.decides()) deciding.push_back(&it.box);
        std::vector<bool> contiguous;
        for (const leeway::Dimension* d : space->dims) contiguous.push_back(leeway::is_numeric(*d));
        auto t0 = Clock::now();
        std::vector<leeway::Box> raw = leeway::uncovered_boxes(space->domain, deciding, contiguous, 1);
        auto t1 = Clock::now();
        raw_boxes += raw.size();
        std::vector<leeway::Box> now = leeway::coalesce(std::move(raw), contiguous);
        auto t2 = Clock::now();
        boxes += now.size();
        // The peer's method on the same region: a greedy maximal cover, on its
        // own (first point left, grown dimension by dimension in order).
        std::vector<const leeway::Box*> region;
        for (const leeway::Box& b : now) region.push_back(&b);
        std::vector<std::size_t> order(contiguous.size());
        std::iota(order.begin(), order.end(), std::size_t{0});
        if (auto cover = leeway::greedy_cover(region, contiguous, order, std::size_t{1} << 28))
          greedy += cover->size();
        else
          ++greedy_unknown;
        s += std::chrono::duration<double>(t1 - t0).count();
        m += std::chrono::duration<double>(t2 - t1).count();
      }
      sweep = std::min(sweep, s), merge = std::min(merge, m);
    }
    std::printf("%-44s %9zu %9zu %6.2fx %10.3f %10.3f %8zu %9zu%s\n", c.name, raw_boxes, boxes,
                boxes ? static_cast<double>(raw_boxes) / static_cast<double>(boxes) : 1.0, sweep, merge, policies, greedy,
                greedy_unknown ? fmt::format(" ({} policies too large to count)", greedy_unknown).c_str() : "");
    auto per = [&](std::size_t n) { return policies ? static_cast<double>(n) / static_cast<double>(policies) : 0.0; };
    std::printf("%-44s %9.1f %9.1f   (boxes per policy) %30.1f\n", "", per(raw_boxes), per(boxes), per(greedy));
  }
  return 0;
}
