// matn extract — main content and metadata of pages.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

#include "commands.h"
#include "extract/internal.h"
#include <unistd.h>

#include "matn/corpus.h"
#include "matn/encoding.h"
#include "matn/extract.h"
#include "matn/html.h"
#include "matn/io.h"
#include "matn/metadata.h"
#include "matn/output.h"
#include "matn/pipeline.h"
#include "matn/text.h"

namespace matn::cli {
namespace {

constexpr const char* kHelp = R"(Usage: matn extract [OPTIONS] [INPUT...]

Extracts the main content (the article without menus, widgets, share bars,
related links, footers and cookie notices) and the metadata of web pages.

INPUT is an HTML file (.html, .htm; gzip-compressed files, e.g. .html.gz,
are read transparently), a WARC file (.warc, .warc.gz, .warc.zst, or any
file not named as a page whose content starts like a WARC: one record per
HTML response/resource record), a directory (all
.html/.htm/.xhtml/.shtml/.gz/.warc/.zst files below it, recursively, in sorted
order), or "-" for stdin. Without INPUT, stdin is read.

Options:
  --format F       jsonl | json | txt | markdown (md).
                   Default: jsonl when there are several inputs or a
                   directory; txt for a single file or stdin.
                   json prints one object (an array for several inputs).
  -o, --output FILE  write there instead of stdout
  --url URL        the page's URL (one input only): base for links and images,
                   fallback for the record's url
  --charset NAME   charset the transport declared (e.g. from HTTP
                   Content-Type); a byte order mark still wins
  --max-size N     refuse inputs larger than N bytes after decompression
                   (suffixes K, M, G; default 64M; 0 = no limit)
  --favor precision|recall
                   prune harder, or keep more (default: balanced)
  --comments       also extract reader comments (JSON field "comments";
                   after the text in txt/markdown)
  --no-tables      leave data tables out
  --captions       keep photo captions (each once); by default they are left
                   out of the text, as human readers of "the article" do
                   (a gallery, whose captions are most of its text, keeps them)
  --links          keep link targets: "links" field in JSON, [text](href)
                   in Markdown
  --images         keep images: "images" field in JSON, ![alt](src) in
                   Markdown
  --repair-zwnj    restore lost zero-width non-joiners in Persian text
  --normalize fa|ps|none
                   Persian (or Pashto) letter normalisation of Persian-script
                   text (never applied to Arabic or Urdu); default none
  --digits keep|latin|persian
                   with --normalize: how to write digits (default keep)
  -j, --jobs N     worker threads (default: every core)
  --unordered      write records as they finish, not in input order
  --quiet          no progress line and no final summary on stderr
  --stats          print documents, bytes, seconds and the share of time
                   spent reading+decoding, parsing and extracting on stderr,
                   with CPU seconds by worker role (reading, extracting,
                   writing) and the time workers waited for each other
  --explain        print the extractor's decisions on stderr (debugging)
  -h, --help       this help

JSON record fields: source, url, title, authors, date_published,
date_modified, sitename, description, image, tags, categories, lang,
page_type, text (one block per line), and comments/links/images when asked;
"error" (and text null) when the input failed; record_id for WARC records
(whose source is FILE@OFFSET and url the WARC-Target-URI).

A progress line (records/s, MB/s, % of input, ETA) is shown on stderr when it
is a terminal, and a summary of records, failures and skipped non-HTML WARC
records at the end of multi-input runs (both silenced by --quiet).

Exit status: 0 all inputs extracted, 1 some input failed (each failure is
named on stderr and yields a record with "error"; the others still run),
2 usage error.
)";

bool HasHtmlName(const std::filesystem::path& p) {
  std::string name = p.filename().string();
  auto ends = [&](std::string_view suf) {
    if (name.size() < suf.size()) return false;
    for (size_t i = 0; i < suf.size(); ++i) {
      char c = name[name.size() - suf.size() + i];
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
      if (c != suf[i]) return false;
    }
    return true;
  };
  return ends(".html") || ends(".htm") || ends(".xhtml") || ends(".shtml") || ends(".gz") || ends(".warc") ||
         ends(".zst");
}

bool ParseSize(std::string_view s, size_t* out) {
  if (s.empty()) return false;
  size_t mult = 1;
  char last = s.back();
  if (last == 'k' || last == 'K') mult = size_t{1} << 10;
  else if (last == 'm' || last == 'M') mult = size_t{1} << 20;
  else if (last == 'g' || last == 'G') mult = size_t{1} << 30;
  if (mult != 1) s.remove_suffix(1);
  if (s.empty()) return false;
  size_t v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
    if (v > (SIZE_MAX - 9) / 10) return false;
    v = v * 10 + static_cast<size_t>(c - '0');
  }
  if (v > SIZE_MAX / mult) return false;
  *out = v * mult;
  return true;
}

