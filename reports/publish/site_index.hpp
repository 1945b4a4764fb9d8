// index.html at the top of an output folder: every handbook and grid with a
// link to each format built, so the folder can be published as it is (an
// intranet, a static host). Plain, self-contained HTML; every title escaped.
#pragma once
#include <string>
#include <vector>

#include "reports/documents/documents.hpp"
#include "reports/publish/output_format.hpp"

namespace leeway {

// `heading`: the repository's name and edition, as the documents give them.
std::string site_index(const std::vector<Document>& docs, FormatSet formats, const std::string& heading);

}  // namespace leeway
