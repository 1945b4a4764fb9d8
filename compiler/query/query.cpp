#include "compiler/query/query.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "compiler/analysis/decision_space.hpp"
#include "compiler/core/region.hpp"
#include "compiler/core/suggest.hpp"
#include "compiler/frontend/condition.hpp"
#include "compiler/query/decision_writer.hpp"

namespace leeway {

Expected<Box> parse_situations(const PolicySpace& space, const std::vector<std::string>& words) {
  Box box = space.domain;
  std::vector<bool> given(space.dims.size(), false);
  auto names = space_dimension_names(space);
  for (const auto& w : words) {
    auto eq = w.find('=');
    if (eq == std::string::npos) return Failure{fmt::format("`{}` is not of the form dimension=value", w)};
    std::string name = w.substr(0, eq), value = w.substr(eq + 1);
    auto it = std::find(names.begin(), names.end(), name);
    if (it == names.end()) {
      std::string hint = did_you_mean(name, names);
      return Failure{fmt::format("`{}` is not a dimension of this policy{}{}", name, hint.empty() ? "" : "; ", hint)};
    }
    std::size_t d = static_cast<std::size_t>(it - names.begin());
    if (given[d]) return Failure{fmt::format("`{}` is given twice; give one value for each dimension", name)};
    Expected<std::int64_t> v = parse_point(value, *space.dims[d]);
    if (!v) return Failure{v.error()};
    box[d] = ValueSet::range(*v, *v);
    given[d] = true;
  }
  return box;
}

std::string decision_json(const Repository& repo, const Policy& policy, const Decision& d) {
  std::string out;
  DecisionWriter(repo, policy).json(out, d);
  return out;
}

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

namespace {

const Item& item_at(const Policy& p, int i) { return p.items[static_cast<std::size_t>(i)]; }

}  // namespace

std::string normal_sentence(const Policy& p, const NormalAnswer& n) {
  if (n.decided_by == DecidedBy::none) return "Normally: nothing is stated; the policy is silent here (ask its owner).";
  std::vector<std::string> titles;
  for (int i : n.items) titles.push_back("\u201c" + item_name(item_at(p, i)) + "\u201d");
  const char* by = n.decided_by == DecidedBy::line ? "the line" : "the rule";
  if (n.outcome < 0) {
    std::vector<std::string> outs;
    for (int i : n.items) outs.push_back(outcome_words(p, item_at(p, i).then));
    return fmt::format("Normally: no single answer; {}s {} disagree ({}).", by, or_list(titles), fmt::join(outs, " / "));
  }
  return fmt::format("Normally: {} ({} {}).", outcome_words(p, n.outcome), by, or_list(titles));
}

std::string option_sentence(const Repository& repo, const Policy& p, const OptionAnswer& o, OptionReader reader) {
  const Item& exc = item_at(p, o.exception);
  std::string ceiling = exc.max_cost ? ", up to " + money_words(*exc.max_cost, repo.manifest.currency) : ", with no ceiling stated";
  if (o.blocked_by >= 0)
    return fmt::format("Not here: {} ({}), which would cross the line \u201c{}\u201d.", outcome_words(p, exc.then), item_name(exc),
                       item_name(item_at(p, o.blocked_by)));
  if (reader == OptionReader::grantor)
    return fmt::format("You may give {}{}, on your own ({}).", outcome_words(p, exc.then), ceiling, item_name(exc));
  std::string who = exc.role < 0 ? role_words(repo.manifest, exc.role) : "the " + role_words(repo.manifest, exc.role);
  if (reader == OptionReader::asker) return fmt::format("You may ask {} for {}{} ({}).", who, outcome_words(p, exc.then), ceiling, item_name(exc));
  return fmt::format("{} may give {}{} ({}).", capitalised(who), outcome_words(p, exc.then), ceiling, item_name(exc));
}

std::string line_sentence(const Policy& p, int l) {
  const Item& line = item_at(p, l);
  if (line.forbidding) return fmt::format("Never: {} ({}).", forbidden_words(p, line), item_name(line));
  return fmt::format("Always: {}, whatever else applies ({}).", outcome_words(p, line.then), item_name(line));
}

OptionReader option_reader(const Policy& p, const OptionAnswer& o, const Asker& asker) {
  if (asker.as_role < 0) return OptionReader::anyone;
  bool yours = asker.graph && may_grant(*asker.graph, asker.as_role, item_at(p, o.exception));
  return yours ? OptionReader::grantor : OptionReader::asker;
}

std::string answer_text(const Repository& repo, const Policy& policy, const Answer& a, const Asker& asker, const std::string& indent) {
  std::string out = indent + normal_sentence(policy, a.normal) + "\n";
  if (a.options.empty()) out += indent + "No exception applies here.\n";
  for (const OptionAnswer& o : a.options) out += indent + option_sentence(repo, policy, o, option_reader(policy, o, asker)) + "\n";
  for (int l : a.lines) out += indent + line_sentence(policy, l) + "\n";
  return out;
}

std::string query_text(const Repository& repo, const Policy& policy, const PolicySpace& space, const std::vector<AnsweredRegion>& regions,
                       const Asker& asker) {
  std::string out =
      policy.title.empty() || policy.title == policy.id ? fmt::format("{}\n", policy.id) : fmt::format("{} ({})\n", policy.title, policy.id);
  bool uniform = std::all_of(regions.begin(), regions.end(), [&](const AnsweredRegion& r) { return r.answer == regions.front().answer; });
  if (uniform && !regions.empty()) return out + answer_text(repo, policy, regions.front().answer, asker, "  ");
  std::vector<std::size_t> varying = varying_dimensions(regions, space.dims.size());
  std::vector<std::string> depends;
  for (std::size_t d : varying) depends.push_back(dimension_label(*space.dims[d]));
  out += fmt::format("  It depends on {}:\n", or_list(depends));
  for (const AnsweredRegion& r : regions) {
    // Only what varies: the values given are the same everywhere.
    Region where = make_region(space, r.box);
    for (std::size_t d = 0; d < where.size(); ++d) where[d].full = std::find(varying.begin(), varying.end(), d) == varying.end();
    out += fmt::format("  Where {}:\n", region_in_words(where));
    out += answer_text(repo, policy, r.answer, asker, "    ");
  }
  return out;
}

}  // namespace leeway
