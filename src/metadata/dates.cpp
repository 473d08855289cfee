#include "metadata/dates.h"

#include <chrono>
#include <cstdint>
#include <cstring>

#include "metadata/util.h"

namespace matn::metadata_internal {

namespace {

bool IsLeap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int DaysInMonth(int y, int m) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && IsLeap(y) ? 29 : kDays[m - 1];
}

bool ValidYmd(int y, int m, int d) {
  return y >= 1 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 && d <= DaysInMonth(y, m);
}

DateTime Today() {
  auto now = std::chrono::system_clock::now();
  std::chrono::year_month_day ymd{std::chrono::floor<std::chrono::days>(now)};
  DateTime d;
  d.year = static_cast<int>(ymd.year());
  d.month = static_cast<int>(static_cast<unsigned>(ymd.month()));
  d.day = static_cast<int>(static_cast<unsigned>(ymd.day()));
  return d;
}

}  // namespace

std::optional<DateTime> ParseDateValue(std::string_view s, const DateContext& ctx) {
  std::string v = CollapseWhitespace(s);
  if (v.empty() || v.size() > 200) return std::nullopt;
  DateParseOptions opt;
  opt.lang = ctx.lang;
  opt.reference = ctx.reference;
  std::optional<DateTime> d = ParseDatePhrase(v, opt);
  // A value that starts with a clean ISO day but has a broken tail
  // ("2022-01-10T22:06:08:684Z") still says which day it is.
  if (!d && v.size() > 10 && (v[10] == 'T' || v[10] == ' ')) d = ParseDatePhrase(std::string_view(v).substr(0, 10), opt);
  return d;
}

bool MayHoldDigit(std::string_view raw) {
  auto at = [&](size_t k) { return k < raw.size() ? static_cast<unsigned char>(raw[k]) : 0; };
  bool digit = false;
  for (size_t i = 0; i < raw.size() && !digit; ++i) {
    if (i + 8 <= raw.size()) {  // 8 plain ASCII bytes without a digit at once
      constexpr uint64_t k01 = 0x0101010101010101, k7f = k01 * 0x7F, k80 = k01 * 0x80;
      uint64_t x;
      std::memcpy(&x, raw.data() + i, 8);
      uint64_t lo = x & k7f;
      uint64_t digits = (k01 * (127 + '9' + 1) - lo) & ~x & (lo + k01 * (127 - '0' + 1)) & k80;
      if (!((x & k80) | digits)) {
        i += 7;
        continue;
      }
    }
    unsigned char c = at(i), d = at(i + 1);
    switch (c) {
      case 0xD9: digit = d >= 0xA0 && d <= 0xA9; break;  // U+0660..0669
      case 0xDB: digit = d >= 0xB0 && d <= 0xB9; break;  // U+06F0..06F9
      case 0xEF: digit = d == 0xBC && at(i + 2) >= 0x90 && at(i + 2) <= 0x99; break;  // U+FF10..FF19
      case 0xC0: case 0xC1: digit = true; break;
      case 0xE0: digit = d < 0xA0; break;
      case 0xF0: digit = d < 0x90; break;
      default: digit = c >= '0' && c <= '9';
    }
  }
  return digit;
}

std::vector<DateMatch> FindDatesInText(std::string_view text, const DateContext& ctx) {
  // Most text nodes hold no digit: then they can only hold a relative phrase
  // ("yesterday", "دیروز"), which needs a reference time.
  if (!ctx.reference && !MayHoldDigit(text)) return {};
  DateParseOptions opt;
  opt.lang = ctx.lang;
  opt.reference = ctx.reference;
  return FindDates(text, opt);
}

bool PlausibleDate(const DateTime& d, const DateContext& ctx) {
  if (d.year < 1990 || !ValidYmd(d.year, d.month, d.day)) return false;
  DateTime ref = ctx.reference ? *ctx.reference : Today();
  // One day of slack for time zones.
  long a = d.year * 400L + d.month * 32L + d.day;
  long b = ref.year * 400L + ref.month * 32L + ref.day + 1;
  return a <= b;
}

std::optional<DateTime> DateFromUrl(std::string_view url) {
  // Only the path: hosts and query strings carry ids that look like dates.
  size_t p = url.find("://");
  p = url.find('/', p == std::string_view::npos ? 0 : p + 3);
  if (p == std::string_view::npos) return std::nullopt;
  std::string_view path = url.substr(p);
  size_t q = path.find_first_of("?#");
  if (q != std::string_view::npos) path = path.substr(0, q);
  auto num = [&](size_t b, size_t n, int* out) {
    if (b + n > path.size()) return false;
    int v = 0;
    for (size_t i = b; i < b + n; ++i) {
      if (path[i] < '0' || path[i] > '9') return false;
      v = v * 10 + (path[i] - '0');
    }
    *out = v;
    return true;
  };
  for (size_t i = 0; i + 1 < path.size(); ++i) {
    if (path[i] != '/' && path[i] != '-' && path[i] != '_') continue;
    size_t b = i + 1;
    int y, m, d;
    // /29-10-2021 and /29.10.2021: day first, as European CMSs write it in slugs.
    if (num(b, 2, &d) && b + 10 <= path.size() && (path[b + 2] == '-' || path[b + 2] == '.') &&
        path[b + 5] == path[b + 2] && num(b + 3, 2, &m) && num(b + 6, 4, &y) && y >= 1990 && y <= 2100 &&
        (b + 10 == path.size() || path[b + 10] < '0' || path[b + 10] > '9') && ValidYmd(y, m, d)) {
      DateTime r;
      r.year = y;
      r.month = m;
      r.day = d;
      return r;
    }
    if (!num(b, 4, &y) || y < 1990 || y > 2100) continue;
    char sep = b + 4 < path.size() ? path[b + 4] : 0;
    if (sep == '/' || sep == '-' || sep == '_') {
      size_t mb = b + 5;
      size_t ml = (mb + 1 < path.size() && path[mb + 1] >= '0' && path[mb + 1] <= '9') ? 2 : 1;
      if (!num(mb, ml, &m)) continue;
      size_t db = mb + ml + 1;
      if (db - 1 >= path.size() || path[db - 1] != sep) continue;
      size_t dl = (db + 1 < path.size() && path[db + 1] >= '0' && path[db + 1] <= '9') ? 2 : 1;
      if (!num(db, dl, &d)) continue;
      size_t after = db + dl;
      if (after < path.size() && path[after] >= '0' && path[after] <= '9') continue;
      if (ValidYmd(y, m, d)) {
        DateTime r;
        r.year = y;
        r.month = m;
        r.day = d;
        return r;
      }
    } else if (num(b + 4, 4, &m)) {
      // /20240705/ — only as a whole segment, or the number is an id.
      size_t after = b + 8;
      if (after < path.size() && path[after] != '/' && path[after] != '-' && path[after] != '_' &&
          path[after] != '.')
        continue;
      d = m % 100;
      m /= 100;
      if (ValidYmd(y, m, d)) {
        DateTime r;
        r.year = y;
        r.month = m;
        r.day = d;
        return r;
      }
    }
  }
  return std::nullopt;
}

std::string FormatIso(const DateTime& d) { return d.ToIso(); }

}  // namespace matn::metadata_internal