struct Settings {
  OutputFormat format = OutputFormat::kJsonl;
  bool format_given = false;
  std::string url, charset, output;
  size_t max_size = size_t{64} << 20;
  ExtractOptions eo;
  bool comments = false, links = false, images = false, repair = false, stats = false, explain = false;
  bool unordered = false, quiet = false;
  int jobs = 0;
  PersianProfile normalize = PersianProfile::kNone;
  DigitStyle digits = DigitStyle::kKeep;
};

struct Stats {
  size_t docs = 0, bytes = 0, failed = 0;
  double read_s = 0, parse_s = 0, extract_s = 0;
};

using Clock = std::chrono::steady_clock;
double Since(Clock::time_point t) { return std::chrono::duration<double>(Clock::now() - t).count(); }

Record Process(const std::string& path, const Settings& s, Stats* st) {
  auto t0 = Clock::now();
  std::string bytes;
  ReadOptions ro;
  ro.max_bytes = s.max_size;
  Status status = ReadInput(path, &bytes, ro);
  if (!status.ok()) return ErrorRecord(path, s.url, status.ToString());
  st->bytes += bytes.size();
  st->read_s += Since(t0);
  if (s.explain) {
    std::string utf8;
    DecodeOptions dopt;
    dopt.transport_charset = s.charset;
    Document doc;
    if (DecodeToUtf8(bytes, &utf8, nullptr, dopt).ok() && ParseDocument(std::move(utf8), &doc).ok()) {
      MetadataOptions mo;
      mo.url = s.url;
      Metadata m = ExtractMetadata(doc, mo);
      ExtractOptions eo = s.eo;
      eo.title = m.title;
      eo.json_ld_body = m.json_ld_article_body;
      std::string e = extract::Explain(doc, eo);
      std::fprintf(stderr, "== %s\n%s", path.c_str(), e.c_str());
    }
  }
  PageInput in;
  in.bytes = bytes;
  in.source = path;
  in.url = s.url;
  in.charset = s.charset;
  PipelineOptions po;
  po.extract = s.eo;
  po.max_bytes = 0;  // ReadInput enforced it, after decompression
  po.repair_zwnj = s.repair;
  po.timings = true;
  PageTimings t;
  Record r = ProcessPage(in, po, &t);
  st->read_s += t.decode_s;
  st->parse_s += t.parse_s;
  st->extract_s += t.extract_s;
  return r;
}

void CollectInputs(const std::vector<std::string>& args, std::vector<std::string>* files, bool* saw_dir,
                   std::vector<std::string>* errors) {
  for (const std::string& a : args) {
    std::error_code ec;
    if (a != "-" && std::filesystem::is_directory(a, ec)) {
      *saw_dir = true;
      std::vector<std::string> found;
      std::filesystem::recursive_directory_iterator it(a, std::filesystem::directory_options::skip_permission_denied,
                                                       ec),
          end;
      if (ec) {
        errors->push_back(a);
        files->push_back(a);  // reported as a failed input
        continue;
      }
      for (; it != end; it.increment(ec)) {
        if (ec) break;
        std::error_code ec2;
        if (it->is_regular_file(ec2) && HasHtmlName(it->path())) found.push_back(it->path().string());
      }
      std::sort(found.begin(), found.end());
      files->insert(files->end(), found.begin(), found.end());
    } else {
      files->push_back(a);
    }
  }
}

}  // namespace

