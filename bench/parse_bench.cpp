// Parser throughput over real pages, beside the floor a memchr scan sets.
//
// Usage: parse_bench [--repeat N] FILE...   (files may be .gz; they are decoded
// to UTF-8 first, outside the timed region). Prints MB/s for:
//   memchr   scanning every byte for '<' (not a parser: the floor)
//   parse    ParseDocument + Document teardown (what matn pays per page),
//            by wall clock and by this thread's CPU time (the fair figure on
//            a shared machine)
// and, with --pathological, the time to parse 200,000 nested <div>s.
#include <time.h>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include "matn/encoding.h"
#include "matn/html.h"
#include "matn/io.h"

using Clock = std::chrono::steady_clock;

static double Seconds(Clock::time_point a, Clock::time_point b) {
  return std::chrono::duration<double>(b - a).count();
}

// CPU time of this thread: the machine is shared, so wall time overstates cost.
static double CpuSeconds() {
  timespec ts;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

static void Pathological() {
  struct Case { const char* name; std::string open, close; };
  const int n = 200000;
  std::vector<Case> cases = {{"div", "<div>", "</div>"}, {"b", "<b>", "</b>"},
                             {"table", "<table><tr><td>", "</td></tr></table>"},
                             {"a", "<a>", "</a>"}, {"span", "<span>", "</span>"}};
  for (const auto& c : cases) {
    for (int closed = 0; closed < 2; ++closed) {
      std::string html;
      for (int i = 0; i < n; ++i) html += c.open;
      html += "x";
      if (closed) for (int i = 0; i < n; ++i) html += c.close;
      matn::Document doc;
      double c0 = CpuSeconds();
      matn::Status s = matn::ParseDocument(std::move(html), &doc);
      double c1 = CpuSeconds();
      std::printf("%-6s x %d %-8s %7.3f s cpu  nodes=%zu  %s\n", c.name, n, closed ? "closed" : "unclosed",
                  c1 - c0, doc.node_count(), s.ok() ? "" : s.ToString().c_str());
    }
  }
}

int main(int argc, char** argv) {
  int repeat = 3;
  bool pathological = false;
  std::vector<std::string> pages;
  size_t total = 0;
  for (int i = 1; i < argc; ++i) {
    if (!std::strcmp(argv[i], "--repeat") && i + 1 < argc) { repeat = std::atoi(argv[++i]); continue; }
    if (!std::strcmp(argv[i], "--pathological")) { pathological = true; continue; }
    std::string raw, utf8;
    matn::ReadOptions ro;
    ro.max_bytes = 0;
    if (!matn::ReadInput(argv[i], &raw, ro).ok()) { std::fprintf(stderr, "skip %s\n", argv[i]); continue; }
    matn::DecodeToUtf8(raw, &utf8);
    total += utf8.size();
    pages.push_back(std::move(utf8));
  }
  if (!pages.empty()) {
    double mb = static_cast<double>(total) * repeat / 1e6;
    size_t sink = 0;
    auto t0 = Clock::now();
    for (int r = 0; r < repeat; ++r)
      for (const auto& p : pages)
        for (const char* q = p.data(), *end = q + p.size();
             (q = static_cast<const char*>(std::memchr(q, '<', end - q))); ++q) ++sink;
    auto t1 = Clock::now();
    double c1 = CpuSeconds();
    size_t nodes = 0;
    for (int r = 0; r < repeat; ++r)
      for (const auto& p : pages) {
        matn::Document doc;
        matn::ParseDocument(p, &doc);  // the copy is part of what a caller pays
        nodes += doc.node_count();
      }
    auto t2 = Clock::now();
    double c2 = CpuSeconds();
    std::printf("pages %zu, %.1f MB, repeat %d\n", pages.size(), total / 1e6, repeat);
    std::printf("memchr '<'  %8.0f MB/s  (%zu tags)\n", mb / Seconds(t0, t1), sink / repeat);
    std::printf("parse       %8.0f MB/s  %8.0f pages/s  (%zu nodes)\n", mb / Seconds(t1, t2),
                pages.size() * repeat / Seconds(t1, t2), nodes / repeat);
    std::printf("parse (cpu) %8.0f MB/s  %8.0f pages/s\n", mb / (c2 - c1), pages.size() * repeat / (c2 - c1));
  }
  if (pathological) Pathological();
  return 0;
}
