// The documents' stylesheet (templates/leeway.css), a CTemplate template whose
// one variable, PAGE_SIZE, is the paper of the PDFs (@page size).
#pragma once
#include <string>

#include "reports/publish/output_format.hpp"

namespace leeway {

// The stylesheet on that paper: "A4" or "letter" as the @page size.
std::string stylesheet(Paper paper);

}  // namespace leeway
