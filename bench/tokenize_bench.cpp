// tokenize_bench — HTML tokenizer throughput on the bench pages.
//
// Usage: tokenize_bench [--rounds N] [DIR|FILE...]   (default: /work/shared/bench/*/pages)
// A DIR contributes its *.html* files; a FILE is read as given (so a fixed
// subset can be measured under callgrind with --rounds 1).
// Every *.html.gz is read with matn::ReadInput, decoded with matn::DecodeToUtf8,
// and kept in memory; then the whole set is tokenized repeatedly (best of N
// rounds, thread CPU time) and compared with a plain memchr('<') pass over the same bytes, the
// floor any tokenizer pays to find its tags. Like the tree builder, the loop
// switches to RCDATA / RAWTEXT / script data after the start tags that need it,
// so scripts and styles are tokenized the way the parser really sees them.
#include <algorithm>
#include <ctime>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <string>
#include <vector>

#include "html/tokenizer.h"
#include "matn/encoding.h"
#include "matn/io.h"

namespace {

using matn::html::TokenizerState;

// The tokenizer state the tree builder selects after a start tag (scripting off).
bool StateAfter(std::string_view tag, TokenizerState* st) {
  if (tag == "script") *st = TokenizerState::kScriptData;
  else if (tag == "style" || tag == "xmp" || tag == "iframe" || tag == "noembed" || tag == "noframes") *st = TokenizerState::kRawtext;
  else if (tag == "title" || tag == "textarea") *st = TokenizerState::kRcdata;
  else if (tag == "plaintext") *st = TokenizerState::kPlaintext;
  else return false;
  return true;
}

// Thread CPU time: on a shared machine, wall time mostly measures the other
// processes; CPU time only counts while this thread runs.
double CpuSeconds() {
  timespec ts;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

template <typename F>
double BestOf(int rounds, F&& f) {
  double best = 1e9;
  for (int r = 0; r < rounds; ++r) {
    double start = CpuSeconds();
    f();
    best = std::min(best, CpuSeconds() - start);
  }
  return best;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::filesystem::path> dirs;
  int rounds = 5;
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--rounds") == 0 && i + 1 < argc) rounds = std::max(1, std::atoi(argv[++i]));
    else dirs.emplace_back(argv[i]);
  }
  if (dirs.empty()) {
    std::error_code ec;
    for (const auto& e : std::filesystem::directory_iterator("/work/shared/bench", ec))
      if (std::filesystem::is_directory(e.path() / "pages")) dirs.push_back(e.path() / "pages");
  }
  std::vector<std::string> pages;
  size_t bytes = 0;
  for (const auto& dir : dirs) {
    std::error_code ec;
    std::vector<std::filesystem::path> files;
    if (std::filesystem::is_directory(dir, ec)) {
      for (const auto& e : std::filesystem::directory_iterator(dir, ec))
        if (e.path().string().find(".html") != std::string::npos) files.push_back(e.path());
    } else {
      files.push_back(dir);
    }
    for (const auto& f : files) {
      std::string raw, utf8;
      if (!matn::ReadInput(f.string(), &raw).ok()) continue;
      if (!matn::DecodeToUtf8(raw, &utf8).ok()) continue;
      bytes += utf8.size();
      pages.push_back(std::move(utf8));
    }
  }
  if (pages.empty()) {
    std::fprintf(stderr, "no pages found\n");
    return 1;
  }
  const double mb = static_cast<double>(bytes) / 1e6;
  std::printf("%zu pages, %.1f MB of UTF-8\n", pages.size(), mb);

  size_t tokens = 0, lts = 0;
  double tok_s = BestOf(rounds, [&] {
    tokens = 0;
    for (const std::string& p : pages) {
      matn::html::Tokenizer t(p, /*nul_terminated=*/true);  // as ParseDocument does
      for (;;) {
        const matn::html::Token& k = t.Next();
        if (k.type == matn::html::TokenType::kEof) break;
        ++tokens;
        TokenizerState st;
        if (k.type == matn::html::TokenType::kStartTag && StateAfter(k.name, &st)) t.SetState(st);
      }
    }
  });
  double scan_s = BestOf(rounds, [&] {
    lts = 0;
    for (const std::string& p : pages) {
      const char* s = p.data();
      const char* e = s + p.size();
      while ((s = static_cast<const char*>(std::memchr(s, '<', static_cast<size_t>(e - s))))) {
        ++lts;
        ++s;
      }
    }
  });
  std::printf("tokenize:     %8.1f MB/s  (%zu tokens, %.1f ns/token)\n", mb / tok_s, tokens, tok_s * 1e9 / tokens);
  std::printf("memchr('<'):  %8.1f MB/s  (%zu '<')\n", mb / scan_s, lts);
  return 0;
}
