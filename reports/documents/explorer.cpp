#include "reports/documents/explorer.hpp"

#include <algorithm>
#include <cctype>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "compiler/core/assets.hpp"
#include "compiler/core/values.hpp"
#include "compiler/core/words.hpp"
#include "compiler/query/answer.hpp"
#include "compiler/query/query.hpp"
#include "compiler/core/safe_text.hpp"
#include "reports/documents/story_markdown.hpp"

namespace leeway {

namespace {

using json = nlohmann::ordered_json;

json dimension_json(const Dimension& dim, const std::string& currency) {
  json d = {{"name", dim.name}, {"label", capitalised(dimension_label(dim))}, {"type", dim_type_name(dim.type)}};
  if (is_numeric(dim)) {
    d["min"] = dim.lo();
    d["max"] = dim.hi();
    d["digits"] = fraction_digits(dim);
    d["unit"] = dim.type == DimType::money ? currency : dim.unit;
  } else {
    json values = json::array();
    for (std::int64_t v = dim.lo(); v <= dim.hi(); ++v) values.push_back({{"id", format_value(dim, v)}, {"label", value_words(dim, v, "")}});
    d["values"] = values;
  }
  return d;
}

json answer_json(const Repository& repo, const Policy& policy, const Answer& a) {
  json normal_items = json::array();
  for (int i : a.normal.items) normal_items.push_back(i);
  json options = json::array();
  for (const OptionAnswer& o : a.options) {
    json opt = {{"item", o.exception}, {"blocked", o.blocked_by >= 0}};
    if (o.blocked_by >= 0) {
      opt["text"] = option_sentence(repo, policy, o, OptionReader::anyone);
    } else {
      opt["anyone"] = option_sentence(repo, policy, o, OptionReader::anyone);
      opt["grantor"] = option_sentence(repo, policy, o, OptionReader::grantor);
      opt["asker"] = option_sentence(repo, policy, o, OptionReader::asker);
    }
    options.push_back(opt);
  }
  json lines = json::array();
  for (int l : a.lines) lines.push_back({{"item", l}, {"text", line_sentence(policy, l)}});
  const std::string outcome = a.normal.outcome >= 0 ? policy.outcomes[static_cast<std::size_t>(a.normal.outcome)] : "";
  return {{"normal", outcome}, {"normal_text", normal_sentence(policy, a.normal)}, {"normal_items", normal_items}, {"options", options},
          {"lines", lines}};
}

json policy_json(const DocContext& ctx, std::size_t p) {
  const Repository& repo = ctx.repo();
  const Policy& policy = repo.policies[p];
  const PolicySpace& space = *ctx.comp.spaces[p];
  json dims = json::array();
  for (const Dimension* d : space.dims) dims.push_back(dimension_json(*d, repo.manifest.currency));
  json items = json::array();
  for (std::size_t i = 0; i < policy.items.size(); ++i) {
    const Item& it = policy.items[i];
    json grantors = json::array();
    if (it.kind == ItemKind::exception)
      for (std::size_t r = 0; r < repo.manifest.roles.size(); ++r)
        if (ctx.may_grant(static_cast<int>(r), it)) grantors.push_back(r);
    items.push_back({{"id", repo.qualified(static_cast<int>(p), static_cast<int>(i))},
                     {"kind", item_kind_name(it.kind)},
                     {"name", item_name(it)},
                     {"says", it.says},
                     {"grantors", grantors},
                     {"stories", ctx.stories[p][i]}});
  }
  // The whole space, cut into boxes of one answer each.
  std::vector<AnsweredRegion> regions = answers_over(space, policy, space.domain);
  std::vector<Answer> answers;
  json boxes = json::array();
  for (const AnsweredRegion& r : regions) {
    auto at = std::find(answers.begin(), answers.end(), r.answer);
    std::size_t a = static_cast<std::size_t>(at - answers.begin());
    if (at == answers.end()) answers.push_back(r.answer);
    json box = json::array();
    box.push_back(a);
    for (const ValueSet& s : r.box) {
      json iv = json::array();
      for (const Interval& i : s.intervals()) iv.push_back({i.lo, i.hi});
      box.push_back(iv);
    }
    boxes.push_back(box);
  }
  json answer_list = json::array();
  for (const Answer& a : answers) answer_list.push_back(answer_json(repo, policy, a));
  return {{"id", policy.id}, {"name", policy_name(policy)}, {"summary", policy.summary}, {"dims", dims},
          {"items", items}, {"answers", answer_list}, {"regions", boxes}};
}

}  // namespace

std::string explorer_data(const DocContext& ctx) {
  const Repository& repo = ctx.repo();
  json roles = json::array();
  for (std::size_t r = 0; r < repo.manifest.roles.size(); ++r)
    roles.push_back({{"id", repo.manifest.roles[r].id}, {"name", capitalised(role_words(repo.manifest, static_cast<int>(r)))}});
  json stories = json::array();
  for (const Story& s : repo.stories) stories.push_back({{"title", s.title}, {"told_by", s.told_by}, {"date", s.date}, {"html", story_html(s.body)}});
  json policies = json::array();
  for (std::size_t p = 0; p < repo.policies.size(); ++p)
    if (p < ctx.comp.spaces.size() && ctx.comp.spaces[p]) policies.push_back(policy_json(ctx, p));
  json data = {{"repository", repo.manifest.name}, {"edition", repo.manifest.edition}, {"roles", roles}, {"stories", stories}, {"policies", policies}};
  return script_json(data.dump(-1, ' ', false, json::error_handler_t::replace));
}

Document make_explorer(const DocContext& ctx) {
  const Repository& repo = ctx.repo();
  Document doc;
  doc.name = "explorer";
  doc.title = "Explorer: the leeway at any situation";
  std::string page(asset("explorer.html"));
  std::string heading = repo.manifest.name.empty() ? "leeway" : repo.manifest.name;
  if (!repo.manifest.edition.empty()) heading += ", edition " + repo.manifest.edition;
  auto fill = [&](const std::string& marker, const std::string& value) {
    for (std::size_t at = page.find(marker); at != std::string::npos; at = page.find(marker, at + value.size())) page.replace(at, marker.size(), value);
  };
  fill("@HEADING@", xml_text(heading));
  fill("@DATA@", explorer_data(ctx));
  doc.page = std::move(page);
  return doc;
}

std::string explorer_link(const Repository& repo, int policy, const PolicySpace& space, const Box& box, int role) {
  // Each word percent-encoded but for letters, digits and -._~ (ids and values
  // are made of those), so the link is safe in Markdown and HTML as it is.
  auto encode = [](std::string_view text) {
    std::string out;
    for (unsigned char c : text) {
      if (std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~')
        out += static_cast<char>(c);
      else
        out += fmt::format("%{:02X}", c);
    }
    return out;
  };
  std::string link = "explorer.html#policy=" + encode(repo.policies[static_cast<std::size_t>(policy)].id);
  // The situation `leeway check` and `explain` give as an example: "dim=value dim=value".
  std::string words = example_in(space, box);
  for (std::size_t at = 0; at < words.size();) {
    std::size_t end = std::min(words.find(' ', at), words.size());
    std::string word = words.substr(at, end - at);
    std::size_t eq = word.find('=');
    link += "&" + encode(word.substr(0, eq)) + "=" + encode(eq == std::string::npos ? "" : word.substr(eq + 1));
    at = end + 1;
  }
  if (role >= 0) link += "&as=" + encode(repo.manifest.roles[static_cast<std::size_t>(role)].id);
  return link;
}

}  // namespace leeway
