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

}  // namespace leeway
