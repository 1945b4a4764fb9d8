#include "app/lsp/lsp_diagnostics.hpp"

#include "app/lsp/text_position.hpp"
#include "compiler/core/region.hpp"

namespace leeway::lsp {
namespace {

nlohmann::json range_of(const Compilation& c, const Pos& pos) {
  auto f = c.repo.files.find(pos.file);
  if (f == c.repo.files.end()) return {{"start", {{"line", 0}, {"character", 0}}}, {"end", {{"line", 0}, {"character", 0}}}};
  auto [b, e] = token_at(f->second, pos);
  return range_json(f->second.text(), b, e);
}

int severity_number(Severity s) { return s == Severity::error ? 1 : s == Severity::warning ? 2 : 3; }

}  // namespace

std::string suggested_name(const std::string& hint) {
  constexpr std::string_view lead = "did you mean `";
  std::size_t at = hint.find(lead);
  if (at == std::string::npos) return "";
  at += lead.size();
  std::size_t end = hint.find('`', at);
  return end == std::string::npos ? "" : hint.substr(at, end - at);
}

std::map<std::string, nlohmann::json> diagnostics_by_file(const Compilation& c, const std::function<std::string(const std::string&)>& to_uri) {
  std::map<std::string, nlohmann::json> out;
  for (const Diagnostic& d : c.diags.all()) {
    if (!d.waived.empty() || d.pos.file.empty()) continue;
    const DiagnosticInfo& info = diagnostic_info(d.kind);
    std::string message = d.message;
    if (d.region) message += "\nwhere: " + region_in_words(*d.region);
    if (!d.example.empty()) message += "\nfor example: " + d.example;
    if (!d.hint.empty()) message += "\nhint: " + d.hint;
    nlohmann::json diag = {{"range", range_of(c, d.pos)},
                           {"severity", severity_number(d.severity)},
                           {"code", std::string(info.code)},
                           {"source", "leeway"},
                           {"message", message},
                           {"data", {{"kind", std::string(info.name)}, {"suggestion", suggested_name(d.hint)}}}};
    if (!d.notes.empty()) {
      nlohmann::json related = nlohmann::json::array();
      for (const Note& n : d.notes)
        if (!n.pos.file.empty())
          related.push_back({{"location", {{"uri", to_uri(n.pos.file)}, {"range", range_of(c, n.pos)}}}, {"message", n.message}});
      diag["relatedInformation"] = related;
    }
    auto [it, fresh] = out.try_emplace(d.pos.file.str(), nlohmann::json::array());
    it->second.push_back(std::move(diag));
  }
  return out;
}

}  // namespace leeway::lsp
