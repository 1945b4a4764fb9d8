// A compiled policy in words, as `leeway query` and the documents say it:
// situations, where an item holds, and the leeway there (normally, options,
// lines); and the situations asked about, read from `dim=value` words. The
// words of the model itself (names, values, outcomes, ceilings) are
// compiler/core/words.hpp's; the JSON is written by compiler/emit/query_json.
#pragma once
#include <string>
#include <vector>

#include "compiler/core/expected.hpp"
#include "compiler/query/answer.hpp"

namespace leeway {

// Parses `dim=value` words into the situations they describe: a box of the
// space, one value for each dimension given and the whole domain of each
// left out. Fails naming an unknown dimension, a value outside its domain,
// or a dimension given twice.
Expected<Box> parse_situations(const PolicySpace& space, const std::vector<std::string>& words);

// The JSON object of a v1 decision (one line, no newline): the keys of
// `leeway query --format json` that version 1 had.
std::string decision_json(const Repository& repo, const Policy& policy, const Decision& d);

// A situation: "days since purchase: 61 days; has receipt: yes; ...".
std::string point_words(const PolicySpace& space, const std::vector<std::int64_t>& point, const std::string& currency);
// Where an item holds: "days since purchase: 31 to 60 days; customer tier: gold or platinum".
std::string box_words(const PolicySpace& space, const Box& box);
// The same for item `item` of a policy whose space may be missing (it could
// not be analysed): then "where its conditions hold".
std::string item_where_words(const PolicySpace* space, int item);

// Who asks, for the words of an answer: `as_role` -1 when nobody said (--as).
struct Asker {
  const RepoGraph* graph = nullptr;
  int as_role = -1;
};

// One statement of an answer, as `leeway query` words it (the explorer shows
// the same sentences). An option reads differently to whoever may grant it,
// to someone who has to ask, and to nobody in particular (no --as); a
// blocked option reads the same to everyone.
enum class OptionReader { anyone, grantor, asker };
std::string normal_sentence(const Policy& policy, const NormalAnswer& normal);
std::string option_sentence(const Repository& repo, const Policy& policy, const OptionAnswer& option, OptionReader reader);
std::string line_sentence(const Policy& policy, int line);
OptionReader option_reader(const Policy& policy, const OptionAnswer& option, const Asker& asker);

// The leeway in words, the person's view first: "Normally: decline (...).
// You may ask the Shift supervisor to refund, up to 200 USD (...). Never: ...".
// One line a statement, each indented by `indent`.
std::string answer_text(const Repository& repo, const Policy& policy, const Answer& a, const Asker& asker, const std::string& indent);

// The whole text of a query: the policy, then the answer, or, where the
// answer depends on what was left out, each region with its answer.
std::string query_text(const Repository& repo, const Policy& policy, const PolicySpace& space, const std::vector<AnsweredRegion>& regions,
                       const Asker& asker);

}  // namespace leeway
