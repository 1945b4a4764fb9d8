#include "compiler/analysis/analysis.hpp"

#include <algorithm>
#include <cstdint>
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

// Every overlapping pair whose overlap means something (overlaps.hpp): the
// errors (conflicts, crossed lines) and the warnings (overrides-rule) are
// each listed up to `cap`.
void find_conflicts(const Repository& repo, const PolicySpace& s, std::size_t cap, FindingSink& sink) {
  const Policy& p = repo.policies[static_cast<std::size_t>(s.policy)];
  std::vector<const Box*> boxes;
  for (const auto& it : s.items) boxes.push_back(&it.box);
  auto keep = [&](std::size_t i, std::size_t j) { return overlap_kind(p, s.items[i], s.items[j]).has_value(); };
  std::size_t errors = 0, overrides = 0;
  auto item = [&](std::size_t i) { return &p.items[static_cast<std::size_t>(s.items[i].item)]; };
  // The pairs first, then their diagnostics, with room for all of them at once.
  struct Pair {
    std::uint32_t i, j;
    DiagnosticKind kind;
  };
  std::vector<Pair> pairs;
  overlapping_pairs(boxes, keep, [&](std::size_t i, std::size_t j) {
    DiagnosticKind kind = *overlap_kind(p, s.items[i], s.items[j]);
    std::size_t& found = kind == DiagnosticKind::overrides_rule ? overrides : errors;
    if (found++ >= cap) return;
    pairs.push_back({static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(j), kind});
  });
  sink.expect(pairs.size());
  for (const auto& [i, j, kind] : pairs) {
    const Pos& at = overlap_subject(p, s.items[i], s.items[j], kind).pos;
    sink.offer(kind, at, item(i), item(j), [&] { return overlap_diagnostic(repo, s, s.items[i], s.items[j], kind); });
  }
  auto cut = [&](const char* what, std::size_t total) {
    sink.offer(DiagnosticKind::limit_exceeded, p.pos, nullptr, nullptr, [&] { return over_cap(repo, s, what, total, cap); });
  };
  if (errors > cap) cut("conflicting pairs", errors);
  if (overrides > cap) cut("exceptions overriding other rules", overrides);
}

// Gaps: where no rule and no forcing line decides (a forbidding line decides nothing).
void find_gaps(const Repository& repo, const PolicySpace& s, unsigned threads, std::size_t cap, FindingSink& sink) {
  const Policy& p = repo.policies[static_cast<std::size_t>(s.policy)];
  std::vector<Box> gaps = policy_gaps(s, threads);
  if (gaps.size() > cap) {
    sink.offer(DiagnosticKind::limit_exceeded, p.pos, nullptr, nullptr, [&] { return over_cap(repo, s, "silent regions", gaps.size(), cap); });
    gaps.resize(cap);
  }
  std::string message = fmt::format("policy `{}` is silent here: no rule and no line decides these situations", p.id);
  sink.expect(gaps.size());
  for (Box& gap : gaps)
    sink.offer(DiagnosticKind::gap, p.pos, nullptr, nullptr, [&] {
      Diagnostic d = Diagnostic::of(DiagnosticKind::gap, p.pos);
      d.policy = p.id;
      d.message = message;
      // The region, its example and the hint only for the gaps someone reads.
      d.details = [space = &s, gap = std::move(gap)](Diagnostic& x) {
        x.region = make_region(*space, gap);
        x.example = example_in(*space, gap);
        x.hint = "add a rule (or a line) that decides them, so staff know the normal answer";
      };
      return d;
    });
}

// A policy's analysis in three independent parts.
enum Part : std::size_t { conflicts_part, gaps_part, checks_part, part_count };

void analyse_part(const Repository& repo, const std::vector<std::optional<PolicySpace>>& spaces, int policy, Part part,
                  unsigned threads, std::size_t cap, std::size_t keep, std::vector<Diagnostic>& out, Omitted& omitted) {
  const auto& space = spaces[static_cast<std::size_t>(policy)];
  const Policy& p = repo.policies[static_cast<std::size_t>(policy)];
  switch (part) {
    case conflicts_part:
      if (space) {
        FindingSink sink(p, keep, out, omitted);
        find_conflicts(repo, *space, cap, sink);
      }
      break;
    case gaps_part:
      if (space) {
        FindingSink sink(p, keep, out, omitted);
        find_gaps(repo, *space, threads, cap, sink);
      }
      break;
    case checks_part:
      check_exceptions(repo, spaces, policy, out);
      break;
    case part_count: break;
  }
}

}  // namespace

std::vector<Diagnostic> analyse(const Repository& repo, const std::vector<std::optional<PolicySpace>>& spaces, unsigned threads,
                                std::size_t cap, std::size_t keep_first, Omitted* omitted) {
  // Each policy's parts run as separate tasks; with fewer policies than
  // cores, the gap search of a policy also shares its work out.
  std::size_t n = repo.policies.size();
  unsigned cores = threads ? threads : std::max(1u, std::thread::hardware_concurrency());
  unsigned inner = n < cores ? cores : 1;
  std::vector<std::vector<Diagnostic>> per(n * part_count);
  std::vector<Omitted> left_out(omitted ? per.size() : 0);
  parallel_for(per.size(), threads, [&](std::size_t t) {
    // Filled in a list and tally of this thread's own, then moved to slot t:
    // slots side by side share cache lines, and every finding moves their
    // ends and counts.
    std::vector<Diagnostic> found;
    Omitted left;
    analyse_part(repo, spaces, static_cast<int>(t / part_count), static_cast<Part>(t % part_count), inner, cap, omitted ? keep_first : 0,
                 found, left);
    per[t] = std::move(found);
    if (omitted) left_out[t] = std::move(left);
  });
  for (const Omitted& o : left_out) omitted->merge(o);
  // Exactly as much room as the diagnostics need: a conflict-heavy
  // repository has hundreds of thousands, and doubling would leave as many
  // empty slots again.
  std::size_t total = 0;
  for (const auto& v : per) total += v.size();
  std::vector<Diagnostic> out;
  out.reserve(total);
  for (auto& v : per) {
    out.insert(out.end(), std::make_move_iterator(v.begin()), std::make_move_iterator(v.end()));
    std::vector<Diagnostic>().swap(v);  // its memory back at once, for what comes next
  }
  return out;
}

}  // namespace leeway
