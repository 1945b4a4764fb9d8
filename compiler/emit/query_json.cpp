#include "compiler/emit/query_json.hpp"

#include <algorithm>

#include "compiler/core/model.hpp"
#include "compiler/emit/diagnostic_json.hpp"

namespace leeway {
namespace {

using json = nlohmann::ordered_json;

std::string qualified(const Policy& p, int item) { return p.id + "." + p.items[static_cast<std::size_t>(item)].id; }

json money(std::int64_t cents) {
  if (cents % kCentsPerUnit == 0) return cents / kCentsPerUnit;
  return static_cast<double>(cents) / static_cast<double>(kCentsPerUnit);
}

json role_id(const Manifest& m, int role) { return role < 0 ? json(nullptr) : json(m.roles[static_cast<std::size_t>(role)].id); }

}  // namespace

json answer_to_json(const Repository& repo, const Policy& policy, const Answer& a, const Asker& asker) {
  json out = json::object();
  put_answer(out, repo, policy, a, asker);
  return out;
}

void put_answer(json& out, const Repository& repo, const Policy& policy, const Answer& a, const Asker& asker) {
  json normal;
  normal["outcome"] = a.normal.outcome < 0 ? json(nullptr) : json(policy.outcomes[static_cast<std::size_t>(a.normal.outcome)]);
  normal["decided_by"] = decided_by_name(a.normal.decided_by);
  normal["items"] = json::array();
  for (int i : a.normal.items) normal["items"].push_back(qualified(policy, i));
  out["normal"] = normal;
  out["options"] = json::array();
  for (const OptionAnswer& o : a.options) {
    const Item& exc = policy.items[static_cast<std::size_t>(o.exception)];
    json opt;
    opt["exception"] = qualified(policy, o.exception);
    opt["outcome"] = exc.then;
    opt["granted_by"] = role_id(repo.manifest, exc.role);
    opt["max_cost"] = exc.max_cost ? money(*exc.max_cost) : json(nullptr);
    bool asked = asker.as_role >= 0;
    bool yours = asked && asker.graph && may_grant(*asker.graph, asker.as_role, exc);
    opt["yours"] = asked ? json(yours) : json(nullptr);
    opt["ask"] = yours ? json(nullptr) : role_id(repo.manifest, exc.role);
    opt["blocked_by"] = o.blocked_by < 0 ? json(nullptr) : json(qualified(policy, o.blocked_by));
    out["options"].push_back(opt);
  }
  out["lines"] = json::array();
  for (int l : a.lines) {
    const Item& line = policy.items[static_cast<std::size_t>(l)];
    out["lines"].push_back({{"line", qualified(policy, l)},
                            {"then", line.forbidding ? json(nullptr) : json(line.then)},
                            {"forbids", line.forbidding ? json(line.forbids) : json(nullptr)}});
  }
}

std::string query_json(const Repository& repo, const Policy& policy, const PolicySpace& space, const std::vector<AnsweredRegion>& regions,
                       const Decision& decision, const Asker& asker) {
  bool uniform = std::all_of(regions.begin(), regions.end(), [&](const AnsweredRegion& r) { return r.answer == regions.front().answer; });
  json out = json::parse(decision_json(repo, policy, decision), nullptr, false);
  if (uniform && !regions.empty()) {
    put_answer(out, repo, policy, regions.front().answer, asker);
    return out.dump() + "\n";
  }
  for (const char* key : {"outcome", "decided_by", "items", "granted_by", "max_cost", "conflict", "normal", "options", "lines"}) out[key] = nullptr;
  out["depends_on"] = json::array();
  for (std::size_t d : varying_dimensions(regions, space.dims.size())) out["depends_on"].push_back(space.dims[d]->name);
  out["answers"] = json::array();
  for (const AnsweredRegion& r : regions) {
    json one;
    one["region"] = region_to_json(make_region(space, r.box));
    put_answer(one, repo, policy, r.answer, asker);
    out["answers"].push_back(one);
  }
  return out.dump() + "\n";
}

}  // namespace leeway
