// The policy in a trainer's words: situations, how far an exception goes,
// ceilings and roles. Plain text; the documents escape it where it lands.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "compiler/query/decision_index.hpp"
#include "compiler/core/model.hpp"
#include "compiler/core/words.hpp"

namespace leeway {

// A situation: "days since purchase: 61 days; has receipt: yes; ...".
std::string point_words(const PolicySpace& space, const std::vector<std::int64_t>& point, const std::string& currency);
// Where an item holds: "days since purchase: 31 to 60 days; customer tier: gold or platinum".
std::string box_words(const PolicySpace& space, const Box& box);
// The same for item `item` of a policy whose space may be missing (it could
// not be analysed): then "where its conditions hold".
std::string item_where_words(const PolicySpace* space, int item);
// An exception's ceiling: "up to 200 USD", or a warning that it states none.
std::string ceiling_words(const Item& exception, const std::string& currency);
// "a refund or an exchange": what a forbidding line rules out, in words.
std::string forbidden_words(const Policy& policy, const Item& line);
}  // namespace leeway
