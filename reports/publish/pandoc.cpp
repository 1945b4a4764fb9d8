#include "reports/publish/pandoc.hpp"

namespace leeway {

const std::vector<std::string>& pandoc_formats() {
  static const std::vector<std::string> all = {"html", "pdf", "docx", "epub"};
  return all;
}

std::vector<std::string> pandoc_args(const std::string& program, const std::string& format, const std::string& input,
                                     const std::string& output, const PandocAssets& assets, Layout layout,
                                     const std::string& html_after_body) {
  std::vector<std::string> a = {program,
                                "--quiet",
                                "--from=markdown-raw_html-raw_tex-raw_attribute-tex_math_dollars-tex_math_single_backslash",
                                "--standalone",
                                "--metadata=lang:en"};
  if (layout == Layout::book) a.insert(a.end(), {"--toc", "--toc-depth=1"});
  bool card = layout == Layout::card && format == "html";
  if (format == "html") {
    a.insert(a.end(), {"--sandbox", "--to=html5", "--self-contained", "--include-in-header=" + assets.style_header});
    if (card) a.push_back("--include-in-header=" + assets.card_header);
    if (!html_after_body.empty()) a.push_back("--include-after-body=" + html_after_body);
  } else if (format == "pdf" || format == "pdf-html") {
    // WeasyPrint lays out the HTML with the same stylesheet: Unicode and tables as on screen.
    // "pdf-html": only the HTML, for leeway's own PDF engine (pdf_engine.hpp) to lay out.
    a.insert(a.end(), {"--sandbox", "--to=html5", "--include-in-header=" + assets.style_header});
    if (format == "pdf") a.push_back("--pdf-engine=weasyprint");
    if (layout == Layout::card) a.push_back("--include-in-header=" + assets.card_header);
  } else if (format == "docx") {
    a.insert(a.end(), {"--to=docx", "--reference-doc=" + assets.reference_docx});
  } else if (format == "epub") {
    a.insert(a.end(), {"--to=epub3", "--css=" + assets.css});
  }
  a.insert(a.end(), {"--output=" + output, "--", input});
  return a;
}

}  // namespace leeway
