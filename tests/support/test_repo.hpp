// Small repositories held in memory, for unit tests.
#pragma once
#include <algorithm>
#include <map>
#include <stdexcept>
#include <string>

#include "compiler/analysis/compile.hpp"
#include "compiler/frontend/repo_source.hpp"

namespace leeway::test {

inline const char* kManifest = R"(
[repository]
name = "Test"
edition = "1"

[dimensions.days]
type = "integer"
min = 0
max = 100

[dimensions.amount]
type = "money"
min = 0
max = 500

[dimensions.tier]
type = "enum"
values = ["standard", "gold", "platinum"]

[dimensions.fraud]
type = "bool"

[roles.associate]
max_cost = 25
reports_to = "supervisor"

[roles.supervisor]
max_cost = 200
)";

// Compiles a source that is a repository (it throws if not), diagnostics sorted.
inline Compilation compile_source(RepoSource& source, const CompileOptions& options) {
  Expected<Compilation> c = compile(source, options);
  if (!c) throw std::runtime_error(c.error());
  c->diags.sort();
  return std::move(*c);
}

// Compiles the files on one thread, with kManifest unless they bring their own.
inline Compilation compile_files(std::map<std::string, std::string> files, bool analyse = true) {
  if (!files.count("leeway.toml")) files["leeway.toml"] = kManifest;
  MemorySource src(std::move(files));
  return compile_source(src, CompileOptions{analyse, 1});
}

inline std::vector<std::string> kinds(const Compilation& c) {
  std::vector<std::string> out;
  for (const auto& d : c.diags.all()) out.emplace_back(kind_name(d.kind));
  return out;
}

inline const Diagnostic* find(const Compilation& c, const std::string& kind) {
  for (const auto& d : c.diags.all())
    if (kind_name(d.kind) == kind) return &d;
  return nullptr;
}

}  // namespace leeway::test
