#include "compiler/review/classify.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "compiler/core/json_writer.hpp"
#include "compiler/core/suggest.hpp"
#include "compiler/core/values.hpp"
#include "compiler/core/words.hpp"
#include "compiler/frontend/condition.hpp"
#include "compiler/frontend/toml_reader.hpp"

namespace leeway {

const char* case_class_name(CaseClass c) {
  static constexpr const char* kNames[kCaseClasses] = {"invalid",   "silent",        "crosses-line",     "rule",
                                                       "exception", "above-ceiling", "beyond-authority", "off-policy"};
  return kNames[class_index(c)];
}

const char* question_name(std::size_t q) {
  static constexpr const char* kNames[kQuestions] = {"cared_for", "cost_effective", "loyalty"};
  return kNames[q];
}

// What classifying needs of a policy, computed once.
struct CaseClassifier::PolicyData {
  const PolicySpace* space = nullptr;  // null: the policy could not be analysed
  std::unique_ptr<DecisionIndex> index;
  std::vector<int> by_id;                    // item indices in id order
  std::vector<std::vector<bool>> may_grant;  // [role][item]
  std::vector<int> manifest_dim;             // the manifest index of each of the policy's dimensions
};

CaseClassifier::CaseClassifier(const Compilation& comp) : comp_(comp) {
  const Repository& repo = comp.repo;
  for (std::size_t p = 0; p < repo.policies.size(); ++p) {
    auto data = std::make_unique<PolicyData>();
    const Policy& pol = repo.policies[p];
    if (p < comp.spaces.size() && comp.spaces[p]) {
      data->space = &*comp.spaces[p];
      data->index = std::make_unique<DecisionIndex>(*data->space);
      for (const Dimension* dim : data->space->dims) data->manifest_dim.push_back(repo.manifest.dimension_index(dim->name));
    }
    for (std::size_t i = 0; i < pol.items.size(); ++i) data->by_id.push_back(static_cast<int>(i));
    std::stable_sort(data->by_id.begin(), data->by_id.end(), [&](int a, int b) { return pol.items[a].id < pol.items[b].id; });
    data->may_grant.assign(repo.manifest.roles.size(), std::vector<bool>(pol.items.size(), false));
    for (std::size_t i = 0; i < pol.items.size(); ++i) {
      const Item& it = pol.items[i];
      if (it.kind != ItemKind::exception || it.role < 0) continue;
      for (int r : roles_above(comp.graph, it.role)) data->may_grant[static_cast<std::size_t>(r)][i] = true;
    }
    policies_.push_back(std::move(data));
  }
}

CaseClassifier::~CaseClassifier() = default;

void CaseClassifier::set_columns(const std::vector<std::string>& columns) {
  columns_ = columns;
  auto find = [&](std::string_view name) {
    auto at = std::find(columns_.begin(), columns_.end(), name);
    return at == columns_.end() ? -1 : static_cast<int>(at - columns_.begin());
  };
  col_case_ = find("case"), col_policy_ = find("policy"), col_given_ = find("given"), col_by_ = find("by");
  col_staff_ = find("staff"), col_date_ = find("date"), col_cost_ = find("cost"), col_note_ = find("note");
  for (std::size_t q = 0; q < kQuestions; ++q) col_question_[q] = find(question_name(q));
  const auto& dims = comp_.repo.manifest.dimensions;
  dim_column_.assign(dims.size(), -1);
  for (std::size_t d = 0; d < dims.size(); ++d) dim_column_[d] = find(dims[d].name);
}

std::vector<std::string> CaseClassifier::unknown_columns() const {
  static const std::vector<std::string> kKnown = {"case", "policy",    "given",          "by",      "staff", "date",
                                                  "cost", "cared_for", "cost_effective", "loyalty", "note"};
  std::vector<std::string> out;
  for (const std::string& c : columns_)
    if (std::find(kKnown.begin(), kKnown.end(), c) == kKnown.end() && comp_.repo.manifest.dimension_index(c) < 0) out.push_back(c);
  return out;
}

std::vector<std::string> CaseClassifier::missing_columns() const {
  std::vector<std::string> out;
  for (auto [name, col] : {std::pair<const char*, int>{"case", col_case_}, {"policy", col_policy_}, {"given", col_given_}, {"by", col_by_}})
    if (col < 0) out.push_back(name);
  return out;
}

bool valid_date(std::string_view d) {
  if (d.size() != 10 || d[4] != '-' || d[7] != '-') return false;
  for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
    if (d[i] < '0' || d[i] > '9') return false;
  int month = (d[5] - '0') * 10 + (d[6] - '0'), day = (d[8] - '0') * 10 + (d[9] - '0');
  int year = (d[0] - '0') * 1000 + (d[1] - '0') * 100 + (d[2] - '0') * 10 + (d[3] - '0');
  static constexpr int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12 || day < 1 || day > kDays[month - 1]) return false;
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return !(month == 2 && day == 29 && !leap);
}

