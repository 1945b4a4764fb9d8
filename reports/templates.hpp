// CTemplate glue: the embedded templates registered once, and expansion of a
// dictionary into Markdown. Values put into a dictionary are already safe
// Markdown (see markdown.hpp); templates use no modifiers.
#pragma once
#include <string>

#include <ctemplate/template.h>

namespace leeway {

// Registers every embedded *.tpl with CTemplate's cache (once; thread-safe).
void load_templates();
// Expands the template of that name (e.g. "handbook.md.tpl").
std::string expand_template(const char* name, const ctemplate::TemplateDictionary& dict);

}  // namespace leeway
