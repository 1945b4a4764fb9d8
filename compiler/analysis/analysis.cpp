#include "compiler/analysis/analysis.hpp"

#include <algorithm>
#include <cstdint>
#include <stdexcept>
#include <thread>

#include <fmt/format.h>

#include "compiler/analysis/conflicts.hpp"
#include "compiler/analysis/finding_sink.hpp"
#include "compiler/core/diagnostic_catalog.hpp"
#include "compiler/analysis/gaps.hpp"
#include "compiler/analysis/item_checks.hpp"
#include "compiler/analysis/overlaps.hpp"
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

// What one part of a policy's analysis found, before its diagnostics are
// made: the conflicting pairs, the gaps, or (exception checks, few) the
// diagnostics themselves.
struct Findings {
  struct Pair {
    std::uint32_t i, j;
    DiagnosticKind kind;
  };
  std::vector<Pair> pairs;
  std::size_t errors = 0, overrides = 0;  // pairs of each sort found, past the cap too
  std::vector<Box> gaps;
  std::size_t gap_total = 0;  // gaps found, past the cap too
  std::vector<Diagnostic> made;
};

// Every overlapping pair whose overlap means something (overlaps.hpp): the
// errors (conflicts, crossed lines) and the warnings (overrides-rule) are
// each listed up to `cap`.
void find_conflicts(const Repository& repo, const PolicySpace& s, std::size_t cap, Findings& f) {
  const Policy& p = repo.policies[static_cast<std::size_t>(s.policy)];
  std::vector<const Box*> boxes;
  for (const auto& it : s.items) boxes.push_back(&it.box);
  auto keep = [&](std::size_t i, std::size_t j) { return overlap_kind(p, s.items[i], s.items[j]).has_value(); };
  overlapping_pairs(boxes, keep, [&](std::size_t i, std::size_t j) {
    DiagnosticKind kind = *overlap_kind(p, s.items[i], s.items[j]);
    std::size_t& found = kind == DiagnosticKind::overrides_rule ? f.overrides : f.errors;
    if (found++ >= cap) return;
    f.pairs.push_back({static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(j), kind});
  });
}

// Where the diagnostics made go: a FindingSink (which keeps only those that
// may be shown), or, keeping every one, straight into the places counted for them.
using Offer = std::function<void(DiagnosticKind kind, const Pos& pos, const Item* a, const Item* b, const std::function<Diagnostic()>& make)>;

void make_conflicts(const Repository& repo, const PolicySpace& s, std::size_t cap, const Findings& f, const Offer& offer) {
  const Policy& p = repo.policies[static_cast<std::size_t>(s.policy)];
  auto item = [&](std::size_t i) { return &p.items[static_cast<std::size_t>(s.items[i].item)]; };
  for (const auto& [i, j, kind] : f.pairs) {
    const Pos& at = overlap_subject(p, s.items[i], s.items[j], kind).pos;
    offer(kind, at, item(i), item(j), [&] { return overlap_diagnostic(repo, s, s.items[i], s.items[j], kind); });
  }
  auto cut = [&](const char* what, std::size_t total) {
    offer(DiagnosticKind::limit_exceeded, p.pos, nullptr, nullptr, [&] { return over_cap(repo, s, what, total, cap); });
  };
  if (f.errors > cap) cut("conflicting pairs", f.errors);
  if (f.overrides > cap) cut("exceptions overriding other rules", f.overrides);
}

// Gaps: where no rule and no forcing line decides (a forbidding line decides nothing).
void find_gaps(const PolicySpace& s, unsigned threads, std::size_t cap, Findings& f) {
  f.gaps = policy_gaps(s, threads);
  f.gap_total = f.gaps.size();
  if (f.gaps.size() > cap) f.gaps.resize(cap);
}

void make_gaps(const Repository& repo, const PolicySpace& s, std::size_t cap, Findings& f, const Offer& offer) {
  const Policy& p = repo.policies[static_cast<std::size_t>(s.policy)];
  if (f.gap_total > cap)
    offer(DiagnosticKind::limit_exceeded, p.pos, nullptr, nullptr, [&] { return over_cap(repo, s, "silent regions", f.gap_total, cap); });
  std::string message = fmt::format("policy `{}` is silent here: no rule and no line decides these situations", p.id);
  for (Box& gap : f.gaps)
    offer(DiagnosticKind::gap, p.pos, nullptr, nullptr, [&] {
      Diagnostic d = Diagnostic::of(DiagnosticKind::gap, p.pos);
      d.policy = p.id;
      d.message = message;
      // The region, its example and the hint only for the gaps someone reads.
      d.details = [space = &s, gap = std::move(gap)](Diagnostic& x) {
        make_region(*space, gap, x.region ? *x.region : x.region.emplace());
        example_in(*space, gap, x.example);
        x.hint = "add a rule (or a line) that decides them, so staff know the normal answer";
        x.notes.clear();
      };
      return d;
    });
}

// A policy's analysis in three independent parts, each found first and its
// diagnostics made after.
enum Part : std::size_t { conflicts_part, gaps_part, checks_part, part_count };

