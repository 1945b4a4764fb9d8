// Policy files for the tests, written with a few calls instead of pasted TOML:
//   policy("p", {"days", "tier"}, {"refund", "decline"})
//       .rule("in", R"(days = "0..30")", "refund")
//       .exception("grace", "in", R"(tier = "gold")", "credit", "supervisor", "20")
// `when` is the inside of the inline table ("" for an item that holds
// everywhere); the text is plain TOML, one key a line, in this order.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace leeway::test {

class PolicyText {
 public:
  PolicyText(std::string_view id, const std::vector<std::string>& over, const std::vector<std::string>& outcomes) {
    text_ = "[policy]\nid = \"" + std::string(id) + "\"\nover = " + list(over) + "\noutcomes = " + list(outcomes) + "\n";
  }
  PolicyText& rule(std::string_view id, std::string_view when, std::string_view then) { return item("rule", id, when, then); }
  PolicyText& line(std::string_view id, std::string_view when, std::string_view then) { return item("line", id, when, then); }
  // `max_cost` as written ("19.99"); "" for none.
  PolicyText& exception(std::string_view id, std::string_view bends, std::string_view when, std::string_view then, std::string_view granted_by,
                        std::string_view max_cost) {
    item("exception", id, when, then);
    text_ += "bends = \"" + std::string(bends) + "\"\ngranted_by = \"" + std::string(granted_by) + "\"\n";
    if (!max_cost.empty()) text_ += "max_cost = " + std::string(max_cost) + "\n";
    return *this;
  }
  // Anything else, as written (a [[waive]], an [exception.why]).
  PolicyText& raw(std::string_view toml) {
    text_ += toml;
    return *this;
  }
  const std::string& str() const { return text_; }
  operator std::string() const { return text_; }  // NOLINT: reads as the text it is

 private:
  static std::string list(const std::vector<std::string>& words) {
    std::string out = "[";
    for (std::size_t i = 0; i < words.size(); ++i) out += (i ? ", \"" : "\"") + words[i] + "\"";
    return out + "]";
  }
  PolicyText& item(std::string_view kind, std::string_view id, std::string_view when, std::string_view then) {
    text_ += "[[" + std::string(kind) + "]]\nid = \"" + std::string(id) + "\"\n";
    if (!when.empty()) text_ += "when = { " + std::string(when) + " }\n";
    text_ += "then = \"" + std::string(then) + "\"\n";
    return *this;
  }
  std::string text_;
};

inline PolicyText policy(std::string_view id, const std::vector<std::string>& over, const std::vector<std::string>& outcomes) {
  return PolicyText(id, over, outcomes);
}

// The policy most unit tests share, over test_repo.hpp's manifest: refund
// within 30 days, decline after; a supervisor may refund a gold customer up
// to 60 days and 99.99.
inline std::string grace_policy() {
  return policy("p", {"days", "amount", "tier"}, {"refund", "decline"})
      .rule("in", R"(days = "0..30")", "refund")
      .rule("out", R"(days = "31..")", "decline")
      .exception("grace", "out", R"(days = "31..60", tier = "gold", amount = "0..99.99")", "refund", "supervisor", "99.99");
}

}  // namespace leeway::test
