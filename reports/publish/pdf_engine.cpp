#include "reports/publish/pdf_engine.hpp"

#include <algorithm>
#include <fstream>
#include <numeric>
#include <sstream>

#include <fmt/format.h>

#include "compiler/core/assets.hpp"
#include "compiler/core/parallel.hpp"

namespace leeway {

std::string weasyprint_python() {
  std::string script = find_program("weasyprint");
  if (script.empty()) return "";
  std::ifstream in(script);
  std::string first;
  std::getline(in, first);
  if (first.rfind("#!", 0) != 0) return "";
  std::string python = first.substr(2);
  python.erase(0, python.find_first_not_of(' '));
  python.erase(python.find_last_not_of(" \r") + 1);
  // "#!/usr/bin/env python3" names the interpreter through env.
  if (python.rfind("/usr/bin/env ", 0) == 0) python = find_program(python.substr(13));
  return python.find(' ') == std::string::npos ? python : "";
}

void render_pdfs(std::vector<PdfJob>& jobs, unsigned processes, const std::string& python, const std::string& script, const std::string& log_dir,
                 double timeout_seconds, const EnvironmentVars& env) {
  if (jobs.empty()) return;
  {
    std::ofstream out(script, std::ios::binary | std::ios::trunc);
    out << asset("pdf_engine.py");
  }
  // Batches of about equal work: the heaviest job first, each to the lightest batch.
  std::size_t n = std::max<std::size_t>(1, std::min<std::size_t>(processes ? processes : 1, jobs.size()));
  std::vector<std::size_t> order(jobs.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return jobs[a].weight > jobs[b].weight; });
  std::vector<std::vector<std::size_t>> batches(n);
  std::vector<std::size_t> load(n, 0);
  for (std::size_t j : order) {
    std::size_t lightest = static_cast<std::size_t>(std::min_element(load.begin(), load.end()) - load.begin());
    batches[lightest].push_back(j);
    load[lightest] += jobs[j].weight + 1;
  }
  parallel_for(n, static_cast<unsigned>(n), [&](std::size_t b) {
    std::vector<std::string> argv = {python, script};
    for (std::size_t j : batches[b]) argv.insert(argv.end(), {jobs[j].html, jobs[j].pdf});
    std::string log = fmt::format("{}/pdf-engine-{}.log", log_dir, b);
    ProcessResult r = run_process(argv, log, timeout_seconds * static_cast<double>(batches[b].size()), env);
    // What each file came to, from the engine's own lines.
    std::ifstream in(log);
    std::stringstream text;
    text << in.rdbuf();
    std::string all = text.str();
    for (std::size_t j : batches[b]) {
      PdfJob& job = jobs[j];
      if (all.find("done " + job.pdf + "\n") != std::string::npos) continue;
      std::size_t at = all.find("failed " + job.pdf + ": ");
      if (at != std::string::npos) {
        std::size_t from = at + 9 + job.pdf.size();
        job.error = "WeasyPrint failed: " + all.substr(from, all.find('\n', from) - from);
      } else if (!r.started) {
        job.error = fmt::format("the PDF engine (`{}`) could not be started", python);
      } else if (r.timed_out) {
        job.error = fmt::format("the PDF engine did not finish within {} seconds a document and was stopped (raise the limit with --pandoc-timeout)",
                                timeout_seconds);
      } else if (all.find("failed *: ") != std::string::npos) {
        std::size_t from = all.find("failed *: ") + 10;
        job.error = all.substr(from, all.find('\n', from) - from);
      } else {
        job.error =
            fmt::format("the PDF engine stopped (exit {}) before this file: {}", r.exit_code, r.output.empty() ? "it printed nothing" : r.output);
      }
    }
  });
}

}  // namespace leeway
