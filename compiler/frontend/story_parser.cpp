#include "compiler/frontend/story_parser.hpp"

#include <fmt/format.h>
#include <toml++/toml.h>

#include "compiler/frontend/toml_reader.hpp"

namespace leeway {

Story parse_story(const SourceFile& file, Diagnostics& diags) {
  Story s;
  s.file = file.path();
  s.pos = Pos{file.path(), 1, 1};
  const std::string& text = file.text();
  auto front_missing = [&] {
    diags.add(DiagnosticKind::bad_front_matter, s.pos, "a story must start with TOML front matter between +++ lines",
              "start the file with:\n+++\ntitle = \"...\"\nteaches = [\"policy.exception\"]\n+++");
    return s;
  };
  // The opening fence is the first line; the closing one is the next line that is exactly "+++".
  if (file.line(1) != "+++") return front_missing();
  int close = 0;
  for (int n = 2; n <= file.line_count(); ++n)
    if (file.line(n) == "+++") {
      close = n;
      break;
    }
  if (close == 0) {
    diags.add(DiagnosticKind::bad_front_matter, s.pos, "the story's front matter has no closing +++ line",
              "end the front matter with a line that holds only +++");
    return s;
  }
  std::size_t begin = file.offset(2, 1), end = file.offset(close, 1);
  // An empty first line stands for the opening fence, so that toml++ reports
  // the lines and columns of the file itself.
  std::string front(1, '\n');
  front.append(text, begin, end - begin);
  std::size_t body_at = close < file.line_count() ? file.offset(close + 1, 1) : text.size();
  s.body = text.substr(body_at);
  toml::table t;
  try {
    t = toml::parse(std::string_view(front), std::string_view(file.path()));
  } catch (const toml::parse_error& e) {
    diags.add(DiagnosticKind::toml_syntax, Pos{file.path(), static_cast<int>(e.source().begin.line), static_cast<int>(e.source().begin.column)},
              std::string(e.description()), "fix the TOML between the +++ lines");
    return s;
  }
  TableReader r(t, file, diags, "the story's front matter");
  r.allow_only({"title", "teaches", "told_by", "date", "tags"});
  s.title = r.string("title", true).value_or("");
  s.told_by = r.string("told_by", false).value_or("");
  if (const toml::node* d = r.get("date")) {
    if (d->is_date()) {
      auto v = *d->value<toml::date>();
      s.date = fmt::format("{:04}-{:02}-{:02}", v.year, v.month, v.day);
    } else if (d->is_string()) {
      s.date = *d->value<std::string>();
    } else {
      r.report_type("date", "a date such as 2026-03-14");
    }
  }
  if (auto teaches = r.string_list("teaches", true)) {
    const toml::array* arr = r.get("teaches")->as_array();
    for (std::size_t i = 0; i < teaches->size(); ++i) s.teaches.push_back({(*teaches)[i], pos_of(file, (*arr)[i].source())});
    if (teaches->empty())
      diags.add(DiagnosticKind::empty_list, r.value_pos("teaches"), "the story teaches no exception",
                "name the exceptions it teaches: teaches = [\"returns.grace-period\"]");
  }
  return s;
}

}  // namespace leeway
