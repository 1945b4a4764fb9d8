#include "compiler/analysis/analysis.hpp"

#include <algorithm>
#include <cstdint>
#include <memory>
#include <thread>

#include <fmt/format.h>

#include "compiler/analysis/conflicts.hpp"
#include "compiler/analysis/gaps.hpp"
#include "compiler/analysis/item_checks.hpp"
#include "compiler/analysis/overlaps.hpp"
#include "compiler/core/diagnostic_catalog.hpp"
#include "compiler/core/parallel.hpp"
#include "compiler/core/values.hpp"

namespace leeway {

std::vector<std::optional<PolicySpace>> compile_spaces(const Repository& repo, unsigned threads) {
  std::vector<std::optional<PolicySpace>> spaces(repo.policies.size());
  parallel_for(repo.policies.size(), threads, [&](std::size_t i) { spaces[i] = compile_space(repo, static_cast<int>(i)); });
  return spaces;
}

namespace {

// The diagnostic that says a policy's list was cut at the cap.
Diagnostic over_cap(const Repository& repo, const PolicySpace& s, const char* what, std::size_t total, std::size_t cap) {
  const Policy& p = repo.policies[static_cast<std::size_t>(s.policy)];
  Diagnostic d = Diagnostic::of(DiagnosticKind::limit_exceeded, p.pos);
  d.policy = p.id;
  d.message = fmt::format("policy `{}` has {} {}; only the first {} are listed", p.id, total, what, cap);
  d.hint = fmt::format("fix the first ones and check again, or raise the limit: --limit-diagnostics {}", total);
  return d;
}

// The conflicting pairs of a policy (overlaps.hpp): a finding's `a` and `b`
// are its two items' places in the space. Sources are made long after the
// analysis, by a report, and point only into what outlives them as it moves
// (a Compilation's policies and spaces), never at the Repository itself.
class PairSource final : public FindingSource {
 public:
  explicit PairSource(const PolicySpace& s) : FindingSource(s.source->id), s_(s) {}
  Diagnostic make(const Finding& f) const override { return overlap_diagnostic(s_, s_.items[f.a], s_.items[f.b], f.kind); }
  bool names(const Finding& f, std::string_view q) const override {
    const Policy& p = *s_.source;
    for (std::uint32_t i : {f.a, f.b}) {
      const std::string& id = p.items[static_cast<std::size_t>(s_.items[i].item)].id;
      if (q.size() == policy.size() + 1 + id.size() && q.substr(0, policy.size()) == policy && q[policy.size()] == '.' &&
          q.substr(policy.size() + 1) == id)
        return true;
    }
    return false;
  }

 private:
  const PolicySpace& s_;
};

// The gaps of a policy: where no rule and no forcing line decides (a
// forbidding line decides nothing). A finding's `a` is its gap's number.
class GapSource final : public FindingSource {
 public:
  GapSource(const Policy& p, const PolicySpace& s, std::vector<Box> gaps)
      : FindingSource(p.id),
        p_(p),
        s_(s),
        gaps_(std::move(gaps)),
        message_(fmt::format("policy `{}` is silent here: no rule and no line decides these situations", p.id)) {}
  Diagnostic make(const Finding& f) const override {
    Diagnostic d = Diagnostic::of(DiagnosticKind::gap, p_.pos);
    d.policy = p_.id;
    d.message = message_;
    // The region, its example and the hint only for the gaps someone reads.
    d.details = [space = &s_, gap = &gaps_[f.a]](Diagnostic& x) {
      make_region(*space, *gap, x.region ? *x.region : x.region.emplace());
      example_in(*space, *gap, x.example);
      x.hint = "add a rule (or a line) that decides them, so staff know the normal answer";
      x.notes.clear();
    };
    return d;
  }
  bool names(const Finding&, std::string_view) const override { return false; }  // a gap names no item
  std::size_t size() const { return gaps_.size(); }

