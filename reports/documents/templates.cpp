#include "reports/documents/templates.hpp"

#include <mutex>
#include <stdexcept>

#include "compiler/core/assets.hpp"
#include "compiler/core/safe_text.hpp"

namespace leeway {

void load_templates() {
  static std::once_flag once;
  std::call_once(once, [] {
    for (const Asset& a : embedded_assets()) {
      if (a.name.size() < 4 || a.name.substr(a.name.size() - 4) != ".tpl") continue;
      ctemplate::StringToTemplateCache(ctemplate::TemplateString(a.name.data(), a.name.size()),
                                       ctemplate::TemplateString(a.bytes.data(), a.bytes.size()), ctemplate::DO_NOT_STRIP);
    }
  });
}

std::string expand_template_exactly(const char* name, const ctemplate::TemplateDictionary& dict) {
  load_templates();
  std::string out;
  if (!ctemplate::ExpandTemplate(name, ctemplate::DO_NOT_STRIP, &dict, &out))
    throw std::runtime_error(std::string("cannot expand the template ") + name);
  return out;
}

std::string expand_template(const char* name, const ctemplate::TemplateDictionary& dict) {
  std::string out = expand_template_exactly(name, dict);
  // Sections leave blank lines behind; one blank line between blocks is enough.
  std::string tidy;
  tidy.reserve(out.size());
  std::size_t newlines = 0;
  for (char c : out) {
    newlines = c == '\n' ? newlines + 1 : 0;
    if (newlines <= 2) tidy += c;
  }
  return tidy;
}

void set_text(ctemplate::TemplateDictionary* dict, const char* key, std::string_view text) { dict->SetValue(key, md_text(text)); }

void set_repository(ctemplate::TemplateDictionary* dict, const std::string& name, const std::string& edition) {
  set_text(dict, "REPOSITORY", name);
  set_text(dict, "EDITION", edition.empty() ? "unnumbered" : edition);
}

}  // namespace leeway
