// The leeway at a situation: what normally happens (a forcing line, else the
// rules), the exceptions that may be granted there (options; one that crosses
// a line holding there is blocked), and the lines that hold. A partial
// situation (dimensions left out) is answered region by region.
#pragma once
#include <optional>
#include <vector>

#include "compiler/analysis/graph.hpp"
#include "compiler/query/decision_index.hpp"

namespace leeway {

struct NormalAnswer {
  int outcome = -1;                        // -1: none, or the items disagree
  DecidedBy decided_by = DecidedBy::none;  // line, rule or none
  std::vector<int> items;                  // the forcing lines, or else the rules, that hold (item indices, file order)
  bool operator==(const NormalAnswer&) const = default;
};

struct OptionAnswer {
  int exception = -1;   // item index
  int blocked_by = -1;  // the first line (in id order) holding there that it crosses; -1: none
  bool operator==(const OptionAnswer&) const = default;
};

struct Answer {
  NormalAnswer normal;
  std::vector<OptionAnswer> options;  // every exception that holds, in id order
  std::vector<int> lines;             // every line that holds, in id order
  bool operator==(const Answer&) const = default;
};

// The answer among the items that hold at a situation (item indices).
Answer answer_among(const Policy& policy, const std::vector<int>& hold);

// A part of the situations asked about, with its one answer.
struct AnsweredRegion {
  Box box;
  Answer answer;
};

// Every distinct answer over `situations` (a box of the policy's space: one
// value for each dimension given, the whole domain for each left out), as
// disjoint boxes whose union is exactly `situations`.
std::vector<AnsweredRegion> answers_over(const PolicySpace& space, const Policy& policy, const Box& situations);

// The dimensions (indices into the space) along which the answer varies:
// two situations differing in that dimension alone answer differently.
std::vector<std::size_t> varying_dimensions(const std::vector<AnsweredRegion>& regions, std::size_t dimensions);

// May `role` grant `exception`: is it the exception's granted_by, or a role
// that granted_by reports to, directly or through others?
bool may_grant(const RepoGraph& graph, int role, const Item& exception);

}  // namespace leeway
