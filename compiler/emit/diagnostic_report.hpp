// The report of `leeway check`: which diagnostics are shown, in which order,
// and the batching of JSON. It takes the diagnostics as analysis left them
// (CompileOptions::defer: findings not made, details not built) and makes,
// and builds the details of, only what it writes; every diagnostic, written
// or not, counts in the totals. Analysis finds and counts; how much is shown
// is decided here alone.
#pragma once
#include <map>
#include <string>
#include <vector>

#include "compiler/core/diagnostic.hpp"
#include "compiler/core/source_file.hpp"
#include "compiler/emit/diagnostic_json.hpp"
#include "compiler/emit/diagnostic_text.hpp"

namespace leeway {

// Text: the first `opt.max_diagnostics` (0: all) in the report's order, in
// full; the others counted by kind, then the totals. A conflict-heavy
// repository has 180,000 diagnostics: only those shown, and those at the
// place of the last one shown (told apart by message), are made.
std::string report_text(Diagnostics& diags, const std::map<std::string, SourceFile>& files, const TextOptions& opt, unsigned threads);

// JSON (docs/format.md): every diagnostic in the report's order, the first
// `limit` written (0: all) and the rest only counted. A batch at a time: each
// batch's details are built and its text made on `threads`, then freed, so
// that 200,000 diagnostics never hold their regions all at once; a batch is
// written while the next one is made. What a diagnostic keeps once written
// is what the exit code needs (kind, severity, waiver).
void report_json(Diagnostics& diags, std::size_t limit, unsigned threads, const Sink& out);

// Every diagnostic made, with its details, in the report's order: for the
// formats that take them all at once (SARIF, GitHub annotations).
const std::vector<Diagnostic>& report_all(Diagnostics& diags, unsigned threads);

}  // namespace leeway
