#include "calendar/convert.h"

#include <unicode/calendar.h>
#include <unicode/timezone.h>

#include <cmath>
#include <map>
#include <memory>
#include <string>

namespace matn::cal {
namespace {

constexpr double kMsPerDay = 86400000.0;

// One ICU calendar per thread and kind: creating one costs far more than using it.
icu::Calendar* IcuCalendar(CalendarKind cal) {
  thread_local std::unique_ptr<icu::Calendar> solar, lunar;
  std::unique_ptr<icu::Calendar>& slot = cal == CalendarKind::kSolarHijri ? solar : lunar;
  if (!slot) {
    UErrorCode st = U_ZERO_ERROR;
    // Dari (fa_AF) and Pashto use the same arithmetic as Iran.
    const char* locale = cal == CalendarKind::kSolarHijri ? "fa_IR@calendar=persian"
                                                          : "ar_SA@calendar=islamic-umalqura";
    slot.reset(icu::Calendar::createInstance(icu::TimeZone::getGMT()->clone(), icu::Locale(locale), st));
    if (U_FAILURE(st)) slot.reset();
    if (slot) slot->setLenient(false);
  }
  return slot.get();
}

}  // namespace

int64_t DaysFromCivil(int y, int m, int d) {
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int64_t>(doe) - 719468;
}

Ymd CivilFromDays(int64_t z) {
  z += 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const int d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  const int m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  return {static_cast<int>(yoe + era * 400 + (m <= 2)), m, d};
}

int DaysInGregorianMonth(int y, int m) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (m == 2) return (y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)) ? 29 : 28;
  return kDays[m - 1];
}

int IsoWeekday(int64_t days) {
  int64_t w = (days + 3) % 7;  // 1970-01-01 was a Thursday
  if (w < 0) w += 7;
  return static_cast<int>(w) + 1;
}

std::optional<int64_t> ToEpochDays(CalendarKind cal, int y, int m, int d, int* max_day) {
  if (max_day) *max_day = 0;
  if (y < 1 || y > 9999 || m < 1 || m > 12 || d < 1) return std::nullopt;
  if (cal == CalendarKind::kGregorian) {
    int md = DaysInGregorianMonth(y, m);
    if (max_day) *max_day = md;
    if (d > md) return std::nullopt;
    return DaysFromCivil(y, m, d);
  }
  icu::Calendar* c = IcuCalendar(cal);
  if (!c) return std::nullopt;
  UErrorCode st = U_ZERO_ERROR;
  c->clear();
  c->set(UCAL_ERA, 0);
  c->set(UCAL_YEAR, y);
  c->set(UCAL_MONTH, m - 1);
  c->set(UCAL_DATE, 1);
  int md = c->getActualMaximum(UCAL_DATE, st);
  if (U_FAILURE(st)) return std::nullopt;
  if (max_day) *max_day = md;
  if (d > md) return std::nullopt;
  c->set(UCAL_DATE, d);
  UDate t = c->getTime(st);
  if (U_FAILURE(st)) return std::nullopt;
  return static_cast<int64_t>(std::floor(t / kMsPerDay));
}

Ymd FromEpochDays(CalendarKind cal, int64_t days) {
  if (cal == CalendarKind::kGregorian) return CivilFromDays(days);
  icu::Calendar* c = IcuCalendar(cal);
  if (!c) return {};
  UErrorCode st = U_ZERO_ERROR;
  c->clear();
  c->setTime(static_cast<double>(days) * kMsPerDay, st);
  Ymd r{c->get(UCAL_YEAR, st), c->get(UCAL_MONTH, st) + 1, c->get(UCAL_DATE, st)};
  return U_FAILURE(st) ? Ymd{} : r;
}

std::optional<int> ZoneOffsetAt(const char* zone, int64_t days, int minute_of_day) {
  thread_local std::map<std::string, std::unique_ptr<icu::TimeZone>> zones;
  std::unique_ptr<icu::TimeZone>& tz = zones[zone];
  if (!tz) tz.reset(icu::TimeZone::createTimeZone(icu::UnicodeString::fromUTF8(zone)));
  UErrorCode st = U_ZERO_ERROR;
  int32_t raw = 0, dst = 0;
  tz->getOffset(static_cast<double>(days) * kMsPerDay + minute_of_day * 60000.0, /*local=*/true, raw, dst, st);
  if (U_FAILURE(st)) return std::nullopt;
  return (raw + dst) / 60000;
}

}  // namespace matn::cal

namespace matn {

const char* CalendarName(CalendarKind kind) {
  switch (kind) {
    case CalendarKind::kGregorian: return "gregorian";
    case CalendarKind::kSolarHijri: return "solar-hijri";
    case CalendarKind::kLunarHijri: return "lunar-hijri";
  }
  return "gregorian";
}

std::optional<DateTime> ToGregorian(CalendarKind calendar, int year, int month, int day) {
  auto days = cal::ToEpochDays(calendar, year, month, day);
  if (!days) return std::nullopt;
  cal::Ymd g = cal::CivilFromDays(*days);
  DateTime dt;
  dt.year = g.y;
  dt.month = g.m;
  dt.day = g.d;
  return dt;
}

}  // namespace matn
