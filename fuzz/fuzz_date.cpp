// libFuzzer target: the date parser. ParseDatePhrase and FindDates on any
// text, with a language hint and an optional reference picked by the first byte.
// Invariants: every result is a real Gregorian date with a time in range;
// FindDates' ranges lie inside the text, in order, without overlap; the ISO
// form of a parsed date parses back to the same value; a why_not reason is
// given for every failure.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "matn/calendar.h"
#include "matn/encoding.h"

namespace {

void Check(bool ok) {
  if (!ok) std::abort();
}

constexpr std::string_view kLangs[] = {"", "fa", "prs", "ps", "ar", "ur", "en", "en-GB", "de", "fr", "es", "tr", "ru", "pt", "it", "nl"};

bool Leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

void CheckValue(const matn::DateTime& d) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  Check(d.month >= 1 && d.month <= 12);
  Check(d.day >= 1 && d.day <= kDays[d.month - 1] + (d.month == 2 && Leap(d.year)));
  Check(d.hour >= -1 && d.hour <= 23);
  Check(d.minute >= -1 && d.minute <= 59 && d.second >= -1 && d.second <= 60);
  Check(d.hour >= 0 || (d.minute < 0 && d.second < 0 && !d.has_offset));
  Check(!d.has_offset || (d.offset_minutes > -24 * 60 && d.offset_minutes < 24 * 60));
  std::string iso = d.ToIso();
  Check(matn::IsValidUtf8(iso) && iso.size() >= 10);
  // ISO 8601 without expanded years; numeric years 1300–1500 read as Hijri (calendar.h).
  if (d.year >= 1000 && d.year <= 9999 && (d.year < 1300 || d.year > 1500)) {
    auto back = matn::ParseDatePhrase(iso);
    Check(back.has_value());
    Check(back->year == d.year && back->month == d.month && back->day == d.day && back->hour == d.hour &&
          back->minute == d.minute && back->has_offset == d.has_offset &&
          (!d.has_offset || back->offset_minutes == d.offset_minutes));
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 1) return 0;
  const uint8_t ctl = data[0];
  std::string text;
  matn::DecodeOptions dopt;
  dopt.transport_charset = "utf-8";
  dopt.detect = false;
  Check(matn::DecodeToUtf8(std::string_view(reinterpret_cast<const char*>(data) + 1, size - 1), &text, nullptr, dopt).ok());

  matn::DateParseOptions opt;
  opt.lang = kLangs[ctl % std::size(kLangs)];
  opt.strict_weekday = ctl & 0x10;
  if (ctl & 0x20) {
    matn::DateTime ref;
    ref.year = 2024, ref.month = 2, ref.day = 29;
    if (ctl & 0x40) ref.hour = 23, ref.minute = 59, ref.second = 30, ref.has_offset = true, ref.offset_minutes = 270;
    opt.reference = ref;
  }
  std::string why;
  auto d = matn::ParseDatePhrase(text, opt, &why);
  if (d) CheckValue(*d);
  else Check(!why.empty());

  size_t last_end = 0;
  for (const matn::DateMatch& m : matn::FindDates(text, opt)) {
    Check(m.begin < m.end && m.end <= text.size() && m.begin >= last_end);
    last_end = m.end;
    Check(!m.relative || opt.reference.has_value());
    CheckValue(m.value);
  }
  return 0;
}
