#include "app/lsp/completion.hpp"

#include <fmt/format.h>

#include "app/lsp/text_position.hpp"
#include "compiler/core/values.hpp"
#include "compiler/core/words.hpp"

namespace leeway::lsp {
namespace {

// The protocol's CompletionItemKind values used here.
constexpr int kField = 5, kValue = 12, kEnumMember = 20, kClass = 7, kReference = 18;

}  // namespace

nlohmann::json completions(const Compilation& c, const std::string& file, std::size_t offset) {
  nlohmann::json items = nlohmann::json::array();
  auto f = c.repo.files.find(file);
  if (f == c.repo.files.end()) return items;
  std::string_view text = f->second.text();
  Expectation x = expected_at(c, file, offset);
  nlohmann::json range = range_json(text, x.begin, std::min(offset, text.size()));
  // `quote`: a string value gets its quotes unless the cursor is inside them.
  auto add = [&](const std::string& label, int kind, const std::string& detail, bool quote, const std::string& sort = "") {
    std::string insert = quote && !x.quoted ? "\"" + label + "\"" : label;
    nlohmann::json item = {{"label", label}, {"kind", kind}, {"detail", detail}, {"textEdit", {{"range", range}, {"newText", insert}}}};
    if (!sort.empty()) item["sortText"] = sort;
    items.push_back(std::move(item));
  };
  const Manifest& m = c.repo.manifest;
  const Policy* p = x.policy >= 0 ? &c.repo.policies[static_cast<std::size_t>(x.policy)] : nullptr;
  switch (x.what) {
    case Expectation::dimension: {
      // In a condition, the policy's own dimensions; in `over`, all of them.
      std::string key_line(text.substr(0, offset));
      bool in_when =
          p && key_line.rfind("when") != std::string::npos && key_line.rfind('{') != std::string::npos && key_line.rfind('{') > key_line.rfind('\n');
      for (std::size_t d = 0; d < m.dimensions.size(); ++d) {
        if (in_when && std::find(p->over.begin(), p->over.end(), static_cast<int>(d)) == p->over.end()) continue;
        const Dimension& dim = m.dimensions[d];
        add(dim.name, kField, fmt::format("{} ({})", dim.title.empty() ? name_in_words(dim.name) : dim.title, dim_type_name(dim.type)), !in_when);
      }
      break;
    }
    case Expectation::value: {
      const Dimension& dim = m.dimensions[static_cast<std::size_t>(x.dim)];
      if (dim.type == DimType::enumeration)
        for (std::size_t v = 0; v < dim.values.size(); ++v)
          add(dim.values[v], kEnumMember, v < dim.value_titles.size() && !dim.value_titles[v].empty() ? dim.value_titles[v] : dim.name, true,
              fmt::format("{:04}", v));
      else if (dim.type == DimType::boolean) {
        add("true", kValue, dim.name, false);
        add("false", kValue, dim.name, false);
      } else if (dim.valid) {
        add(fmt::format("{}..{}", format_value(dim, dim.lo()), format_value(dim, dim.hi())), kValue, fmt::format("the whole range of {}", dim.name),
            true);
      }
      break;
    }
    case Expectation::outcome:
      if (p)
        for (std::size_t o = 0; o < p->outcomes.size(); ++o)
          add(p->outcomes[o], kValue, outcome_words(*p, static_cast<int>(o)), true, fmt::format("{:04}", o));
      break;
    case Expectation::role:
      for (const Role& r : m.roles) add(r.id, kClass, r.title.empty() ? r.id : r.title, true);
      break;
    case Expectation::rule:
      if (p)
        for (const Item& it : p->items)
          if (it.kind == ItemKind::rule && !it.id.empty()) add(it.id, kReference, item_name(it), true);
      break;
    case Expectation::item:
      for (const Policy& pol : c.repo.policies) {
        if (p && &pol != p) continue;  // a waiver names items of its own policy
        for (const Item& it : pol.items)
          if (!it.id.empty()) add(p ? it.id : pol.id + "." + it.id, kReference, item_name(it), true);
      }
      break;
    case Expectation::nothing: break;
  }
  return items;
}

}  // namespace leeway::lsp
