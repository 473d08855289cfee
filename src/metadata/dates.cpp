#include "metadata/dates.h"

#include <chrono>
#include <cstdio>

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

// ---- A small tokenizer and pattern matcher for Latin-script dates. ----------

struct Tok {
  enum Kind { kNum, kWord, kPunct };
  Tok(Kind k, size_t b, size_t e) : kind(k), begin(b), end(e) {}
  Kind kind;
  size_t begin, end;
  int value = 0;     // numbers
  int digits = 0;    // numbers
  std::string word;  // lowercased words
  char punct = 0;
};

std::vector<Tok> Tokenize(std::string_view s, size_t max_tokens) {
  std::vector<Tok> out;
  size_t i = 0;
  while (i < s.size() && out.size() < max_tokens) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c >= '0' && c <= '9') {
      Tok t(Tok::kNum, i, i);
      while (i < s.size() && s[i] >= '0' && s[i] <= '9') {
        if (t.digits < 9) t.value = t.value * 10 + (s[i] - '0');
        ++t.digits;
        ++i;
      }
      t.end = i;
      out.push_back(std::move(t));
    } else if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') {
      Tok t(Tok::kWord, i, i);
      while (i < s.size()) {
        unsigned char d = static_cast<unsigned char>(s[i]);
        if (!(((d | 0x20) >= 'a' && (d | 0x20) <= 'z') || d >= 0x80)) break;
        ++i;
      }
      t.end = i;
      t.word = LowerAscii(s.substr(t.begin, i - t.begin));
      out.push_back(std::move(t));
    } else if (c >= 0x80) {
      // Non-Latin letters: one opaque word, so they separate patterns.
      Tok t(Tok::kWord, i, i);
      while (i < s.size() && static_cast<unsigned char>(s[i]) >= 0x80) ++i;
      t.end = i;
      out.push_back(std::move(t));
    } else if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      ++i;
    } else {
      Tok t(Tok::kPunct, i, i + 1);
      t.punct = static_cast<char>(c);
      out.push_back(std::move(t));
      ++i;
    }
  }
  return out;
}

int MonthFromWord(std::string_view w) {
  static constexpr struct { std::string_view name; int month; } kMonths[] = {
      // English
      {"january", 1}, {"february", 2}, {"march", 3}, {"april", 4}, {"may", 5}, {"june", 6},
      {"july", 7}, {"august", 8}, {"september", 9}, {"october", 10}, {"november", 11},
      {"december", 12}, {"jan", 1}, {"feb", 2}, {"mar", 3}, {"apr", 4}, {"jun", 6}, {"jul", 7},
      {"aug", 8}, {"sep", 9}, {"sept", 9}, {"oct", 10}, {"nov", 11}, {"dec", 12},
      // German
      {"januar", 1}, {"j\xc3\xa4nner", 1}, {"februar", 2}, {"m\xc3\xa4rz", 3}, {"maerz", 3},
      {"mai", 5}, {"juni", 6}, {"juli", 7}, {"oktober", 10}, {"dezember", 12},
      {"m\xc3\xa4r", 3}, {"okt", 10}, {"dez", 12},
      // French
      {"janvier", 1}, {"f\xc3\xa9vrier", 2}, {"fevrier", 2}, {"mars", 3}, {"avril", 4},
      {"juin", 6}, {"juillet", 7}, {"ao\xc3\xbbt", 8}, {"aout", 8}, {"septembre", 9},
      {"octobre", 10}, {"novembre", 11}, {"d\xc3\xa9" "cembre", 12}, {"decembre", 12},
      // Spanish
      {"enero", 1}, {"febrero", 2}, {"marzo", 3}, {"abril", 4}, {"mayo", 5}, {"junio", 6},
      {"julio", 7}, {"agosto", 8}, {"septiembre", 9}, {"setiembre", 9}, {"octubre", 10},
      {"noviembre", 11}, {"diciembre", 12},
  };
  for (const auto& m : kMonths)
    if (m.name == w) return m.month;
  return 0;
}

bool IsPunct(const std::vector<Tok>& t, size_t i, char c) {
  return i < t.size() && t[i].kind == Tok::kPunct && t[i].punct == c;
}
bool IsNum(const std::vector<Tok>& t, size_t i, int min_digits, int max_digits) {
  return i < t.size() && t[i].kind == Tok::kNum && t[i].digits >= min_digits &&
         t[i].digits <= max_digits;
}
// Tokens must be adjacent in the text (no gap) for numeric patterns.
bool Adjacent(const std::vector<Tok>& t, size_t a, size_t b) { return t[a].end == t[b].begin; }