namespace {

// Text from outside, made safe to quote in a reason: at most 60 characters.
std::string in_quotes(std::string_view s) {
  std::string t(s.substr(0, 60));
  if (!valid_utf8(t)) t = "(not UTF-8 text)";
  return fmt::format("`{}`{}", t, s.size() > 60 ? "..." : "");
}

}  // namespace

void CaseClassifier::reason(CaseResult& out, CaseClass cls, int policy, int a, int b, const std::function<std::string()>& make) {
  // Classes, policies, items and roles are small numbers: one key holds them.
  std::uint64_t key = static_cast<std::uint64_t>(class_index(cls)) << 56 | static_cast<std::uint64_t>(policy & 0xffffff) << 32 |
                      static_cast<std::uint64_t>((a + 1) & 0xffff) << 16 | static_cast<std::uint64_t>((b + 1) & 0xffff);
  auto at = reasons_.find(key);
  if (at == reasons_.end()) {
    std::string text = make();
    std::string json = json_string(text);
    at = reasons_.emplace(key, std::make_pair(std::move(text), std::move(json))).first;
  }
  out.reason = at->second.first;
  out.reason_json = &at->second.second;
}

namespace {

// The cell of that column, or null when the row has none there.
const std::string* cell(const CaseRecord& rec, int col) {
  if (col < 0 || static_cast<std::size_t>(col) >= rec.cells.size() || !rec.present[static_cast<std::size_t>(col)]) return nullptr;
  return &rec.cells[static_cast<std::size_t>(col)];
}

void copy_cell(const CaseRecord& rec, int col, std::string& into) {
  const std::string* c = cell(rec, col);
  if (c)
    into = *c;
  else
    into.clear();
}

// "; did you mean ...?" for a name that is none of `ids`, or "".
std::string hint_among(const std::string& name, const std::vector<std::string>& ids) {
  std::string hint = did_you_mean(name, ids);
  return hint.empty() ? "" : "; " + hint;
}

}  // namespace

void CaseClassifier::classify(const CaseRecord& rec, CaseResult& out) {
  out.row = rec.row;
  out.cls = CaseClass::invalid;
  out.policy = out.given = out.by = out.normal = out.exception = out.ask = out.line = -1;
  out.cost.reset();
  out.questions.fill(QuestionAnswer::unanswered);
  out.over_role_ceiling = false;
  out.reason.clear();
  out.reason_json = nullptr;
  out.point.clear();
  copy_cell(rec, col_case_, out.id), copy_cell(rec, col_policy_, out.policy_text), copy_cell(rec, col_given_, out.given_text);
  copy_cell(rec, col_by_, out.by_text), copy_cell(rec, col_staff_, out.staff), copy_cell(rec, col_date_, out.date);
  copy_cell(rec, col_note_, out.note);
  if (!rec.error.empty()) {
    out.reason = "the row cannot be read: " + rec.error;
    return;
  }
  // The eight classes in order, the first that applies.
  if (read_fields(rec, out) && read_situation(rec, out) && find_normal(out) && check_lines(out)) classify_exception(out);
}

