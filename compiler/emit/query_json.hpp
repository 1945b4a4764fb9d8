// `leeway query --format json`: the object of docs/query.md. Its version 1
// keys (the decision), then the leeway: `normal`, `options`, `lines`; or,
// where the answer depends on dimensions left out, `depends_on` and
// `answers`, one per region, with the version 1 keys null.
#pragma once
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "compiler/query/query.hpp"

namespace leeway {

// {"normal": ..., "options": [...], "lines": [...]}
nlohmann::ordered_json answer_to_json(const Repository& repo, const Policy& policy, const Answer& a, const Asker& asker);
// The same keys, added to `out`.
void put_answer(nlohmann::ordered_json& out, const Repository& repo, const Policy& policy, const Answer& a, const Asker& asker);

// The whole object, one line. `decision` is the v1 decision where the answer
// is the same over every situation asked about.
std::string query_json(const Repository& repo, const Policy& policy, const PolicySpace& space, const std::vector<AnsweredRegion>& regions,
                       const Decision& decision, const Asker& asker);

}  // namespace leeway
