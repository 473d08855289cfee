// matn normalize — Persian-script hygiene, normalisation and ZWNJ repair, line by line.
#include <zlib.h>

#include <cstdio>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "commands.h"
#include "matn/text.h"

namespace matn::cli {
namespace {

constexpr const char* kHelp = R"(Usage: matn normalize [OPTIONS] [FILE...]

Cleans Persian-script text line by line, from the FILEs (gzip is read
transparently; `-` or no FILE = stdin) to stdout. Lines stay lines: the output
has as many lines as the input.

Always applied (Unicode hygiene): NFC; ZWSP, word joiner, soft hyphen, BOM,
bidi embeddings/overrides/isolates and control characters dropped; ZWNJ, ZWJ,
LRM, RLM, ALM kept; whitespace runs collapsed to one space and trimmed; a
ZWNJ that does not stand between two letters removed.

Options:
  --repair-zwnj[=MODE]  put back lost zero-width non-joiners (U+200C). MODE:
                          deleted  ZWNJs were removed ("کتابها میروم")
                          space    ZWNJs became spaces ("کتاب ها می روم")
                          auto     both (default when MODE is omitted)
  --normalize fa|ps|none  letter normalisation (default none):
                          fa  Persian and Dari: ي→ی ى→ی ك→ک, ۀ→هٔ, no kashida
                          ps  Pashto: ك→ک, no kashida; ي ی ۀ and Pashto letters kept
  --digits latin|persian|keep
                        rewrite digits (default keep: as written)
  --lang L              BCP 47 language of the text. For a language other than
                        Persian, Dari or Pashto (ar, ur, ckb, …) normalisation
                        and ZWNJ repair are skipped; ps selects the Pashto profile.
  -h, --help            this help

Exit status: 0 success, 1 an input could not be read, 2 usage error.
)";

constexpr size_t kMaxLine = size_t{1} << 22;  // longer lines are processed in pieces

struct Settings {
  bool repair = false;
  ZwnjDamage damage = ZwnjDamage::kAuto;
  NormalizeOptions norm{PersianProfile::kNone, DigitStyle::kKeep, {}};
  bool normalize = false;
};

std::string Process(std::string_view line, const Settings& st) {
  std::string s = CleanText(line);
  if (st.normalize) s = NormalizePersian(s, st.norm);
  if (st.repair) s = RepairZwnj(s, st.damage);
  return s;
}

// Streams one input; returns false if it could not be opened or read.
bool Run(const char* path, const Settings& st) {
  bool is_stdin = std::strcmp(path, "-") == 0;
  gzFile in = is_stdin ? gzdopen(fileno(stdin), "rb") : gzopen(path, "rb");
  if (!in) {
    std::fprintf(stderr, "matn normalize: %s: %s\n", path, std::strerror(errno));
    return false;
  }
  gzbuffer(in, 1 << 16);
  std::vector<char> buf(1 << 16);
  std::string line;
  bool ok = true;
  auto emit = [&](std::string_view text, bool newline) {
    std::string out = Process(text, st);
    std::fwrite(out.data(), 1, out.size(), stdout);
    if (newline) std::fputc('\n', stdout);
  };
  while (true) {
    char* got = gzgets(in, buf.data(), static_cast<int>(buf.size()));
    if (!got) break;
    size_t n = std::strlen(got);  // NUL bytes inside a line end it early; hygiene would drop them anyway
    line.append(got, n);
    if (!line.empty() && line.back() == '\n') {
      line.pop_back();
      emit(line, true);
      line.clear();
    } else if (line.size() > kMaxLine) {
      // Bounded memory: flush up to the last space, keeping one space as the seam.
      size_t cut = line.rfind(' ');
      if (cut == std::string::npos || cut == 0) cut = line.size() - 4;  // keep a possibly split UTF-8 tail
      while (cut > 0 && (static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80) --cut;
      emit(std::string_view(line).substr(0, cut), false);
      std::fputc(' ', stdout);
      line.erase(0, cut);
    }
  }
  int err = 0;
  const char* msg = gzerror(in, &err);
  if (err != Z_OK && err != Z_STREAM_END) {
    std::fprintf(stderr, "matn normalize: %s: %s\n", path, msg);
    ok = false;
  }
  if (!line.empty()) emit(line, false);
  if (is_stdin) {
    gzclose_r(in);  // also closes fd 0, which nothing reads afterwards
  } else {
    gzclose(in);
  }
  return ok;
}

int Usage(const char* what) {
  std::fprintf(stderr, "matn normalize: %s\nRun `matn normalize --help` for usage.\n", what);
  return kExitUsage;
}

}  // namespace

int RunNormalize(int argc, char** argv) {
  Settings st;
  std::string lang;
  std::vector<const char*> files;
  for (int i = 1; i < argc; ++i) {
    std::string_view a = argv[i];
    auto value = [&](std::string_view name, std::string* out) {
      if (a.size() > name.size() && a.substr(0, name.size()) == name && a[name.size()] == '=') {
        *out = std::string(a.substr(name.size() + 1));
        return true;
      }
      if (a == name && i + 1 < argc) {
        *out = argv[++i];
        return true;
      }
      return false;
    };
    std::string v;
    if (a == "-h" || a == "--help") {
      std::fputs(kHelp, stdout);
      return kExitOk;
    } else if (a == "--repair-zwnj") {
      st.repair = true;
    } else if (a.substr(0, 14) == "--repair-zwnj=") {
      st.repair = true;
      std::string_view m = a.substr(14);
      if (m == "deleted") st.damage = ZwnjDamage::kDeleted;
      else if (m == "space") st.damage = ZwnjDamage::kSpace;
      else if (m == "auto") st.damage = ZwnjDamage::kAuto;
      else return Usage("--repair-zwnj takes deleted, space or auto");
    } else if (value("--normalize", &v)) {
      if (v == "fa") st.norm.profile = PersianProfile::kPersian;
      else if (v == "ps") st.norm.profile = PersianProfile::kPashto;
      else if (v == "none") st.norm.profile = PersianProfile::kNone;
      else return Usage("--normalize takes fa, ps or none");
      st.normalize = v != "none";
    } else if (value("--digits", &v)) {
      if (v == "latin") st.norm.digits = DigitStyle::kLatin;
      else if (v == "persian") st.norm.digits = DigitStyle::kPersian;
      else if (v == "keep") st.norm.digits = DigitStyle::kKeep;
      else return Usage("--digits takes latin, persian or keep");
    } else if (value("--lang", &v)) {
      lang = v;
    } else if (a.size() > 1 && a[0] == '-') {
      return Usage(("unknown option " + std::string(a)).c_str());
    } else {
      files.push_back(argv[i]);
    }
  }
  if (st.norm.digits != DigitStyle::kKeep) st.normalize = true;
  if (!lang.empty()) {
    PersianProfile p = PersianProfileForLang(lang);
    if (p == PersianProfile::kNone && (st.normalize || st.repair)) {
      std::fprintf(stderr, "matn normalize: --lang %s is not Persian, Dari or Pashto: only hygiene applied\n",
                   lang.c_str());
      st.normalize = st.repair = false;
    } else if (p == PersianProfile::kPashto && st.repair) {
      std::fputs("matn normalize: ZWNJ repair is for Persian and Dari; skipped for Pashto\n", stderr);
      st.repair = false;
    }
    st.norm.lang = lang;  // NormalizePersian takes its profile from the language
  }
  if (st.repair) ZwnjLexiconAvailable();  // load (and warn) before the first line
  if (files.empty()) files.push_back("-");
  bool ok = true;
  for (const char* f : files) ok = Run(f, st) && ok;
  if (std::fflush(stdout) != 0) {
    std::perror("matn normalize: stdout");
    return kExitInputFailed;
  }
  return ok ? kExitOk : kExitInputFailed;
}

}  // namespace matn::cli
