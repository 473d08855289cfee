// warc_bench: how fast WarcReader walks WARC files.
//
//   python3 bench/make_warc.py                     # writes /tmp/matn-bench.warc.gz
//   build/bench/warc_bench [--runs N] [--html-only] [--zlib] FILE...
//
// For each file, reads every record and touches its body (so decoding is not
// skipped), N times; prints the best run: records/s, input MB/s (compressed
// bytes) and output MB/s (decompressed bytes). --zlib forces zlib instead of
// ISA-L igzip for gzip input. Also prints records/s per CPU second, which is
// the fairer number on a machine shared with other work.
#include <chrono>
#include <ctime>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "matn/warc.h"

int main(int argc, char** argv) {
  int runs = 3;
  bool html_only = false;
  std::vector<std::string> files;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--runs" && i + 1 < argc) {
      runs = std::atoi(argv[++i]);
    } else if (a == "--html-only") {
      html_only = true;
    } else if (a == "--zlib") {
      setenv("MATN_GZIP", "zlib", 1);
    } else if (a == "-h" || a == "--help") {
      std::printf("usage: warc_bench [--runs N] [--html-only] [--zlib] FILE...\n");
      return 0;
    } else {
      files.push_back(a);
    }
  }
  if (files.empty()) files.push_back("/tmp/matn-bench.warc.gz");

  int status = 0;
  for (const std::string& path : files) {
    double best = 1e100, best_cpu = 1e100;
    matn::WarcStats stats;
    uint64_t html = 0, errors = 0, touched = 0;
    for (int run = 0; run < runs; ++run) {
      matn::WarcOptions options;
      options.html_only = html_only;
      std::unique_ptr<matn::WarcReader> reader;
      matn::Status st = matn::WarcReader::Open(path, options, &reader);
      if (!st.ok()) {
        std::fprintf(stderr, "%s: %s\n", path.c_str(), st.ToString().c_str());
        status = 1;
        break;
      }
      auto t0 = std::chrono::steady_clock::now();
      std::clock_t c0 = std::clock();
      matn::WarcRecord rec;
      html = errors = touched = 0;
      for (bool done = false;;) {
        st = reader->Next(&rec, &done);
        if (done) break;
        if (!st.ok()) ++errors;
        std::string_view body = rec.body();
        if (!body.empty()) touched += static_cast<unsigned char>(body[0]) + static_cast<unsigned char>(body.back());
        html += matn::IsHtmlRecord(rec);
      }
      double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
      double cpu = static_cast<double>(std::clock() - c0) / CLOCKS_PER_SEC;
      if (secs < best) best = secs;
      if (cpu < best_cpu) best_cpu = cpu;
      stats = reader->stats();
    }
    if (best == 1e100) continue;
    std::printf(
        "%s: %llu records (%llu HTML, %llu errors)\n"
        "  wall %.3f s: %.0f records/s, %.1f MB/s in, %.1f MB/s out\n"
        "  cpu  %.3f s: %.0f records/s, %.1f MB/s in, %.1f MB/s out%s\n",
        path.c_str(), static_cast<unsigned long long>(stats.records), static_cast<unsigned long long>(html),
        static_cast<unsigned long long>(errors), best, stats.records / best, stats.bytes_in / best / 1e6,
        stats.bytes_out / best / 1e6, best_cpu, stats.records / best_cpu, stats.bytes_in / best_cpu / 1e6,
        stats.bytes_out / best_cpu / 1e6, touched == 1 ? " " : "");
  }
  return status;
}
