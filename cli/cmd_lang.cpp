// matn lang — the language of a text, as a BCP 47 tag.
#include <cstdio>
#include <cstring>
#include <string>

#include "commands.h"
#include "matn/encoding.h"
#include "matn/io.h"
#include "matn/lang.h"

namespace matn::cli {

namespace {
constexpr const char* kHelp = R"(Usage: matn lang [OPTIONS] [TEXT|-]

Prints the language of TEXT (or of stdin, with `-` or no argument) as a BCP 47
primary tag: en, de, fr, zh, ar, fa (Iranian Persian), prs (Dari), ps (Pashto),
ur (Urdu), ckb (Sorani) …  Prints "und" and exits 1 when the text gives no
reliable signal.

Options:
  --declared TAG   the language the page declares (<html lang>, Content-Language);
                   kept when the text makes it plausible, as `matn extract` does
  -v, --verbose    also print the confidence and whether the declaration was kept
  -h, --help       this help
)";
}  // namespace

int RunLang(int argc, char** argv) {
  std::string declared, text;
  bool verbose = false, have_text = false;
  for (int i = 1; i < argc; ++i) {
    std::string_view a = argv[i];
    if (a == "-h" || a == "--help") { std::fputs(kHelp, stdout); return kExitOk; }
    if (a == "-v" || a == "--verbose") { verbose = true; continue; }
    if (a == "--declared" && i + 1 < argc) { declared = argv[++i]; continue; }
    if (a.size() > 1 && a[0] == '-' && a != "-") {
      std::fprintf(stderr, "matn lang: unknown option '%s' (see --help)\n", argv[i]);
      return kExitUsage;
    }
    if (have_text) { text += ' '; }
    if (a == "-") {
      std::string raw;
      Status s = ReadInput("-", &raw);
      if (!s.ok()) { std::fprintf(stderr, "matn lang: stdin: %s\n", s.ToString().c_str()); return kExitInputFailed; }
      text += raw;
    } else {
      text += a;
    }
    have_text = true;
  }
  if (!have_text) {
    Status s = ReadInput("-", &text);
    if (!s.ok()) { std::fprintf(stderr, "matn lang: stdin: %s\n", s.ToString().c_str()); return kExitInputFailed; }
  }
  std::string utf8;
  DecodeToUtf8(text, &utf8);
  LanguageGuess g = ResolveLanguage(declared, utf8);
  if (g.code.empty()) {
    std::puts("und");
    std::fputs("matn lang: the text is too short or mixed to tell\n", stderr);
    return kExitInputFailed;
  }
  if (verbose)
    std::printf("%s\tconfidence=%.2f\t%s\n", g.code.c_str(), g.confidence, g.declared ? "declared" : "detected");
  else
    std::puts(g.code.c_str());
  return kExitOk;
}

}  // namespace matn::cli
