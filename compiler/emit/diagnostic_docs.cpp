#include "compiler/emit/diagnostic_docs.hpp"

#include <fmt/format.h>

#include "compiler/core/assets.hpp"

namespace leeway {

std::string diagnostic_explanation(const DiagnosticInfo& kind) {
  std::string_view doc = asset("diagnostics.md");
  std::string heading = fmt::format("### {} `{}`", kind.code, kind.name);
  std::size_t at = doc.find(heading);
  if (at == std::string_view::npos) return std::string(kind.summary);
  at = doc.find('\n', at);
  if (at == std::string_view::npos) return std::string(kind.summary);
  std::size_t end = doc.find("\n#", at);
  std::string_view body = doc.substr(at + 1, end == std::string_view::npos ? std::string_view::npos : end - at - 1);
  while (!body.empty() && (body.back() == '\n' || body.back() == ' ')) body.remove_suffix(1);
  while (!body.empty() && body.front() == '\n') body.remove_prefix(1);
  return std::string(body);
}

std::string diagnostic_explanation_text(const DiagnosticInfo& kind) {
  std::string md = diagnostic_explanation(kind), out;
  bool code = false;
  std::size_t start = 0;
  while (start <= md.size()) {
    std::size_t end = md.find('\n', start);
    std::string line = md.substr(start, end == std::string::npos ? std::string::npos : end - start);
    if (line.rfind("```", 0) == 0) {
      code = !code;
    } else if (code) {
      out += "    " + line + "\n";
    } else {
      for (std::size_t at = line.find("**"); at != std::string::npos; at = line.find("**", at)) line.erase(at, 2);
      out += line + "\n";
    }
    if (end == std::string::npos) break;
    start = end + 1;
  }
  while (!out.empty() && out.back() == '\n') out.pop_back();
  return out;
}

}  // namespace leeway
