// Calendar arithmetic: days since 1970-01-01 ("epoch days") in every calendar.
#pragma once

#include <cstdint>
#include <optional>

#include "matn/calendar.h"

namespace matn::cal {

struct Ymd {
  int y = 0, m = 0, d = 0;
};

// Proleptic Gregorian (Hinnant's civil algorithms, no ICU: ICU's Gregorian
// calendar turns Julian before 1582).
int64_t DaysFromCivil(int y, int m, int d);
Ymd CivilFromDays(int64_t days);
int DaysInGregorianMonth(int y, int m);
// ISO weekday, 1 = Monday.
int IsoWeekday(int64_t days);

// The epoch day of y/m/d in `cal`, or nullopt if that day does not exist; when
// `max_day` is given it receives the length of that month (0 if the month is invalid).
std::optional<int64_t> ToEpochDays(CalendarKind cal, int y, int m, int d, int* max_day = nullptr);
// y/m/d in `cal` of an epoch day.
Ymd FromEpochDays(CalendarKind cal, int64_t days);

// UTC offset in minutes of IANA zone `zone` at a local wall time, or nullopt.
std::optional<int> ZoneOffsetAt(const char* zone, int64_t days, int minute_of_day);

}  // namespace matn::cal
