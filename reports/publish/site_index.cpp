#include "reports/publish/site_index.hpp"

#include <fmt/format.h>

#include "compiler/core/safe_text.hpp"

namespace leeway {

namespace {

// What a person calls each format.
const char* format_title(OutputFormat f) {
  switch (f) {
    case OutputFormat::html: return "web page";
    case OutputFormat::pdf: return "PDF";
    case OutputFormat::docx: return "Word";
    case OutputFormat::epub: return "e-book";
    case OutputFormat::md: return "Markdown";
  }
  return "Markdown";
}

// One list item: the document's title, then a link to each format built.
std::string entry(const Document& d, FormatSet formats) {
  if (!d.page.empty()) return fmt::format("<li><a class=\"title\" href=\"{}.html\">{}</a></li>\n", xml_text(d.name), xml_text(d.title));
  std::string links;
  for (OutputFormat f : formats_by_readability())
    if (formats.has(f))
      links += fmt::format("{}<a href=\"{}.{}\">{}</a>", links.empty() ? "" : " · ", xml_text(d.name), format_name(f), format_title(f));
  for (const auto& [file, svg] : d.pictures) links += fmt::format(" · <a href=\"{}\">{}</a>", xml_text(file), xml_text(file));
  return fmt::format("<li><span class=\"title\">{}</span> {}</li>\n", xml_text(d.title.empty() ? d.name : d.title), links);
}

}  // namespace

std::string site_index(const std::vector<Document>& docs, FormatSet formats, const std::string& heading) {
  std::string handbooks, cards, grids, pages;
  bool html = formats.has(OutputFormat::html);
  for (const Document& d : docs) {
    if (!d.page.empty()) {
      if (html) pages += entry(d, formats);
    } else if (d.name.rfind("handbook-", 0) == 0) {
      handbooks += entry(d, formats);
    } else if (d.name.rfind("card-", 0) == 0) {
      cards += entry(d, formats);
    } else {
      grids += entry(d, formats);
    }
  }
  std::string try_it = pages.empty() ? "" : "<h2>Try a situation</h2>\n<ul>\n" + pages + "</ul>\n";
  return fmt::format(
      "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{0}</title>\n"
      "<style>\nbody {{ font-family: \"DejaVu Sans\", Helvetica, Arial, sans-serif; max-width: 46em; margin: 2em auto; padding: 0 1em; "
      "color: #1d2430; line-height: 1.5; }} h1 {{ color: #2f5d8a; }} h2 {{ color: #2f5d8a; margin-top: 1.5em; }} "
      "li {{ margin: .4em 0; }} .title {{ font-weight: bold; margin-right: .5em; }} a {{ color: #2f5d8a; }}\n</style>\n"
      "</head>\n<body>\n<main>\n<h1>{0}</h1>\n{3}"
      "<h2>Handbooks, one for each role</h2>\n<ul>\n{1}</ul>\n"
      "<h2>Pocket cards, a page for each role</h2>\n<ul>\n{4}</ul>\n"
      "<h2>For managers</h2>\n<ul>\n{2}</ul>\n"
      "</main>\n</body>\n</html>\n",
      xml_text(heading), handbooks, grids, try_it, cards);
}

}  // namespace leeway