static int RunExtractCommand(int argc, char** argv, bool warc_mode) {
#ifdef __GLIBC__
  // Pages of ~100 KB sit near glibc's mmap threshold: without this every page
  // maps, faults in and unmaps its buffers (about 10% of a run).
  mallopt(M_MMAP_THRESHOLD, 256 << 20);
  mallopt(M_TRIM_THRESHOLD, 512 << 20);
#endif
  Settings s;
  std::vector<std::string> inputs;
  bool favor_given = false;
  for (int i = 1; i < argc; ++i) {
    std::string_view a = argv[i];
    auto value = [&](std::string_view name) -> const char* {
      if (i + 1 >= argc) {
        std::fprintf(stderr, "matn extract: %.*s needs a value\n", static_cast<int>(name.size()), name.data());
        return nullptr;
      }
      return argv[++i];
    };
    // --flag=value form.
    std::string_view inline_value;
    bool has_inline = false;
    if (a.size() > 2 && a.substr(0, 2) == "--") {
      size_t eq = a.find('=');
      if (eq != std::string_view::npos) {
        inline_value = a.substr(eq + 1);
        a = a.substr(0, eq);
        has_inline = true;
      }
    }
    auto get = [&](std::string_view name) -> const char* {
      if (has_inline) return inline_value.data();
      return value(name);
    };
    if (a == "-h" || a == "--help") {
      std::fputs(kHelp, stdout);
      return kExitOk;
    } else if (a == "--format") {
      const char* v = get(a);
      if (!v) return kExitUsage;
      if (!ParseOutputFormat(v, &s.format)) {
        std::fprintf(stderr, "matn extract: unknown format '%s' (jsonl, json, txt, markdown)\n", v);
        return kExitUsage;
      }
      s.format_given = true;
    } else if (a == "-o" || a == "--output") {
      const char* v = get(a);
      if (!v) return kExitUsage;
      s.output = v;
    } else if (a == "--url") {
      const char* v = get(a);
      if (!v) return kExitUsage;
      s.url = v;
    } else if (a == "--charset") {
      const char* v = get(a);
      if (!v) return kExitUsage;
      s.charset = v;
    } else if (a == "--max-size") {
      const char* v = get(a);
      if (!v) return kExitUsage;
      if (!ParseSize(v, &s.max_size)) {
        std::fprintf(stderr, "matn extract: --max-size wants a byte count such as 1048576, 512K or 64M\n");
        return kExitUsage;
      }
    } else if (a == "--favor") {
      const char* v = get(a);
      if (!v) return kExitUsage;
      std::string_view f = v;
      if (f == "precision") s.eo.favor = Favor::kPrecision;
      else if (f == "recall") s.eo.favor = Favor::kRecall;
      else if (f == "balanced") s.eo.favor = Favor::kBalanced;
      else {
        std::fprintf(stderr, "matn extract: --favor wants precision or recall, not '%s'\n", v);
        return kExitUsage;
      }
      favor_given = true;
    } else if (a == "--comments") {
      s.comments = true;
    } else if (a == "--no-tables") {
      s.eo.tables = false;
    } else if (a == "--captions") {
      s.eo.captions = true;
    } else if (a == "--links") {
      s.links = true;
    } else if (a == "--images") {
      s.images = true;
    } else if (a == "--repair-zwnj") {
      s.repair = true;
    } else if (a == "-j" || a == "--jobs") {
      const char* v = get(a);
      if (!v) return kExitUsage;
      char* end = nullptr;
      long n = std::strtol(v, &end, 10);
      if (!end || *end || n < 0 || n > 1024) {
        std::fprintf(stderr, "matn extract: --jobs wants a thread count (0 = every core), not '%s'\n", v);
        return kExitUsage;
      }
      s.jobs = static_cast<int>(n);
    } else if (a == "--unordered") {
      s.unordered = true;
    } else if (a == "--quiet" || a == "-q") {
      s.quiet = true;
    } else if (a == "--normalize") {
      const char* v = get(a);
      if (!v) return kExitUsage;
      std::string_view f = v;
      if (f == "fa" || f == "prs") s.normalize = PersianProfile::kPersian;
      else if (f == "ps") s.normalize = PersianProfile::kPashto;
      else if (f == "none") s.normalize = PersianProfile::kNone;
      else {
        std::fprintf(stderr, "matn extract: --normalize wants fa, ps or none, not '%s'\n", v);
        return kExitUsage;
      }
    } else if (a == "--digits") {
      const char* v = get(a);
      if (!v) return kExitUsage;
      std::string_view f = v;
      if (f == "keep") s.digits = DigitStyle::kKeep;
      else if (f == "latin") s.digits = DigitStyle::kLatin;
      else if (f == "persian") s.digits = DigitStyle::kPersian;
      else {
        std::fprintf(stderr, "matn extract: --digits wants keep, latin or persian, not '%s'\n", v);
        return kExitUsage;
      }
    } else if (a == "--stats") {
      s.stats = true;
    } else if (a == "--explain") {
      s.explain = true;
    } else if (a == "-") {
      inputs.emplace_back(a);
    } else if (a.size() > 1 && a[0] == '-') {
      std::fprintf(stderr, "matn extract: unknown option '%s' (see matn extract --help)\n", argv[i]);
      return kExitUsage;
    } else {
      inputs.emplace_back(a);
    }
    if (has_inline && !(a == "--format" || a == "--output" || a == "--url" || a == "--charset" ||
                        a == "--max-size" || a == "--favor" || a == "--jobs" || a == "--normalize" ||
                        a == "--digits")) {
      std::fprintf(stderr, "matn extract: %s takes no value\n", std::string(a).c_str());
      return kExitUsage;
    }
  }
  (void)favor_given;
  if (inputs.empty()) inputs.emplace_back("-");
  std::vector<std::string> files, dir_errors;
  bool saw_dir = false;
  CollectInputs(inputs, &files, &saw_dir, &dir_errors);
  if (!s.url.empty() && files.size() > 1) {
    std::fputs("matn extract: --url applies to a single input\n", stderr);
    return kExitUsage;
  }
  // Sniffing opens the file: only a lone input needs it (the corpus runner sniffs again anyway).
  bool several = files.size() > 1 || saw_dir || warc_mode ||
                 (files.size() == 1 && files[0] != "-" && LooksLikeWarcFile(files[0]));
  if (!s.format_given) s.format = several ? OutputFormat::kJsonl : OutputFormat::kText;
  s.eo.comments = s.comments;
  s.eo.links = s.links;
  s.eo.images = s.images;
  s.eo.markdown = s.format == OutputFormat::kMarkdown;

  FILE* out = stdout;
  if (!s.output.empty() && s.output != "-") {
    out = std::fopen(s.output.c_str(), "wb");
    if (!out) {
      std::fprintf(stderr, "matn extract: cannot write %s: %s\n", s.output.c_str(), std::strerror(errno));
      return kExitInputFailed;
    }
  }
  // Records are ~10 KB: stdio's default 4 KB buffer would mean a write() per record.
  if (!isatty(fileno(out))) std::setvbuf(out, nullptr, _IOFBF, 1 << 18);
  bool json_array = s.format == OutputFormat::kJson && several;
  if (json_array) std::fputs("[\n", out);
  std::string buf;
  bool first = true;
  uint64_t failed = 0;
  // Records arrive in order; separators depend on what came before.
  auto emit = [&](std::string_view formatted, const Record& r) {
    if (!r.error.empty()) {
      ++failed;
      std::fprintf(stderr, "matn extract: %s: %s\n", r.source.c_str(), r.error.c_str());
    }
    buf.clear();
    if (s.format == OutputFormat::kJson) {
      if (!first) buf += json_array ? ",\n" : "\n";
    } else if (!first && (s.format == OutputFormat::kText || s.format == OutputFormat::kMarkdown) &&
               r.error.empty()) {
      buf += s.format == OutputFormat::kMarkdown ? "\n---\n\n" : "\n";
    }
    buf += formatted;
    if (s.format == OutputFormat::kJson && !json_array) buf += '\n';
    if (s.format == OutputFormat::kJson || r.error.empty() || s.format == OutputFormat::kJsonl) first = false;
    std::fwrite(buf.data(), 1, buf.size(), out);
  };

  auto start = Clock::now();
  CorpusStats cs;
  if (s.explain) {
    // Debugging aid: one page at a time, so the explanations are not interleaved.
    Stats st;
    for (const std::string& f : files) {
      Record r = Process(f, s, &st);
      std::string formatted;
      AppendRecord(r, s.format, &formatted);
      emit(formatted, r);
      ++cs.records;
    }
    cs.page_bytes = st.bytes;
    cs.timings.decode_s = st.read_s;
    cs.timings.parse_s = st.parse_s;
    cs.timings.extract_s = st.extract_s;
  } else {
    CorpusOptions co;
    co.pipeline.extract = s.eo;
    co.pipeline.max_bytes = s.max_size;
    co.pipeline.repair_zwnj = s.repair;
    co.pipeline.normalize = s.normalize;
    co.pipeline.digits = s.digits;
    co.pipeline.timings = s.stats;
    co.format = s.format;
    co.threads = s.jobs;
    co.ordered = !s.unordered;
    co.url = s.url;
    co.charset = s.charset;
    bool progress = !s.quiet && isatty(fileno(stderr)) && several;
    if (progress) {
      co.on_progress = [](const CorpusStats& p) {
        double rate = p.seconds > 0 ? p.records / p.seconds : 0;
        double mbs = p.seconds > 0 ? p.bytes_read / p.seconds / 1e6 : 0;
        char eta[32] = "";
        if (p.bytes_total > 0 && p.bytes_read > 0 && p.bytes_read <= p.bytes_total) {
          double left = p.seconds * (static_cast<double>(p.bytes_total) / p.bytes_read - 1);
          std::snprintf(eta, sizeof eta, ", %.0f%%, ETA %.0fs", 100.0 * p.bytes_read / p.bytes_total, left);
        }
        std::fprintf(stderr, "\r\033[K%llu records (%llu failed), %.0f rec/s, %.1f MB/s%s",
                     static_cast<unsigned long long>(p.records), static_cast<unsigned long long>(p.failed), rate,
                     mbs, eta);
      };
    }
    RunCorpus(files, co, emit, &cs);
    if (progress) std::fputs("\r\033[K", stderr);
  }
  if (json_array) std::fputs("\n]\n", out);
  bool write_failed = std::fflush(out) != 0 || std::ferror(out);
  if (out != stdout) write_failed = (std::fclose(out) != 0) || write_failed;
  if (write_failed) std::fprintf(stderr, "matn extract: writing the output failed\n");
  double total = Since(start);
  if (!s.quiet && several) {
    std::fprintf(stderr, "matn: %llu records (%llu ok, %llu failed)", static_cast<unsigned long long>(cs.records),
                 static_cast<unsigned long long>(cs.records - failed), static_cast<unsigned long long>(failed));
    if (cs.warc_records)
      std::fprintf(stderr, "; %llu WARC records read, %llu non-HTML skipped",
                   static_cast<unsigned long long>(cs.warc_records),
                   static_cast<unsigned long long>(cs.skipped_non_html));
    std::fprintf(stderr, "; %.1f s\n", total);
  }
  if (s.stats) {
    const PageTimings& t = cs.timings;
    double work = t.decode_s + t.parse_s + t.extract_s;
    auto pct = [&](double x) { return work > 0 ? 100.0 * x / work : 0.0; };
    std::fprintf(stderr,
                 "documents %llu (%llu failed), bytes %llu, seconds %.3f, %.1f docs/s, %.2f MB/s\n"
                 "time (summed over threads): read+decode %.1f%%, parse %.1f%%, extract+metadata %.1f%%\n",
                 static_cast<unsigned long long>(cs.records), static_cast<unsigned long long>(failed),
                 static_cast<unsigned long long>(cs.page_bytes), total, total > 0 ? cs.records / total : 0.0,
                 total > 0 ? cs.page_bytes / total / 1e6 : 0.0, pct(t.decode_s), pct(t.parse_s), pct(t.extract_s));
    if (cs.reader_cpu_s + cs.worker_cpu_s > 0)
      std::fprintf(stderr, "cpu seconds by role: reading %.3f, extracting %.3f, writing %.3f\n", cs.reader_cpu_s,
                   cs.worker_cpu_s, cs.writer_cpu_s);
    if (cs.reader_cpu_s + cs.worker_cpu_s > 0)
      std::fprintf(stderr, "blocked seconds (wall, summed over workers): for the reader %.3f, for the write turn %.3f, "
                   "for the lock %.3f; %llu waits; worker wall %.3f\n", cs.wait_reader_s, cs.wait_writer_s,
                   cs.wait_lock_s, static_cast<unsigned long long>(cs.waits), cs.worker_wall_s);
  }
  return (failed > 0 || write_failed) ? kExitInputFailed : kExitOk;
}

int RunExtract(int argc, char** argv) { return RunExtractCommand(argc, argv, false); }

// `matn warc FILE...` is `matn extract` whose output defaults to JSON Lines.
int RunWarc(int argc, char** argv) { return RunExtractCommand(argc, argv, true); }

}  // namespace matn::cli
