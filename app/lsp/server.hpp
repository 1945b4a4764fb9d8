// `leeway lsp`: the Language Server Protocol over a pair of streams
// (standard input and output). Every change recompiles the repository as the
// editor holds it and republishes its diagnostics; requests are answered
// from the last compilation. No request, however malformed, stops it; it
// ends at `exit` (0 after `shutdown`, 1 without) or at the end of the input.
#pragma once
#include <iosfwd>

namespace leeway::lsp {

int serve(std::istream& in, std::ostream& out, std::ostream& log);

}  // namespace leeway::lsp