 private:
  const Policy& p_;
  const PolicySpace& s_;
  std::vector<Box> gaps_;
  std::string message_;
};

// What one part of a policy's analysis found: the diagnostics made (the
// exception checks, few, and the cuts at the cap), and the findings of
// `source`, counted before they are placed: a conflict-heavy repository has
// 180,000, each made once straight into its place in one list.
struct Found {
  std::vector<Diagnostic> made;
  std::shared_ptr<const FindingSource> source;
  const PolicySpace* space = nullptr;
  struct Pair {
    std::uint32_t i, j;
    DiagnosticKind kind;
  };
  std::vector<Pair> pairs;  // the conflicts
  std::uint32_t gaps = 0;   // the gaps (GapSource)
  std::size_t count() const { return pairs.size() + gaps; }
};

// The findings of `f`, written from `at` on.
void place_findings(const Found& f, Finding* at) {
  if (!f.space) return;
  const Policy& p = *f.space->source;
  for (const auto& [i, j, kind] : f.pairs)
    *at++ = Finding{f.source.get(), &overlap_subject(p, f.space->items[i], f.space->items[j], kind).pos, nullptr, i, j, kind};
  for (std::uint32_t k = 0; k < f.gaps; ++k) *at++ = Finding{f.source.get(), &p.pos, nullptr, k, 0, DiagnosticKind::gap};
}

// Every overlapping pair whose overlap means something (overlaps.hpp): the
// errors (conflicts, crossed lines) and the warnings (overrides-rule) are
// each listed up to `cap`.
void find_conflicts(const Repository& repo, const PolicySpace& s, std::size_t cap, Found& f) {
  const Policy& p = repo.policies[static_cast<std::size_t>(s.policy)];
  std::vector<const Box*> boxes;
  for (const auto& it : s.items) boxes.push_back(&it.box);
  std::size_t errors = 0, overrides = 0;  // pairs of each sort found, past the cap too
  auto keep = [&](std::size_t i, std::size_t j) { return overlap_kind(p, s.items[i], s.items[j]).has_value(); };
  overlapping_pairs(boxes, keep, [&](std::size_t i, std::size_t j) {
    DiagnosticKind kind = *overlap_kind(p, s.items[i], s.items[j]);
    std::size_t& found = kind == DiagnosticKind::overrides_rule ? overrides : errors;
    if (found++ >= cap) return;
    f.pairs.push_back({static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(j), kind});
  });
  if (errors > cap) f.made.push_back(over_cap(repo, s, "conflicting pairs", errors, cap));
  if (overrides > cap) f.made.push_back(over_cap(repo, s, "exceptions overriding other rules", overrides, cap));
  f.source = std::make_shared<PairSource>(s);
  f.space = &s;
}

void find_gaps(const Repository& repo, const PolicySpace& s, unsigned threads, std::size_t cap, Found& f) {
  const Policy& p = repo.policies[static_cast<std::size_t>(s.policy)];
  std::vector<Box> gaps = policy_gaps(s, threads);
  if (gaps.size() > cap) {
    f.made.push_back(over_cap(repo, s, "silent regions", gaps.size(), cap));
    gaps.resize(cap);
  }
  f.gaps = static_cast<std::uint32_t>(gaps.size());
  f.source = std::make_shared<GapSource>(p, s, std::move(gaps));
  f.space = &s;
}

// A policy's analysis in three independent parts.
enum Part : std::size_t { conflicts_part, gaps_part, checks_part, part_count };

void find_part(const Repository& repo, const std::vector<std::optional<PolicySpace>>& spaces, int policy, Part part, unsigned threads,
               std::size_t cap, Found& f) {
  const auto& space = spaces[static_cast<std::size_t>(policy)];
  switch (part) {
    case conflicts_part:
      if (space) find_conflicts(repo, *space, cap, f);
      break;
    case gaps_part:
      if (space) find_gaps(repo, *space, threads, cap, f);
      break;
    case checks_part: check_exceptions(repo, spaces, policy, f.made); break;
    case part_count: break;
  }
}

}  // namespace

void analyse(const Repository& repo, const std::vector<std::optional<PolicySpace>>& spaces, Diagnostics& out, unsigned threads, std::size_t cap) {
  // Each policy's parts run as separate tasks; with fewer policies than
  // cores, the gap search of a policy also shares its work out. What a task
  // finds is filled in a Found of its own and moved into its slot when
  // done: slots side by side share cache lines.
  std::size_t n = repo.policies.size();
  unsigned cores = threads ? threads : std::max(1u, std::thread::hardware_concurrency());
  unsigned inner = n < cores ? cores : 1;
  std::size_t tasks = n * part_count;
  std::vector<Found> found(tasks);
  parallel_for(tasks, threads, [&](std::size_t t) {
    Found f;
    find_part(repo, spaces, static_cast<int>(t / part_count), static_cast<Part>(t % part_count), inner, cap, f);
    found[t] = std::move(f);
  });
  std::size_t made = 0;
  std::vector<std::size_t> offset(tasks + 1, out.findings().size());
  for (std::size_t t = 0; t < tasks; ++t) made += found[t].made.size(), offset[t + 1] = offset[t] + found[t].count();
  std::vector<Finding>& findings = out.findings();
  findings.resize(offset[tasks]);  // exactly: no doubling of a large list
  parallel_for(tasks, threads, [&](std::size_t t) {
    place_findings(found[t], findings.data() + offset[t]);
    std::vector<Found::Pair>().swap(found[t].pairs);
  });
  std::vector<Diagnostic>& list = out.all();
  list.reserve(list.size() + made);
  for (Found& f : found) {
    list.insert(list.end(), std::make_move_iterator(f.made.begin()), std::make_move_iterator(f.made.end()));
    if (f.source) out.keep(std::move(f.source));
  }
}

}  // namespace leeway
