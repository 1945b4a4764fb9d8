#include "reports/documents/practice.hpp"

#include "compiler/core/assets.hpp"
#include "compiler/core/json_writer.hpp"
#include "compiler/core/safe_text.hpp"
#include "compiler/core/words.hpp"
#include "compiler/query/query.hpp"

namespace leeway {

PracticeQuestion practice_question(const DocContext& ctx, int policy, const Drill& drill, int role, int number, const std::string& answer) {
  const Repository& repo = ctx.repo();
  const Policy& p = repo.policies[static_cast<std::size_t>(policy)];
  const PolicySpace& space = *ctx.comp.spaces[static_cast<std::size_t>(policy)];
  PracticeQuestion q;
  q.number = number;
  q.policy = policy_name(p);
  q.situation = capitalised(point_words(space, drill.point, repo.manifest.currency));
  // Every outcome, then everyone who grants one of the policy's exceptions
  // that this reader does not grant, then the policy owner: the same choices
  // for every question of the policy, so the choices give nothing away.
  for (std::size_t o = 0; o < p.outcomes.size(); ++o) q.choices.push_back(capitalised(outcome_words(p, static_cast<int>(o))));
  std::vector<int> askable;
  for (const Item& it : p.items)
    if (it.kind == ItemKind::exception && it.role >= 0 && !ctx.may_grant(role, it) &&
        std::find(askable.begin(), askable.end(), it.role) == askable.end())
      askable.push_back(it.role);
  std::sort(askable.begin(), askable.end());
  for (int r : askable) q.choices.push_back("Ask the " + role_words(repo.manifest, r));
  q.choices.push_back(p.owner.empty() ? "Ask the policy owner" : "Ask " + p.owner);
  const std::size_t owner = q.choices.size() - 1;

  const Decision& d = drill.decision;
  q.correct = owner;  // silent, or the policy contradicts itself
  if (!d.conflict && d.decided_by != DecidedBy::none && !d.items.empty()) {
    const Item& it = p.items[static_cast<std::size_t>(d.items.front())];
    if (d.decided_by == DecidedBy::exception && !ctx.may_grant(role, it)) {
      auto at = std::find(askable.begin(), askable.end(), it.role);
      if (at != askable.end()) q.correct = p.outcomes.size() + static_cast<std::size_t>(at - askable.begin());
    } else if (d.outcome >= 0) {
      q.correct = static_cast<std::size_t>(d.outcome);
    }
  }
  q.answer = answer;
  return q;
}

std::string practice_html(const std::vector<PracticeQuestion>& questions) {
  std::string list;
  {
    JsonWriter w(list);
    w.begin_array();
    for (const PracticeQuestion& q : questions) {
      w.begin_object().plain_key("number").integer(q.number).plain_key("policy").string(q.policy).plain_key("situation").string(q.situation);
      w.plain_key("choices").begin_array();
      for (const std::string& c : q.choices) w.string(c);
      w.end_array().plain_key("correct").integer(q.correct).plain_key("answer").string(q.answer).end_object();
    }
    w.end_array();
  }
  std::string page(asset("practice.html"));
  std::string data = script_json(list);
  const std::string marker = "@DATA@";
  if (std::size_t at = page.find(marker); at != std::string::npos) page.replace(at, marker.size(), data);
  return page;
}

}  // namespace leeway