void find_part(const Repository& repo, const std::vector<std::optional<PolicySpace>>& spaces, int policy, Part part, unsigned threads,
               std::size_t cap, Findings& f) {
  const auto& space = spaces[static_cast<std::size_t>(policy)];
  switch (part) {
    case conflicts_part:
      if (space) find_conflicts(repo, *space, cap, f);
      break;
    case gaps_part:
      if (space) find_gaps(*space, threads, cap, f);
      break;
    case checks_part:
      check_exceptions(repo, spaces, policy, f.made);
      break;
    case part_count: break;
  }
}

// How many diagnostics make_part makes when it keeps every one.
std::size_t count_part(Part part, std::size_t cap, const Findings& f) {
  switch (part) {
    case conflicts_part: return f.pairs.size() + (f.errors > cap) + (f.overrides > cap);
    case gaps_part: return f.gaps.size() + (f.gap_total > cap);
    case checks_part: return f.made.size();
    case part_count: break;
  }
  return 0;
}

// Makes the diagnostics of what `f` found: each conflict and gap is offered
// to `offer`; the exception checks' diagnostics (few, made already, and not
// cut to what text shows) go to `done`.
void make_part(const Repository& repo, const std::vector<std::optional<PolicySpace>>& spaces, int policy, Part part, std::size_t cap, Findings& f,
               const Offer& offer, const std::function<void(Diagnostic&&)>& done) {
  const auto& space = spaces[static_cast<std::size_t>(policy)];
  switch (part) {
    case conflicts_part:
      if (space) make_conflicts(repo, *space, cap, f, offer);
      break;
    case gaps_part:
      if (space) make_gaps(repo, *space, cap, f, offer);
      break;
    case checks_part:
      for (Diagnostic& d : f.made) done(std::move(d));
      break;
    case part_count: break;
  }
}

}  // namespace

void analyse(const Repository& repo, const std::vector<std::optional<PolicySpace>>& spaces, std::vector<Diagnostic>& out, unsigned threads,
             std::size_t cap, std::size_t keep_first, Omitted* omitted) {
  // Each policy's parts run as separate tasks; with fewer policies than
  // cores, the gap search of a policy also shares its work out.
  std::size_t n = repo.policies.size();
  unsigned cores = threads ? threads : std::max(1u, std::thread::hardware_concurrency());
  unsigned inner = n < cores ? cores : 1;
  std::size_t tasks = n * part_count;
  auto policy_of = [](std::size_t t) { return static_cast<int>(t / part_count); };
  auto part_of = [](std::size_t t) { return static_cast<Part>(t % part_count); };
  std::size_t keep = omitted ? keep_first : 0;
  if (keep == 0) {
    // Every diagnostic, made straight into its place once all are counted: a
    // conflict-heavy repository has hundreds of thousands, and each task's
    // list copied into one would hold them twice. What a task finds is filled
    // in a Findings of its own and moved into its slot when done: slots side
    // by side share cache lines.
    std::vector<Findings> found(tasks);
    parallel_for(tasks, threads, [&](std::size_t t) {
      Findings f;
      find_part(repo, spaces, policy_of(t), part_of(t), inner, cap, f);
      found[t] = std::move(f);
    });
    std::vector<std::size_t> offset(tasks + 1, out.size());
    for (std::size_t t = 0; t < tasks; ++t) offset[t + 1] = offset[t] + count_part(part_of(t), cap, found[t]);
    out.resize(offset[tasks]);
    parallel_for(tasks, threads, [&](std::size_t t) {
      Diagnostic* slot = out.data() + offset[t];
      Diagnostic* end = out.data() + offset[t + 1];
      auto place = [&](Diagnostic&& d) {
        if (slot == end) throw std::logic_error("analysis made more diagnostics than it counted");
        *slot++ = std::move(d);
      };
      Offer into_place = [&](DiagnosticKind, const Pos&, const Item*, const Item*, const std::function<Diagnostic()>& make) { place(make()); };
      make_part(repo, spaces, policy_of(t), part_of(t), cap, found[t], into_place, place);
      if (slot != end) throw std::logic_error("analysis made fewer diagnostics than it counted");
      found[t] = Findings();  // the gaps' boxes and the pairs are no longer needed
    });
    return;
  }
  // Text shows the first few: each task keeps what may be among them and
  // counts the rest, so its list stays short.
  std::vector<std::vector<Diagnostic>> per(tasks);
  std::vector<Omitted> left_out(tasks);
  parallel_for(tasks, threads, [&](std::size_t t) {
    Findings f;
    find_part(repo, spaces, policy_of(t), part_of(t), inner, cap, f);
    std::vector<Diagnostic> made;
    Omitted left;
    {
      FindingSink sink(repo.policies[static_cast<std::size_t>(policy_of(t))], keep, made, left);
      Offer offer = [&](DiagnosticKind kind, const Pos& pos, const Item* a, const Item* b, const std::function<Diagnostic()>& make) {
        sink.offer(kind, pos, a, b, make);
      };
      make_part(repo, spaces, policy_of(t), part_of(t), cap, f, offer, [&](Diagnostic&& d) { made.push_back(std::move(d)); });
    }  // the sink adds what it kept
    per[t] = std::move(made);
    left_out[t] = std::move(left);
  });
  for (const Omitted& o : left_out) omitted->merge(o);
  std::size_t total = 0;
  for (const auto& v : per) total += v.size();
  out.reserve(out.size() + total);
  for (auto& v : per) out.insert(out.end(), std::make_move_iterator(v.begin()), std::make_move_iterator(v.end()));
}

}  // namespace leeway
