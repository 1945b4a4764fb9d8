#include "synthetic.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <random>

#include <fmt/format.h>

namespace bench {
namespace fs = std::filesystem;

namespace {

// d0..d5: the dimensions a synthetic policy decides over.
struct Dim {
  const char* name;
  const char* type;
  int lo, hi;  // integer / money units; enum: value count in hi+1
};
const Dim kDims[] = {{"d0", "integer", 0, 9999}, {"d1", "integer", 0, 999}, {"d2", "money", 0, 9999},
                     {"d3", "enum", 0, 7},       {"d4", "bool", 0, 1},      {"d5", "enum", 0, 3}};

std::string manifest() {
  std::string m = "[repository]\nname = \"Synthetic\"\nedition = \"bench\"\ncurrency = \"USD\"\n\n";
  for (const Dim& d : kDims) {
    m += fmt::format("[dimensions.{}]\ntype = \"{}\"\n", d.name, d.type);
    if (std::string(d.type) == "enum") {
      m += "values = [";
      for (int v = 0; v <= d.hi; ++v) m += fmt::format("{}\"v{}\"", v ? ", " : "", v);
      m += "]\n";
    } else if (std::string(d.type) != "bool") {
      m += fmt::format("min = {}\nmax = {}\n", d.lo, d.hi);
    }
    m += "\n";
  }
  m += "[roles.clerk]\nmax_cost = 50\nreports_to = \"lead\"\n\n[roles.lead]\nmax_cost = 500\n";
  return m;
}

std::string range(int lo, int hi) { return fmt::format("\"{}..{}\"", lo, hi); }

// Splits [lo, hi] into n slabs; returns their starts (and hi + 1 at the end).
std::vector<int> slabs(int lo, int hi, int n) {
  std::vector<int> cuts;
  for (int i = 0; i <= n; ++i) cuts.push_back(lo + static_cast<int>((static_cast<long>(hi - lo + 1) * i) / n));
  return cuts;
}

std::string clean_policy(int p, const SyntheticSpec& s, std::mt19937& rng) {
  int dims = std::clamp(s.dimensions, 2, 6);
  std::string over;
  for (int d = 0; d < dims; ++d) over += fmt::format("{}\"{}\"", d ? ", " : "", kDims[d].name);
  std::string out =
      fmt::format("[policy]\nid = \"p{}\"\ntitle = \"Synthetic policy {}\"\nover = [{}]\noutcomes = [\"grant\", \"deny\", \"refer\"]\n", p, p, over);
  // About 70% rules (a grid over d0 x d1), 25% exceptions (one inside each of
  // the first rules), 5% lines (on d4 = true when there is a d4; else none).
  int n_lines = dims >= 5 ? std::max(1, s.items / 20) : 0;
  int n_rules = std::max(1, (s.items - n_lines) * 3 / 4);
  int n_exc = std::max(0, s.items - n_lines - n_rules);
  int a = std::max(1, static_cast<int>(std::sqrt(n_rules)));
  int b = std::max(1, n_rules / a);
  n_rules = a * b;
  n_exc = std::min(n_exc, n_rules);
  auto c0 = slabs(kDims[0].lo, kDims[0].hi, a), c1 = slabs(kDims[1].lo, kDims[1].hi, b);
  std::uniform_int_distribution<int> outcome(0, 2);
  const char* outcomes[] = {"grant", "deny", "refer"};
  std::vector<int> rule_outcome;
  for (int i = 0; i < a; ++i)
    for (int j = 0; j < b; ++j) {
      int o = outcome(rng);
      rule_outcome.push_back(o);
      out += fmt::format("\n[[rule]]\nid = \"r{}-{}\"\nwhen = {{ d0 = {}, d1 = {} }}\nthen = \"{}\"\nsays = \"Synthetic rule.\"\n", i, j,
                         range(c0[i], c0[i + 1] - 1), range(c1[j], c1[j + 1] - 1), outcomes[o]);
    }
  for (int e = 0; e < n_exc; ++e) {
    int i = e / b, j = e % b;
    int w0 = c0[i + 1] - c0[i], w1 = c1[j + 1] - c1[j];
    std::string when = fmt::format("d0 = {}, d1 = {}", range(c0[i], c0[i] + std::max(0, w0 / 2 - 1)), range(c1[j], c1[j] + std::max(0, w1 / 2 - 1)));
    if (dims >= 3) when += ", d2 = \"0..500\"";
    if (dims >= 4) when += ", d3 = [\"v0\", \"v1\"]";
    if (dims >= 5) when += ", d4 = false";
    int o = (rule_outcome[static_cast<std::size_t>(e)] + 1) % 3;
    out += fmt::format(
        "\n[[exception]]\nid = \"e{}\"\nbends = \"r{}-{}\"\nwhen = {{ {} }}\nthen = \"{}\"\ngranted_by = \"{}\"\nmax_cost = {}\n"
        "[exception.why]\ncared_for = \"c\"\ncost_effective = \"e\"\nloyalty = \"l\"\n",
        e, i, j, when, outcomes[o], e % 2 ? "lead" : "clerk", e % 2 ? 400 : 40);
  }
  auto cl = slabs(kDims[0].lo, kDims[0].hi, std::max(1, n_lines));
  for (int l = 0; l < n_lines; ++l)
    out += fmt::format("\n[[line]]\nid = \"l{}\"\nwhen = {{ d4 = true, d0 = {} }}\nthen = \"deny\"\n", l, range(cl[l], cl[l + 1] - 1));
  return out;
}

std::string random_set(const Dim& d, std::mt19937& rng) {
  std::uniform_int_distribution<int> v(d.lo, d.hi);
  std::string t = d.type;
  if (t == "bool") return v(rng) ? "true" : "false";
  if (t == "enum") {
    std::string s = "[";
    int k = 0;
    for (int x = 0; x <= d.hi; ++x)
      if (v(rng) % 2 == 0) s += fmt::format("{}\"v{}\"", k++ ? ", " : "", x);
    if (k == 0) s += "\"v0\"";
    return s + "]";
  }
  int x = v(rng), y = v(rng);
  return range(std::min(x, y), std::max(x, y));
}

std::string conflicted_policy(int p, const SyntheticSpec& s, std::mt19937& rng) {
  int dims = std::clamp(s.dimensions, 2, 6);
  std::string over;
  for (int d = 0; d < dims; ++d) over += fmt::format("{}\"{}\"", d ? ", " : "", kDims[d].name);
  std::string out = fmt::format("[policy]\nid = \"p{}\"\nover = [{}]\noutcomes = [\"grant\", \"deny\", \"refer\"]\n", p, over);
  std::uniform_int_distribution<int> pick(0, 99), outcome(0, 2), dim(0, dims - 1);
  const char* outcomes[] = {"grant", "deny", "refer"};
  std::vector<int> rules;
  for (int i = 0; i < s.items; ++i) {
    int k = pick(rng);
    std::string kind = k < 70 || rules.empty() ? "rule" : k < 95 ? "exception" : "line";
    std::string when;
    for (int d = 0; d < dims; ++d)
      if (pick(rng) < 60) when += fmt::format("{}{} = {}", when.empty() ? "" : ", ", kDims[d].name, random_set(kDims[d], rng));
    out += fmt::format("\n[[{}]]\nid = \"i{}\"\n{}then = \"{}\"\n", kind, i, when.empty() ? "" : "when = { " + when + " }\n", outcomes[outcome(rng)]);
    if (kind == "exception")
      out += fmt::format("bends = \"i{}\"\ngranted_by = \"clerk\"\nmax_cost = 20\n", rules[static_cast<std::size_t>(pick(rng)) % rules.size()]);
    if (kind == "rule") rules.push_back(i);
  }
  return out;
}

}  // namespace

int write_synthetic(const std::string& dir, const SyntheticSpec& spec) {
  fs::remove_all(dir);
  fs::create_directories(dir);
  std::ofstream(fs::path(dir) / "leeway.toml") << manifest();
  std::mt19937 rng(spec.seed);
  for (int p = 0; p < spec.policies; ++p) {
    fs::path f = fs::path(dir) / fmt::format("group{:02}", p % 50) / fmt::format("p{}.toml", p);
    fs::create_directories(f.parent_path());
    std::ofstream(f) << (spec.conflicts ? conflicted_policy(p, spec, rng) : clean_policy(p, spec, rng));
  }
  return spec.policies + 1;
}

void write_batch_csv(const std::string& path, const SyntheticSpec& spec, long rows) {
  int dims = std::clamp(spec.dimensions, 2, 6);
  std::ofstream out(path);
  std::string line;
  for (int d = 0; d < dims; ++d) line += fmt::format("{}{}", d ? "," : "", kDims[d].name);
  out << line << '\n';
  std::mt19937 rng(spec.seed + 7);
  for (long r = 0; r < rows; ++r) {
    line.clear();
    for (int d = 0; d < dims; ++d) {
      const Dim& dm = kDims[d];
      int v = std::uniform_int_distribution<int>(dm.lo, dm.hi)(rng);
      std::string t = dm.type;
      if (d) line += ',';
      if (t == "bool")
        line += v ? "true" : "false";
      else if (t == "enum")
        line += fmt::format("v{}", v);
      else if (t == "money")
        line += v == dm.hi ? std::to_string(v) : fmt::format("{}.{:02}", v, v % 100);
      else
        line += std::to_string(v);
    }
    out << line << '\n';
  }
}

}  // namespace bench
