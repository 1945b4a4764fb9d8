// CTemplate glue: the embedded templates registered once, and expansion of a
// dictionary into Markdown. Values put into a dictionary are already safe
// Markdown (see markdown.hpp); templates use no modifiers.
#pragma once
#include <string>
#include <string_view>

#include <ctemplate/template.h>

namespace leeway {

// Registers every embedded *.tpl with CTemplate's cache (once; thread-safe).
void load_templates();
// Expands the template of that name (e.g. "handbook.md.tpl"), folding the
// blank lines that sections leave behind into one.
std::string expand_template(const char* name, const ctemplate::TemplateDictionary& dict);
// The same with every line as the template and the values make it: for a
// template whose sections leave no blank line behind (case-review.md.tpl).
std::string expand_template_exactly(const char* name, const ctemplate::TemplateDictionary& dict);

// Puts text from a policy into a dictionary, escaped for Markdown.
void set_text(ctemplate::TemplateDictionary* dict, const char* key, std::string_view text);
// REPOSITORY and EDITION, which every document's title block shows.
void set_repository(ctemplate::TemplateDictionary* dict, const std::string& name, const std::string& edition);

}  // namespace leeway
