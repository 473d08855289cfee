// matn — turn raw web pages into clean, structured article records.
#include <cstdio>
#include <cstring>
#include <string_view>

#include "commands.h"

namespace {

constexpr const char* kUsage = R"(matn — turns raw web pages into clean, structured article records

Usage: matn COMMAND [OPTIONS] [ARGS]

Commands:
  extract    main content and metadata of pages, as JSON Lines, JSON, text or Markdown
  warc       extract every HTML record of WARC files (= extract, JSON Lines by default)
  tree       the parsed HTML5 tree (html5lib test format), or per-file parse statistics
  date       the ISO 8601 date a phrase denotes, in any calendar matn reads
  normalize  clean Persian-script text from stdin (Unicode hygiene, ZWNJ repair)
  lang       the language of a text (BCP 47), telling Dari from Iranian Persian

Run `matn COMMAND --help` for a command's options.
Inputs may be gzip-compressed; `-` reads stdin.

Exit status: 0 success, 1 some input failed (details on stderr), 2 usage error.
)";

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fputs(kUsage, stderr);
    return matn::cli::kExitUsage;
  }
  std::string_view cmd = argv[1];
  if (cmd == "-h" || cmd == "--help" || cmd == "help") {
    std::fputs(kUsage, stdout);
    return 0;
  }
  if (cmd == "--version") {
    std::puts("matn 0.1.0");
    return 0;
  }
  if (cmd == "tree") return matn::cli::RunTree(argc - 1, argv + 1);
  if (cmd == "extract") return matn::cli::RunExtract(argc - 1, argv + 1);
  if (cmd == "date") return matn::cli::RunDate(argc - 1, argv + 1);
  if (cmd == "warc") return matn::cli::RunWarc(argc - 1, argv + 1);
  if (cmd == "lang") return matn::cli::RunLang(argc - 1, argv + 1);
  if (cmd == "normalize") return matn::cli::RunNormalize(argc - 1, argv + 1);
  std::fprintf(stderr, "matn: unknown command '%s'\n\n%s", argv[1], kUsage);
  return matn::cli::kExitUsage;
}
