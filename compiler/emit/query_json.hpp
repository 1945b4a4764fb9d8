// `leeway query --format json`: the object of docs/query.md. Its version 1
// keys (the decision), then the leeway: `normal`, `options`, `lines`; or,
// where the answer depends on dimensions left out, `depends_on` and
// `answers`, one per region, with the version 1 keys null.
#pragma once
#include <string>
#include <vector>

#include "compiler/core/json_writer.hpp"
#include "compiler/query/query.hpp"

namespace leeway {

// The keys "normal", "options" and "lines" of an answer, into the object `w` is in.
void write_answer_keys(JsonWriter& w, const Repository& repo, const Policy& policy, const Answer& a, const Asker& asker);

// The whole object, one line. `decision` is the v1 decision where the answer
// is the same over every situation asked about.
std::string query_json(const Repository& repo, const Policy& policy, const PolicySpace& space, const std::vector<AnsweredRegion>& regions,
                       const Decision& decision, const Asker& asker);

}  // namespace leeway
