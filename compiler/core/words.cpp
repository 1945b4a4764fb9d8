#include "compiler/core/words.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "compiler/core/values.hpp"

namespace leeway {

std::string with_article(std::string_view word) {
  bool vowel = !word.empty() && std::string_view("aeiouAEIOU").find(word.front()) != std::string_view::npos;
  return (vowel ? "an " : "a ") + std::string(word);
}

std::string or_list(const std::vector<std::string>& words) {
  std::string out;
  for (std::size_t i = 0; i < words.size(); ++i) out += (i == 0 ? "" : i + 1 == words.size() ? " or " : ", ") + words[i];
  return out;
}

std::string name_in_words(std::string_view name) {
  std::string out(name);
  std::replace(out.begin(), out.end(), '_', ' ');
  return out;
}

std::string plural(std::size_t n, const char* one, const char* many) { return fmt::format("{} {}", n, n == 1 ? one : many); }

std::string unit_words(const std::string& number, std::int64_t value, const std::string& unit) {
  bool one = value == 1 || value == -1;
  bool plural = unit.size() > 2 && unit.back() == 's' && unit[unit.size() - 2] != 's';
  return fmt::format("{} {}", number, one && plural ? unit.substr(0, unit.size() - 1) : unit);
}

std::string dimension_label(const Dimension& dim) { return dim.title.empty() ? name_in_words(dim.name) : dim.title; }

std::string money_words(std::int64_t cents, const std::string& currency) { return format_money(cents) + " " + currency; }

std::string value_words(const Dimension& dim, std::int64_t v, const std::string& currency) {
  std::size_t i = static_cast<std::size_t>(v);
  bool titled = !is_numeric(dim) && v >= 0 && i < dim.value_titles.size() && !dim.value_titles[i].empty();
  if (titled) return dim.value_titles[i];
  switch (dim.type) {
    case DimType::integer: return dim.unit.empty() ? std::to_string(v) : unit_words(std::to_string(v), v, dim.unit);
    case DimType::money: return money_words(v, currency);
    case DimType::boolean: return v ? "yes" : "no";
    case DimType::enumeration: return format_value(dim, v);
  }
  return std::to_string(v);
}

std::string role_words(const Manifest& manifest, int role) {
  if (role < 0) return "nobody named";
  const Role& r = manifest.roles[static_cast<std::size_t>(role)];
  return r.title.empty() ? r.id : r.title;
}

const std::string& item_name(const Item& item) { return item.title.empty() ? item.id : item.title; }
const std::string& policy_name(const Policy& policy) { return policy.title.empty() ? policy.id : policy.title; }

std::string capitalised(std::string s) {
  if (!s.empty() && s[0] >= 'a' && s[0] <= 'z') s[0] = static_cast<char>(s[0] - 'a' + 'A');
  return s;
}

std::string outcome_words(const Policy& policy, int outcome) {
  if (outcome < 0 || static_cast<std::size_t>(outcome) >= policy.outcomes.size()) return "nothing";
  std::size_t o = static_cast<std::size_t>(outcome);
  if (o < policy.outcome_titles.size() && !policy.outcome_titles[o].empty()) return policy.outcome_titles[o];
  return name_in_words(policy.outcomes[o]);
}

std::string outcome_words(const Policy& policy, const std::string& outcome) {
  auto at = std::find(policy.outcomes.begin(), policy.outcomes.end(), outcome);
  return at == policy.outcomes.end() ? name_in_words(outcome) : outcome_words(policy, static_cast<int>(at - policy.outcomes.begin()));
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
