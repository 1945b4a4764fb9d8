#include "reports/publish/build_plan.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "reports/publish/site_index.hpp"

namespace leeway {
namespace {

void add_document_files(std::vector<OutputFile>& tasks, const std::vector<Document>& docs, std::size_t d, FormatSet formats,
                        const ContentHash& setting) {
  const Document& doc = docs[d];
  if (!doc.page.empty()) {  // a page leeway wrote itself: HTML only
    if (formats.has(OutputFormat::html))
      tasks.push_back(OutputFile{doc.name + ".html", std::nullopt, doc.page, d, ContentHash{}.add(doc.page).hex(), false});
    return;
  }
  if (formats.has(OutputFormat::md))
    tasks.push_back(OutputFile{doc.name + ".md", std::nullopt, doc.markdown, d, ContentHash{}.add(doc.markdown).hex(), false});
  for (const auto& [name, svg] : doc.pictures) tasks.push_back(OutputFile{name, std::nullopt, svg, d, ContentHash{}.add(svg).hex(), false});
  for (OutputFormat f : pandoc_formats()) {
    if (!formats.has(f)) continue;
    ContentHash h = ContentHash(setting).add(format_name(f));
    h.add(doc.markdown).add(doc.card ? "card" : "book");
    if (f == OutputFormat::html) h.add(doc.html_after_body);
    tasks.push_back(OutputFile{fmt::format("{}.{}", doc.name, format_name(f)), f, "", d, h.hex(), false});
  }
}

}  // namespace

std::string ContentHash::hex() const { return fmt::format("{:016x}", h); }

bool safe_name(const std::string& name) {
  return !name.empty() && name.front() != '.' && std::all_of(name.begin(), name.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.';
  });
}

Expected<std::vector<OutputFile>> plan_files(const std::vector<Document>& docs, FormatSet formats, const std::string& heading,
                                             const ContentHash& setting) {
  std::vector<OutputFile> tasks;
  for (std::size_t d = 0; d < docs.size(); ++d) {
    if (!safe_name(docs[d].name))
      return Failure{fmt::format("`{}` cannot be a file name; ids may use letters, digits, '_' and '-' only", docs[d].name)};
    add_document_files(tasks, docs, d, formats, setting);
  }
  // The page that links them all, so the folder can be published as it is.
  std::string index = site_index(docs, formats, heading);
  tasks.push_back(OutputFile{"index.html", std::nullopt, index, 0, ContentHash{}.add(index).hex(), false});
  return tasks;
}

}  // namespace leeway
