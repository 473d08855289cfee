// ParseDatePhrase, ToGregorian and DateTime::ToIso.
//
// Where the expected values come from (never from this implementation):
//  [J]  tests/calendar/verify_expected.py — the jalaali algorithm (Borkowski's
//       33-year breaks) written in Python, plus Python's datetime for Gregorian
//       arithmetic and weekdays. Its output is quoted next to the cases.
//  [N]  Nowruz (1 Farvardin) fell on 2021-03-21, 2024-03-20 and 2025-03-21 (the
//       March equinox was before noon Tehran time in 2024, after it in 2025).
//  [U]  Umm al-Qura, Saudi announcements: 1 Ramadan 1445 = 2024-03-11 (Monday),
//       1 Shawwal 1445 = 2024-04-10 (Eid al-Fitr), 10 Dhu al-Hijjah 1445 =
//       2024-06-16 (Eid al-Adha, Sunday), 1 Muharram 1446 = 2024-07-07,
//       1 Ramadan 1446 = 2025-03-01.
//  [D]  darivoa.com, 23 Dec 2024: "روز دوشنبه ۲۳ دسمبر (سوم جدی)" — 3 Jadi 1403 is
//       Monday 23 December 2024.
//  [Z]  Iran observed DST (+04:30) until 2022 and abolished it from 2023 (tzdata
//       2022b); Kabul is +04:30 all year.
#include <gtest/gtest.h>

#include <string>

#include "matn/calendar.h"