bool CaseClassifier::read_fields(const CaseRecord& rec, CaseResult& out) {
  const Repository& repo = comp_.repo;
  auto invalid = [&](std::string why) {
    out.reason = std::move(why);
    return false;
  };
  if (out.id.empty()) return invalid("the row has no case id (column `case`)");
  out.policy = repo.policy_index(out.policy_text);
  if (out.policy < 0) {
    std::vector<std::string> ids;
    for (const Policy& p : repo.policies) ids.push_back(p.id);
    return invalid(fmt::format("{} is not a policy of this repository{}", in_quotes(out.policy_text), hint_among(out.policy_text, ids)));
  }
  const Policy& pol = repo.policies[static_cast<std::size_t>(out.policy)];
  if (!policies_[static_cast<std::size_t>(out.policy)]->space) {
    out.policy = -1;
    return invalid(fmt::format("policy `{}` has errors, so its cases cannot be held against it: run `leeway check`", pol.id));
  }
  auto oc = std::find(pol.outcomes.begin(), pol.outcomes.end(), out.given_text);
  if (oc == pol.outcomes.end())
    return invalid(fmt::format("{} is not an outcome of policy `{}`{}", in_quotes(out.given_text), pol.id, hint_among(out.given_text, pol.outcomes)));
  out.given = static_cast<int>(oc - pol.outcomes.begin());
  out.by = repo.manifest.role_index(out.by_text);
  if (out.by < 0) {
    std::vector<std::string> ids;
    for (const Role& r : repo.manifest.roles) ids.push_back(r.id);
    return invalid(fmt::format("{} is not a role of this repository{}", in_quotes(out.by_text), hint_among(out.by_text, ids)));
  }
  if (!out.date.empty() && !valid_date(out.date))
    return invalid(fmt::format("the date {} is not a day of the calendar written YYYY-MM-DD", in_quotes(out.date)));
  if (const std::string* c = cell(rec, col_cost_); c && !c->empty()) {
    std::int64_t cents = 0;
    NumberError e = parse_scaled(*c, kMoneyFractionDigits, cents);
    if (e == NumberError::too_precise) return invalid(fmt::format("the cost {} has more than two fraction digits", in_quotes(*c)));
    if (e != NumberError::none || cents < 0) return invalid(fmt::format("the cost {} is not an amount", in_quotes(*c)));
    out.cost = cents;
  }
  for (std::size_t q = 0; q < kQuestions; ++q) {
    const std::string* c = cell(rec, col_question_[q]);
    if (!c || c->empty()) continue;
    if (*c == "yes")
      out.questions[q] = QuestionAnswer::yes;
    else if (*c == "no")
      out.questions[q] = QuestionAnswer::no;
    else
      return invalid(fmt::format("`{}` is {}: write yes, no, or leave it empty", question_name(q), in_quotes(*c)));
  }
  return true;
}

bool CaseClassifier::read_situation(const CaseRecord& rec, CaseResult& out) {
  const Policy& pol = comp_.repo.policies[static_cast<std::size_t>(out.policy)];
  const PolicyData& data = *policies_[static_cast<std::size_t>(out.policy)];
  const PolicySpace& space = *data.space;
  for (std::size_t d = 0; d < space.dims.size(); ++d) {
    const Dimension& dim = *space.dims[d];
    int mi = data.manifest_dim[d];
    const std::string* c = cell(rec, mi < 0 ? -1 : dim_column_[static_cast<std::size_t>(mi)]);
    if (!c || c->empty()) {
      out.reason = fmt::format("the situation has no value for `{}` (policy `{}` is over it)", dim.name, pol.id);
      return false;
    }
    Expected<std::int64_t> v = parse_point(*c, dim);
    if (!v) {
      out.reason = valid_utf8(v.error()) ? v.error() : fmt::format("{} is not a value of `{}`", in_quotes(*c), dim.name);
      return false;
    }
    out.point.push_back(*v);
  }
  return true;
}

bool CaseClassifier::find_normal(CaseResult& out) {
  const Policy& pol = comp_.repo.policies[static_cast<std::size_t>(out.policy)];
  policies_[static_cast<std::size_t>(out.policy)]->index->matching(out.point, hold_);
  bool forcing = false, rules = false;
  int normal = -2;  // -2: nothing decides yet; -1: they disagree
  for (int i : hold_) {
    const Item& it = pol.items[static_cast<std::size_t>(i)];
    if (it.kind == ItemKind::line && !it.forbidding) forcing = true;
  }
  for (int i : hold_) {
    const Item& it = pol.items[static_cast<std::size_t>(i)];
    bool decides = forcing ? (it.kind == ItemKind::line && !it.forbidding) : it.kind == ItemKind::rule;
    if (!decides) continue;
    rules = true;
    normal = normal == -2 ? it.outcome : normal == it.outcome ? normal : -1;
  }
  out.normal = normal < 0 ? -1 : normal;
  if (!rules) {
    out.cls = CaseClass::silent;
    out.reason = "the policy is silent here: no rule and no line decides these situations";
  }
  return rules;
}

