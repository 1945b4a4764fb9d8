#include "reports/publish/build_outputs.hpp"

#include <sys/stat.h>

#include <algorithm>
#include <atomic>
#include <ctime>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <mutex>
#include <set>
#include <sstream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "compiler/core/assets.hpp"
#include "compiler/core/ids.hpp"
#include "compiler/core/parallel.hpp"
#include "compiler/core/version.hpp"
#include "reports/publish/pandoc.hpp"
#include "reports/publish/pdf_engine.hpp"
#include "reports/publish/zip_times.hpp"
#include "reports/publish/process.hpp"
#include "reports/publish/site_index.hpp"

namespace fs = std::filesystem;

namespace leeway {
namespace {

constexpr const char* kStaging = ".leeway-staging";
const std::string kCacheVersion = fmt::format("leeway {} documents 1", kVersion);

// FNV-1a, 64 bits: enough to tell a changed input from an unchanged one.
struct Hash {
  std::uint64_t h = 1469598103934665603ull;
  Hash& add(std::string_view s) {
    for (unsigned char c : s) h = (h ^ c) * 1099511628211ull;
    h = (h ^ 0xff) * 1099511628211ull;  // a separator, so ("ab","c") differs from ("a","bc")
    return *this;
  }
  std::string hex() const { return fmt::format("{:016x}", h); }
};

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

// What identifies the Pandoc that renders: its path, size and time, so a
// new Pandoc renders everything again without running it to ask its version.
std::string program_identity(const std::string& path) {
  struct stat st {};
  if (path.empty() || stat(path.c_str(), &st) != 0) return "missing";
  return fmt::format("{} {} {}", path, st.st_size, st.st_mtim.tv_sec);
}

struct Task {
  std::string file;        // output file name
  std::string format;      // md, svg, html, pdf, docx, epub
  std::string content;     // md and svg: the bytes themselves
  std::size_t doc = 0;
  std::string hash;
  bool reuse = false;
};

// "2026-11-25" for a time in seconds since 1970 (UTC).
std::string iso_date(std::int64_t epoch) {
  std::time_t t = static_cast<std::time_t>(epoch);
  std::tm tm{};
  gmtime_r(&t, &tm);
  return fmt::format("{:04}-{:02}-{:02}", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}

// An identifier that stays the same for the same text: a name-based UUID
// (its 128 bits from two FNV-1a hashes of the text), as urn:uuid.
std::string stable_id(const std::string& text) {
  std::string a = Hash{}.add(text).hex(), b = Hash{}.add("leeway").add(text).hex();
  std::string h = a + b;
  h[12] = '5';  // the version nibble: name-based
  return fmt::format("urn:uuid:{}-{}-{}-{}-{}", h.substr(0, 8), h.substr(8, 4), h.substr(12, 4), h.substr(16, 4), h.substr(20, 12));
}

// The Markdown without its `::: {.explore}` blocks (leeway's own, a line each: open, link, close).
std::string without_web_blocks(const std::string& md) {
  static const std::string kOpen = "::: {.explore}\n";
  std::string out;
  std::size_t at = 0;
  for (std::size_t p = md.find(kOpen); p != std::string::npos; p = md.find(kOpen, at)) {
    out.append(md, at, p - at);
    std::size_t close = md.find("\n:::\n", p);
    at = close == std::string::npos ? md.size() : close + 5;
  }
  out.append(md, at, std::string::npos);
  return out;
}

bool safe_name(const std::string& name) {
  return !name.empty() && name.front() != '.' &&
         std::all_of(name.begin(), name.end(), [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.'; });
}

}  // namespace

Expected<BuildSummary> build_outputs(const std::vector<Document>& docs, const BuildOptions& opt) {
  BuildSummary result;
  std::error_code ec;
  fs::path out = opt.out_dir;
  fs::create_directories(out, ec);
  if (ec || !fs::is_directory(out)) {
    return Failure{fmt::format("cannot create the output folder `{}`: {}", opt.out_dir, ec ? ec.message() : "it is not a folder")};
  }
  fs::path staging = out / kStaging;
  fs::remove_all(staging, ec);
  fs::create_directories(staging / "assets", ec);
  if (ec) return Failure{fmt::format("cannot write into the output folder `{}`: {}", opt.out_dir, ec.message())};
  // The staging folder goes whatever happens; on success its files have
  // been moved into place first.
  struct RemoveOnExit {
    fs::path dir;
    ~RemoveOnExit() {
      std::error_code ignore;
      fs::remove_all(dir, ignore);
    }
  } remove_staging{staging};

  PandocAssets assets{(staging / "assets" / "style.html").string(), (staging / "assets" / "epub.css").string(),
                      (staging / "assets" / "reference.docx").string(), (staging / "assets" / "card.html").string(),
                      (staging / "assets" / "template.html").string()};
  // The stylesheet, on the paper asked for (it is written for A4).
  std::string css(asset("leeway.css"));
  if (opt.paper == "letter")
    if (std::size_t at = css.find("size: A4;"); at != std::string::npos) css.replace(at, 9, "size: letter;");
  write_file(assets.style_header, "<style>\n" + css + "</style>\n");
  write_file(assets.epub_css, without_paged_media(css));
  write_file(assets.html_template, asset("pandoc-template.html"));
  write_file(assets.reference_docx, asset("reference.docx"));
  write_file(assets.card_header, "<style>\n" + std::string(asset("card.css")) + "</style>\n");

  // The previous build's hashes.
  std::map<std::string, std::string> cache;
  {
    std::string text = read_file(out / kCacheFile);
    auto j = nlohmann::json::parse(text, nullptr, false);
    if (j.is_object() && j.value("version", "") == kCacheVersion && j.contains("files") && j["files"].is_object())
      for (auto& [k, v] : j["files"].items())
        if (v.is_string()) cache[k] = v.get<std::string>();
  }

  std::string pandoc_path = find_program(opt.pandoc);
  // One time for the whole build, so the same input gives the same bytes:
  // Pandoc (DOCX and EPUB zip entries) and the PDF engine (fontTools' font
  // subsets, hence the PDF's /ID) read SOURCE_DATE_EPOCH. Set before any
  // process or thread starts.
  std::string epoch = std::to_string(opt.source_date_epoch);
  setenv("SOURCE_DATE_EPOCH", epoch.c_str(), 1);
  std::string date = iso_date(opt.source_date_epoch);
  Hash setting;
  setting.add(kCacheVersion).add(program_identity(pandoc_path)).add(epoch).add(css).add(asset("reference.docx")).add(asset("card.css"));
  setting.add(asset("pandoc-template.html")).add(opt.edition_id);
  setting.add(opt.shared_pdf_engine ? asset("pdf_engine.py") : "pandoc runs weasyprint");

  auto wants = [&](const std::string& f) { return std::find(opt.formats.begin(), opt.formats.end(), f) != opt.formats.end(); };
  std::vector<Task> tasks;
  for (std::size_t d = 0; d < docs.size(); ++d) {
    const Document& doc = docs[d];
    if (!safe_name(doc.name)) return Failure{fmt::format("`{}` cannot be a file name; ids may use letters, digits, '_' and '-' only", doc.name)};
    if (!doc.page.empty()) {  // a page leeway wrote itself: HTML only
      if (wants("html")) tasks.push_back(Task{doc.name + ".html", "page", doc.page, d, Hash{}.add(doc.page).hex(), false});
      continue;
    }
    if (wants("md")) tasks.push_back(Task{doc.name + ".md", "md", doc.markdown, d, Hash{}.add(doc.markdown).hex(), false});
    for (const auto& [name, svg] : doc.pictures) tasks.push_back(Task{name, "svg", svg, d, Hash{}.add(svg).hex(), false});
    for (const std::string& f : pandoc_formats()) {
      Hash h = Hash(setting).add(f).add(doc.markdown).add(doc.card ? "card" : "book");
      if (f == "html") h.add(doc.html_after_body);
      if (wants(f)) tasks.push_back(Task{doc.name + "." + f, f, "", d, h.hex(), false});
    }
  }
  // The page that links them all, so the folder can be published as it is.
  std::string index = site_index(docs, opt.formats, opt.heading);
  tasks.push_back(Task{"index.html", "index", index, 0, Hash{}.add(index).hex(), false});
  // Markdown, pictures and the index are written as they are; the rest is Pandoc's.
  auto written = [](const std::string& format) { return format == "md" || format == "svg" || format == "index" || format == "page"; };
  std::size_t to_render = 0;
  for (Task& t : tasks) {
    auto it = cache.find(t.file);
    t.reuse = it != cache.end() && it->second == t.hash && fs::is_regular_file(out / t.file, ec);
    if (!t.reuse && !written(t.format)) ++to_render;
  }
  if (to_render > 0 && pandoc_path.empty())
    return Failure{fmt::format(
        "cannot render {}: `{}` was not found on PATH\n  = hint: install Pandoc (apt-get install pandoc weasyprint), name it with --pandoc, or "
        "build Markdown only with --formats md",
        tasks.front().file, opt.pandoc)};

  // Markdown inputs for Pandoc, staged once per document.
  // Blocks for the web only (links into the explorer, a page beside the HTML)
  // are left out of the paper and e-book formats, where they would lead nowhere.
  std::vector<std::string> inputs(docs.size()), print_inputs(docs.size()), after_body(docs.size());
  for (std::size_t d = 0; d < docs.size(); ++d) {
    if (!docs[d].page.empty()) continue;
    inputs[d] = (staging / "assets" / (docs[d].name + ".md")).string();
    print_inputs[d] = (staging / "assets" / (docs[d].name + ".print.md")).string();
    if (!write_file(inputs[d], docs[d].markdown) || !write_file(print_inputs[d], without_web_blocks(docs[d].markdown)))
      return Failure{fmt::format("cannot write into `{}`", staging.string())};
    if (docs[d].html_after_body.empty()) continue;
    after_body[d] = (staging / "assets" / (docs[d].name + ".after.html")).string();
    if (!write_file(after_body[d], docs[d].html_after_body)) return Failure{fmt::format("cannot write into `{}`", staging.string())};
  }

  // PDFs through leeway's engine: Pandoc writes the HTML here, the engine lays it out below.
  std::string python;
  bool shared = opt.shared_pdf_engine && wants("pdf");
  if (shared) {
    python = weasyprint_python();
    shared = !python.empty();  // no WeasyPrint script to take the interpreter from: let Pandoc find the engine
  }
  std::vector<PdfJob> pdfs;
  std::vector<std::size_t> pdf_task;  // the task of each PDF job

  std::mutex mu;
  std::size_t done = 0;
  std::vector<std::string> errors(tasks.size());
  std::atomic<std::size_t> rendered{0};
  auto finished = [&](std::size_t i) {
    std::lock_guard<std::mutex> lock(mu);
    ++done;
    if (opt.progress) opt.progress(done, tasks.size(), tasks[i].file, tasks[i].reuse);
  };
  auto seconds_since = [](std::chrono::steady_clock::time_point t) { return std::chrono::duration<double>(std::chrono::steady_clock::now() - t).count(); };
  parallel_for(tasks.size(), opt.jobs, [&](std::size_t i) {
    Task& t = tasks[i];
    auto t0 = std::chrono::steady_clock::now();
    bool engine = shared && t.format == "pdf" && !t.reuse;
    if (!t.reuse) {
      fs::path staged = staging / t.file;
      if (written(t.format)) {
        if (!write_file(staged, t.content)) errors[i] = fmt::format("cannot write {}", staged.string());
      } else {
        std::string log = (staging / "assets" / (t.file + ".log")).string();
        std::string target = engine ? (staging / "assets" / (t.file + ".html")).string() : staged.string();
        const Document& doc = docs[t.doc];
        PandocJob job{engine ? "pdf-html" : t.format, t.format == "html" ? inputs[t.doc] : print_inputs[t.doc], target, doc.card ? Layout::card : Layout::book, after_body[t.doc], date,
                      stable_id(opt.edition_id + "/" + doc.name)};
        ProcessResult r = run_process(pandoc_args(pandoc_path, job, assets), log, opt.timeout_seconds);
        ++rendered;
        if (!r.started)
          errors[i] = fmt::format("{}: Pandoc (`{}`) could not be started", t.file, pandoc_path);
        else if (r.timed_out)
          errors[i] = fmt::format("{}: Pandoc did not finish within {} seconds and was stopped (raise the limit with --pandoc-timeout)",
                                  t.file, opt.timeout_seconds);
        else if (r.exit_code != 0)
          errors[i] = fmt::format("{}: Pandoc failed (exit {}): {}", t.file, r.exit_code, r.output.empty() ? "it printed nothing" : r.output);
        else if (!fs::is_regular_file(target))
          errors[i] = fmt::format("{}: Pandoc wrote nothing", t.file);
        else if (t.format == "epub" || t.format == "docx")
          if (Status z = set_zip_times(target, opt.source_date_epoch); !z) errors[i] = z.error();
        if (engine && errors[i].empty()) {
          std::lock_guard<std::mutex> lock(mu);
          pdfs.push_back(PdfJob{target, staged.string(), doc.markdown.size(), {}});
          pdf_task.push_back(i);
        }
      }
    }
    {
      std::lock_guard<std::mutex> lock(mu);
      result.seconds[t.format] += seconds_since(t0);
    }
    if (!engine || !errors[i].empty()) finished(i);
  });
  if (!pdfs.empty()) {
    // The same jobs in the same order whatever the threads did: by file name.
    std::vector<std::size_t> order(pdfs.size());
    for (std::size_t k = 0; k < order.size(); ++k) order[k] = k;
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return pdfs[a].pdf < pdfs[b].pdf; });
    std::vector<PdfJob> sorted;
    std::vector<std::size_t> sorted_task;
    for (std::size_t k : order) sorted.push_back(pdfs[k]), sorted_task.push_back(pdf_task[k]);
    auto t0 = std::chrono::steady_clock::now();
    render_pdfs(sorted, thread_count(opt.jobs), python, (staging / "assets" / "pdf_engine.py").string(),
                (staging / "assets").string(), opt.timeout_seconds);
    result.seconds["pdf"] += seconds_since(t0) * static_cast<double>(std::min<std::size_t>(sorted.size(), thread_count(opt.jobs)));
    for (std::size_t k = 0; k < sorted.size(); ++k) {
      std::size_t i = sorted_task[k];
      if (!sorted[k].error.empty()) errors[i] = fmt::format("{}: {}", tasks[i].file, sorted[k].error);
      else if (!fs::is_regular_file(sorted[k].pdf)) errors[i] = fmt::format("{}: the PDF engine wrote nothing", tasks[i].file);
      finished(i);
    }
  }
  result.rendered = rendered;
  std::string failed;
  for (const std::string& e : errors)
    if (!e.empty()) failed += (failed.empty() ? "" : "\n") + e;
  if (!failed.empty()) return Failure{failed + "\n  = note: the previous outputs in " + opt.out_dir + " were left as they were"};

  // Every file is ready: move the new ones into place (each rename is atomic),
  // drop outputs of the last build that this one no longer makes, and record
  // the hashes last.
  nlohmann::ordered_json manifest;
  manifest["version"] = kCacheVersion;
  manifest["files"] = nlohmann::ordered_json::object();
  std::set<std::string> now;
  for (const Task& t : tasks) {
    now.insert(t.file);
    manifest["files"][t.file] = t.hash;
    result.files.push_back(t.file);
    if (t.reuse) {
      ++result.reused;
      continue;
    }
    fs::rename(staging / t.file, out / t.file, ec);
    if (ec) return Failure{fmt::format("cannot move {} into {}: {}", t.file, opt.out_dir, ec.message())};
  }
  for (const auto& [file, hash] : cache)
    if (!now.count(file) && safe_name(file)) fs::remove(out / file, ec);
  write_file(staging / kCacheFile, manifest.dump(2) + "\n");
  fs::rename(staging / kCacheFile, out / kCacheFile, ec);
  std::sort(result.files.begin(), result.files.end());
  return result;
}

}  // namespace leeway