namespace matn {
namespace {

std::string Parse(std::string_view text, std::string_view lang = "", std::optional<DateTime> ref = std::nullopt) {
  DateParseOptions o;
  o.lang = lang;
  o.reference = ref;
  std::string why;
  auto dt = ParseDatePhrase(text, o, &why);
  return dt ? dt->ToIso() : "ERROR: " + why;
}

DateTime Ref(int y, int m, int d, int h = -1, int mi = -1, std::optional<int> off = std::nullopt) {
  DateTime r;
  r.year = y, r.month = m, r.day = d, r.hour = h, r.minute = mi;
  if (off) r.has_offset = true, r.offset_minutes = *off;
  return r;
}

bool Fails(std::string_view text, std::string_view reason_part = "", std::optional<DateTime> ref = std::nullopt) {
  std::string r = Parse(text, "", ref);
  return r.rfind("ERROR: ", 0) == 0 && r.find(reason_part) != std::string::npos;
}

struct Case {
  const char* text;
  const char* expected;
  const char* lang = "";
};

void Check(const std::vector<Case>& cases) {
  for (const Case& c : cases) EXPECT_EQ(Parse(c.text, c.lang), c.expected) << c.text << " [" << c.lang << "]";
}

TEST(Parse, AbbreviatedMarchIsNotTheFrenchTuesday) {
  // "mar" is both English/Spanish March and French "mardi"; a weekday takes a dot or comma.
  EXPECT_EQ(Parse("Mar 12, 2020"), "2020-03-12");
  EXPECT_EQ(Parse("Updated Mar 12, 2020 @ 10:42 am", "en"), "2020-03-12T10:42");
  EXPECT_EQ(Parse("mar. 12 mars 2024", "fr"), "2024-03-12");
}

TEST(ToIso, Formats) {
  DateTime d = Ref(2024, 7, 5);
  EXPECT_EQ(d.ToIso(), "2024-07-05");
  d.hour = 6, d.minute = 24;
  EXPECT_EQ(d.ToIso(), "2024-07-05T06:24");
  d.has_offset = true, d.offset_minutes = 270;
  EXPECT_EQ(d.ToIso(), "2024-07-05T06:24+04:30");
  d.offset_minutes = -240, d.second = 7;
  EXPECT_EQ(d.ToIso(), "2024-07-05T06:24:07-04:00");
  EXPECT_EQ(Ref(987, 1, 2).ToIso(), "0987-01-02");
}

TEST(ToGregorian, EveryCalendar) {
  // [J] 1403-04-15 SH -> 2024-07-05; 1402-12-30 invalid; 1403-12-30 -> 2025-03-20.
  EXPECT_EQ(ToGregorian(CalendarKind::kSolarHijri, 1403, 4, 15)->ToIso(), "2024-07-05");
  EXPECT_FALSE(ToGregorian(CalendarKind::kSolarHijri, 1402, 12, 30));
  EXPECT_EQ(ToGregorian(CalendarKind::kSolarHijri, 1403, 12, 30)->ToIso(), "2025-03-20");
  EXPECT_FALSE(ToGregorian(CalendarKind::kSolarHijri, 1403, 7, 31));  // Mehr has 30 days
  EXPECT_EQ(ToGregorian(CalendarKind::kLunarHijri, 1445, 9, 1)->ToIso(), "2024-03-11");  // [U]
  EXPECT_FALSE(ToGregorian(CalendarKind::kGregorian, 2023, 2, 29));
  EXPECT_EQ(ToGregorian(CalendarKind::kGregorian, 2024, 2, 29)->ToIso(), "2024-02-29");
  EXPECT_FALSE(ToGregorian(CalendarKind::kGregorian, 2024, 13, 1));
  EXPECT_FALSE(ToGregorian(CalendarKind::kSolarHijri, 0, 1, 1));
  EXPECT_STREQ(CalendarName(CalendarKind::kSolarHijri), "solar-hijri");
}

TEST(SolarHijri, NowruzAndLeapYears) {
  Check({
      {"۱ فروردین ۱۴۰۳", "2024-03-20"},  // [N][J]
      {"۱ فروردین ۱۴۰۴", "2025-03-21"},  // [N][J]
      {"۱ فروردین ۱۴۰۰", "2021-03-21"},  // [N][J]
      {"۱ حمل ۱۴۰۳", "2024-03-20"},      // Afghan name of Farvardin
      {"۳۰ اسفند ۱۴۰۳", "2025-03-20"},   // [J] 1403 is leap
      {"۳۰ حوت ۱۴۰۳", "2025-03-20"},
      {"۳۰ اسفند ۱۳۹۹", "2021-03-20"},   // [J] 1399 is leap
      {"۲۹ اسفند ۱۴۰۲", "2024-03-19"},   // [J]
      {"۳۱ شهریور ۱۴۰۳", "2024-09-21"},  // [J] months 1–6 have 31 days
      {"۳۰ مهر ۱۴۰۳", "2024-10-21"},     // [J]
      {"۱ دی ۱۴۰۳", "2024-12-21"},       // [J] Yalda night precedes it
      {"۳ جدی ۱۴۰۳", "2024-12-23"},      // [D][J]
  });
  EXPECT_TRUE(Fails("۳۰ اسفند ۱۴۰۲", "29 days"));  // [J] 1402 is common: not rolled over
  EXPECT_TRUE(Fails("۳۰ حوت ۱۴۰۴", "29 days"));    // [J] 1404 is common
  EXPECT_TRUE(Fails("۳۱ مهر ۱۴۰۳", "30 days"));
  EXPECT_TRUE(Fails("۳۱ میزان ۱۴۰۳", "30 days"));
}

TEST(SolarHijri, EveryMonthNameInThreeNameSets) {
  // [J] first day of each month of 1403.
  const char* expected[12] = {"2024-03-20", "2024-04-20", "2024-05-21", "2024-06-21", "2024-07-22", "2024-08-22",
                              "2024-09-22", "2024-10-22", "2024-11-21", "2024-12-21", "2025-01-20", "2025-02-19"};
  const char* iranian[12] = {"فروردین", "اردیبهشت", "خرداد", "تیر", "مرداد", "شهریور",
                             "مهر",     "آبان",     "آذر",   "دی",  "بهمن",  "اسفند"};
  const char* afghan[12] = {"حمل", "ثور", "جوزا", "سرطان", "اسد", "سنبله", "میزان", "عقرب", "قوس", "جدی", "دلو", "حوت"};
  const char* pashto[12] = {"وری", "غویی", "غبرګولی", "چنګاښ", "زمری", "وږی", "تله", "لړم", "لیندۍ", "مرغومی", "سلواغه", "کب"};
  for (int m = 0; m < 12; ++m) {
    for (const char* name : {iranian[m], afghan[m], pashto[m]}) {
      EXPECT_EQ(Parse(std::string("۱ ") + name + " ۱۴۰۳"), expected[m]) << name;
      EXPECT_EQ(Parse(std::string("1 ") + name + " 1403"), expected[m]) << name << " (Latin digits)";
    }
  }
}

TEST(SolarHijri, SpellingVariantsDigitsAndForms) {
  Check({
      {"جمعه ۱۵ سرطان ۱۴۰۳ کابل ۰۶:۲۴", "2024-07-05T06:24+04:30"},  // the example
      {"۱۵ سرطان ۱۴۰۳", "2024-07-05"},
      {"١٥ سرطان ١٤٠٣", "2024-07-05"},  // Arabic-Indic digits
      {"15 سرطان 1403", "2024-07-05"},
      {"۱۵ برج سرطان ۱۴۰۳", "2024-07-05"},
      {"جمعه ۱۵ تیر ۱۴۰۳", "2024-07-05"},
      {"۱۵ تیرماه ۱۴۰۳", "2024-07-05"},
      {"۱۵ تیر ماه ۱۴۰۳", "2024-07-05"},
      {"۱۵ تیر ۱۴۰۳ ه.ش", "2024-07-05"},
      {"۱۵ تیر ۱۴۰۳ هجری شمسی", "2024-07-05"},
      {"۱۵ چنگاښ ۱۴۰۳", "2024-07-05"},  // Persian gaf for Pashto ګ
      {"۱۵ چنګاش ۱۴۰۳", "2024-07-05"},  // sheen for ښ
      {"د ۱۴۰۳ کال د چنګاښ ۱۵مه", "2024-07-05"},
      {"۱۴۰۳ کال د چنګاښ ۱۵", "2024-07-05"},
      {"۱۵ جوزاء ۱۴۰۳", "2024-06-04"},  // [J] 1 Jawza = 2024-05-21, +14
      {"۵ دی‌ماه ۱۴۰۳", "2024-12-25"},  // [J] 1 Dey = 2024-12-21, +4; ZWNJ kept in the word
      {"۵ دیماه ۱۴۰۳", "2024-12-25"},
      {"سه‌شنبه ۱۱ دی ۱۴۰۳", "2024-12-31"},   // [J] 1403-10-11 -> 2024-12-31 Tuesday
      {"سه شنبه ۱۱ دی ۱۴۰۳", "2024-12-31"},
      {"۸ حوت ۱۴۰۳", "2025-02-26"},           // [J] darivoa-dev's last day
      {"۱۴۰۳/۰۴/۱۵", "2024-07-05"},           // Persian digits, 1300–1500 → Solar
      {"۱۴۰۳/۴/۱۵", "2024-07-05"},
      {"1403/04/15", "2024-07-05", "fa"},
      {"1403-04-15", "2024-07-05", "prs"},
      {"۱۵/۰۴/۱۴۰۳", "2024-07-05"},
      {"۱۴۰۳/۰۴/۱۵ ساعت ۱۰:۳۰", "2024-07-05T10:30"},
      {"1398/05/10", "2019-08-01"},  // [J] Latin digits, ≤ 1430 without a hint → Solar
      {"جدی ۰۳, ۱۴۰۳", "2024-12-23"},  // [D] darivoa.com prints its dates month-first like this
      {"۱ام تیر ۱۴۰۳", "2024-06-21"},  // [J] ordinal suffix; 1 Tir 1403 = 2024-06-21
      {"٢٠٢٤/٠٧/٠٥", "2024-07-05"},    // Arabic-Indic digits, a Gregorian year
  });
}

TEST(SolarHijri, DariDarivoaStyle) {
  const DateTime ref = Ref(2024, 12, 24);
  // [D] the parenthetical Solar date is the same day, so both spellings agree.
  EXPECT_EQ(Parse("روز دوشنبه ۲۳ دسمبر (سوم جدی)", "prs", ref), "2024-12-23");
  EXPECT_EQ(Parse("دوشنبه ۲۳ دسمبر ۲۰۲۴ (۳ جدی ۱۴۰۳)", "prs"), "2024-12-23");
  EXPECT_TRUE(Fails("دوشنبه ۲۳ دسمبر ۲۰۲۴ (۴ جدی ۱۴۰۳)", "two different dates"));
}

TEST(LunarHijri, UmmAlQura) {
  Check({
      {"1 رمضان 1445 هـ", "2024-03-11"},   // [U]
      {"١ رمضان ١٤٤٥هـ", "2024-03-11"},    // Arabic-Indic digits, era tight
      {"۱ رمضان ۱۴۴۵", "2024-03-11"},      // Persian digits
      {"15 رمضان 1445", "2024-03-25"},     // [U] + 14 days
      {"1 شوال 1445 هـ", "2024-04-10"},    // [U]
      {"10 ذو الحجة 1445 هـ", "2024-06-16"},  // [U]
      {"10 ذي الحجة 1445", "2024-06-16"},
      {"۱۰ ذی‌الحجه ۱۴۴۵", "2024-06-16"},
      {"۱۰ ذی الحجه ۱۴۴۵", "2024-06-16"},
      {"۱۰ ذیحجه ۱۴۴۵ ه.ق", "2024-06-16"},
      {"الأحد 10 ذو الحجة 1445 هـ الموافق 16 يونيو 2024 م", "2024-06-16"},  // [U][J] Sunday
      {"1 محرم 1446", "2024-07-07"},       // [U]
      {"1 محرم الحرام 1446 هـ", "2024-07-07"},
      {"1 رمضان 1446 هـ", "2025-03-01"},   // [U]
      {"1 Ramadan 1445 AH", "2024-03-11"},
      {"1445/09/01", "2024-03-11"},        // Latin digits > 1430 → lunar
      {"1445/09/01 هـ", "2024-03-11"},
      {"١٤٤٥/٠٩/٠١", "2024-03-11"},        // Arabic-Indic digits → lunar
  });
  EXPECT_TRUE(Fails("10 ذو الحجة 1445 الموافق 16 يوليو 2024", "two different dates"));
  EXPECT_TRUE(Fails("31 رمضان 1445", "does not exist"));
}

TEST(LunarHijri, MonthSpellingsAgree) {
  // Each group names one month; all spellings must give the same day.
  const std::vector<std::vector<const char*>> groups = {
      {"ربيع الأول", "ربیع‌الاول", "ربیع الاول", "ربيع اول", "Rabi al-Awwal"},
      {"ربيع الثاني", "ربيع الآخر", "ربیع‌الثانی", "ربیع الثانی"},
      {"جمادى الأولى", "جمادی‌الاول", "جمادی الاولی", "جمادى الاولى"},
      {"جمادى الآخرة", "جمادی‌الثانی", "جمادى الثانية", "جمادی الثانیه"},
      {"ذو القعدة", "ذي القعدة", "ذی‌القعده", "ذوالقعده"},
      {"صفر", "صفر المظفر", "Safar"},
      {"شعبان", "شعبان المعظم", "Sha'ban", "Shaban"},
  };
  for (const auto& g : groups) {
    std::string first = Parse(std::string("5 ") + g[0] + " 1446");
    EXPECT_EQ(first.rfind("ERROR", 0), std::string::npos) << g[0] << ": " << first;
    for (const char* name : g) EXPECT_EQ(Parse(std::string("5 ") + name + " 1446"), first) << name;
  }
  // Their order: consecutive months, 29 or 30 days apart.
  auto day = [](const char* m) { return Parse(std::string("1 ") + m + " 1446"); };
  EXPECT_LT(day("محرم"), day("صفر"));
  EXPECT_LT(day("صفر"), day("ربيع الأول"));
  EXPECT_LT(day("ربيع الأول"), day("ربيع الثاني"));
  EXPECT_LT(day("شوال"), day("ذو القعدة"));
  EXPECT_LT(day("ذو القعدة"), day("ذو الحجة"));
}

TEST(Gregorian, English) {
  Check({
      {"July 5, 2024", "2024-07-05"},
      {"5 July 2024", "2024-07-05"},
      {"Friday, July 5th, 2024", "2024-07-05"},
      {"Jul. 5, 2024", "2024-07-05"},
      {"Sept. 3, 2024", "2024-09-03"},
      {"the 5th of July, 2024", "2024-07-05"},
      {"Published: 1st March 2024", "2024-03-01"},
      {"Fri, 05 Jul 2024 06:24:00 +0000", "2024-07-05T06:24:00+00:00"},       // RFC 2822
      {"Mon, 23 Dec 2024 04:10:04 GMT", "2024-12-23T04:10:04+00:00"},         // [J] a Monday
      {"Fri, 05 Jul 24 06:24 GMT", "2024-07-05T06:24+00:00"},                 // RFC 822 two-digit year
      {"Fri Jul 05 2024 06:24:00 GMT+0430 (Afghanistan Time)", "2024-07-05T06:24:00+04:30"},
      {"July 5, 2024 at 6:24 p.m. EDT", "2024-07-05T18:24-04:00"},
      {"6:24 AM EDT, Fri July 5, 2024", "2024-07-05T06:24-04:00"},
      {"July 5, 2024 12:00 am", "2024-07-05T00:00"},
      {"July 5, 2024 12:30 pm", "2024-07-05T12:30"},
      {"July 5, 2024 6pm", "2024-07-05T18:00"},
      {"Updated: 5 July 2024 14:30 BST", "2024-07-05T14:30+01:00"},
      {"29 February 2024", "2024-02-29"},
  });
  EXPECT_TRUE(Fails("29 February 2023", "does not exist"));
  EXPECT_TRUE(Fails("31 April 2024", "30 days"));
}

TEST(Gregorian, IsoAndRfc3339) {
  Check({
      {"2024-07-05", "2024-07-05"},
      {"2024-07-05T06:24", "2024-07-05T06:24"},
      {"2024-07-05T06:24:00Z", "2024-07-05T06:24:00+00:00"},
      {"2024-07-05T06:24:00.123+04:30", "2024-07-05T06:24:00+04:30"},
      {"2024-07-05T06:24:00-05:00", "2024-07-05T06:24:00-05:00"},
      {"2024-07-05T06:24:00+0430", "2024-07-05T06:24:00+04:30"},
      {"2024-12-23 04:10:04Z", "2024-12-23T04:10:04+00:00"},
      {"2024-12-23 08:40:04+04:30", "2024-12-23T08:40:04+04:30"},
      {"20240705", "2024-07-05"},
      {"2024/07/05", "2024-07-05"},
      {"2024-07-31T24:00", "2024-08-01T00:00"},  // month-end rollover of 24:00
      {"2024-12-31 24:00", "2025-01-01T00:00"},
      {"2024-07-05 06:24", "2024-07-05T06:24"},  // no offset unless the text gives one
  });
  EXPECT_TRUE(Fails("2024-13-05"));
  EXPECT_TRUE(Fails("2024-02-30"));
  EXPECT_TRUE(Fails("2024-07-05T25:00", "out of range"));
}

TEST(Gregorian, NumericOrderAndTwoDigitYears) {
  Check({
      {"7/5/2024", "2024-07-05", "en"},      // US: month first
      {"7/5/2024", "2024-07-05", "en-US"},
      {"7/5/2024", "2024-05-07", "en-GB"},   // day first
      {"7/5/2024", "2024-05-07", ""},        // no hint: day first
      {"7/5/2024", "2024-05-07", "fr"},
      {"13/5/2024", "2024-05-13", "en"},     // a field > 12 decides
      {"5/13/2024", "2024-05-13", ""},
      {"05.07.2024", "2024-07-05", "en"},    // dots are day first even in English
      {"05-07-2024", "2024-07-05", "de"},
      {"Friday 05/07/2024", "2024-07-05", "en"},  // [J] 2024-07-05 is a Friday, 2024-05-07 a Tuesday
      {"05.07.24", "2024-07-05"},            // POSIX pivot: 00–68 → 2000s
      {"05.07.99", "1999-07-05"},
      {"05.07.68", "2068-07-05"},
      {"05.07.69", "1969-07-05"},
  });
  const DateTime ref = Ref(2024, 1, 1);
  EXPECT_EQ(Parse("05.07.43", "", ref), "2043-07-05");  // window [ref−80, ref+20)
  EXPECT_EQ(Parse("05.07.44", "", ref), "1944-07-05");
  EXPECT_EQ(Parse("5 Jul 70", "", ref), "1970-07-05");
}

TEST(Gregorian, German) {
  Check({
      {"5. Juli 2024", "2024-07-05"},
      {"Freitag, 5. Juli 2024, 18:30 Uhr", "2024-07-05T18:30"},
      {"Freitag, den 5. Juli 2024", "2024-07-05"},
      {"05.07.2024, 6:24 Uhr", "2024-07-05T06:24"},
      {"3. März 2024", "2024-03-03"},
      {"3. Mär. 2024", "2024-03-03"},
      {"3. Maerz 2024", "2024-03-03"},
      {"1. Jänner 2025", "2025-01-01"},
      {"12. Dez. 2023", "2023-12-12"},
      {"am 12. Dezember 2023 um 14:05 Uhr", "2023-12-12T14:05"},
      {"Stand: 05.07.2024 18.30 Uhr", "2024-07-05T18:30"},
      {"So., 7. Juli 2024", "2024-07-07"},
      {"5. Juli 2024 14:30 MESZ", "2024-07-05T14:30+02:00"},
      {"5. Januar 2024 14:30 MEZ", "2024-01-05T14:30+01:00"},
      {"18. 05. 2014 22:38", "2014-05-18T22:38"},     // spaces after the dots
      {"31 Donnerstag Okt 2019", "2019-10-31"},        // a WordPress theme's day, weekday, month
  });
  EXPECT_TRUE(Fails("18. 05. 14"));  // spaced dots need a four-digit year
}

TEST(Gregorian, OtherLanguagesOnTheBenchmarkPages) {
  Check({
      {"4 de maio de 2022, 05:34", "2022-05-04T05:34"},  // Portuguese
      {"15 settembre 2023", "2023-09-15"},               // Italian
      {"3 maart 2021", "2021-03-03"},                    // Dutch
      {"15 августа 2016, 13:43", "2016-08-15T13:43"},    // Russian (genitive)
      {"15 Августа 2016", "2016-08-15"},                 // Cyrillic capitals fold
      {"5 липня 2024", "2024-07-05"},                    // Ukrainian
      {"29 Ekim 2023", "2023-10-29"},                    // Turkish
  });
}

TEST(Gregorian, FrenchAndSpanish) {
  Check({
      {"5 juillet 2024", "2024-07-05"},
      {"le 1er juillet 2024 à 06h24", "2024-07-01T06:24"},
      {"vendredi 5 juillet 2024", "2024-07-05"},
      {"12 févr. 2024", "2024-02-12"},
      {"3 déc. 2023", "2023-12-03"},
      {"15 août 2024", "2024-08-15"},
      {"mar. 9 juillet 2024", "2024-07-09"},  // [J] a Tuesday
      {"Publié le 5 janv. 2024 à 8h", "2024-01-05T08:00"},
      {"5 de julio de 2024", "2024-07-05"},
      {"viernes, 5 de julio de 2024", "2024-07-05"},
      {"1º de enero de 2024", "2024-01-01"},
      {"15 ene. 2024", "2024-01-15"},
      {"5 de julio del 2024 a las 18:30", "2024-07-05T18:30"},
      {"3 de setiembre de 2024", "2024-09-03"},
      {"12 dic 2023", "2023-12-12"},
      {"5 mar 2024", "2024-03-05"},  // Spanish "mar" is March after a day
  });
}

TEST(Gregorian, ArabicPersianDariUrduPashtoMonthNames) {
  Check({
      {"5 يوليو 2024", "2024-07-05"},
      {"٥ يوليو ٢٠٢٤", "2024-07-05"},
      {"5 تموز 2024", "2024-07-05"},
      {"5 تموز/يوليو 2024", "2024-07-05"},
      {"5 يوليو (تموز) 2024", "2024-07-05"},
      {"15 كانون الثاني 2024", "2024-01-15"},
      {"1 تشرين الأول 2024", "2024-10-01"},
      {"15 جويلية 2024", "2024-07-15"},
      {"5 يوليوز 2024", "2024-07-05"},
      {"الجمعة 5 يوليو 2024 - 06:24 م", "2024-07-05T18:24"},
      {"5 يوليو 2024 10:30 ص", "2024-07-05T10:30"},
      {"5 يوليو 2024م", "2024-07-05"},
      {"۵ ژوئیه ۲۰۲۴", "2024-07-05"},
      {"۵ جولای ۲۰۲۴", "2024-07-05"},
      {"۱ مه ۲۰۲۴", "2024-05-01"},
      {"۱۹ مارس ۲۰۲۴", "2024-03-19"},
      {"۱۵ اوت ۲۰۲۴", "2024-08-15"},
      {"۱۵ آگوست ۲۰۲۴", "2024-08-15"},
      {"۲۳ دسمبر ۲۰۲۴", "2024-12-23"},
      {"5 جولائی 2024", "2024-07-05"},
      {"۵ جولائی ۲۰۲۴ء", "2024-07-05"},
      {"جمعہ 5 جولائی 2024", "2024-07-05"},
      {"12 ستمبر 2024", "2024-09-12"},
      {"۵ جولای ۲۰۲۴ ساعت ۶:۲۴ ب.ظ", "2024-07-05T18:24"},
  });
  // The twelve months of 2025 in Dari, Urdu, Iranian Persian and Pashto.
  const char* dari[12] = {"جنوری", "فبروری", "مارچ", "اپریل", "می", "جون", "جولای", "اگست", "سپتمبر", "اکتوبر", "نومبر", "دسمبر"};
  const char* urdu[12] = {"جنوری", "فروری", "مارچ", "اپریل", "مئی", "جون", "جولائی", "اگست", "ستمبر", "اکتوبر", "نومبر", "دسمبر"};
  const char* iran[12] = {"ژانویه", "فوریه", "مارس", "آوریل", "مه", "ژوئن", "ژوئیه", "اوت", "سپتامبر", "اکتبر", "نوامبر", "دسامبر"};
  const char* pashto[12] = {"جنوري", "فبروري", "مارچ", "اپرېل", "مۍ", "جون", "جولای", "اګست", "سپتمبر", "اکتوبر", "نومبر", "دسمبر"};
  const char* arabic[12] = {"يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر"};
  const char* levant[12] = {"كانون الثاني", "شباط", "آذار", "نيسان", "أيار", "حزيران", "تموز", "آب", "أيلول", "تشرين الأول", "تشرين الثاني", "كانون الأول"};
  for (int m = 0; m < 12; ++m) {
    char want[16];
    std::snprintf(want, sizeof want, "2025-%02d-01", m + 1);
    for (const char* name : {dari[m], urdu[m], iran[m], pashto[m], arabic[m], levant[m]})
      EXPECT_EQ(Parse(std::string("۱ ") + name + " ۲۰۲۵"), want) << name;
  }
}

TEST(Times, TwelveHourMarkersAndZones) {
  Check({
      {"۱۵ تیر ۱۴۰۳ ساعت ۱۱ شب", "2024-07-05T23:00"},
      {"۱۵ تیر ۱۴۰۳ ساعت ۵ عصر", "2024-07-05T17:00"},
      {"۱۵ تیر ۱۴۰۳ ساعت ۸ صبح", "2024-07-05T08:00"},
      {"۱۵ تیر ۱۴۰۳ - ۱۰:۳۰ ق.ظ", "2024-07-05T10:30"},
      {"۱۵ تیر ۱۴۰۳ ساعت ۲:۱۵ بعد از ظهر", "2024-07-05T14:15"},
      {"5 July 2024 06:24 CET", "2024-07-05T06:24+01:00"},
      {"5 July 2024 06:24 CEST", "2024-07-05T06:24+02:00"},
      {"5 July 2024 06:24 EST", "2024-07-05T06:24-05:00"},
      {"5 July 2024 06:24 PDT", "2024-07-05T06:24-07:00"},
      {"5 July 2024 06:24 IST", "2024-07-05T06:24"},  // India, Ireland or Israel: no offset
      {"5 July 2024 06:24 UTC+04:30", "2024-07-05T06:24+04:30"},
      {"5 July 2024 06:24 (UTC)", "2024-07-05T06:24+00:00"},
      {"5 July 2024 06:24 Kabul time", "2024-07-05T06:24+04:30"},
      {"۱۵ سرطان ۱۴۰۳ ساعت ۰۶:۲۴ به وقت کابل", "2024-07-05T06:24+04:30"},
      {"۱۵ سرطان ۱۴۰۳ کابل", "2024-07-05"},  // a place without a time gives no offset
      {"5 يوليو 2024 10:30 بتوقيت مكة", "2024-07-05T10:30+03:00"},
      {"5 يوليو 2024 10:30 بتوقيت غرينتش", "2024-07-05T10:30+00:00"},
  });
  // [Z][J] Tehran: +04:30 in summer 2022 (1401-04-14 = 2022-07-05), +03:30 since 2023.
  EXPECT_EQ(Parse("۱۴ تیر ۱۴۰۱ ساعت ۱۰:۳۰ به وقت تهران"), "2022-07-05T10:30+04:30");
  EXPECT_EQ(Parse("۱۵ تیر ۱۴۰۳ ساعت ۱۰:۳۰ به وقت تهران"), "2024-07-05T10:30+03:30");
  EXPECT_EQ(Parse("2023-07-05 10:00 Tehran"), "2023-07-05T10:00+03:30");
  EXPECT_EQ(Parse("2024-01-05 10:00 Tehran"), "2024-01-05T10:00+03:30");
}

TEST(Relative, NeedsAReference) {
  EXPECT_TRUE(Fails("2 hours ago", "reference"));
  EXPECT_TRUE(Fails("دیروز", "reference"));
  EXPECT_TRUE(Fails("منذ 3 أيام", "reference"));
}

TEST(Relative, EveryLanguage) {
  const DateTime ref = Ref(2024, 7, 5, 10, 0, 270);
  const std::vector<std::pair<const char*, const char*>> cases = {
      {"2 hours ago", "2024-07-05T08:00+04:30"},
      {"an hour ago", "2024-07-05T09:00+04:30"},
      {"15 minutes ago", "2024-07-05T09:45+04:30"},
      {"3 days ago", "2024-07-02"},
      {"2 weeks ago", "2024-06-21"},
      {"yesterday", "2024-07-04"},
      {"today", "2024-07-05"},
      {"Yesterday at 6:24 PM", "2024-07-04T18:24"},
      {"yesterday 24:00", "2024-07-05T00:00"},  // found by fuzzing: 24:00 rolls over here too
      {"vor 2 Stunden", "2024-07-05T08:00+04:30"},
      {"vor einem Tag", "2024-07-04"},
      {"vor 3 Tagen", "2024-07-02"},
      {"gestern", "2024-07-04"},
      {"heute", "2024-07-05"},
      {"gestern, 14:30 Uhr", "2024-07-04T14:30"},
      {"vorgestern", "2024-07-03"},
      {"il y a 3 jours", "2024-07-02"},
      {"il y a une heure", "2024-07-05T09:00+04:30"},
      {"hier", "2024-07-04"},
      {"aujourd'hui", "2024-07-05"},
      {"hace 2 días", "2024-07-03"},
      {"hace una hora", "2024-07-05T09:00+04:30"},
      {"ayer", "2024-07-04"},
      {"hoy", "2024-07-05"},
      {"۲ ساعت پیش", "2024-07-05T08:00+04:30"},
      {"یک ساعت پیش", "2024-07-05T09:00+04:30"},
      {"۲ ساعت و ۱۰ دقیقه پیش", "2024-07-05T07:50+04:30"},
      {"۳ روز قبل", "2024-07-02"},
      {"۲ هفته پیش", "2024-06-21"},
      {"دیروز", "2024-07-04"},
      {"امروز", "2024-07-05"},
      {"امروز ساعت ۰۸:۳۰", "2024-07-05T08:30"},
      {"منذ ساعتين", "2024-07-05T08:00+04:30"},
      {"منذ ساعة", "2024-07-05T09:00+04:30"},
      {"منذ 3 أيام", "2024-07-02"},
      {"منذ ٣ أيام", "2024-07-02"},
      {"منذ يومين", "2024-07-03"},
      {"منذ 5 دقائق", "2024-07-05T09:55+04:30"},
      {"أمس", "2024-07-04"},
      {"اليوم", "2024-07-05"},
      {"2 گھنٹے پہلے", "2024-07-05T08:00+04:30"},
      {"3 دن پہلے", "2024-07-02"},
      {"آج", "2024-07-05"},
      {"۲ ساعته مخکې", "2024-07-05T08:00+04:30"},
      {"۳ ورځې مخکې", "2024-07-02"},
      {"پرون", "2024-07-04"},
  };
  for (const auto& [text, want] : cases) EXPECT_EQ(Parse(text, "", ref), want) << text;
}

TEST(Relative, RolloversAcrossMonthsAndYears) {
  // [J] Python datetime: 2024-03-01T01:30 − 2 h = 2024-02-29T23:30; 2024-03-01 − 3 d =
  // 2024-02-27; 2023-03-01 − 1 d = 2023-02-28; 2025-01-01T00:10 − 15 min = 2024-12-31T23:55.
  EXPECT_EQ(Parse("2 hours ago", "", Ref(2024, 3, 1, 1, 30, 270)), "2024-02-29T23:30+04:30");
  EXPECT_EQ(Parse("3 days ago", "", Ref(2024, 3, 1)), "2024-02-27");
  EXPECT_EQ(Parse("yesterday", "", Ref(2023, 3, 1, 9, 0)), "2023-02-28");
  EXPECT_EQ(Parse("15 minutes ago", "", Ref(2025, 1, 1, 0, 10)), "2024-12-31T23:55");
  EXPECT_EQ(Parse("a month ago", "", Ref(2024, 3, 31)), "2024-02-29");  // clamped to the month's end
  EXPECT_EQ(Parse("1 year ago", "", Ref(2024, 2, 29)), "2023-02-28");
  EXPECT_EQ(Parse("2 hours ago", "", Ref(2024, 7, 5)), "2024-07-05");  // date-only reference
}

TEST(MissingYear, UsesTheNearestYearToTheReference) {
  EXPECT_EQ(Parse("5 July", "", Ref(2024, 7, 10)), "2024-07-05");
  EXPECT_EQ(Parse("31 December", "", Ref(2025, 1, 2)), "2024-12-31");
  EXPECT_EQ(Parse("۱۵ سرطان", "", Ref(2024, 7, 10)), "2024-07-05");
  EXPECT_EQ(Parse("1 رمضان", "", Ref(2024, 3, 20)), "2024-03-11");  // [U]
  EXPECT_TRUE(Fails("5 July", "no year"));
}

TEST(Weekday, StrictModeRejectsAMismatch) {
  DateParseOptions o;
  EXPECT_TRUE(ParseDatePhrase("Thursday, July 5, 2024", o));  // lenient by default
  o.strict_weekday = true;
  std::string why;
  EXPECT_FALSE(ParseDatePhrase("Thursday, July 5, 2024", o, &why));
  EXPECT_NE(why.find("weekday"), std::string::npos);
  EXPECT_TRUE(ParseDatePhrase("جمعه ۱۵ سرطان ۱۴۰۳", o));  // [J] a Friday
  EXPECT_TRUE(ParseDatePhrase("الاثنين 11 مارس 2024", o));  // [U][J] a Monday
  EXPECT_FALSE(ParseDatePhrase("شنبه ۱۵ سرطان ۱۴۰۳", o));
}

TEST(Errors, SayWhy) {
  EXPECT_TRUE(Fails("", "empty"));
  EXPECT_TRUE(Fails("2024", "year alone"));
  EXPECT_TRUE(Fails("© 2024"));
  EXPECT_TRUE(Fails("06:24", "time alone"));
  EXPECT_TRUE(Fails("ساعت ۰۶:۲۴"));
  EXPECT_TRUE(Fails("July 2024", "no day"));
  EXPECT_TRUE(Fails("Kabul"));
  EXPECT_TRUE(Fails("hello world"));
  EXPECT_TRUE(Fails("سرطان معده"));
  EXPECT_TRUE(Fails("5 July 2024 by John Smith", "John"));
  EXPECT_TRUE(Fails("Friday"));
}

TEST(Hostile, NeverCrashes) {
  std::string junk;
  for (int i = 0; i < 4000; ++i) junk += static_cast<char>((i * 7919 + 13) % 256);
  std::string why;
  ParseDatePhrase(junk, {}, &why);
  ParseDatePhrase(std::string(100000, '9'), {}, &why);
  ParseDatePhrase("99999999999999999999 July 2024", {}, &why);
  ParseDatePhrase("\xD8", {}, &why);
  ParseDatePhrase("۱۵ سرطان \xF0\x9F", {}, &why);
  EXPECT_FALSE(ParseDatePhrase("5 July 99999", {}, &why));
  EXPECT_FALSE(ParseDatePhrase("0 July 2024", {}, &why));
  EXPECT_FALSE(ParseDatePhrase("32 July 2024", {}, &why));
}

}  // namespace
}  // namespace matn
