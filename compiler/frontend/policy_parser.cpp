#include "compiler/frontend/policy_parser.hpp"

#include <algorithm>
#include <string_view>
#include <unordered_map>

#include <fmt/format.h>

#include "compiler/core/ids.hpp"
#include "compiler/core/parallel.hpp"
#include "compiler/core/suggest.hpp"
#include "compiler/frontend/condition.hpp"
#include "compiler/frontend/titles.hpp"
#include "compiler/frontend/toml_reader.hpp"
#include "compiler/frontend/waiver_parser.hpp"

namespace leeway {
namespace {

std::vector<std::string> dimension_names(const Manifest& m) {
  std::vector<std::string> out;
  for (const auto& d : m.dimensions) out.push_back(d.name);
  return out;
}

// A list of names with no repeats; reports each repeat with a note at the first.
void check_unique(const std::vector<std::string>& names, const toml::node* node, const SourceFile& file, const char* what, Diagnostics& diags) {
  const toml::array* arr = node ? node->as_array() : nullptr;
  for (std::size_t i = 0; arr && i < names.size(); ++i)
    for (std::size_t j = 0; j < i; ++j)
      if (names[i] == names[j]) {
        auto& d = diags.add(DiagnosticKind::duplicate_value, pos_of(file, (*arr)[i].source()), fmt::format("`{}` lists `{}` twice", what, names[i]),
                            "remove the repeated name");
        d.notes.push_back({pos_of(file, (*arr)[j].source()), "first listed here"});
        break;
      }
}

void parse_header(Policy& p, TableReader& r, const Manifest& manifest) {
  Diagnostics& diags = r.diags();
  const SourceFile& file = r.file();
  r.allow_only({"id", "title", "owner", "over", "outcomes", "outcome_titles", "summary", "description", "map"});
  if (auto id = r.string("id", true)) {
    p.id = *id;
    if (!is_valid_id(p.id)) {
      diags.add(DiagnosticKind::bad_id, r.value_pos("id"), fmt::format("`{}` is not a valid policy id", p.id),
                "use letters, digits, '_' and '-' only; '.' separates a policy from its items");
      p.valid = false;
    }
  } else {
    p.valid = false;
  }
  p.title = r.string("title", false).value_or(p.id);
  p.owner = r.string("owner", false).value_or("");
  p.summary = r.string("summary", false).value_or("");

  auto over = r.string_list("over", true);
  if (!over) {
    p.valid = false;
  } else if (over->empty()) {
    diags.add(DiagnosticKind::empty_list, r.value_pos("over"), fmt::format("policy `{}` decides over no dimension", p.id),
              "name the dimensions its conditions use: over = [\"days_since_purchase\"]");
  } else {
    check_unique(*over, r.get("over"), file, "over", diags);
    const toml::array* arr = r.get("over")->as_array();
    auto names = dimension_names(manifest);
    for (std::size_t i = 0; i < over->size(); ++i) {
      const std::string& n = (*over)[i];
      int d = manifest.dimension_index(n);
      if (d < 0) {
        std::string hint = did_you_mean(n, names);
        diags.add(DiagnosticKind::unknown_dimension, pos_of(file, (*arr)[i].source()), fmt::format("`{}` is not a dimension", n),
                  hint.empty() ? fmt::format("declare [dimensions.{}] in leeway.toml", n) : hint);
        p.valid = false;
        continue;
      }
      if (std::find(p.over.begin(), p.over.end(), d) == p.over.end()) p.over.push_back(d);
    }
  }
  if (auto map = r.string_list("map", false)) {
    const toml::array* arr = r.get("map")->as_array();
    if (map->empty() || map->size() > 2)
      diags.add(DiagnosticKind::bad_map, r.value_pos("map"), fmt::format("`map` of policy `{}` names {} dimensions", p.id, map->size()),
                "name one or two of the policy's `over` dimensions: map = [\"days_since_purchase\", \"customer_tier\"]");
    for (std::size_t i = 0; i < map->size(); ++i) {
      int d = manifest.dimension_index((*map)[i]);
      if (d >= 0 && std::find(p.over.begin(), p.over.end(), d) != p.over.end()) continue;
      diags.add(DiagnosticKind::dimension_not_over, pos_of(file, (*arr)[i].source()),
                fmt::format("`map` names `{}`, which is not in the `over` of policy `{}`", (*map)[i], p.id),
                "the decision map is drawn over dimensions the policy decides over; name one of `over`");
    }
    p.map = *map;
  }
  auto outcomes = r.string_list("outcomes", true);
  if (outcomes) {
    if (outcomes->empty())
      diags.add(DiagnosticKind::empty_list, r.value_pos("outcomes"), fmt::format("policy `{}` lists no outcomes", p.id),
                "list what its rules may decide: outcomes = [\"refund\", \"decline\"]");
    check_unique(*outcomes, r.get("outcomes"), file, "outcomes", diags);
    p.outcomes = *outcomes;
    p.outcome_titles = read_titles(r, "outcome_titles", p.outcomes, DiagnosticKind::unknown_outcome, "an outcome of this policy");
  } else {
    p.valid = false;
  }
}

void parse_when(Item& item, const toml::table& when, const Policy& p, const Manifest& manifest, const SourceFile& file, Diagnostics& diags) {
  for (auto&& [k, v] : when) {
    std::string name(k.str());
    Pos kpos = pos_of(file, k.source());
    int d = manifest.dimension_index(name);
    if (d < 0) {
      std::string hint = did_you_mean(name, dimension_names(manifest));
      diags.add(DiagnosticKind::unknown_dimension, kpos, fmt::format("`{}` is not a dimension", name),
                hint.empty() ? fmt::format("declare [dimensions.{}] in leeway.toml, or remove the condition", name) : hint);
      item.when_valid = false;
      continue;
    }
    auto at = std::find(p.over.begin(), p.over.end(), d);
    if (at == p.over.end()) {
      diags.add(DiagnosticKind::dimension_not_over, kpos, fmt::format("`{}` is not in the `over` of policy `{}`", name, p.id),
                fmt::format("add \"{}\" to `over` in [policy], or remove the condition", name));
      item.when_valid = false;
      continue;
    }
    const Dimension& dim = manifest.dimensions[static_cast<std::size_t>(d)];
    if (!dim.valid) {
      item.when_valid = false;
      continue;
    }
    auto c = parse_constraint(v, dim, file, diags);
    if (!c) {
      item.when_valid = false;
      continue;
    }
    item.when.push_back(Constraint{static_cast<int>(at - p.over.begin()), std::move(c->set), c->open_ended, pos_of(file, v.source())});
  }
  std::sort(item.when.begin(), item.when.end(), [](const Constraint& a, const Constraint& b) { return a.over_index < b.over_index; });
}

// `forbids = ["refund", ...]`: outcomes of the policy nobody may give where
// the line holds.
void parse_forbids(Item& item, TableReader& r, const Policy& p, const SourceFile& file, Diagnostics& diags) {
  item.forbidding = true;
  item.forbids_pos = r.value_pos("forbids");
  auto names = r.string_list("forbids", true);
  if (!names) return;
  if (names->empty()) {
    diags.add(DiagnosticKind::empty_list, item.forbids_pos, fmt::format("line `{}` forbids nothing", item.id),
              "name the outcomes nobody may give here: forbids = [\"refund\"]");
    return;
  }
  check_unique(*names, r.get("forbids"), file, "forbids", diags);
  const toml::array* arr = r.get("forbids")->as_array();
  for (std::size_t i = 0; i < names->size(); ++i) {
    const std::string& name = (*names)[i];
    auto at = std::find(p.outcomes.begin(), p.outcomes.end(), name);
    if (at == p.outcomes.end()) {
      std::string hint = did_you_mean(name, p.outcomes);
      diags.add(DiagnosticKind::unknown_outcome, pos_of(file, (*arr)[i].source()), fmt::format("`{}` is not an outcome of policy `{}`", name, p.id),
                hint.empty() ? fmt::format("a line forbids outcomes of its policy; add \"{}\" to `outcomes` in [policy]", name) : hint);
      continue;
    }
    item.forbidden.push_back(static_cast<int>(at - p.outcomes.begin()));
  }
  item.forbids = *names;
  std::sort(item.forbidden.begin(), item.forbidden.end());
  item.forbidden.erase(std::unique(item.forbidden.begin(), item.forbidden.end()), item.forbidden.end());
}

Item parse_item(ItemKind kind, const toml::table& t, const Policy& p, const Manifest& manifest, const SourceFile& file, Diagnostics& diags) {
  Item item;
  item.kind = kind;
  item.pos = pos_of(file, t.source());
  std::string label = item_kind_name(kind);
  if (const toml::node* idn = t.get("id"); idn && idn->is_string()) label = fmt::format("{} `{}`", label, *idn->value<std::string>());
  TableReader r(t, file, diags, label);
  if (kind == ItemKind::exception)
    r.allow_only({"id", "title", "when", "then", "says", "bends", "granted_by", "max_cost", "why"});
  else if (kind == ItemKind::line)
    r.allow_only({"id", "title", "when", "then", "forbids", "says"});
  else
    r.allow_only({"id", "title", "when", "then", "says"});

  if (auto id = r.string("id", true)) {
    item.id = *id;
    item.id_pos = r.value_pos("id");
    if (!is_valid_id(item.id))
      diags.add(DiagnosticKind::bad_id, r.value_pos("id"), fmt::format("`{}` is not a valid {} id", item.id, item_kind_name(kind)),
                "use letters, digits, '_' and '-' only; '.' separates a policy from its items");
  }
  item.title = r.string("title", false).value_or("");
  item.says = r.string("says", false).value_or("");
  // A line forces an outcome (`then`) or forbids some (`forbids`): exactly one.
  bool forbids_written = kind == ItemKind::line && r.get("forbids");
  if (forbids_written && r.get("then")) {
    diags.add(DiagnosticKind::conflicting_keys, r.key_pos("forbids"),
              fmt::format("line `{}` has both `then` and `forbids`; a line either forces an outcome or forbids some", item.id),
              "keep `then = \"...\"` for a line that decides, or `forbids = [...]` for one that only rules outcomes out");
  } else if (forbids_written) {
    parse_forbids(item, r, p, file, diags);
  } else if (auto then = r.string("then", true)) {
    item.then = *then;
    item.then_pos = r.value_pos("then");
    auto it = std::find(p.outcomes.begin(), p.outcomes.end(), item.then);
    if (it != p.outcomes.end()) {
      item.outcome = static_cast<int>(it - p.outcomes.begin());
    } else if (!p.outcomes.empty()) {
      std::string hint = did_you_mean(item.then, p.outcomes);
      diags.add(DiagnosticKind::unknown_outcome, item.then_pos, fmt::format("`{}` is not an outcome of policy `{}`", item.then, p.id),
                hint.empty() ? fmt::format("add \"{}\" to `outcomes` in [policy]", item.then) : hint);
    }
  }
  if (const toml::node* w = r.get("when")) {
    if (const toml::table* wt = w->as_table()) {
      if (p.valid) parse_when(item, *wt, p, manifest, file, diags);
    } else {
      r.report_type("when", "a table such as { days_since_purchase = \"0..30\" }");
      item.when_valid = false;
    }
  }
  if (kind == ItemKind::exception) {
    if (auto b = r.string("bends", true)) item.bends = *b, item.bends_pos = r.value_pos("bends");
    if (auto g = r.string("granted_by", true)) item.granted_by = *g, item.granted_by_pos = r.value_pos("granted_by");
    item.max_cost = r.number("max_cost", false, 2);
    item.max_cost_pos = r.value_pos("max_cost");
    item.max_cost_written = r.get("max_cost") != nullptr;
    if (item.max_cost && *item.max_cost < 0) {
      diags.add(DiagnosticKind::bad_amount, item.max_cost_pos, fmt::format("exception `{}` has a negative max_cost", item.id),
                "a ceiling is 0 or more");
      item.max_cost.reset();
    }
    if (const toml::table* why = r.table("why", false)) {
      TableReader w(*why, file, diags, fmt::format("[exception.why] of `{}`", item.id));
      // The TOML trap: a key of the exception written below [exception.why]
      // belongs to that table. Say so, and where the key should go.
      std::vector<std::string> known = {"cared_for", "cost_effective", "loyalty"};
      for (const char* key : {"id", "title", "when", "then", "says", "bends", "granted_by", "max_cost"})
        if (w.get(key)) {
          known.emplace_back(key);
          diags.add(DiagnosticKind::unknown_key, w.key_pos(key),
                    fmt::format("`{}` is read as part of [exception.why]: in TOML, every key after a table header belongs to that table", key),
                    fmt::format("move `{} = ...` above [exception.why], with the other keys of exception `{}`", key, item.id));
        }
      w.allow_only(known);
      item.why.present = true;
      item.why.pos = w.table_pos();
      item.why.cared_for = w.string("cared_for", false).value_or("");
      item.why.cost_effective = w.string("cost_effective", false).value_or("");
      item.why.loyalty = w.string("loyalty", false).value_or("");
    }
  }
  return item;
}

}  // namespace

Policy parse_policy(const toml::table& root, const SourceFile& file, const Manifest& manifest, Diagnostics& diags, unsigned threads) {
  Policy p;
  p.file = file.path();
  p.pos = Pos{file.path(), 1, 1};
  TableReader top(root, file, diags, file.path());
  top.allow_only({"policy", "rule", "exception", "line", "waive"});
  if (const toml::table* header = top.table("policy", true)) {
    p.pos = pos_of(file, header->source());
    TableReader r(*header, file, diags, "[policy]");
    parse_header(p, r, manifest);
  } else {
    p.valid = false;
  }
  struct Kind {
    const char* key;
    ItemKind kind;
  };
  // Items in file order: gather the tables of every kind, order them by
  // position, then parse each once in place.
  struct Entry {
    const toml::table* table;
    ItemKind kind;
  };
  std::vector<Entry> entries;
  // A misspelt item header ([[exeption]]) is reported as an unknown key; its
  // items are still read as the kind it was meant to be, so that one typo
  // does not also unlink the stories and waivers that name them.
  std::vector<std::string> item_keys = {"rule", "exception", "line"};
  std::vector<std::pair<std::string, ItemKind>> misspelt;
  for (const auto& [key, node] : root) {
    std::string name(key.str());
    if (name == "policy" || name == "waive" || std::find(item_keys.begin(), item_keys.end(), name) != item_keys.end()) continue;
    std::string meant = closest(name, item_keys);
    if (meant.empty() || !node.is_array_of_tables()) continue;
    misspelt.emplace_back(name, meant == "rule" ? ItemKind::rule : meant == "exception" ? ItemKind::exception : ItemKind::line);
  }
  for (Kind k : {Kind{"rule", ItemKind::rule}, Kind{"exception", ItemKind::exception}, Kind{"line", ItemKind::line}}) {
    std::vector<std::string> keys = {k.key};
    for (const auto& [name, kind] : misspelt)
      if (kind == k.kind) keys.push_back(name);
    for (const std::string& key : keys) {
      const toml::node* n = top.get(key);
      if (!n) continue;
      const toml::array* arr = n->as_array();
      if (!arr || !arr->is_array_of_tables()) {
        if (keys.size() > 1 && n->is_table()) {
          // [exception.why] after a misspelt [[exeption]] makes a table of its own.
          diags.add(DiagnosticKind::wrong_type, top.value_pos(key),
                    fmt::format("this table belongs to the [[{}]] above it, whose header is misspelt `[[{}]]`", k.key, keys[1]),
                    fmt::format("correct `[[{}]]` to `[[{}]]`", keys[1], k.key));
          continue;
        }
        diags.add(DiagnosticKind::wrong_type, top.value_pos(key), fmt::format("`{}` must be a list of tables", key),
                  fmt::format("write each one under its own [[{}]] header", key));
        p.valid = false;  // its items are unknown, so its meaning is too
        continue;
      }
      for (const auto& el : *arr) entries.push_back(Entry{el.as_table(), k.kind});
    }
  }
  auto at = [](const Entry& e) { return std::pair(e.table->source().begin.line, e.table->source().begin.column); };
  std::stable_sort(entries.begin(), entries.end(), [&](const Entry& a, const Entry& b) { return at(a) < at(b); });
  // Items are independent of one another: a large file parses them in
  // chunks on several threads, each chunk with its own diagnostics.
  constexpr std::size_t kChunk = 1024;
  std::size_t chunks = (entries.size() + kChunk - 1) / kChunk;
  p.items.resize(entries.size());
  std::vector<Diagnostics> chunk_diags(chunks);
  parallel_for(chunks, chunks > 1 ? threads : 1, [&](std::size_t c) {
    for (std::size_t i = c * kChunk; i < std::min(entries.size(), (c + 1) * kChunk); ++i)
      p.items[i] = parse_item(entries[i].kind, *entries[i].table, p, manifest, file, chunk_diags[c]);
  });
  for (auto& d : chunk_diags) diags.append(std::move(d.all()));
  parse_waivers(p, top, file, diags);
  // Duplicate ids, each reported at the second with a note at the first.
  std::unordered_map<std::string_view, std::size_t> first;
  first.reserve(p.items.size());
  for (std::size_t i = 0; i < p.items.size(); ++i) {
    if (p.items[i].id.empty()) continue;
    auto [at, inserted] = first.emplace(p.items[i].id, i);
    if (inserted) continue;
    const Item& earlier = p.items[at->second];
    auto& d = diags.add(DiagnosticKind::duplicate_id, p.items[i].id_pos, fmt::format("policy `{}` already has an item `{}`", p.id, p.items[i].id),
                        "give each rule, exception and line of a policy its own id");
    d.notes.push_back({earlier.id_pos, fmt::format("`{}` is first defined here", earlier.id)});
    d.policy = p.id;
  }
  return p;
}

}  // namespace leeway
