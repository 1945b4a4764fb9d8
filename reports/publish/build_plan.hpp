// The files a build makes: for each document its Markdown, its pictures and
// each format Pandoc renders, a page leeway wrote itself (HTML only), and the
// index; each with the hash of what it is made from, for the cache.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "compiler/core/expected.hpp"
#include "reports/documents/documents.hpp"
#include "reports/publish/output_format.hpp"

namespace leeway {

// FNV-1a, 64 bits: enough to tell a changed input from an unchanged one.
struct ContentHash {
  std::uint64_t h = 1469598103934665603ull;
  ContentHash& add(std::string_view s) {
    for (unsigned char c : s) h = (h ^ c) * 1099511628211ull;
    h = (h ^ 0xff) * 1099511628211ull;  // a separator, so ("ab","c") differs from ("a","bc")
    return *this;
  }
  std::string hex() const;  // 16 hexadecimal digits
};

// One file of the build: a document Pandoc renders into a format, or bytes
// leeway has (Markdown, a picture, the index, a page of its own such as the
// explorer), written as they are.
struct OutputFile {
  std::string file;                    // output file name
  std::optional<OutputFormat> render;  // the format Pandoc renders; none: `bytes` are written as they are
  std::string bytes;
  std::size_t doc = 0;
  std::string hash;
  bool reuse = false;
};

// A name that can be a file of the output folder: letters, digits, '-', '_' and '.', not first.
bool safe_name(const std::string& name);

// Every file to make, in order; `setting`: the hash of what every rendered
// file depends on besides its document. Fails on a document whose name
// cannot be a file name.
Expected<std::vector<OutputFile>> plan_files(const std::vector<Document>& docs, FormatSet formats, const std::string& heading,
                                             const ContentHash& setting);

}  // namespace leeway
