#include "reports/publish/stylesheet.hpp"

#include <memory>
#include <stdexcept>

#include <ctemplate/template.h>

#include "compiler/core/assets.hpp"

namespace leeway {

std::string stylesheet(Paper paper) {
  std::string_view text = asset("leeway.css");
  // Parsed on each call (a build makes one): nothing shared between threads.
  std::unique_ptr<ctemplate::Template> tpl(
      ctemplate::Template::StringToTemplate(ctemplate::TemplateString(text.data(), text.size()), ctemplate::DO_NOT_STRIP));
  ctemplate::TemplateDictionary dict("leeway.css");
  dict.SetValue("PAGE_SIZE", paper == Paper::letter ? "letter" : "A4");
  std::string out;
  if (!tpl || !tpl->Expand(&out, &dict)) throw std::runtime_error("cannot expand the stylesheet leeway.css");
  return out;
}

}  // namespace leeway
