// Encoding layer throughput on real pages: IsValidUtf8 alone, then the whole
// DecodeToUtf8 (sniffing + decoding), plus which encodings were chosen and why.
//
// Usage: encoding_bench [--reps N] [PAGES_DIR...]
// (default: every /work/shared/bench/*/pages directory)
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "matn/encoding.h"
#include "matn/io.h"

namespace fs = std::filesystem;

namespace {

const char* SourceName(matn::EncodingSource s) {
  switch (s) {
    case matn::EncodingSource::kBom: return "bom";
    case matn::EncodingSource::kTransport: return "transport";
    case matn::EncodingSource::kMeta: return "meta";
    case matn::EncodingSource::kDetected: return "detected";
    case matn::EncodingSource::kDefault: return "default";
  }
  return "?";
}

template <typename F>
double SecondsFor(int reps, F&& f) {
  double best = 1e30;
  for (int r = 0; r < reps; ++r) {
    const auto t0 = std::chrono::steady_clock::now();
    f();
    best = std::min(best, std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
  }
  return best;
}

}  // namespace

int main(int argc, char** argv) {
  int reps = 5;
  std::vector<fs::path> dirs;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--reps" && i + 1 < argc) reps = std::max(1, std::atoi(argv[++i]));
    else dirs.emplace_back(a);
  }
  std::error_code ec;
  if (dirs.empty())
    for (const auto& e : fs::directory_iterator("/work/shared/bench", ec))
      if (fs::is_directory(e.path() / "pages")) dirs.push_back(e.path() / "pages");

  std::vector<std::string> pages;
  size_t total = 0;
  for (const auto& d : dirs) {
    std::vector<fs::path> files;
    for (const auto& e : fs::directory_iterator(d, ec))
      if (e.path().string().ends_with(".html.gz") || e.path().string().ends_with(".html")) files.push_back(e.path());
    std::sort(files.begin(), files.end());
    for (const auto& f : files) {
      std::string bytes;
      const matn::Status st = matn::ReadInput(f.string(), &bytes);
      if (!st.ok()) {
        std::fprintf(stderr, "%s: %s\n", f.c_str(), st.ToString().c_str());
        continue;
      }
      total += bytes.size();
      pages.push_back(std::move(bytes));
    }
  }
  if (pages.empty()) {
    std::fprintf(stderr, "no pages found\n");
    return 1;
  }
  const double mb = static_cast<double>(total) / (1 << 20);
  std::printf("%zu pages, %.1f MB, best of %d runs\n", pages.size(), mb, reps);

  size_t valid = 0;
  const double t_valid = SecondsFor(reps, [&] {
    valid = 0;
    for (const auto& p : pages) valid += matn::IsValidUtf8(p);
  });
  std::printf("IsValidUtf8:  %8.0f MB/s  (%zu of %zu pages valid UTF-8)\n", mb / t_valid, valid, pages.size());

  std::map<std::string, int> chosen;
  size_t replaced = 0;
  std::string out;
  const double t_decode = SecondsFor(reps, [&] {
    chosen.clear();
    replaced = 0;
    for (const auto& p : pages) {
      matn::EncodingInfo info;
      if (!matn::DecodeToUtf8(p, &out, &info).ok() || !matn::IsValidUtf8(out)) {
        std::fprintf(stderr, "decode failed\n");
        std::exit(1);
      }
      ++chosen[info.name + " (" + SourceName(info.source) + ")"];
      replaced += info.replaced;
    }
  });
  std::printf("DecodeToUtf8: %8.0f MB/s  (%zu U+FFFD inserted)\n", mb / t_decode, replaced);
  for (const auto& [k, n] : chosen) std::printf("  %5d  %s\n", n, k.c_str());
  return 0;
}
