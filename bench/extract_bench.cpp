// extract_bench — the single-page job measured the way the peers are measured:
// every page is read (and un-gzipped) into memory first, then the clock runs
// over ProcessPage (decode, parse, metadata, extraction, language, text layer)
// and the JSONL serialisation of each record, on one thread. No file system,
// no process start-up: that is what resiliparse's and Readability's timings
// (inside their process, HTML already read) include too. Each page is copied
// into a fresh buffer before its clock starts, as reading a file would.
//
// Usage: extract_bench [--repeat N] FILE...   (files may be .gz)
// Prints pages/s, MB/s and ms per page of thread CPU time, best of N runs.
#include <time.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "matn/io.h"
#include "matn/output.h"
#include "matn/pipeline.h"

namespace {

double ThreadCpuSeconds() {
  timespec ts;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

}  // namespace

int main(int argc, char** argv) {
  int repeat = 3;
  std::vector<std::string> paths;
  for (int i = 1; i < argc; ++i) {
    if (!std::strcmp(argv[i], "--repeat") && i + 1 < argc) {
      repeat = std::max(1, std::atoi(argv[++i]));
    } else {
      paths.emplace_back(argv[i]);
    }
  }
  if (paths.empty()) {
    std::fprintf(stderr, "usage: extract_bench [--repeat N] FILE...\n");
    return 2;
  }
  std::vector<std::string> pages, names;
  size_t bytes = 0;
  for (const auto& p : paths) {
    std::string html;
    if (!matn::ReadInput(p, &html).ok()) {
      std::fprintf(stderr, "extract_bench: cannot read %s, skipped\n", p.c_str());
      continue;
    }
    bytes += html.size();
    pages.push_back(std::move(html));
    names.push_back(p);
  }
  matn::PipelineOptions options;
  std::string out;
  double best = 0;
  size_t out_bytes = 0;
  for (int r = 0; r < repeat; ++r) {
    out_bytes = 0;
    double s = 0;
    for (size_t i = 0; i < pages.size(); ++i) {
      // Untimed, as a file read would be: the page lands in a buffer of its
      // own (which ProcessPage may take over) and in the cache.
      std::string page = pages[i];
      const double t0 = ThreadCpuSeconds();
      matn::PageInput in;
      in.bytes = page;
      in.source = names[i];
      in.bytes_owner = &page;
      matn::Record rec = matn::ProcessPage(in, options);
      out.clear();
      matn::AppendRecord(rec, matn::OutputFormat::kJsonl, &out);
      out_bytes += out.size();
      s += ThreadCpuSeconds() - t0;
    }
    if (r == 0 || s < best) best = s;
  }
  const double n = static_cast<double>(pages.size());
  std::printf("pages %zu  bytes %zu  JSONL %zu B  best of %d: %.3f s CPU  %.0f pages/s  %.1f MB/s  %.3f ms/page\n",
              pages.size(), bytes, out_bytes, repeat, best, n / best, static_cast<double>(bytes) / best / 1e6,
              1000 * best / n);
  return 0;
}
