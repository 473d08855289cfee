// metadata_eval DATASET_DIR OUT.jsonl [ID...]
//
// Runs ExtractMetadata on every DATASET_DIR/pages/*.html.gz (with the page's
// url from truth.jsonl when present) and writes one prediction line per page
// for shared/bench/score.py: {"id","text":"","title","date","author"} plus the
// other metadata fields for inspection. Authors are joined with "; ", the way
// the trafilatura gold writes several. With IDs, only those pages.
// Prints the CPU time ExtractMetadata alone took (thread CPU clock, parsing
// excluded) on stderr; MATN_REPEAT=N runs it N times per page for a steadier number.
#include <algorithm>
#include <cstdlib>
#include <ctime>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "matn/encoding.h"
#include "matn/html.h"
#include "matn/io.h"
#include "matn/metadata.h"
#include "metadata/json_ld.h"

namespace {

std::string JsonEscape(std::string_view s) {
  std::string out = "\"";
  for (unsigned char c : s) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (c < 0x20) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04x", c);
          out += buf;
        } else {
          out.push_back(static_cast<char>(c));
        }
    }
  }
  return out + "\"";
}

std::string JsonList(const std::vector<std::string>& v) {
  std::string out = "[";
  for (size_t i = 0; i < v.size(); ++i) out += (i ? "," : "") + JsonEscape(v[i]);
  return out + "]";
}

// A prefix of at most n bytes that does not split a UTF-8 sequence.
std::string_view Prefix(std::string_view s, size_t n) {
  if (s.size() <= n) return s;
  while (n > 0 && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) --n;
  return s.substr(0, n);
}

std::string Join(const std::vector<std::string>& v, std::string_view sep) {
  std::string out;
  for (size_t i = 0; i < v.size(); ++i) out += (i ? std::string(sep) : "") + v[i];
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: metadata_eval DATASET_DIR OUT.jsonl [ID...]\n");
    return 2;
  }
  namespace fs = std::filesystem;
  fs::path dir = argv[1];
  std::set<std::string> only(argv + 3, argv + argc);

  std::map<std::string, std::string> urls;
  std::ifstream truth(dir / "truth.jsonl");
  for (std::string line; std::getline(truth, line);) {
    matn::metadata_internal::JsonDoc d;
    matn::metadata_internal::ParseJsonLenient(line, &d);
    if (d.roots.empty()) continue;
    std::string id(d.MemberString(d.roots[0], "id"));
    std::string url(d.MemberString(d.roots[0], "url"));
    if (url.find("://") == std::string::npos) url.clear();  // "hard::file.html" placeholders
    urls[id] = url;
  }

  std::vector<fs::path> pages;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(dir / "pages", ec)) pages.push_back(e.path());
  std::sort(pages.begin(), pages.end());
  std::FILE* out = std::fopen(argv[2], "w");
  if (!out) {
    std::fprintf(stderr, "cannot write %s\n", argv[2]);
    return 1;
  }
  int n = 0;
  const char* rep_env = std::getenv("MATN_REPEAT");
  int repeat = rep_env ? std::max(1, std::atoi(rep_env)) : 1;
  double cpu_ms = 0;
  auto thread_ms = [] {
    timespec ts;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
  };
  for (const fs::path& p : pages) {
    std::string name = p.filename().string();
    size_t dot = name.find(".html");
    if (dot == std::string::npos) continue;
    std::string id = name.substr(0, dot);
    if (!only.empty() && !only.count(id)) continue;
    std::string bytes, utf8;
    if (!matn::ReadInput(p.string(), &bytes).ok()) continue;
    if (!matn::DecodeToUtf8(bytes, &utf8).ok()) utf8 = bytes;
    matn::Document doc;
    if (!matn::ParseDocument(std::move(utf8), &doc).ok()) continue;
    matn::MetadataOptions opt;
    std::string url = urls.count(id) ? urls[id] : "";
    opt.url = url;
    double t0 = thread_ms();
    matn::Metadata md = matn::ExtractMetadata(doc, opt);
    for (int r = 1; r < repeat; ++r) md = matn::ExtractMetadata(doc, opt);
    cpu_ms += (thread_ms() - t0) / repeat;
    std::string line = "{\"id\":" + JsonEscape(id) + ",\"text\":\"\",\"title\":" + JsonEscape(md.title) +
                       ",\"date\":" + JsonEscape(md.date_published) +
                       ",\"author\":" + JsonEscape(Join(md.authors, "; ")) +
                       ",\"date_modified\":" + JsonEscape(md.date_modified) +
                       ",\"sitename\":" + JsonEscape(md.sitename) + ",\"url\":" + JsonEscape(md.url) +
                       ",\"image\":" + JsonEscape(md.image) + ",\"lang\":" + JsonEscape(md.lang) +
                       ",\"page_type\":" + JsonEscape(md.page_type) + ",\"tags\":" + JsonList(md.tags) +
                       ",\"categories\":" + JsonList(md.categories) +
                       ",\"description\":" + JsonEscape(Prefix(md.description, 200)) + "}\n";
    std::fputs(line.c_str(), out);
    ++n;
  }
  std::fclose(out);
  std::fprintf(stderr, "%d pages; ExtractMetadata %.3f ms CPU/page\n", n, n ? cpu_ms / n : 0.0);
  return 0;
}
