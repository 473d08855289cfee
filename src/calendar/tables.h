// Vocabulary of date phrases: every word matn knows, in one table (tables.cpp).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace matn::cal {

enum class Kind : uint8_t {
  kMonth,       // a = CalendarKind, b = month 1..12
  kWeekday,     // b = ISO weekday 1 (Monday) .. 7 (Sunday)
  kUnit,        // a = Unit, b = count the word implies (Arabic dual "ساعتين" = 2, "ساعة" = 1), 0 = none
  kAgoBefore,   // "vor", "hace", "il y a", "منذ"
  kAgoAfter,    // "ago", "پیش", "قبل", "پہلے", "مخکې"
  kRelDay,      // b = day offset (−1 yesterday); a = 1 for "now"
  kNumber,      // b = 1..10 ("an", "einer", "یک")
  kDateFiller,  // inside a date: "de", "of", "the", "د", "ماه", "برج", "سال", "کال"
  kTimeIntro,   // before a time: "at", "um", "à", "a las", "ساعت", "الساعة"
  kTimeSuffix,  // after a time: "Uhr", "h", "بجے"
  kAmPm,        // b = AmPm
  kEra,         // b = Era
  kZone,        // value = offset minutes; a = 1 when the abbreviation is ambiguous (no offset)
  kPlace,       // b = index into kPlaceZones
  kZonePrefix,  // "به وقت", "بتوقيت", "time" (next to a place)
  kOrdinal,     // tight after a day: "st", "th", "er", "º", "ام", "مه"
  kEquiv,       // joins two spellings of one date: "الموافق", "برابر با"
  kConj,        // "and", "و", "und"
  kLabel,       // ignorable around a phrase: "Published", "تاریخ", "Stand"
  kStarter,     // first word of a multi-word spelling that can begin a phrase ("il" of "il y a")
  kCjkMark,     // after a number: b = 1 year (年, 년), 2 month (月, 월), 3 day (日, 号, 일),
                // 4 hour (时, 時, 点, 시), 5 minute (分, 분), 6 second (秒, 초)
  kCjkEra,      // Japanese era (令和): b = the Gregorian year before its first year
};

enum Unit : uint8_t { kSecond, kMinute, kHour, kDay, kWeek, kMonthUnit, kYear };
enum AmPm : uint8_t { kAm, kPm, kNight, kNoon, kMorning };
enum Era : uint8_t { kEraGregorian, kEraSolar, kEraLunar, kEraHijri /* either; lunar unless solar is said */ };

// Flags.
constexpr uint8_t kCommonWord = 1;   // also an everyday word: FindDates wants a year with it
constexpr uint8_t kNeedsPunct = 2;   // weekday abbreviation only when followed by '.' or ','
constexpr uint8_t kInParens = 4;     // weekday only inside parentheses after a date: 2021年7月5日(月)

// Han and kana: scripts written without spaces. The tokenizer makes each such
// character a word of its own, and the matcher joins up to three adjacent words,
// so "昨天" or "小时" are looked up as one.
inline bool IsUnspacedCjk(char32_t c) {
  return (c >= 0x3040 && c <= 0x30FF) || (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF) ||
         (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x20000 && c <= 0x3FFFF) || c == 0x3005 /* 々 */;
}

struct Meaning {
  Kind kind;
  uint8_t a = 0;
  int16_t b = 0;
  uint8_t flags = 0;
};

// Meanings of a normalized word (see Normalize), or {nullptr, 0}.
struct Meanings {
  const Meaning* data = nullptr;
  size_t size = 0;
  const Meaning* Find(Kind k) const {
    for (size_t i = 0; i < size; ++i)
      if (data[i].kind == k) return &data[i];
    return nullptr;
  }
};
Meanings Lookup(std::string_view normalized);
// Kinds of words a date phrase can begin with (besides digits).
bool CanStartKind(Kind k);

// IANA zone of a kPlace meaning.
const char* PlaceZone(int index);

// Folds a word for lookup: lowercase, Latin accents dropped, Arabic-script letter
// variants unified (ي ى ې ۍ ئ → ی, ك → ک, ة ہ ھ ۀ → ه, أ إ آ → ا, ګ → گ, ښ → ش, ږ → ژ,
// ړ → ر), diacritics, tatweel, ZWNJ/ZWJ and apostrophes removed.
void AppendNormalized(std::string_view word, std::string* out);

}  // namespace matn::cal
