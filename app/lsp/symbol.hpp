// What a place in a repository file names: an item, a dimension, a role, an
// outcome or an enum value, found from the text around it (the key it is
// the value of, the table it is in) and the compiled repository. Hover, go
// to definition, references and completion all start here. Every file may be
// half-typed: anything unclear names nothing.
#pragma once
#include <cstddef>
#include <string>

#include "compiler/analysis/compile.hpp"

namespace leeway::lsp {

enum class SymbolKind { none, policy, item, dimension, role, outcome, value };

struct Symbol {
  SymbolKind kind = SymbolKind::none;
  int policy = -1, item = -1, dimension = -1, role = -1;
  std::string name;                // outcome or value name
  std::size_t begin = 0, end = 0;  // the token's bytes in the file
  bool same_as(const Symbol& o) const {
    return kind == o.kind && policy == o.policy && item == o.item && dimension == o.dimension && role == o.role && name == o.name;
  }
};

// The symbol at byte `offset` of repository file `file` ("returns.toml").
Symbol symbol_at(const Compilation& c, const std::string& file, std::size_t offset);

// What may be typed at `offset`: for completion.
struct Expectation {
  enum What { nothing, dimension, value, outcome, role, rule, item } what = nothing;
  int policy = -1, dim = -1;  // the policy of the file; the dimension whose value is expected
  std::size_t begin = 0;      // where the partly typed name starts
  bool quoted = false;        // inside quotes already
};
Expectation expected_at(const Compilation& c, const std::string& file, std::size_t offset);

// The policy defined in `file`, or -1.
int policy_of_file(const Compilation& c, const std::string& file);

}  // namespace leeway::lsp
