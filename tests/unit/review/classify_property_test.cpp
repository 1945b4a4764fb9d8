// Case review against brute force: on random policies (forbidding and forcing
// lines, exceptions granted by a role or by the role it reports to, with and
// without ceilings), every situation, every outcome given, by each role, at
// several costs: the class, the exception, the line and whom to ask are the
// contract's (../shared/spec/cases.md, section 2), computed here from the
// generated items alone.
#include <catch2/catch.hpp>

#include "compiler/review/classify.hpp"
#include "support/random_policy.hpp"
#include "support/test_repo.hpp"

using namespace leeway;
using namespace leeway::test;

namespace {

struct Want {
  std::string cls, exception, line, ask;
};

// The roles of kSmallManifest: low (10) reports to high (100).
bool may_grant(const std::string& role, const GenItem& e) { return e.granted_by == role || (e.granted_by == "low" && role == "high"); }

Want brute_class(const Generated& g, const std::vector<std::int64_t>& p, const std::string& given, const std::string& role,
                 std::optional<std::int64_t> cost) {
  std::vector<const GenItem*> by_id;
  for (const auto& it : g.items)
    if (holds(it, p)) by_id.push_back(&it);
  std::sort(by_id.begin(), by_id.end(), [](const GenItem* a, const GenItem* b) { return a->id < b->id; });
  std::set<std::string> forcing, rules;
  for (const GenItem* it : by_id) {
    if (it->kind == "line" && !it->forbidding()) forcing.insert(it->then);
    if (it->kind == "rule") rules.insert(it->then);
  }
  const std::set<std::string>& deciding = forcing.empty() ? rules : forcing;
  if (deciding.empty()) return {"silent", "", "", ""};
  for (const GenItem* it : by_id)
    if (it->kind == "line" && (it->forbidding() ? it->forbids.count(given) > 0 : it->then != given)) return {"crosses-line", "", it->id, ""};
  if (deciding.size() == 1 && *deciding.begin() == given) return {"rule", "", "", ""};
  std::int64_t role_max = role == "low" ? 1000 : 10000;
  const GenItem *within = nullptr, *above = nullptr, *beyond = nullptr;
  for (const GenItem* it : by_id) {
    if (it->kind != "exception" || it->then != given) continue;
    if (!may_grant(role, *it)) {
      if (!beyond) beyond = it;
      continue;
    }
    bool over = cost && ((!it->max_cost.empty() && *cost > std::stoll(it->max_cost) * 100) || *cost > role_max);
    if (!over) {
      within = it;
      break;
    }
    if (!above) above = it;
  }
  if (within) return {"exception", within->id, "", ""};
  if (above) return {"above-ceiling", above->id, "", ""};
  if (beyond) return {"beyond-authority", beyond->id, "", beyond->granted_by};
  return {"off-policy", "", "", ""};
}

}  // namespace

TEST_CASE("random policies and cases: every case's class agrees with brute force", "[review][property]") {
  std::mt19937 rng(20261127);
  std::map<std::string, std::size_t> seen;
  for (int round = 0; round < 150; ++round) {
    Generated g = generate(rng, nullptr, true);
    Compilation c = compile_files({{"leeway.toml", kSmallManifest}, {"p.toml", g.text}});
    REQUIRE(c.spaces[0]);
    std::vector<Dim> dims;
    std::vector<std::string> columns = {"case", "policy", "given", "by", "cost"};
    for (int d : g.over) {
      dims.push_back(kDims[static_cast<std::size_t>(d)]);
      columns.push_back(kDims[static_cast<std::size_t>(d)].name);
    }
    CaseClassifier classifier(c);
    classifier.set_columns(columns);
    CaseRecord rec;
    rec.present.assign(columns.size(), true);
    CaseResult result;
    INFO("round " << round << "\n" << g.text);
    std::size_t row = 0;
    for (const auto& p : all_points(dims))
      for (const char* given : {"x", "y", "z"})
        for (const char* role : {"low", "high"})
          for (std::optional<std::int64_t> cost : {std::optional<std::int64_t>{}, std::optional<std::int64_t>{300}, std::optional<std::int64_t>{700},
                                                   std::optional<std::int64_t>{2000}, std::optional<std::int64_t>{20000}}) {
            rec.row = ++row;
            rec.cells = {fmt::format("c{}", row), "p", given, role, cost ? format_money(*cost) : ""};
            for (std::size_t d = 0; d < dims.size(); ++d) {
              std::string v = value_text(dims[d], p[d]);
              if (v.front() == '"') v = v.substr(1, v.size() - 2);
              rec.cells.push_back(v);
            }
            classifier.classify(rec, result);
            Want want = brute_class(g, p, given, role, cost);
            INFO("case " << rec.cells[0] << ": given " << given << " by " << role << " cost " << rec.cells[4] << " at "
                         << fmt::format("{}", fmt::join(rec.cells.begin() + 5, rec.cells.end(), " ")));
            REQUIRE(case_class_name(result.cls) == want.cls);
            const Policy& pol = c.repo.policies[0];
            CHECK((result.exception < 0 ? "" : pol.items[static_cast<std::size_t>(result.exception)].id) == want.exception);
            CHECK((result.line < 0 ? "" : pol.items[static_cast<std::size_t>(result.line)].id) == want.line);
            CHECK((result.ask < 0 ? "" : c.repo.manifest.roles[static_cast<std::size_t>(result.ask)].id) == want.ask);
            ++seen[want.cls];
          }
  }
  // Every class but invalid is reached, many times.
  for (const char* cls : {"silent", "crosses-line", "rule", "exception", "above-ceiling", "beyond-authority", "off-policy"}) {
    INFO(cls);
    CHECK(seen[cls] > 100);
  }
}
