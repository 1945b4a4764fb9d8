#include "compiler/core/region.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "compiler/core/values.hpp"

namespace leeway {
namespace {

std::string entry_words(const RegionEntry& e) {
  std::string name = name_in_words(e.dimension);
  auto num = [&](std::int64_t v) { return e.type == RegionEntry::Type::money ? format_money(v) : std::to_string(v); };
  std::string unit = e.unit.empty() ? "" : " " + e.unit;
  switch (e.type) {
    case RegionEntry::Type::integer:
    case RegionEntry::Type::money:
      if (e.lo == e.hi) return fmt::format("{}: exactly {}{}", name, num(e.lo), unit);
      return fmt::format("{}: {} to {}{}", name, num(e.lo), num(e.hi), unit);
    case RegionEntry::Type::enumeration: return fmt::format("{}: {}", name, or_list(e.values));
    case RegionEntry::Type::boolean:
      if (e.values.size() == 1) return fmt::format("{}: {}", name, e.values[0] == "true" ? "yes" : "no");
      return fmt::format("{}: yes or no", name);
  }
  return name;
}

}  // namespace

std::string region_in_words(const Region& r) {
  std::string out;
  for (const auto& e : r) {
    if (e.full) continue;
    out += (out.empty() ? "" : "; ") + entry_words(e);
  }
  return out.empty() ? "every situation" : out;
}

std::string with_article(std::string_view word) {
  bool vowel = !word.empty() && std::string_view("aeiouAEIOU").find(word.front()) != std::string_view::npos;
  return (vowel ? "an " : "a ") + std::string(word);
}

std::string or_list(const std::vector<std::string>& words) {
  std::string out;
  for (std::size_t i = 0; i < words.size(); ++i) out += (i == 0 ? "" : i + 1 == words.size() ? " or " : ", ") + words[i];
  return out;
}

std::string name_in_words(std::string_view dimension) {
  std::string name(dimension);
  std::replace(name.begin(), name.end(), '_', ' ');
  return name;
}

}  // namespace leeway
