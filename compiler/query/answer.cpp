#include "compiler/query/answer.hpp"

#include <algorithm>

#include "compiler/analysis/coalesce.hpp"
#include "compiler/analysis/sweep.hpp"
#include "compiler/core/values.hpp"

namespace leeway {

Answer answer_among(const Policy& policy, const std::vector<int>& hold) {
  auto item = [&](int i) -> const Item& { return policy.items[static_cast<std::size_t>(i)]; };
  std::vector<int> sorted = hold;
  std::sort(sorted.begin(), sorted.end());
  Answer a;
  std::vector<int> forcing, rules;
  for (int i : sorted) {
    const Item& it = item(i);
    if (it.kind == ItemKind::line) {
      a.lines.push_back(i);
      if (!it.forbidding) forcing.push_back(i);
    } else if (it.kind == ItemKind::rule) {
      rules.push_back(i);
    } else {
      a.options.push_back({i, -1});
    }
  }
  auto by_id = [&](int x, int y) { return item(x).id < item(y).id; };
  std::stable_sort(a.lines.begin(), a.lines.end(), by_id);
  std::stable_sort(a.options.begin(), a.options.end(), [&](const OptionAnswer& x, const OptionAnswer& y) { return by_id(x.exception, y.exception); });
  for (OptionAnswer& o : a.options) {
    const Item& exc = item(o.exception);
    for (int l : a.lines) {
      if (crosses(exc, item(l))) {
        o.blocked_by = l;
        break;
      }
    }
  }
  const std::vector<int>& deciding = forcing.empty() ? rules : forcing;
  if (!deciding.empty()) {
    a.normal.decided_by = forcing.empty() ? DecidedBy::rule : DecidedBy::line;
    a.normal.items = deciding;
    a.normal.outcome = item(deciding.front()).outcome;
    for (int i : deciding)
      if (item(i).outcome != a.normal.outcome) a.normal.outcome = -1;
  }
  return a;
}

std::vector<AnsweredRegion> answers_over(const PolicySpace& space, const Policy& policy, const Box& situations) {
  std::vector<const Box*> boxes;
  for (const CompiledItem& c : space.items) boxes.push_back(&c.box);
  std::vector<bool> contiguous;
  for (const Dimension* d : space.dims) contiguous.push_back(is_numeric(*d));
  std::vector<Answer> answers;  // label -> answer
  auto label = [&](const std::vector<std::size_t>& active) {
    std::vector<int> hold;
    for (std::size_t k : active) hold.push_back(space.items[k].item);
    Answer a = answer_among(policy, hold);
    auto at = std::find(answers.begin(), answers.end(), a);
    if (at != answers.end()) return static_cast<std::size_t>(at - answers.begin());
    answers.push_back(std::move(a));
    return answers.size() - 1;
  };
  std::vector<AnsweredRegion> out;
  // As few regions as can be found (analysis/coalesce.hpp): a person reads each one.
  for (auto& [box, l] : coalesce(partition(situations, boxes, contiguous, label), contiguous)) out.push_back({std::move(box), answers[l]});
  return out;
}

std::vector<std::size_t> varying_dimensions(const std::vector<AnsweredRegion>& regions, std::size_t dimensions) {
  // Along d exactly when two regions that answer differently meet in every
  // other dimension: then a situation of one and one of the other differ in d only.
  std::vector<std::size_t> out;
  for (std::size_t d = 0; d < dimensions; ++d) {
    bool varies = false;
    for (std::size_t i = 0; i < regions.size() && !varies; ++i)
      for (std::size_t j = i + 1; j < regions.size() && !varies; ++j) {
        if (regions[i].answer == regions[j].answer) continue;
        bool meet = true;
        for (std::size_t e = 0; e < dimensions && meet; ++e)
          if (e != d && !regions[i].box[e].overlaps(regions[j].box[e])) meet = false;
        varies = meet;
      }
    if (varies) out.push_back(d);
  }
  return out;
}

bool may_grant(const RepoGraph& graph, int role, const Item& exception) {
  if (role < 0 || exception.role < 0) return false;
  std::vector<int> above = roles_above(graph, exception.role);
  return std::find(above.begin(), above.end(), role) != above.end();
}

}  // namespace leeway
