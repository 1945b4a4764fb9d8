// PDFs laid out by WeasyPrint in a few long-lived processes (one a core)
// instead of one Pandoc and one WeasyPrint process a document: Pandoc writes
// each document's HTML, then templates/pdf_engine.py renders a batch of them.
// Starting Python and WeasyPrint took most of a small document's time.
#pragma once
#include <string>
#include <vector>

#include "reports/publish/process.hpp"

namespace leeway {

struct PdfJob {
  std::string html, pdf;   // input and output paths
  std::size_t weight = 0;  // for balancing the batches (the document's size)
  std::string error;       // after render_pdfs: "" when the PDF was written
};

// The Python that runs WeasyPrint: the interpreter its `weasyprint` script
// names on its first line ("" when WeasyPrint is not installed).
std::string weasyprint_python();

// Renders every job in at most `processes` engine processes, in parallel;
// each job gets its error, if any. `script` is where the engine script is
// written; `log_dir` receives each process's output; `env` is set in each
// process's environment (SOURCE_DATE_EPOCH).
void render_pdfs(std::vector<PdfJob>& jobs, unsigned processes, const std::string& python, const std::string& script, const std::string& log_dir,
                 double timeout_seconds, const EnvironmentVars& env);

}  // namespace leeway
