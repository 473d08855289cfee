// matn/calendar.h — date phrases in every calendar a page may use → ISO 8601.
//
// Reads Gregorian, Solar Hijri (Iranian, Afghan/Dari and Pashto month names)
// and lunar Hijri dates written in English, German, French, Spanish, Arabic,
// Persian, Dari, Pashto or Urdu, with Latin, Persian (U+06F0–9) or
// Arabic-Indic (U+0660–9) digits, optional weekday, 12/24-hour time and a
// time zone given as an offset, an abbreviation or a place name ("کابل" =
// +04:30). Calendar arithmetic is ICU's.
//
// A UTC offset appears in the result only when the text states or implies one.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace matn {

struct DateTime {
  int year = 0, month = 0, day = 0;     // proleptic Gregorian
  int hour = -1, minute = -1, second = -1;  // -1 = not given
  bool has_offset = false;
  int offset_minutes = 0;               // east of UTC

  bool has_time() const { return hour >= 0; }
  // "2024-07-05", "2024-07-05T06:24", "2024-07-05T06:24+04:30".
  std::string ToIso() const;
};

enum class CalendarKind { kGregorian, kSolarHijri, kLunarHijri };

struct DateParseOptions {
  // BCP 47 hint ("fa", "prs", "de", …); "" = try every language.
  std::string_view lang;
  // Resolves relative phrases ("2 hours ago", "دیروز") and two-digit years.
  std::optional<DateTime> reference;
};

struct DateMatch {
  DateTime value;
  CalendarKind calendar = CalendarKind::kGregorian;
  size_t begin = 0, end = 0;  // byte range of the phrase within the searched text
};

// Parses a phrase that is (essentially) just a date, e.g. "جمعه ۱۵ سرطان ۱۴۰۳ کابل ۰۶:۲۴"
// or "2024-07-05T06:24:00Z". On failure returns nullopt and, if `why_not` is
// given, a plain-words reason.
std::optional<DateTime> ParseDatePhrase(std::string_view text, const DateParseOptions& options = {},
                                        std::string* why_not = nullptr);

// Finds every date phrase inside running text, in order of position.
std::vector<DateMatch> FindDates(std::string_view text, const DateParseOptions& options = {});

}  // namespace matn