// An optional time after a date: [T] HH:MM[:SS[.fff]] [Z|+HH[:]MM]. Advances *i.
void MatchTime(const std::vector<Tok>& t, size_t* i, DateTime* d, bool iso) {
  size_t k = *i;
  if (k < t.size() && t[k].kind == Tok::kWord && t[k].word == "t") ++k;
  else if (iso && k < t.size() && t[k].kind == Tok::kNum && t[k].digits == 2 && t[k].value <= 23 &&
           k + 1 < t.size() && IsPunct(t, k + 1, ':'))
    ;  // "2024-07-05 06:24"
  else if (!iso) return;
  if (!(IsNum(t, k, 1, 2) && IsPunct(t, k + 1, ':') && IsNum(t, k + 2, 2, 2))) return;
  int h = t[k].value, m = t[k + 2].value, sec = -1;
  k += 3;
  if (IsPunct(t, k, ':') && IsNum(t, k + 1, 2, 2)) {
    sec = t[k + 1].value;
    k += 2;
    if (IsPunct(t, k, '.') && IsNum(t, k + 1, 1, 9)) k += 2;
  }
  if (h > 23 || m > 59 || sec > 60) return;
  d->hour = h;
  d->minute = m;
  d->second = sec;
  // The tokenizer glues "00Z" as number + word "z"; "+04:30", "+0430", "-05".
  if (k < t.size() && t[k].kind == Tok::kWord && t[k].word == "z" && Adjacent(t, k - 1, k)) {
    d->has_offset = true;
    d->offset_minutes = 0;
    ++k;
  } else if (k < t.size() && (IsPunct(t, k, '+') || IsPunct(t, k, '-')) && IsNum(t, k + 1, 2, 4)) {
    int sign = t[k].punct == '-' ? -1 : 1;
    int oh = 0, om = 0;
    if (t[k + 1].digits == 4) {
      oh = t[k + 1].value / 100;
      om = t[k + 1].value % 100;
      k += 2;
    } else if (t[k + 1].digits == 2) {
      oh = t[k + 1].value;
      k += 2;
      if (IsPunct(t, k, ':') && IsNum(t, k + 1, 2, 2)) {
        om = t[k + 1].value;
        k += 2;
      }
    }
    if (oh <= 14 && om < 60) {
      d->has_offset = true;
      d->offset_minutes = sign * (oh * 60 + om);
    }
  }
  *i = k;
}

// Tries every pattern at token i; on success fills *m and returns the next token index.
size_t MatchAt(const std::vector<Tok>& t, size_t i, std::string_view lang, DateMatch* m) {
  DateTime d;
  size_t k = i;
  const Tok& a = t[i];
  if (a.kind == Tok::kNum) {
    // YYYY-MM-DD, YYYY/MM/DD, YYYY.MM.DD
    if (a.digits == 4 && k + 4 < t.size() && IsNum(t, k + 2, 1, 2) &&
        IsNum(t, k + 4, 1, 2) && t[k + 1].kind == Tok::kPunct && IsPunct(t, k + 3, t[k + 1].punct) &&
        (t[k + 1].punct == '-' || t[k + 1].punct == '/' || t[k + 1].punct == '.') &&
        Adjacent(t, k, k + 1) && Adjacent(t, k + 1, k + 2) && Adjacent(t, k + 3, k + 4)) {
      d.year = a.value;
      d.month = t[k + 2].value;
      d.day = t[k + 4].value;
      k += 5;
      if (ValidYmd(d.year, d.month, d.day)) {
        MatchTime(t, &k, &d, true);
        m->value = d;
        m->begin = a.begin;
        m->end = t[k - 1].end;
        return k;
      }
      return 0;
    }
    // DD.MM.YYYY, DD/MM/YYYY, DD-MM-YYYY, DD.MM.YY
    if (a.digits <= 2 && IsNum(t, k + 2, 1, 2) && t.size() > k + 4 && t[k + 1].kind == Tok::kPunct &&
        IsPunct(t, k + 3, t[k + 1].punct) && t[k + 4].kind == Tok::kNum &&
        (t[k + 4].digits == 4 || (t[k + 4].digits == 2 && t[k + 1].punct == '.')) &&
        (t[k + 1].punct == '.' || t[k + 1].punct == '/' || t[k + 1].punct == '-') &&
        Adjacent(t, k, k + 1) && Adjacent(t, k + 1, k + 2) && Adjacent(t, k + 3, k + 4)) {
      int x = a.value, y = t[k + 2].value;
      d.year = t[k + 4].digits == 2 ? 2000 + t[k + 4].value : t[k + 4].value;
      bool us = t[k + 1].punct == '/' && StartsWith(LowerAscii(lang), "en");
      if (x > 12) us = false;
      if (y > 12) us = true;
      d.day = us ? y : x;
      d.month = us ? x : y;
      k += 5;
      if (!ValidYmd(d.year, d.month, d.day)) return 0;
      m->value = d;
      m->begin = a.begin;
      m->end = t[k - 1].end;
      return k;
    }
    // D[.] Month[.|,] YYYY
    if (a.digits <= 2 && a.value >= 1 && a.value <= 31) {
      size_t j = k + 1;
      if (IsPunct(t, j, '.')) ++j;
      if (j < t.size() && t[j].kind == Tok::kWord) {
        int mon = MonthFromWord(t[j].word);
        size_t y = j + 1;
        if (IsPunct(t, y, '.') || IsPunct(t, y, ',')) ++y;
        if (mon && IsNum(t, y, 4, 4) && ValidYmd(t[y].value, mon, a.value)) {
          d.year = t[y].value;
          d.month = mon;
          d.day = a.value;
          m->value = d;
          m->begin = a.begin;
          m->end = t[y].end;
          return y + 1;
        }
      }
    }
    return 0;
  }
  // Month[.] D[st|nd|rd|th][,] YYYY
  if (a.kind == Tok::kWord) {
    int mon = MonthFromWord(a.word);
    if (!mon) return 0;
    size_t j = k + 1;
    if (IsPunct(t, j, '.')) ++j;
    if (!IsNum(t, j, 1, 2)) return 0;
    int day = t[j].value;
    size_t y = j + 1;
    if (y < t.size() && t[y].kind == Tok::kWord &&
        (t[y].word == "st" || t[y].word == "nd" || t[y].word == "rd" || t[y].word == "th"))
      ++y;
    if (IsPunct(t, y, ',')) ++y;
    if (IsNum(t, y, 4, 4) && ValidYmd(t[y].value, mon, day)) {
      d.year = t[y].value;
      d.month = mon;
      d.day = day;
      m->value = d;
      m->begin = a.begin;
      m->end = t[y].end;
      return y + 1;
    }
  }
  return 0;
}

