// The formats leeway publishes documents in, typed: parsed once from the
// command line (--formats md,html,...) and carried as a set; each one's name
// (also its file extension) and whether leeway writes it or Pandoc renders it.
#pragma once
#include <cstdint>
#include <initializer_list>
#include <string_view>
#include <vector>

#include "compiler/core/expected.hpp"

namespace leeway {

enum class OutputFormat : std::uint8_t { md, html, pdf, docx, epub };

// Every format, in the order the index lists them (the most readable first: html, pdf, docx, epub, md).
const std::vector<OutputFormat>& formats_by_readability();
// The formats Pandoc renders (md is written by leeway itself): html, pdf, docx, epub.
const std::vector<OutputFormat>& pandoc_formats();

// "md", "html", "pdf", "docx", "epub": the name on the command line and the file extension.
std::string_view format_name(OutputFormat f);

// A set of formats (which to build); the order they were given in does not matter.
class FormatSet {
 public:
  FormatSet() = default;
  FormatSet(std::initializer_list<OutputFormat> formats) {
    for (OutputFormat f : formats) add(f);
  }
  void add(OutputFormat f) { bits_ |= bit(f); }
  bool has(OutputFormat f) const { return (bits_ & bit(f)) != 0; }
  bool empty() const { return bits_ == 0; }
  bool operator==(const FormatSet&) const = default;

 private:
  static std::uint8_t bit(OutputFormat f) { return static_cast<std::uint8_t>(1u << static_cast<unsigned>(f)); }
  std::uint8_t bits_ = 0;
};

// Every format leeway can build.
inline FormatSet all_formats() { return {OutputFormat::md, OutputFormat::html, OutputFormat::pdf, OutputFormat::docx, OutputFormat::epub}; }

// "md,html,pdf": comma-separated names, empty items skipped. Fails on the
// first name that is not a format: "`x` is not a document format; choose among ...".
Expected<FormatSet> parse_formats(std::string_view list);

// The page size of the PDFs.
enum class Paper : std::uint8_t { a4, letter };

}  // namespace leeway
