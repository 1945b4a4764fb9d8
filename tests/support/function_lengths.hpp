// How long each function of a C++ source file is, read the way a person
// skims it: a function body is a `{` at namespace or class scope whose
// declaration has a parameter list, and it runs to its matching `}`.
// Comments, strings and character literals are skipped; lambdas and classes
// inside a body count toward that body. Not a parser: a brace initializer
// in a constructor's member list makes it read the body as shorter pieces,
// which this project's style (clang-format, members in parentheses) avoids.
#pragma once
#include <algorithm>
#include <cctype>
#include <string>
#include <vector>

namespace leeway::test {

inline constexpr int kMaxFunctionLines = 100;

struct FunctionSpan {
  std::string name;  // the declaration's last identifier before its '(' ("write_region", "operator()")
  int first_line = 0;
  int last_line = 0;
  int lines() const { return last_line - first_line + 1; }
};

// The text with comments, string and character literals blanked (newlines kept).
inline std::string code_only(const std::string& text) {
  std::string out = text;
  std::size_t i = 0, n = text.size();
  auto blank = [&](std::size_t from, std::size_t to) {
    for (std::size_t k = from; k < to && k < n; ++k)
      if (out[k] != '\n') out[k] = ' ';
  };
  while (i < n) {
    char c = text[i];
    if (c == '/' && i + 1 < n && text[i + 1] == '/') {
      std::size_t e = text.find('\n', i);
      e = e == std::string::npos ? n : e;
      blank(i, e);
      i = e;
    } else if (c == '/' && i + 1 < n && text[i + 1] == '*') {
      std::size_t e = text.find("*/", i + 2);
      e = e == std::string::npos ? n : e + 2;
      blank(i, e);
      i = e;
    } else if (c == 'R' && i + 1 < n && text[i + 1] == '"' &&
               (i == 0 || !(std::isalnum(static_cast<unsigned char>(text[i - 1])) || text[i - 1] == '_'))) {
      std::size_t open = text.find('(', i + 2);
      if (open == std::string::npos) break;
      std::string close = ")" + text.substr(i + 2, open - i - 2) + "\"";
      std::size_t e = text.find(close, open);
      e = e == std::string::npos ? n : e + close.size();
      blank(i, e);
      i = e;
    } else if (c == '"' || (c == '\'' && !(i > 0 && std::isxdigit(static_cast<unsigned char>(text[i - 1]))))) {
      std::size_t e = i + 1;
      while (e < n && text[e] != c && text[e] != '\n') e += text[e] == '\\' ? 2 : 1;
      blank(i, e + 1);
      i = e + 1;
    } else {
      ++i;
    }
  }
  return out;
}

// The functions of `text` (a .cpp or .hpp), in order.
inline std::vector<FunctionSpan> function_spans(const std::string& text) {
  const std::string code = code_only(text);
  std::vector<FunctionSpan> out;
  // What each open brace is: a scope (namespace, class, extern "C", an
  // initializer at scope level) or a function body.
  std::vector<bool> scope_is_body;
  std::size_t statement_start = 0;
  int line = 1;
  int body_depth = 0;  // braces open inside the current function body
  FunctionSpan current;
  for (std::size_t i = 0; i < code.size(); ++i) {
    char c = code[i];
    if (c == '\n') ++line;
    if (body_depth > 0) {
      if (c == '{') ++body_depth;
      if (c == '}' && --body_depth == 0) {
        current.last_line = line;
        out.push_back(current);
        statement_start = i + 1;
      }
      continue;
    }
    if (c == ';') statement_start = i + 1;
    if (c == '}') {
      if (!scope_is_body.empty()) scope_is_body.pop_back();
      statement_start = i + 1;
    }
    if (c != '{') continue;
    std::string head = code.substr(statement_start, i - statement_start);
    std::size_t paren = head.find('(');
    bool keyword_scope = false;
    for (const char* k : {"namespace", "class ", "struct ", "union ", "enum ", "extern "}) {
      std::size_t at = head.find(k);
      if (at != std::string::npos && (paren == std::string::npos || at < paren)) keyword_scope = true;
    }
    std::size_t eq = head.find('=');
    bool initializer = eq != std::string::npos && (paren == std::string::npos || eq < paren) && head.find("operator") == std::string::npos;
    if (paren != std::string::npos && head.find(')') != std::string::npos && !keyword_scope && !initializer) {
      std::size_t e = paren;
      while (e > 0 && std::isspace(static_cast<unsigned char>(head[e - 1]))) --e;
      std::size_t b = e;
      while (b > 0 && (std::isalnum(static_cast<unsigned char>(head[b - 1])) || head[b - 1] == '_' || head[b - 1] == ':' || head[b - 1] == '~')) --b;
      current.name = head.substr(b, e - b);
      if (current.name.size() >= 8 && current.name.compare(current.name.size() - 8, 8, "operator") == 0) current.name += "()";
      current.first_line = line - static_cast<int>(std::count(head.begin() + static_cast<std::ptrdiff_t>(paren), head.end(), '\n'));
      body_depth = 1;
    } else {
      scope_is_body.push_back(false);
      statement_start = i + 1;
    }
  }
  return out;
}

}  // namespace leeway::test