std::vector<DateMatch> FallbackFind(std::string_view text, std::string_view lang, size_t limit) {
  std::vector<DateMatch> out;
  std::vector<Tok> toks = Tokenize(text, 20000);
  for (size_t i = 0; i < toks.size() && out.size() < limit;) {
    DateMatch m;
    size_t next = MatchAt(toks, i, lang, &m);
    if (next > i) {
      out.push_back(m);
      i = next;
    } else {
      ++i;
    }
  }
  return out;
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
  // Compact YYYYMMDD[HHMMSS] as some CMSs write in meta values.
  if (v.size() >= 8 && v.find_first_not_of("0123456789") >= 8) {
    int y = std::stoi(v.substr(0, 4)), mo = std::stoi(v.substr(4, 2)), d = std::stoi(v.substr(6, 2));
    if ((v.size() == 8 || v.size() == 12 || v.size() == 14) && ValidYmd(y, mo, d)) {
      DateTime r;
      r.year = y;
      r.month = mo;
      r.day = d;
      return r;
    }
  }
  std::vector<DateMatch> found = FallbackFind(v, ctx.lang, 1);
  if (!found.empty() && found[0].begin < 40) return found[0].value;
  return std::nullopt;
}

std::vector<DateMatch> FindDatesInText(std::string_view text, const DateContext& ctx) {
  return FallbackFind(text, ctx.lang, 64);
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

std::string FormatIso(const DateTime& d) {
  char buf[64];
  int n = std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year, d.month, d.day);
  std::string out(buf, static_cast<size_t>(n));
  if (d.hour >= 0 && d.minute >= 0) {
    n = std::snprintf(buf, sizeof buf, "T%02d:%02d", d.hour, d.minute);
    out.append(buf, static_cast<size_t>(n));
    if (d.second >= 0) {
      n = std::snprintf(buf, sizeof buf, ":%02d", d.second);
      out.append(buf, static_cast<size_t>(n));
    }
    if (d.has_offset) {
      if (d.offset_minutes == 0) {
        out.push_back('Z');
      } else {
        int o = d.offset_minutes < 0 ? -d.offset_minutes : d.offset_minutes;
        n = std::snprintf(buf, sizeof buf, "%c%02d:%02d", d.offset_minutes < 0 ? '-' : '+', o / 60,
                          o % 60);
        out.append(buf, static_cast<size_t>(n));
      }
    }
  }
  return out;
}

}  // namespace matn::metadata_internal
