#include "reports/documents/words.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "compiler/core/values.hpp"

namespace leeway {

std::string point_words(const PolicySpace& space, const std::vector<std::int64_t>& point, const std::string& currency) {
  std::string out;
  for (std::size_t d = 0; d < space.dims.size(); ++d)
    out += fmt::format("{}{}: {}", out.empty() ? "" : "; ", dimension_label(*space.dims[d]), value_words(*space.dims[d], point[d], currency));
  return out;
}

std::string box_words(const PolicySpace& space, const Box& box) { return region_in_words(make_region(space, box)); }

std::string item_where_words(const PolicySpace* space, int item) {
  const CompiledItem* c = space ? find_compiled(*space, item) : nullptr;
  return c ? box_words(*space, c->box) : "where its conditions hold";
}

std::string ceiling_words(const Item& exception, const std::string& currency) {
  if (!exception.max_cost) return "no ceiling stated (ask the policy owner to state one)";
  return "up to " + money_words(*exception.max_cost, currency);
}

std::string forbidden_words(const Policy& policy, const Item& line) {
  std::vector<std::string> words;
  for (const std::string& o : line.forbids) words.push_back(outcome_words(policy, o));
  return or_list(words);
}

}  // namespace leeway
