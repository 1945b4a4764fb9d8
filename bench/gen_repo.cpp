// gen_repo: writes a synthetic policy repository for benchmarks and experiments.
#include <cstdio>

#include <CLI/CLI.hpp>

#include "synthetic.hpp"

int main(int argc, char** argv) {
  CLI::App app{"Writes a synthetic leeway policy repository (policies x items x dimensions)."};
  std::string out;
  bench::SyntheticSpec spec;
  app.add_option("OUT", out, "the folder to write (replaced)")->required();
  app.add_option("--policies", spec.policies, "number of policies")->capture_default_str();
  app.add_option("--items", spec.items, "items per policy")->capture_default_str();
  app.add_option("--dims", spec.dimensions, "dimensions per policy, 2..6")->capture_default_str();
  app.add_flag("--conflicts", spec.conflicts, "random overlapping items instead of a clean tiling");
  app.add_option("--seed", spec.seed, "random seed")->capture_default_str();
  CLI11_PARSE(app, argc, argv);
  int files = bench::write_synthetic(out, spec);
  std::printf("wrote %d files to %s\n", files, out.c_str());
  return 0;
}
