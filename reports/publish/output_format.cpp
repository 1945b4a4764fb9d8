#include "reports/publish/output_format.hpp"

#include <fmt/format.h>

namespace leeway {

const std::vector<OutputFormat>& formats_by_readability() {
  static const std::vector<OutputFormat> all = {OutputFormat::html, OutputFormat::pdf, OutputFormat::docx, OutputFormat::epub, OutputFormat::md};
  return all;
}

const std::vector<OutputFormat>& pandoc_formats() {
  static const std::vector<OutputFormat> all = {OutputFormat::html, OutputFormat::pdf, OutputFormat::docx, OutputFormat::epub};
  return all;
}

std::string_view format_name(OutputFormat f) {
  switch (f) {
    case OutputFormat::md: return "md";
    case OutputFormat::html: return "html";
    case OutputFormat::pdf: return "pdf";
    case OutputFormat::docx: return "docx";
    case OutputFormat::epub: return "epub";
  }
  return "md";
}

Expected<FormatSet> parse_formats(std::string_view list) {
  static const OutputFormat kAll[] = {OutputFormat::md, OutputFormat::html, OutputFormat::pdf, OutputFormat::docx, OutputFormat::epub};
  FormatSet set;
  while (!list.empty()) {
    std::size_t comma = list.find(',');
    std::string_view name = list.substr(0, comma);
    list = comma == std::string_view::npos ? std::string_view() : list.substr(comma + 1);
    if (name.empty()) continue;
    bool known = false;
    for (OutputFormat f : kAll)
      if (format_name(f) == name) set.add(f), known = true;
    if (!known) return Failure{fmt::format("`{}` is not a document format; choose among md, html, pdf, docx, epub", name)};
  }
  return set;
}

}  // namespace leeway
