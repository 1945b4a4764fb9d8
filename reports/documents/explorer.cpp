#include "reports/documents/explorer.hpp"

#include <algorithm>
#include <cctype>

#include <fmt/format.h>

#include "compiler/core/assets.hpp"
#include "compiler/core/json_writer.hpp"
#include "compiler/core/safe_text.hpp"
#include "compiler/core/values.hpp"
#include "compiler/core/words.hpp"
#include "compiler/query/answer.hpp"
#include "compiler/query/query.hpp"
#include "reports/documents/story_markdown.hpp"

namespace leeway {

namespace {

void ints(JsonWriter& w, const std::vector<int>& list) {
  w.begin_array();
  for (int i : list) w.integer(i);
  w.end_array();
}

void dimension_json(JsonWriter& w, const Dimension& dim, const std::string& currency) {
  w.begin_object().plain_key("name").string(dim.name).plain_key("label").string(capitalised(dimension_label(dim)));
  w.plain_key("type").string(dim_type_name(dim.type));
  if (is_numeric(dim)) {
    w.plain_key("min").integer(dim.lo()).plain_key("max").integer(dim.hi()).plain_key("digits").integer(fraction_digits(dim));
    w.plain_key("unit").string(dim.type == DimType::money ? currency : dim.unit);
  } else {
    w.plain_key("values").begin_array();
    for (std::int64_t v = dim.lo(); v <= dim.hi(); ++v)
      w.begin_object().plain_key("id").string(format_value(dim, v)).plain_key("label").string(value_words(dim, v, "")).end_object();
    w.end_array();
  }
  w.end_object();
}

void answer_json(JsonWriter& w, const Repository& repo, const Policy& policy, const Answer& a) {
  const std::string outcome = a.normal.outcome >= 0 ? policy.outcomes[static_cast<std::size_t>(a.normal.outcome)] : "";
  w.begin_object().plain_key("normal").string(outcome).plain_key("normal_text").string(normal_sentence(policy, a.normal));
  w.plain_key("normal_items");
  ints(w, a.normal.items);
  w.plain_key("options").begin_array();
  for (const OptionAnswer& o : a.options) {
    w.begin_object().plain_key("item").integer(o.exception).plain_key("blocked").boolean(o.blocked_by >= 0);
    if (o.blocked_by >= 0) {
      w.plain_key("text").string(option_sentence(repo, policy, o, OptionReader::anyone));
    } else {
      w.plain_key("anyone").string(option_sentence(repo, policy, o, OptionReader::anyone));
      w.plain_key("grantor").string(option_sentence(repo, policy, o, OptionReader::grantor));
      w.plain_key("asker").string(option_sentence(repo, policy, o, OptionReader::asker));
    }
    w.end_object();
  }
  w.end_array().plain_key("lines").begin_array();
  for (int l : a.lines) w.begin_object().plain_key("item").integer(l).plain_key("text").string(line_sentence(policy, l)).end_object();
  w.end_array().end_object();
}

void items_json(JsonWriter& w, const DocContext& ctx, std::size_t p) {
  const Repository& repo = ctx.repo();
  const Policy& policy = repo.policies[p];
  w.begin_array();
  for (std::size_t i = 0; i < policy.items.size(); ++i) {
    const Item& it = policy.items[i];
    w.begin_object().plain_key("id").string(repo.qualified(static_cast<int>(p), static_cast<int>(i)));
    w.plain_key("kind").string(item_kind_name(it.kind)).plain_key("name").string(item_name(it)).plain_key("says").string(it.says);
    w.plain_key("grantors").begin_array();
    if (it.kind == ItemKind::exception)
      for (std::size_t r = 0; r < repo.manifest.roles.size(); ++r)
        if (ctx.may_grant(static_cast<int>(r), it)) w.integer(r);
    w.end_array().plain_key("stories");
    ints(w, ctx.stories[p][i]);
    w.end_object();
  }
  w.end_array();
}

void policy_json(JsonWriter& w, const DocContext& ctx, std::size_t p) {
  const Repository& repo = ctx.repo();
  const Policy& policy = repo.policies[p];
  const PolicySpace& space = *ctx.comp.spaces[p];
  w.begin_object().plain_key("id").string(policy.id).plain_key("name").string(policy_name(policy)).plain_key("summary").string(policy.summary);
  w.plain_key("dims").begin_array();
  for (const Dimension* d : space.dims) dimension_json(w, *d, repo.manifest.currency);
  w.end_array().plain_key("items");
  items_json(w, ctx, p);
  // The whole space, cut into boxes of one answer each: [answer, [[lo, hi], ...] per dimension].
  std::vector<AnsweredRegion> regions = answers_over(space, policy, space.domain);
  std::vector<Answer> answers;
  std::vector<std::size_t> answer_of;
  for (const AnsweredRegion& r : regions) {
    auto at = std::find(answers.begin(), answers.end(), r.answer);
    answer_of.push_back(static_cast<std::size_t>(at - answers.begin()));
    if (at == answers.end()) answers.push_back(r.answer);
  }
  w.plain_key("answers").begin_array();
  for (const Answer& a : answers) answer_json(w, repo, policy, a);
  w.end_array().plain_key("regions").begin_array();
  for (std::size_t k = 0; k < regions.size(); ++k) {
    w.begin_array().integer(answer_of[k]);
    for (const ValueSet& s : regions[k].box) {
      w.begin_array();
      for (const Interval& i : s.intervals()) w.begin_array().integer(i.lo).integer(i.hi).end_array();
      w.end_array();
    }
    w.end_array();
  }
  w.end_array().end_object();
}

}  // namespace

std::string explorer_data(const DocContext& ctx) {
  const Repository& repo = ctx.repo();
  std::string out;
  {
    JsonWriter w(out);
    w.begin_object().plain_key("repository").string(repo.manifest.name).plain_key("edition").string(repo.manifest.edition);
    w.plain_key("roles").begin_array();
    for (std::size_t r = 0; r < repo.manifest.roles.size(); ++r) {
      w.begin_object().plain_key("id").string(repo.manifest.roles[r].id);
      w.plain_key("name").string(capitalised(role_words(repo.manifest, static_cast<int>(r)))).end_object();
    }
    w.end_array().plain_key("stories").begin_array();
    for (const Story& s : repo.stories) {
      w.begin_object().plain_key("title").string(s.title).plain_key("told_by").string(s.told_by).plain_key("date").string(s.date);
      w.plain_key("html").string(story_html(s.body)).end_object();
    }
    w.end_array().plain_key("policies").begin_array();
    for (std::size_t p = 0; p < repo.policies.size(); ++p)
      if (p < ctx.comp.spaces.size() && ctx.comp.spaces[p]) policy_json(w, ctx, p);
    w.end_array().end_object();
  }
  return script_json(out);
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
    for (std::size_t at = page.find(marker); at != std::string::npos; at = page.find(marker, at + value.size()))
      page.replace(at, marker.size(), value);
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
