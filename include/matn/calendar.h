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
//
// Gregorian month names are also read in Portuguese, Italian, Dutch, Turkish,
// Russian, Ukrainian, Polish and Czech; weekdays and relative phrases in Italian,
// Portuguese, Dutch, Turkish and Russian too ("venerdì", "sexta-feira", "vrijdag",
// "Cuma", "пятница"; "2 ore fa", "há 2 horas", "2 uur geleden", "2 saat önce",
// "3 дня назад", "ieri", "ontem", "gisteren", "dün", "вчера").
//
// Chinese, Japanese and Korean dates are numbers with marks, in running text
// without spaces too: "2021年7月5日", "2024年07月05日 14:30", "2024年7月5号",
// "２０２１年７月５日" (full-width digits), "2021年7月5日(月)", "2024年7月5日 星期五",
// "令和3年7月5日" (Japanese eras 令和, 平成, 昭和; 元年 = year 1), "2021년 7월 5일 월요일",
// "2021. 7. 5." (Korean dots); times "14时30分", "下午2点30分", "午後3時", "오후 2시 30분",
// "北京时间 14:30" (+08:00); relative (with a reference) "2天前", "3小时前", "5分钟前",
// "2个月前", "三天前", "昨天", "今天", "前天", "3日前", "2時間前", "10分前", "昨日",
// "一昨日", "2일 전", "3시간 전", "5분 전", "어제", "오늘". A month and day alone
// ("7月5日") take their year from the reference, like other day-month phrases.
//
// What is read (all vocabulary lives in one table, src/calendar/tables.cpp):
//   * numeric:   2024-07-05, 2024-07-05T06:24:00Z, 2024-07-05 06:24:00.123+04:30
//                (RFC 3339), 20240705 (whole phrase only), 05.07.2024, 5/7/2024,
//                2024/07/05, ۱۴۰۳/۰۴/۱۵, 05.07.24.
//   * textual:   "5 July 2024", "July 5th, 2024", "5. Juli 2024", "1er juillet 2024",
//                "5 de julio de 2024", "Fri, 05 Jul 2024 06:24:00 +0000" (RFC 2822),
//                "Fri Jul  5 06:24:00 UTC 2024" (asctime, date(1)), "05-Jul-2024",
//                "Jul-05-2024", "2024-Jul-05" (tight hyphens),
//                "۱۵ سرطان ۱۴۰۳", "۱۵ تیرماه ۱۴۰۳", "د ۱۴۰۳ کال د چنګاښ ۱۵مه",
//                "28 ذو الحجة 1445 هـ", "5 تموز/يوليو 2024", "5 جولائی 2024ء".
//   * weekdays in every language are skipped; options.strict_weekday rejects a
//     phrase whose weekday contradicts its date. A weekday also settles an
//     ambiguous numeric order (05/07/2024 on a Friday is 5 July).
//   * times: 06:24, 6:24:07, 6:24 pm, 6 p.m., 06h24, 18.30 Uhr, 06.24 BST, 6.24am, 06:24 hs, ۶:۲۴ ب.ظ, ۶ عصر,
//     ۱۱ شب, 6:24 م; zones: Z, ±hh:mm, ±hhmm, UTC/GMT±h[:mm], UTC, GMT, CET, CEST,
//     MEZ, MESZ, EET, EEST, WET, WEST, BST, EST, EDT, CST, CDT, MST, MDT, PST, PDT,
//     AFT, IRST, IRDT, PKT, MSK, JST …; ET, CT, MT, PT (capitals only) take the
//     DST rules of New York, Chicago, Denver, Los Angeles; and place names next to the time
//     ("کابل ۰۶:۲۴", "به وقت تهران", "بتوقيت مكة", "Kabul time"). A place's offset is
//     ICU's for that zone at that local date and time, so Tehran is +04:30 in the
//     summers before 2023 and +03:30 since. "IST" and "AST" name several zones:
//     they are read but give no offset.
//   * relative (need options.reference): "2 hours ago", "an hour ago", "yesterday",
//     "today", "vor 2 Stunden", "gestern, 14:30 Uhr", "il y a 3 jours", "hier",
//     "hace 2 días", "ayer", "۲ ساعت پیش", "۲ ساعت و ۱۰ دقیقه پیش", "دیروز",
//     "امروز", "منذ ساعتين", "منذ 3 أيام", "أمس", "3 دن پہلے", "۲ ساعته مخکې", "پرون".
//     Results finer than a day keep the reference's time (and its offset, because
//     the instant is the reference's); coarser ones are dates. With a date-only
//     reference, "2 hours ago" is the reference date.
//
// Rules for what is ambiguous:
//   * Day/month order in numeric dates: a field > 12 decides; else a weekday that
//     fits only one order; else month-first only for "/" with an English hint that
//     is not en-GB/AU/NZ/IE/IN/ZA ("en", "en-US", …); day-first otherwise ("." is
//     always day-first).
//   * Numeric years 1300–1500 are Hijri: Solar with a fa/prs/ps hint, Lunar with an
//     ar hint; else Persian digits → Solar, Arabic-Indic digits → Lunar, else
//     ≤ 1430 → Solar (1430 AP = 2051) and > 1430 → Lunar. An era marker (ه.ش, ش,
//     هـ, ه.ق, م, ء, AH, SH, AD …) overrides all of this.
//   * Two-digit years: with a reference, the year (in that calendar) within
//     [ref−80, ref+20); without, 00–68 → 2000s, 69–99 → 1900s (POSIX), and Solar
//     Hijri 00–49 → 1400s, 50–99 → 1300s.
//   * A day and month without a year need a reference; the year is the one that puts
//     the date nearest to the reference.
//   * Lunar Hijri is ICU's "islamic-umalqura": the Umm al-Qura calendar is Saudi
//     Arabia's official one and what most Arabic sites print, and it is tabulated
//     (1300–1600 AH) so it is reproducible, unlike sighting-based dates. Afghan and
//     Iranian official lunar dates may differ from it by a day.
//   * Solar Hijri is ICU's "persian" calendar (fa_IR@calendar=persian; ICU has no
//     "prs", Dari is fa_AF and uses the same calendar). Days are validated, never
//     rolled over: Esfand 30 exists only in ICU's leap years (1403 yes, 1402 no).
//
// FindDates is strict, ParseDatePhrase lenient: running text must show a date as
// day + month + year (a day + month without year only with a reference and a month
// name that is not also an everyday word — "سرطان" is cancer, "اسد" a name), a
// numeric date whose two-digit year has zero-padded fields, or a relative phrase
// (with a reference). A bare year ("© 2024"), a month and year, or a time alone is
// never a date. Both run in linear time: a hand-written tokenizer, then a bounded
// match attempt at each token.
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

