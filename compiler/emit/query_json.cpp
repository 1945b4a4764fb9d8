#include "compiler/emit/query_json.hpp"

#include <algorithm>

#include "compiler/core/model.hpp"
#include "compiler/emit/region_json.hpp"

namespace leeway {
namespace {

std::string qualified(const Policy& p, int item) { return p.id + "." + p.items[static_cast<std::size_t>(item)].id; }

void role_id(JsonWriter& w, const Manifest& m, int role) {
  if (role < 0)
    w.null();
  else
    w.string(m.roles[static_cast<std::size_t>(role)].id);
}

void qualified_or_null(JsonWriter& w, const Policy& p, int item) {
  if (item < 0)
    w.null();
  else
    w.string(qualified(p, item));
}

void outcome(JsonWriter& w, const Policy& p, int o) {
  if (o < 0)
    w.null();
  else
    w.string(p.outcomes[static_cast<std::size_t>(o)]);
}

void items(JsonWriter& w, const Policy& p, const std::vector<int>& list) {
  w.begin_array();
  for (int i : list) w.string(qualified(p, i));
  w.end_array();
}

void option(JsonWriter& w, const Repository& repo, const Policy& policy, const OptionAnswer& o, const Asker& asker) {
  const Item& exc = policy.items[static_cast<std::size_t>(o.exception)];
  w.begin_object().plain_key("exception").string(qualified(policy, o.exception)).plain_key("outcome").string(exc.then);
  w.plain_key("granted_by");
  role_id(w, repo.manifest, exc.role);
  w.plain_key("max_cost");
  if (exc.max_cost)
    w.money(*exc.max_cost);
  else
    w.null();
  bool asked = asker.as_role >= 0;
  bool yours = asked && asker.graph && may_grant(*asker.graph, asker.as_role, exc);
  w.plain_key("yours");
  if (asked)
    w.boolean(yours);
  else
    w.null();
  w.plain_key("ask");
  role_id(w, repo.manifest, yours ? -1 : exc.role);
  w.plain_key("blocked_by");
  qualified_or_null(w, policy, o.blocked_by);
  w.end_object();
}

// The version 1 keys: the decision's, or all null.
void decision_keys(JsonWriter& w, const Repository& repo, const Policy& policy, const Decision* d) {
  w.plain_key("policy").string(policy.id).plain_key("outcome");
  if (!d) {
    for (const char* key : {"decided_by", "items", "granted_by", "max_cost", "conflict", "normal", "options", "lines"}) w.null().plain_key(key);
    w.null();
    return;
  }
  outcome(w, policy, d->outcome);
  w.plain_key("decided_by").word(decided_by_name(d->decided_by)).plain_key("items");
  items(w, policy, d->items);
  w.plain_key("granted_by");
  role_id(w, repo.manifest, d->role);
  w.plain_key("max_cost");
  if (d->max_cost)
    w.money(*d->max_cost);
  else
    w.null();
  w.plain_key("conflict").boolean(d->conflict);
}

}  // namespace

void write_answer_keys(JsonWriter& w, const Repository& repo, const Policy& policy, const Answer& a, const Asker& asker) {
  w.plain_key("normal").begin_object().plain_key("outcome");
  outcome(w, policy, a.normal.outcome);
  w.plain_key("decided_by").word(decided_by_name(a.normal.decided_by)).plain_key("items");
  items(w, policy, a.normal.items);
  w.end_object().plain_key("options").begin_array();
  for (const OptionAnswer& o : a.options) option(w, repo, policy, o, asker);
  w.end_array().plain_key("lines").begin_array();
  for (int l : a.lines) {
    const Item& line = policy.items[static_cast<std::size_t>(l)];
    w.begin_object().plain_key("line").string(qualified(policy, l)).plain_key("then");
    if (line.forbidding)
      w.null();
    else
      w.string(line.then);
    w.plain_key("forbids");
    if (line.forbidding) {
      w.begin_array();
      for (const std::string& f : line.forbids) w.string(f);
      w.end_array();
    } else {
      w.null();
    }
    w.end_object();
  }
  w.end_array();
}

std::string query_json(const Repository& repo, const Policy& policy, const PolicySpace& space, const std::vector<AnsweredRegion>& regions,
                       const Decision& decision, const Asker& asker) {
  bool uniform = std::all_of(regions.begin(), regions.end(), [&](const AnsweredRegion& r) { return r.answer == regions.front().answer; });
  std::string out;
  JsonWriter w(out);
  w.begin_object();
  if (uniform && !regions.empty()) {
    decision_keys(w, repo, policy, &decision);
    write_answer_keys(w, repo, policy, regions.front().answer, asker);
  } else {
    decision_keys(w, repo, policy, nullptr);
    w.plain_key("depends_on").begin_array();
    for (std::size_t d : varying_dimensions(regions, space.dims.size())) w.string(space.dims[d]->name);
    w.end_array().plain_key("answers").begin_array();
    for (const AnsweredRegion& r : regions) {
      w.begin_object().plain_key("region");
      write_region(w, make_region(space, r.box));
      write_answer_keys(w, repo, policy, r.answer, asker);
      w.end_object();
    }
    w.end_array();
  }
  w.end_object().raw("\n");
  w.flush();
  return out;
}

}  // namespace leeway
