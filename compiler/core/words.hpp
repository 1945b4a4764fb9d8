// The words a person reads for what the policies name by id: dimensions,
// their values, outcomes, amounts, roles, ceilings, lines; and the small
// words every output shares (plurals, "or" lists). Titles where the
// repository gives them (docs/format.md, "Titles"), else the ids said
// plainly. JSON keeps ids. A compiled policy's words (situations, where an
// item holds, answers) need its space: compiler/query/query.hpp has them.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "compiler/core/model.hpp"

namespace leeway {

// "an integer", "a supervisor": the word with its indefinite article.
std::string with_article(std::string_view word);
// "gold", "gold or platinum", "standard, gold or platinum".
std::string or_list(const std::vector<std::string>& words);
// A name as a reader says it: "days since purchase" for days_since_purchase.
std::string name_in_words(std::string_view name);
// "1 region", "2 regions": the count and the noun that agrees with it.
std::string plural(std::size_t n, const char* one, const char* many);
// "1 day", "2 days": the unit agrees with the number.
std::string unit_words(const std::string& number, std::int64_t value, const std::string& unit);

// A dimension: its title, else its name in words.
std::string dimension_label(const Dimension& dim);
// "200 USD", "19.99 USD".
std::string money_words(std::int64_t cents, const std::string& currency);
// One value of a dimension: "61 days", "1 day", "yes", "Gold member", "19.99 USD".
std::string value_words(const Dimension& dim, std::int64_t v, const std::string& currency);
// The title of a role, an item or a policy, or its id when it has none.
std::string role_words(const Manifest& manifest, int role);  // "nobody named" for -1
const std::string& item_name(const Item& item);
const std::string& policy_name(const Policy& policy);
// "No return" for "no return": the first letter upper-case (ASCII).
std::string capitalised(std::string s);

// An outcome of a policy (an index into its outcomes, or its id): its title, else the id in words.
std::string outcome_words(const Policy& policy, int outcome);
std::string outcome_words(const Policy& policy, const std::string& outcome);

// An exception's ceiling: "up to 200 USD", or a warning that it states none.
std::string ceiling_words(const Item& exception, const std::string& currency);
// "refund or exchange": what a forbidding line rules out, in words.
std::string forbidden_words(const Policy& policy, const Item& line);

}  // namespace leeway