// "gregorian", "solar-hijri", "lunar-hijri".
const char* CalendarName(CalendarKind kind);

struct DateParseOptions {
  // BCP 47 hint ("fa", "prs", "de", …); "" = try every language.
  std::string_view lang;
  // Resolves relative phrases ("2 hours ago", "دیروز") and two-digit years.
  std::optional<DateTime> reference;
  // Reject a phrase whose weekday does not fit its date (default: ignore the weekday).
  bool strict_weekday = false;
};

struct DateMatch {
  DateTime value;
  CalendarKind calendar = CalendarKind::kGregorian;
  size_t begin = 0, end = 0;  // byte range of the phrase within the searched text
  bool relative = false;      // resolved against options.reference ("2 hours ago", "امروز")
};

// Parses a phrase that is (essentially) just a date, e.g. "جمعه ۱۵ سرطان ۱۴۰۳ کابل ۰۶:۲۴"
// or "2024-07-05T06:24:00Z". On failure returns nullopt and, if `why_not` is
// given, a plain-words reason.
// "Essentially": labels ("Published:", "تاریخ انتشار:", "Stand:"), punctuation and a
// trailing parenthesised remark may surround the date; any other word fails. Two
// dates joined by "الموافق"/"برابر با" (or one in parentheses) must agree (a Hijri one
// within two days); the Gregorian one is returned.
std::optional<DateTime> ParseDatePhrase(std::string_view text, const DateParseOptions& options = {},
                                        std::string* why_not = nullptr);

// Finds every date phrase inside running text, in order of position.
std::vector<DateMatch> FindDates(std::string_view text, const DateParseOptions& options = {});

// The Gregorian day of day `day` of month `month` (1-based) of `year` in `calendar`,
// or nullopt if that day does not exist (Esfand 30 1402, 31 April).
std::optional<DateTime> ToGregorian(CalendarKind calendar, int year, int month, int day);

}  // namespace matn
