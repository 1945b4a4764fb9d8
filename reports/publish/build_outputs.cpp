#include "reports/publish/build_outputs.hpp"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <mutex>
#include <set>
#include <sstream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "compiler/core/assets.hpp"
#include "compiler/core/json_writer.hpp"
#include "compiler/core/parallel.hpp"
#include "compiler/core/version.hpp"
#include "reports/publish/build_plan.hpp"
#include "reports/publish/name_uuid.hpp"
#include "reports/publish/pandoc.hpp"
#include "reports/publish/pdf_engine.hpp"
#include "reports/publish/process.hpp"
#include "reports/publish/stylesheet.hpp"
#include "reports/publish/zip_times.hpp"

namespace fs = std::filesystem;

namespace leeway {
namespace {

constexpr const char* kStaging = ".leeway-staging";
const std::string kCacheVersion = fmt::format("leeway {} documents 1", kVersion);

std::string read_file(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

bool write_file(const fs::path& p, std::string_view bytes) {
  std::ofstream out(p, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  out.close();
  return static_cast<bool>(out);
}

double seconds_since(std::chrono::steady_clock::time_point t) { return std::chrono::duration<double>(std::chrono::steady_clock::now() - t).count(); }

// One build, as its steps: open the staging folder, write the assets, read
// the cache, plan the files, stage Pandoc's inputs, write and render every
// file (in parallel), lay out the PDFs, then publish. The staging folder goes
// whatever happens; on success its files have been moved into place first.
class Build {
 public:
  Build(const std::vector<Document>& docs, const BuildOptions& opt)
      : docs_(docs),
        opt_(opt),
        out_(opt.out_dir),
        staging_(out_ / kStaging),
        env_{{"SOURCE_DATE_EPOCH", std::to_string(opt.source_date_epoch)}},
        date_(iso_date(opt.source_date_epoch)) {}
  Build(const Build&) = delete;
  Build& operator=(const Build&) = delete;
  ~Build() {
    std::error_code ignore;
    if (opened_) fs::remove_all(staging_, ignore);
  }

  Status open_folders();
  void write_assets();
  void read_cache();
  Status plan();
  Status stage_inputs();
  void write_and_render();
  void lay_out_pdfs();
  Status errors() const;
  Expected<BuildSummary> publish();

 private:
  fs::path assets_dir() const { return staging_ / "assets"; }
  ContentHash settings_hash() const;
  void run_task(std::size_t i);
  std::string render(const OutputFile& t, bool engine, const std::string& target);
  void finished(std::size_t i);

  const std::vector<Document>& docs_;
  const BuildOptions& opt_;
  fs::path out_, staging_;
  bool opened_ = false;
  // The child processes' environment: one time for the whole build, so the
  // same input gives the same bytes: Pandoc (DOCX and EPUB zip entries) and
  // the PDF engine (fontTools' font subsets, hence the PDF's /ID) read it.
  EnvironmentVars env_;
  std::string date_;  // the edition's date, for the EPUB's metadata
  PandocAssets assets_;
  std::string css_;                           // the stylesheet, on the paper asked for
  std::map<std::string, std::string> cache_;  // the previous build's hashes, by file
  std::string pandoc_path_;
  std::vector<OutputFile> tasks_;
  // Markdown inputs for Pandoc, by document: for the web, for paper and
  // e-books, and the HTML that ends the web page's body ("" for none).
  std::vector<std::string> inputs_, print_inputs_, after_body_;
  std::string python_;  // the PDF engine's interpreter; "" when Pandoc runs WeasyPrint itself

  std::mutex mu_;  // guards what follows
  std::size_t done_ = 0;
  std::vector<std::string> errors_;  // by task
  std::vector<PdfJob> pdfs_;
  std::vector<std::size_t> pdf_task_;  // the task of each PDF job
  std::atomic<std::size_t> rendered_{0};
  std::map<std::string, double> seconds_;
};

Status Build::open_folders() {
  std::error_code ec;
  fs::create_directories(out_, ec);
  if (ec || !fs::is_directory(out_)) {
    return Failure{fmt::format("cannot create the output folder `{}`: {}", opt_.out_dir, ec ? ec.message() : "it is not a folder")};
  }
  fs::remove_all(staging_, ec);
  fs::create_directories(assets_dir(), ec);
  if (ec) return Failure{fmt::format("cannot write into the output folder `{}`: {}", opt_.out_dir, ec.message())};
  opened_ = true;
  return success();
}

void Build::write_assets() {
  fs::path a = assets_dir();
  assets_ = PandocAssets{(a / "style.html").string(), (a / "epub.css").string(), (a / "reference.docx").string(), (a / "card.html").string(),
                         (a / "template.html").string()};
  css_ = stylesheet(opt_.paper);
  write_file(assets_.style_header, "<style>\n" + css_ + "</style>\n");
  write_file(assets_.epub_css, without_paged_media(css_));
  write_file(assets_.html_template, asset("pandoc-template.html"));
  write_file(assets_.reference_docx, asset("reference.docx"));
  write_file(assets_.card_header, "<style>\n" + std::string(asset("card.css")) + "</style>\n");
}

void Build::read_cache() {
  std::string text = read_file(out_ / kCacheFile);
  auto j = nlohmann::json::parse(text, nullptr, false);
  if (j.is_object() && j.value("version", "") == kCacheVersion && j.contains("files") && j["files"].is_object())
    for (auto& [k, v] : j["files"].items())
      if (v.is_string()) cache_[k] = v.get<std::string>();
}

// What every rendered file depends on besides its document: leeway, Pandoc,
// the time, the assets, the edition and the PDF engine.
ContentHash Build::settings_hash() const {
  ContentHash setting;
  setting.add(kCacheVersion)
      .add(program_identity(pandoc_path_))
      .add(std::to_string(opt_.source_date_epoch))
      .add(css_)
      .add(asset("reference.docx"))
      .add(asset("card.css"));
  setting.add(asset("pandoc-template.html")).add(opt_.edition_id);
  setting.add(opt_.shared_pdf_engine ? asset("pdf_engine.py") : "pandoc runs weasyprint");
  return setting;
}

// The files to make, which of them the cache keeps, and Pandoc found if any is to be rendered.
Status Build::plan() {
  pandoc_path_ = find_program(opt_.pandoc);
  Expected<std::vector<OutputFile>> tasks = plan_files(docs_, opt_.formats, opt_.heading, settings_hash());
  if (!tasks) return Failure{tasks.error()};
  tasks_ = std::move(*tasks);
  std::size_t to_render = 0;
  std::error_code ec;
  for (OutputFile& t : tasks_) {
    auto it = cache_.find(t.file);
    t.reuse = it != cache_.end() && it->second == t.hash && fs::is_regular_file(out_ / t.file, ec);
    if (!t.reuse && t.render) ++to_render;
  }
  errors_.assign(tasks_.size(), "");
  if (to_render > 0 && pandoc_path_.empty())
    return Failure{fmt::format(
        "cannot render {}: `{}` was not found on PATH\n  = hint: install Pandoc (apt-get install pandoc weasyprint), name it with --pandoc, or "
        "build Markdown only with --formats md",
        tasks_.front().file, opt_.pandoc)};
  return success();
}

// Markdown inputs for Pandoc, staged once per document. Blocks for the web
// only (links into the explorer, a page beside the HTML) are left out of the
// paper and e-book formats, where they would lead nowhere.
Status Build::stage_inputs() {
  inputs_.assign(docs_.size(), ""), print_inputs_.assign(docs_.size(), ""), after_body_.assign(docs_.size(), "");
  for (std::size_t d = 0; d < docs_.size(); ++d) {
    const Document& doc = docs_[d];
    if (!doc.page.empty()) continue;
    inputs_[d] = (assets_dir() / (doc.name + ".md")).string();
    print_inputs_[d] = (assets_dir() / (doc.name + ".print.md")).string();
    if (!write_file(inputs_[d], doc.markdown) || !write_file(print_inputs_[d], without_web_blocks(doc.markdown)))
      return Failure{fmt::format("cannot write into `{}`", staging_.string())};
    if (doc.html_after_body.empty()) continue;
    after_body_[d] = (assets_dir() / (doc.name + ".after.html")).string();
    if (!write_file(after_body_[d], doc.html_after_body)) return Failure{fmt::format("cannot write into `{}`", staging_.string())};
  }
  // PDFs through leeway's engine: Pandoc writes the HTML, the engine lays it out (lay_out_pdfs).
  // No WeasyPrint script to take the interpreter from: let Pandoc find the engine.
  if (opt_.shared_pdf_engine && opt_.formats.has(OutputFormat::pdf)) python_ = weasyprint_python();
  return success();
}

void Build::finished(std::size_t i) {
  std::lock_guard<std::mutex> lock(mu_);
  ++done_;
  if (opt_.progress) opt_.progress(done_, tasks_.size(), tasks_[i].file, tasks_[i].reuse);
}

// One Pandoc run into `target`; what went wrong, or "".
std::string Build::render(const OutputFile& t, bool engine, const std::string& target) {
  const Document& doc = docs_[t.doc];
  std::string log = (assets_dir() / (t.file + ".log")).string();
  PandocJob job{*t.render,
                engine,
                *t.render == OutputFormat::html ? inputs_[t.doc] : print_inputs_[t.doc],
                target,
                doc.card ? Layout::card : Layout::book,
                after_body_[t.doc],
                date_,
                document_urn(opt_.edition_id + "/" + doc.name)};
  ProcessResult r = run_process(pandoc_args(pandoc_path_, job, assets_), log, opt_.timeout_seconds, env_);
  ++rendered_;
  if (!r.started) return fmt::format("{}: Pandoc (`{}`) could not be started", t.file, pandoc_path_);
  if (r.timed_out)
    return fmt::format("{}: Pandoc did not finish within {} seconds and was stopped (raise the limit with --pandoc-timeout)", t.file,
                       opt_.timeout_seconds);
  if (r.exit_code != 0)
    return fmt::format("{}: Pandoc failed (exit {}): {}", t.file, r.exit_code, r.output.empty() ? "it printed nothing" : r.output);
  if (!fs::is_regular_file(target)) return fmt::format("{}: Pandoc wrote nothing", t.file);
  if (*t.render == OutputFormat::epub || *t.render == OutputFormat::docx)
    if (Status z = set_zip_times(target, opt_.source_date_epoch); !z) return z.error();
  return "";
}

void Build::run_task(std::size_t i) {
  OutputFile& t = tasks_[i];
  auto t0 = std::chrono::steady_clock::now();
  bool engine = !python_.empty() && t.render == OutputFormat::pdf && !t.reuse;
  fs::path staged = staging_ / t.file;
  std::string error;  // a file the cache keeps is neither written nor rendered
  if (!t.reuse && !t.render && !write_file(staged, t.bytes)) error = fmt::format("cannot write {}", staged.string());
  if (!t.reuse && t.render) {
    std::string target = engine ? (assets_dir() / (t.file + ".html")).string() : staged.string();
    error = render(t, engine, target);
    if (engine && error.empty()) {
      std::lock_guard<std::mutex> lock(mu_);
      pdfs_.push_back(PdfJob{target, staged.string(), docs_[t.doc].markdown.size(), {}});
      pdf_task_.push_back(i);
    }
  }
  {
    std::lock_guard<std::mutex> lock(mu_);
    errors_[i] = error;
    seconds_[t.render ? std::string(format_name(*t.render)) : "written"] += seconds_since(t0);
  }
  if (!engine || !error.empty()) finished(i);
}

void Build::write_and_render() {
  parallel_for(tasks_.size(), opt_.jobs, [&](std::size_t i) { run_task(i); });
}

// The PDFs whose HTML Pandoc wrote, laid out by leeway's engine.
void Build::lay_out_pdfs() {
  if (pdfs_.empty()) return;
  // The same jobs in the same order whatever the threads did: by file name.
  std::vector<std::size_t> order(pdfs_.size());
  for (std::size_t k = 0; k < order.size(); ++k) order[k] = k;
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return pdfs_[a].pdf < pdfs_[b].pdf; });
  std::vector<PdfJob> sorted;
  std::vector<std::size_t> sorted_task;
  for (std::size_t k : order) sorted.push_back(pdfs_[k]), sorted_task.push_back(pdf_task_[k]);
  auto t0 = std::chrono::steady_clock::now();
  unsigned threads = thread_count(opt_.jobs);
  render_pdfs(sorted, threads, python_, (assets_dir() / "pdf_engine.py").string(), assets_dir().string(), opt_.timeout_seconds, env_);
  seconds_["pdf"] += seconds_since(t0) * static_cast<double>(std::min<std::size_t>(sorted.size(), threads));
  for (std::size_t k = 0; k < sorted.size(); ++k) {
    std::size_t i = sorted_task[k];
    if (!sorted[k].error.empty())
      errors_[i] = fmt::format("{}: {}", tasks_[i].file, sorted[k].error);
    else if (!fs::is_regular_file(sorted[k].pdf))
      errors_[i] = fmt::format("{}: the PDF engine wrote nothing", tasks_[i].file);
    finished(i);
  }
}

// Every file that failed, or success.
Status Build::errors() const {
  std::string failed;
  for (const std::string& e : errors_)
    if (!e.empty()) failed += (failed.empty() ? "" : "\n") + e;
  if (!failed.empty()) return Failure{failed + "\n  = note: the previous outputs in " + opt_.out_dir + " were left as they were"};
  return success();
}

// Every file is ready: move the new ones into place (each rename is atomic),
// drop outputs of the last build that this one no longer makes, and record
// the hashes last.
Expected<BuildSummary> Build::publish() {
  BuildSummary result;
  result.rendered = rendered_;
  result.seconds = seconds_;
  std::string manifest;
  {
    JsonWriter w(manifest, JsonWriter::Layout::pretty);
    w.begin_object().plain_key("version").string(kCacheVersion).plain_key("files").begin_object();
    for (const OutputFile& t : tasks_) w.key(t.file).string(t.hash);
    w.end_object().end_object();
  }
  std::set<std::string> now;
  std::error_code ec;
  for (const OutputFile& t : tasks_) {
    now.insert(t.file);
    result.files.push_back(t.file);
    if (t.reuse) {
      ++result.reused;
      continue;
    }
    fs::rename(staging_ / t.file, out_ / t.file, ec);
    if (ec) return Failure{fmt::format("cannot move {} into {}: {}", t.file, opt_.out_dir, ec.message())};
  }
  for (const auto& [file, hash] : cache_)
    if (!now.count(file) && safe_name(file)) fs::remove(out_ / file, ec);
  write_file(staging_ / kCacheFile, manifest + "\n");
  fs::rename(staging_ / kCacheFile, out_ / kCacheFile, ec);
  std::sort(result.files.begin(), result.files.end());
  return result;
}

}  // namespace

Expected<BuildSummary> build_outputs(const std::vector<Document>& docs, const BuildOptions& opt) {
  Build build(docs, opt);
  if (Status s = build.open_folders(); !s) return Failure{s.error()};
  build.write_assets();
  build.read_cache();
  if (Status s = build.plan(); !s) return Failure{s.error()};
  if (Status s = build.stage_inputs(); !s) return Failure{s.error()};
  build.write_and_render();
  build.lay_out_pdfs();
  if (Status s = build.errors(); !s) return Failure{s.error()};
  return build.publish();
}

}  // namespace leeway