bool CaseClassifier::check_lines(CaseResult& out) {
  const Policy& pol = comp_.repo.policies[static_cast<std::size_t>(out.policy)];
  const PolicyData& data = *policies_[static_cast<std::size_t>(out.policy)];
  for (int i : data.by_id) {
    const Item& it = pol.items[static_cast<std::size_t>(i)];
    if (it.kind != ItemKind::line || std::find(hold_.begin(), hold_.end(), i) == hold_.end()) continue;
    bool crossed = it.forbidding ? std::binary_search(it.forbidden.begin(), it.forbidden.end(), out.given) : it.outcome != out.given;
    if (!crossed) continue;
    out.cls = CaseClass::crosses_line;
    out.line = i;
    reason(out, CaseClass::crosses_line, out.policy, i, out.given, [&] {
      return it.forbidding ? fmt::format("the line \u201c{}\u201d holds here: never {}", item_name(it), outcome_words(pol, out.given))
                           : fmt::format("the line \u201c{}\u201d holds here: the answer is {}, whatever else applies", item_name(it),
                                         outcome_words(pol, it.outcome));
    });
    return false;
  }
  if (out.normal >= 0 && out.given == out.normal) {
    out.cls = CaseClass::rule;
    reason(out, CaseClass::rule, out.policy, out.normal, 0,
           [&] { return fmt::format("the normal answer here: {}", outcome_words(pol, out.normal)); });
    return false;
  }
  return true;
}

void CaseClassifier::classify_exception(CaseResult& out) {
  const Repository& repo = comp_.repo;
  const Policy& pol = repo.policies[static_cast<std::size_t>(out.policy)];
  const PolicyData& data = *policies_[static_cast<std::size_t>(out.policy)];
  auto item = [&](int i) -> const Item& { return pol.items[static_cast<std::size_t>(i)]; };
  const std::string& currency = repo.manifest.currency;
  // Exceptions that hold here and give what was given, the most favourable reading first.
  const Role& role = repo.manifest.roles[static_cast<std::size_t>(out.by)];
  int within = -1, above = -1, beyond = -1;
  bool role_ceiling = false;
  for (int i : data.by_id) {
    const Item& it = item(i);
    if (it.kind != ItemKind::exception || it.outcome != out.given || std::find(hold_.begin(), hold_.end(), i) == hold_.end()) continue;
    if (!data.may_grant[static_cast<std::size_t>(out.by)][static_cast<std::size_t>(i)]) {
      if (beyond < 0) beyond = i;
      continue;
    }
    bool over_item = out.cost && it.max_cost && *out.cost > *it.max_cost;
    bool over_role = out.cost && role.max_cost && *out.cost > *role.max_cost;
    if (!over_item && !over_role) {
      within = i;
      break;
    }
    if (above < 0) above = i, role_ceiling = over_role && !over_item;
  }
  if (within >= 0) {
    const Item& it = item(within);
    out.cls = CaseClass::exception;
    out.exception = within;
    reason(out, CaseClass::exception, out.policy, within, out.by, [&] {
      return fmt::format("within the exception \u201c{}\u201d, which the {} may grant{}", item_name(it), role_words(repo.manifest, out.by),
                         it.max_cost ? fmt::format(", up to {}", money_words(*it.max_cost, currency)) : "");
    });
  } else if (above >= 0) {
    const Item& it = item(above);
    out.cls = CaseClass::above_ceiling;
    out.exception = above;
    out.over_role_ceiling = role_ceiling;
    std::int64_t ceiling = role_ceiling ? *role.max_cost : *it.max_cost;
    out.reason =
        fmt::format("the exception \u201c{}\u201d allows it, but {} is above {} ceiling of {}", item_name(it), money_words(*out.cost, currency),
                    role_ceiling ? "the " + role_words(repo.manifest, out.by) + "'s" : "its", money_words(ceiling, currency));
  } else if (beyond >= 0) {
    const Item& it = item(beyond);
    out.cls = CaseClass::beyond_authority;
    out.exception = beyond;
    out.ask = it.role;
    reason(out, CaseClass::beyond_authority, out.policy, beyond, out.by, [&] {
      return fmt::format("the exception \u201c{}\u201d allows it, but the {} may not grant it: ask the {}", item_name(it),
                         role_words(repo.manifest, out.by), role_words(repo.manifest, it.role));
    });
  } else {
    out.cls = CaseClass::off_policy;
    reason(out, CaseClass::off_policy, out.policy, out.normal, 0, [&] {
      return out.normal >= 0 ? fmt::format("neither the normal answer here ({}) nor what an exception here allows", outcome_words(pol, out.normal))
                             : std::string("the rules here disagree, and no exception here allows it");
    });
  }
}

}  // namespace leeway
