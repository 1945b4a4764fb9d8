// Publishing documents into an output folder: Markdown and index.html written by leeway,
// the other formats rendered by Pandoc in parallel; a content-hash cache so
// that what has not changed is not rendered again; every file staged first
// and moved into place only when the whole build succeeded, so a failed
// build leaves the previous outputs as they were. Nothing is written outside
// the output folder.
#pragma once
#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "compiler/core/expected.hpp"
#include "reports/documents/documents.hpp"
#include "reports/publish/output_format.hpp"

namespace leeway {

struct BuildOptions {
  std::string out_dir;
  FormatSet formats = all_formats();
  std::string pandoc = "pandoc";
  double timeout_seconds = 120;
  unsigned jobs = 0;        // 0: every core
  Paper paper = Paper::a4;  // the page size of the PDFs
  std::string heading;      // the repository and edition, for index.html
  // PDFs: Pandoc writes HTML and leeway's engine lays out many in one WeasyPrint
  // process a core (true), or Pandoc runs WeasyPrint itself for each (false).
  bool shared_pdf_engine = true;
  // The one time of the build (seconds since 1970), for every date and
  // timestamp in the outputs: same input, same bytes (see source_date_epoch()).
  std::int64_t source_date_epoch = 0;
  std::string edition_id;  // the repository and edition, for identifiers stable per edition
  // Called as each file is done: (index from 1, total, file name, reused from the cache).
  std::function<void(std::size_t, std::size_t, const std::string&, bool)> progress;
};

struct BuildSummary {
  std::vector<std::string> files;  // every output, sorted
  std::size_t rendered = 0;        // Pandoc runs
  std::size_t reused = 0;          // outputs the cache kept
  // Seconds spent on each format Pandoc renders, summed over its files (they
  // run in parallel; "pdf" includes the engine's share), and on the files leeway
  // writes itself ("written"). For --timings.
  std::map<std::string, double> seconds;
};

// Fails (naming every file that failed, with a hint) and leaves the previous
// outputs as they were, or publishes every file.
Expected<BuildSummary> build_outputs(const std::vector<Document>& docs, const BuildOptions& options);

// The name of the cache manifest inside the output folder.
inline constexpr const char* kCacheFile = ".leeway-cache.json";

}  // namespace leeway
