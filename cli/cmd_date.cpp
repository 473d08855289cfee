// matn date — the ISO 8601 date a phrase denotes, in any calendar matn reads.
#include <cstdio>
#include <cstring>
#include <iostream>
#include <iterator>
#include <string>
#include <string_view>

#include "commands.h"
#include "matn/calendar.h"

namespace matn::cli {
namespace {

constexpr const char* kHelp = R"(Usage: matn date [OPTIONS] TEXT...
       matn date [OPTIONS] -          (the phrase is read from stdin)

Prints the ISO 8601 date (or date and time, with a UTC offset when the text
gives or implies one) that a date phrase denotes, in any calendar matn reads:
Gregorian, Solar Hijri (Iranian, Afghan and Pashto month names) and lunar Hijri
(Umm al-Qura), in English, German, French, Spanish, Italian, Portuguese, Dutch,
Turkish, Russian, Polish, Czech, Arabic, Persian, Dari, Pashto, Urdu, Chinese,
Japanese (also 令和/平成/昭和 years) and Korean, with Latin, Persian,
Arabic-Indic or full-width digits.
Several TEXT arguments are joined with spaces.

Options:
  --lang L        language hint (BCP 47: en, en-US, de, fa, prs, ps, ar, ur …);
                  decides 7/5/2024 (month first only for English) and whether a
                  numeric year 1300–1500 is Solar (fa/prs/ps) or lunar (ar) Hijri
  --ref ISO       reference date-time for relative phrases ("2 hours ago",
                  "دیروز") and two-digit years, e.g. 2024-07-05T10:00+04:30
  --all           find every date phrase in TEXT (running text) and print one per
                  line: ISO date, calendar, byte range, the phrase
  --strict-weekday  reject a phrase whose weekday does not fit its date
  -h, --help      this text

Examples:
  matn date 'جمعه ۱۵ سرطان ۱۴۰۳ کابل ۰۶:۲۴'      → 2024-07-05T06:24+04:30
  matn date '1 رمضان 1445 هـ'                    → 2024-03-11
  matn date --ref 2024-07-05T10:00 '2 hours ago' → 2024-07-05T08:00

Exit status: 0 a date was found, 1 no date (the reason is on stderr), 2 usage error.
)";

}  // namespace

int RunDate(int argc, char** argv) {
  DateParseOptions options;
  std::string lang, text;
  bool all = false, have_text = false;
  for (int i = 1; i < argc; ++i) {
    std::string_view a = argv[i];
    auto value = [&](const char* name) -> const char* {
      if (i + 1 >= argc) {
        std::fprintf(stderr, "matn date: %s needs a value\n", name);
        return nullptr;
      }
      return argv[++i];
    };
    if (a == "-h" || a == "--help") {
      std::fputs(kHelp, stdout);
      return kExitOk;
    } else if (a == "--lang" || a.starts_with("--lang=")) {
      const char* v = a == "--lang" ? value("--lang") : argv[i] + 7;
      if (!v) return kExitUsage;
      lang = v;
    } else if (a == "--ref" || a.starts_with("--ref=")) {
      const char* v = a == "--ref" ? value("--ref") : argv[i] + 6;
      if (!v) return kExitUsage;
      std::string why;
      auto ref = ParseDatePhrase(v, {}, &why);
      if (!ref) {
        std::fprintf(stderr, "matn date: --ref '%s' is not a date: %s\n", v, why.c_str());
        return kExitUsage;
      }
      options.reference = *ref;
    } else if (a == "--all") {
      all = true;
    } else if (a == "--strict-weekday") {
      options.strict_weekday = true;
    } else if (a == "-") {
      text.append(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
      have_text = true;
    } else if (a.size() > 1 && a[0] == '-' && a[1] == '-') {
      std::fprintf(stderr, "matn date: unknown option '%s' (see matn date --help)\n", argv[i]);
      return kExitUsage;
    } else {
      if (have_text) text.push_back(' ');
      text.append(a);
      have_text = true;
    }
  }
  if (!have_text) {
    std::fputs("matn date: no TEXT given (see matn date --help)\n", stderr);
    return kExitUsage;
  }
  options.lang = lang;
  if (all) {
    auto matches = FindDates(text, options);
    for (const DateMatch& m : matches) {
      std::string phrase = text.substr(m.begin, m.end - m.begin);
      std::printf("%s\t%s%s\t%zu-%zu\t%s\n", m.value.ToIso().c_str(), CalendarName(m.calendar),
                  m.relative ? ",relative" : "", m.begin, m.end, phrase.c_str());
    }
    if (matches.empty()) {
      std::fputs("matn date: no date phrase found\n", stderr);
      return kExitInputFailed;
    }
    return kExitOk;
  }
  std::string why;
  auto dt = ParseDatePhrase(text, options, &why);
  if (!dt) {
    std::fprintf(stderr, "matn date: %s\n", why.c_str());
    return kExitInputFailed;
  }
  std::printf("%s\n", dt->ToIso().c_str());
  return kExitOk;
}

}  // namespace matn::cli
