// A reference time for relative phrases in the calendar tests: the fields a
// test names, the rest left unknown (-1), as DateTime says.
#pragma once

#include "matn/calendar.h"

namespace matn {

inline DateTime Ref(int y, int m, int d, int h = -1, int mi = -1) {
  DateTime r;
  r.year = y, r.month = m, r.day = d, r.hour = h, r.minute = mi;
  return r;
}

}  // namespace matn
