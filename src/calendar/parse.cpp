// Date phrases → DateTime: a bounded matcher run over the tokens of tokenize.h.
//
// MatchAt(k) tries, from token k: [weekday] then a relative phrase, a numeric
// date, a textual date (day-month-year, month-day-year, year-month-day), or a
// time followed by a date; then a trailing time and zone. Every step looks at a
// fixed number of tokens, so one attempt is O(1) and a scan of the text is linear.
#include <algorithm>
#include <cstdlib>
#include <cstdio>
#include <iterator>
#include <string>
#include <vector>

#include "calendar/convert.h"
#include "calendar/tables.h"
#include "calendar/tokenize.h"
#include "matn/calendar.h"

namespace matn {
namespace cal {
namespace {

struct Zone {
  enum Type { kNone, kFixed, kPlace, kUnknown } type = kNone;
  int minutes = 0;
  int place = -1;
};

struct TimeOfDay {
  int h = -1, m = -1, s = -1;
  Zone zone;
};

// A date as written, before validation.
struct Core {
  CalendarKind cal = CalendarKind::kGregorian;
  int y = -1, m = 0, d = 0;
  int ydigits = 0;           // 2 = two-digit year
  int alt_m = 0, alt_d = 0;  // the other order of an ambiguous numeric date
  bool common_month = false;
  const Meaning* month = nullptr;
};

struct Found {
  DateTime dt;
  CalendarKind cal = CalendarKind::kGregorian;
  bool relative = false;
  size_t first = 0, end = 0;  // token range
};

std::string LangPrefix(std::string_view lang) {
  std::string p;
  for (char c : lang) {
    if (c == '-' || c == '_') break;
    p.push_back(static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c));
  }
  return p;
}

bool MonthFirstLang(std::string_view lang) {
  if (LangPrefix(lang) != "en") return false;
  std::string region;
  size_t sep = lang.find_first_of("-_");
  if (sep != std::string_view::npos)
    for (char c : lang.substr(sep + 1)) region.push_back(static_cast<char>(c >= 'a' && c <= 'z' ? c - 32 : c));
  for (const char* r : {"GB", "AU", "NZ", "IE", "IN", "ZA"})
    if (region == r) return false;
  return true;
}

const char* MonthLabel(CalendarKind cal, int m) {
  static const char* const kNames[3][12] = {
      {"January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
       "November", "December"},
      {"Farvardin (Hamal)", "Ordibehesht (Sawr)", "Khordad (Jawza)", "Tir (Saratan)", "Mordad (Asad)",
       "Shahrivar (Sonbola)", "Mehr (Mizan)", "Aban (Aqrab)", "Azar (Qaws)", "Dey (Jadi)", "Bahman (Dalw)",
       "Esfand (Hut)"},
      {"Muharram", "Safar", "Rabi al-Awwal", "Rabi al-Thani", "Jumada al-Ula", "Jumada al-Akhirah", "Rajab",
       "Shaban", "Ramadan", "Shawwal", "Dhu al-Qadah", "Dhu al-Hijjah"}};
  return m >= 1 && m <= 12 ? kNames[static_cast<int>(cal)][m - 1] : "?";
}

class Matcher {
 public:
  Matcher(const std::vector<Token>& t, const DateParseOptions& o, bool find_mode, std::string_view text = {})
      : t_(t), n_(t.size()), o_(o), find_(find_mode), text_(text) {
    if (o.reference) {
      const DateTime& r = *o.reference;
      ref_days_ = DaysFromCivil(r.year, r.month, r.day);
    }
  }

  std::optional<Found> MatchAt(size_t k) {
    size_t j = k;
    int wd = 0;
    if (Weekday(j, &wd)) SkipFillers(j, 1);
    Found f;
    f.first = k;
    if (wd == 0 && Relative(j, &f)) return f;
    Core core;
    TimeOfDay tm;
    bool got = Numeric(j, &core) || CjkDate(j, &core) || Textual(j, &core);
    if (got) {
      // "2021/07/05(月)", "05.07.2024 (Freitag)": a weekday in parentheses after the date.
      if (const Meaning* w; IsPunct(j, '(') && Word(j + 1, Kind::kWeekday, &w)) {
        size_t q = j + 1 + Word(j + 1, Kind::kWeekday);
        if (IsPunct(q, '.') && Tight(q)) ++q;
        if (IsPunct(q, ')')) j = q + 1, wd = wd ? wd : w->b;
      }
      TrailingTime(j, &tm);
      // asctime and date(1) put the year after the time: "Fri Jul  5 06:24:00 UTC 2024".
      if (core.y < 0 && tm.h >= 0 && IsDigits(j) && t_[j].ndigits == 4) {
        size_t q = j;
        int y, nd;
        if (Year(q, &y, &nd)) core.y = y, core.ydigits = nd, j = q;
      }
    } else {
      size_t q = j;
      if (!Time(q, &tm)) return std::nullopt;
      for (int i = 0; i < 2 && q < n_ && IsSeparator(q); ++i) ++q;
      if (wd == 0 && Weekday(q, &wd)) SkipFillers(q, 1);
      if (!(Numeric(q, &core) || CjkDate(q, &core) || Textual(q, &core))) {
        Fail(q, "a time alone is not a date");
        return std::nullopt;
      }
      j = q;
    }
    if (!Finish(core, wd, tm, &f)) return std::nullopt;
    f.end = j;
    return f;
  }

  // A word of `kind` at k, joining up to three adjacent words (across spaces or a
  // tight '-', '.' or apostrophe). Returns the tokens consumed, 0 if none.
  int Word(size_t k, Kind kind, const Meaning** out = nullptr) const {
    if (k >= n_ || t_[k].kind != TokKind::kWord) return 0;
    // The matcher asks for several kinds at one position: the joined words and
    // their meanings are kept for the last few positions.
    Memo& e = memo_[k % std::size(memo_)];
    if (e.k != k) {
      e.k = k;
      e.cnt = 0;
      key_.clear();
      size_t j = k;
      while (e.cnt < 3 && j < n_) {
        if (e.cnt > 0 && t_[j].kind != TokKind::kWord) {
          char32_t p = t_[j].kind == TokKind::kPunct ? t_[j].punct : 0;
          if (!((p == '-' || p == '.' || p == '\'') && !t_[j].space_before && j + 1 < n_ &&
                t_[j + 1].kind == TokKind::kWord))
            break;
          ++j;
        }
        if (t_[j].kind != TokKind::kWord) break;
        key_ += t_[j].norm;
        e.ms[e.cnt] = Lookup(key_);
        e.ends[e.cnt++] = ++j;
      }
    }
    for (int c = e.cnt; c-- > 0;) {
      if (const Meaning* m = e.ms[c].Find(kind)) {
        if (out) *out = m;
        return static_cast<int>(e.ends[c] - k);
      }
    }
    return 0;
  }

  bool IsPunct(size_t k, char32_t c) const {
    return k < n_ && t_[k].kind == TokKind::kPunct && t_[k].punct == c;
  }
  bool IsDigits(size_t k) const { return k < n_ && t_[k].kind == TokKind::kDigits; }
  bool Tight(size_t k) const { return k < n_ && !t_[k].space_before; }

  const std::string& reason() const { return reason_; }

 private:
  void Fail(size_t at, std::string msg) {
    if (find_) return;
    if (reason_.empty() || at >= reason_at_) reason_ = std::move(msg), reason_at_ = at;
  }

  bool IsSeparator(size_t k) const {
    if (k >= n_ || t_[k].kind != TokKind::kPunct) return false;
    switch (t_[k].punct) {
      case ',': case '-': case 0x2013: case '|': case '/': case 0x2022: case 0xB7: case '@': case ';': case 0x61B:
        return true;
      default: return false;
    }
  }

  void SkipFillers(size_t& k, int max) {
    for (int i = 0; i < max && k < n_; ++i) {
      if (IsPunct(k, ',')) {
        ++k;
      } else if (int c = Word(k, Kind::kDateFiller)) {
        k += c;
      } else {
        break;
      }
    }
  }

  bool Weekday(size_t& k, int* wd) {
    const Meaning* m;
    int c = Word(k, Kind::kWeekday, &m);
    if (!c) return false;
    size_t j = k + c;
    bool punct = IsPunct(j, '.') || IsPunct(j, ',');
    if ((m->flags & kNeedsPunct) && !punct) return false;
    if (m->flags & kInParens) return false;
    // "Mar 12, 2020": a word that is also a month, without the weekday's dot or comma, is the month.
    if (!punct && Word(k, Kind::kMonth) == c) return false;
    if (IsPunct(j, '.') && Tight(j)) ++j;
    if (IsPunct(j, ',') || IsPunct(j, '-') || IsPunct(j, 0x2013)) ++j;
    *wd = m->b;
    k = j;
    return true;
  }

  // A day of the month: 1–2 digits, then a tight ordinal suffix or (German) a dot.
  bool Day(size_t& k, int* d, bool allow_dot) {
    if (!IsDigits(k) || t_[k].ndigits > 2 || t_[k].value < 1 || t_[k].value > 31) return false;
    if (k > 0 && IsPunct(k - 1, ':') && Tight(k)) return false;  // minutes of a time
    size_t j = k + 1;
    if (Tight(j) && (IsPunct(j, ':') || IsPunct(j, '/') || IsPunct(j, '-'))) return false;
    if (Tight(j)) {
      if (int c = Word(j, Kind::kOrdinal)) {
        j += c;
      } else if (allow_dot && IsPunct(j, '.') && !IsDigits(j + 1)) {
        ++j;
      } else if (t_[j].kind != TokKind::kPunct && t_[j].kind != TokKind::kWord) {
        return false;
      }
    }
    *d = t_[k].value;
    k = j;
    return true;
  }

  bool Month(size_t& k, const Meaning** m) {
    int c = Word(k, Kind::kMonth, m);
    if (!c) return false;
    size_t j = k + c;
    if (IsPunct(j, '.') && Tight(j)) ++j;
    // "تموز/يوليو", "تموز (يوليو)": two names of one month.
    if (IsPunct(j, '/') || IsPunct(j, '(') || IsPunct(j, '-')) {
      bool paren = IsPunct(j, '(');
      const Meaning* m2;
      if (int c2 = Word(j + 1, Kind::kMonth, &m2); c2 && m2->a == (*m)->a && m2->b == (*m)->b) {
        size_t q = j + 1 + c2;
        if (IsPunct(q, '.') && Tight(q)) ++q;
        if (!paren || IsPunct(q, ')')) j = q + (paren ? 1 : 0);
      }
    }
    k = j;
    return true;
  }

  // A year: four digits, or two (after an apostrophe, or anywhere when parsing a phrase).
  bool Year(size_t& k, int* y, int* ndigits) {
    size_t j = k;
    bool apos = IsPunct(j, '\'') && IsDigits(j + 1) && Tight(j + 1) && t_[j + 1].ndigits == 2;
    if (apos) ++j;
    if (!IsDigits(j)) return false;
    int nd = t_[j].ndigits;
    if (nd != 4 && !(nd == 2 && (apos || !find_))) return false;
    if (Tight(j + 1) && (IsPunct(j + 1, ':') || IsPunct(j + 1, '/') || IsPunct(j + 1, '.')) && IsDigits(j + 2))
      return false;  // a time or another number
    if (Tight(j + 1) && IsDigits(j + 1)) return false;
    *y = t_[j].value;
    *ndigits = nd;
    k = j + 1;
    return true;
  }

  // Era markers after a year ("هـ", "ه.ش", "هجری شمسی", "AH", "م", "ء"); -1 if none.
  int Era(size_t& k) {
    size_t j = k;
    int era = -1;
    bool solar = false, lunar = false;
    for (int i = 0; i < 5 && j < n_; ++i) {
      const Meaning* m;
      if (Word(j, Kind::kEra, &m) == 1) {
        if (m->b == kEraSolar) solar = true;
        if (m->b == kEraLunar) lunar = true;
        if (era < 0 || m->b != kEraHijri) era = m->b;
        ++j;
        k = j;
      } else if (era >= 0 && IsPunct(j, '.') && Tight(j)) {
        ++j;
        if (!(j < n_ && Word(j, Kind::kEra))) {
          k = j;  // "هـ." at the end
          break;
        }
      } else {
        break;
      }
    }
    if (solar) return kEraSolar;
    if (lunar) return kEraLunar;
    return era;
  }

  CalendarKind NumericCalendar(int y, DigitScript script, int era) const {
    if (era == kEraGregorian) return CalendarKind::kGregorian;
    if (era == kEraSolar) return CalendarKind::kSolarHijri;
    if (era == kEraLunar) return CalendarKind::kLunarHijri;
    std::string lp = LangPrefix(o_.lang);
    bool persian = lp == "fa" || lp == "prs" || lp == "ps" || lp == "pbt" || lp == "pus";
    if (era == kEraHijri) return persian ? CalendarKind::kSolarHijri : CalendarKind::kLunarHijri;
    if (y < 1300 || y > 1500) return CalendarKind::kGregorian;
    if (persian) return CalendarKind::kSolarHijri;
    if (lp == "ar") return CalendarKind::kLunarHijri;
    if (script == DigitScript::kPersian) return CalendarKind::kSolarHijri;
    if (script == DigitScript::kArabicIndic) return CalendarKind::kLunarHijri;
    return y <= 1430 ? CalendarKind::kSolarHijri : CalendarKind::kLunarHijri;
  }

  // 2024-07-05, 05.07.2024, 7/5/2024, ۱۴۰۳/۰۴/۱۵, 05.07.24, 20240705.
  bool Numeric(size_t& k, Core* c) {
    if (!IsDigits(k)) return false;
    if (k > 0 && Tight(k) && (IsPunct(k - 1, ':') || (IsDigits(k - 2) && (IsPunct(k - 1, '.') ||
                                                                         IsPunct(k - 1, '/') || IsPunct(k - 1, '-')))))
      return false;  // inside a longer number or a time
    const Token& a = t_[k];
    if (a.ndigits == 8 && !find_ && a.value > 0) {  // ISO basic format
      c->y = a.value / 10000, c->m = a.value / 100 % 100, c->d = a.value % 100, c->ydigits = 4;
      size_t j = k + 1;
      int era = Era(j);
      c->cal = NumericCalendar(c->y, a.script, era);
      k = j;
      return true;
    }
    if (!(Tight(k + 1) && Tight(k + 3) && IsDigits(k + 2) && IsDigits(k + 4))) return false;
    char32_t sep = t_[k + 1].kind == TokKind::kPunct ? t_[k + 1].punct : 0;
    if (!(sep == '-' || sep == '/' || sep == '.') || !IsPunct(k + 3, sep)) return false;
    // "18. 05. 2014": German spaces after the dots, only with a four-digit year last.
    bool spaced = !Tight(k + 2) || !Tight(k + 4);
    // Korean "2021. 7. 5.": year first, spaces after the dots, a closing dot.
    bool korean = sep == '.' && a.ndigits == 4 && t_[k + 2].ndigits <= 2 && t_[k + 4].ndigits <= 2 &&
                  IsPunct(k + 5, '.') && Tight(k + 5) && !(IsDigits(k + 6) && Tight(k + 6));
    if (spaced && !korean &&
        !(sep == '.' && !Tight(k + 2) && !Tight(k + 4) && t_[k + 4].ndigits == 4 && t_[k].ndigits <= 2))
      return false;
    if (Tight(k + 5) && IsPunct(k + 5, sep) && IsDigits(k + 6) && Tight(k + 6)) return false;  // 1.2.3.4
    if (Tight(k + 5) && IsDigits(k + 5)) return false;
    const Token& b = t_[k + 2];
    const Token& e = t_[k + 4];
    if (a.ndigits == 4 && b.ndigits <= 2 && e.ndigits <= 2) {
      c->y = a.value, c->m = b.value, c->d = e.value, c->ydigits = 4;
    } else if (a.ndigits <= 2 && b.ndigits <= 2 && (e.ndigits == 4 || e.ndigits == 2)) {
      if (e.ndigits == 2 && find_ && (a.ndigits != 2 || b.ndigits != 2)) return false;
      c->y = e.value, c->ydigits = e.ndigits;
      int first = a.value, second = b.value;
      bool month_first = sep == '/' && MonthFirstLang(o_.lang);
      if (first > 12 && second <= 12) month_first = false;
      if (second > 12 && first <= 12) month_first = true;
      c->m = month_first ? first : second;
      c->d = month_first ? second : first;
      if (first <= 12 && second <= 12 && first != second) c->alt_m = c->d, c->alt_d = c->m;
    } else {
      return false;
    }
    size_t j = k + 5 + (korean ? 1 : 0);
    int era = Era(j);
    c->cal = NumericCalendar(c->y, a.script, era);
    k = j;
    return true;
  }

  // A number followed by CJK mark `which` (1 year, 2 month, 3 day): its value, the
  // tokens consumed in `*len`; -1 if absent.
  int Marked(size_t k, int which, int max_digits, size_t* len) const {
    if (!IsDigits(k) || t_[k].ndigits > max_digits) return -1;
    const Meaning* m;
    int c = Word(k + 1, Kind::kCjkMark, &m);
    if (!c || m->b != which) return -1;
    *len = 1 + c;
    return t_[k].value;
  }

  // 2021年7月5日, 2024年07月05日, 2021년 7월 5일, 令和3年7月5日, 7月5日 (year from the
  // reference); a weekday may follow ("星期五", "(金)", "（月）", "월요일").
  bool CjkDate(size_t& k, Core* c) {
    size_t j = k, len = 0;
    int y = -1, nd = 0;
    const Meaning* era;
    if (int ce = Word(j, Kind::kCjkEra, &era)) {
      size_t q = j + ce;
      int n = -1;
      if (q < n_ && t_[q].kind == TokKind::kWord && t_[q].norm == "\xe5\x85\x83" /* 元: first year */ &&
          Word(q + 1, Kind::kCjkMark)) {
        n = 1, len = 1 + Word(q + 1, Kind::kCjkMark);
      } else {
        n = Marked(q, 1, 2, &len);
      }
      if (n < 1) return false;
      y = era->b + n, nd = 4, j = q + len;
    } else if (IsDigits(j) && (t_[j].ndigits == 4 || (t_[j].ndigits == 2 && !find_))) {
      y = Marked(j, 1, 4, &len);
      if (y >= 0) nd = t_[j].ndigits, j += len;
    }
    int mo = Marked(j, 2, 2, &len);
    if (mo < 0) {
      if (y >= 0) Fail(k, "a year alone is not a date");
      return false;
    }
    j += len;
    int d = Marked(j, 3, 2, &len);
    if (d < 0) {
      if (y >= 0) Fail(k, "a month and a year, but no day");
      return false;
    }
    j += len;
    if (IsPunct(j, '(')) {
      const Meaning* w;
      if (int cw = Word(j + 1, Kind::kWeekday, &w); cw && IsPunct(j + 1 + cw, ')')) j += cw + 2;
    } else {
      int wd_unused;
      size_t q = j;
      if (Weekday(q, &wd_unused)) j = q;
    }
    c->cal = CalendarKind::kGregorian;
    c->y = y, c->m = mo, c->d = d;
    c->ydigits = y >= 0 ? nd : 0;
    k = j;
    return true;
  }

  // "05-Jul-2024", "Jul-05-2024", "2024-Jul-05": a month name between numbers,
  // all joined by tight hyphens (logs, forms, some CMS templates).
  bool HyphenTextual(size_t& k, Core* c) {
    auto hy = [&](size_t q) { return IsPunct(q, '-') && Tight(q) && Tight(q + 1); };
    auto day = [&](size_t q, int* d) {
      if (!IsDigits(q) || t_[q].ndigits > 2 || t_[q].value < 1 || t_[q].value > 31) return false;
      return *d = t_[q].value, true;
    };
    size_t j = k;
    const Meaning* m = nullptr;
    int d = 0, y = -1, nd = 0, mc = 0;
    if (day(j, &d) && hy(j + 1) && (mc = Word(j + 2, Kind::kMonth, &m)) && hy(j + 2 + mc)) {
      j += 3 + mc;
      if (!Year(j, &y, &nd)) return false;
    } else if ((mc = Word(j, Kind::kMonth, &m)) && hy(j + mc) && day(j + mc + 1, &d) && hy(j + mc + 2)) {
      j += mc + 3;
      if (!Year(j, &y, &nd) || nd != 4) return false;
    } else if (IsDigits(j) && t_[j].ndigits == 4 && hy(j + 1) && (mc = Word(j + 2, Kind::kMonth, &m)) &&
               hy(j + 2 + mc) && day(j + 3 + mc, &d)) {
      if (!Year(j, &y, &nd)) return false;
      j = k + 4 + mc;
    } else {
      return false;
    }
    if (IsDigits(j) && Tight(j)) return false;  // "05-Jul-20245"
    c->cal = static_cast<CalendarKind>(m->a);
    c->m = m->b;
    c->d = d;
    c->y = y;
    c->ydigits = nd;
    c->common_month = m->flags & kCommonWord;
    c->month = m;
    k = j;
    return true;
  }

  bool Textual(size_t& k, Core* c) {
    if (HyphenTextual(k, c)) return true;
    size_t j = k;
    const Meaning* m = nullptr;
    int d = 0, y = -1, nd = 0;
    if (IsDigits(j) && t_[j].ndigits <= 2) {  // 5 July 2024, 5. Juli 2024, 5 de julio de 2024
      if (!Day(j, &d, true)) return false;
      SkipFillers(j, 2);
      int wd_unused;
      if (Word(j, Kind::kWeekday) && !Word(j, Kind::kMonth)) Weekday(j, &wd_unused);  // "31 Donnerstag Okt 2019"
      if (!Month(j, &m)) return false;
      size_t q = j;
      SkipFillers(q, 2);
      if (Year(q, &y, &nd)) j = q;
    } else if (IsDigits(j) && t_[j].ndigits == 4) {  // ۱۴۰۳ کال د چنګاښ ۱۵مه
      if (!Year(j, &y, &nd)) return false;
      size_t q = j;
      int era = Era(q);
      SkipFillers(q, 3);
      if (!Month(q, &m)) {
        Fail(k, "a year alone is not a date");
        return false;
      }
      SkipFillers(q, 1);
      if (!Day(q, &d, false)) {
        Fail(q, "a month and a year, but no day");
        return false;
      }
      (void)era;
      j = q;
    } else if (Month(j, &m)) {  // July 5, 2024; Jul 05 2024
      SkipFillers(j, 1);
      if (!Day(j, &d, false)) {
        size_t q = j;
        if (Year(q, &y, &nd)) Fail(q, "a month and a year, but no day");
        return false;
      }
      size_t q = j;
      SkipFillers(q, 1);
      if (Year(q, &y, &nd)) {
        j = q;
      } else if (find_ && j < n_ && t_[j].kind == TokKind::kWord && Lookup(t_[j].norm).size == 0) {
        return false;  // "In March 3 people …"
      }
    } else {
      return false;
    }
    if (y >= 0) Era(j);
    c->cal = static_cast<CalendarKind>(m->a);
    c->m = m->b;
    c->d = d;
    c->y = y;
    c->ydigits = y >= 0 ? nd : 0;
    c->common_month = m->flags & kCommonWord;
    c->month = m;
    k = j;
    return true;
  }

  bool AmPm(size_t& k, int* v) {
    const Meaning* m;
    int c = Word(k, Kind::kAmPm, &m);
    if (!c) return false;
    k += c;
    if (IsPunct(k, '.') && Tight(k)) ++k;
    *v = m->b;
    return true;
  }

  bool Offset(size_t& k, int* minutes, bool sign_must_be_tight) {
    if (!(IsPunct(k, '+') || IsPunct(k, '-'))) return false;
    if (sign_must_be_tight && !Tight(k)) return false;
    int sign = IsPunct(k, '-') ? -1 : 1;
    size_t j = k + 1;
    if (!IsDigits(j) || !Tight(j)) return false;
    int h, mi = 0;
    const Token& a = t_[j];
    if (a.ndigits == 4) {
      h = a.value / 100, mi = a.value % 100;
      ++j;
    } else if (a.ndigits <= 2) {
      h = a.value;
      ++j;
      if (IsPunct(j, ':') && Tight(j) && IsDigits(j + 1) && Tight(j + 1) && t_[j + 1].ndigits == 2) {
        mi = t_[j + 1].value;
        j += 2;
      } else if (!Tight(k)) {
        return false;  // " -5" is a minus, not a zone
      }
    } else {
      return false;
    }
    if (h > 14 || mi > 59) return false;
    *minutes = sign * (h * 60 + mi);
    k = j;
    return true;
  }

  bool ZoneAt(size_t& k, Zone* z) {
    size_t j = k;
    const Meaning* m;
    if (IsPunct(j, '(')) {
      size_t q = j + 1;
      if (ZoneAt(q, z) && IsPunct(q, ')')) return k = q + 1, true;
      return false;
    }
    if (Offset(j, &z->minutes, false)) {
      z->type = Zone::kFixed;
      return k = j, true;
    }
    // US zones without the season ("6:24 p.m. ET"): the DST rules of a city of
    // that zone. Capitals only: "et" is also French "and".
    if (j < n_ && t_[j].kind == TokKind::kWord && t_[j].end - t_[j].begin == 2 && t_[j].end <= text_.size()) {
      static constexpr std::string_view kUs[] = {"ET", "CT", "MT", "PT"};
      for (int i = 0; i < 4; ++i)
        if (text_.substr(t_[j].begin, 2) == kUs[i]) {
          z->type = Zone::kPlace;
          z->place = i == 0 ? 14 : 17 + i;  // kPlaceZones: New York, Chicago, Denver, Los Angeles
          return k = j + 1, true;
        }
    }
    if (int c = Word(j, Kind::kZone, &m)) {
      if (t_[j].norm == "z" && !Tight(j)) return false;
      j += c;
      if (m->a == 1) {
        z->type = Zone::kUnknown;
      } else {
        z->type = Zone::kFixed;
        z->minutes = m->b;
        int off;
        if (m->b == 0 && Offset(j, &off, false)) z->minutes = off;  // GMT+4:30
      }
      return k = j, true;
    }
    int pre = Word(j, Kind::kZonePrefix);
    if (int c = Word(j + pre, Kind::kPlace, &m)) {
      j += pre + c;
      if (!pre) j += Word(j, Kind::kZonePrefix);  // "Kabul time"
      z->type = Zone::kPlace;
      z->place = m->b;
      return k = j, true;
    }
    if (pre) {
      if (int c = Word(j + pre, Kind::kZone, &m); c && m->a == 0) {
        z->type = Zone::kFixed;
        z->minutes = m->b;
        return k = j + pre + c, true;
      }
    }
    return false;
  }

  // 06:24, 6:24:07.5, 6 pm, 6.30 Uhr, 06h24, ۶:۲۴ ب.ظ, 10 صبح, 14时30分, 下午2:30, 오후 2시
  // 30분, with an optional zone.
  bool Time(size_t& k, TimeOfDay* tm) {
    int pre_ap = -1;
    if (!IsDigits(k)) {
      // An am/pm word before the time, as Chinese, Japanese and Korean write it.
      size_t q = k;
      if (q >= n_ || t_[q].kind != TokKind::kWord || t_[q].norm.empty() ||
          static_cast<unsigned char>(t_[q].norm[0]) < 0x80 || !AmPm(q, &pre_ap) || !IsDigits(q))
        return false;
      if (!TimeAt(q, tm, pre_ap)) return false;
      k = q;
      return true;
    }
    return TimeAt(k, tm, -1);
  }

  bool TimeAt(size_t& k, TimeOfDay* tm, int pre_ap) {
    if (!IsDigits(k) || t_[k].ndigits > 2) return false;
    if (k > 0 && Tight(k) && (IsPunct(k - 1, ':') || IsPunct(k - 1, '.') || IsPunct(k - 1, '/'))) return false;
    int h = t_[k].value, mi = -1, s = -1;
    size_t j = k + 1;
    auto two = [&](size_t q) { return IsDigits(q) && Tight(q) && t_[q].ndigits == 2; };
    bool sure = false;
    if (IsPunct(j, ':') && Tight(j) && two(j + 1)) {
      mi = t_[j + 1].value;
      j += 2;
      sure = true;
      if (IsPunct(j, ':') && Tight(j) && two(j + 1)) {
        s = t_[j + 1].value;
        j += 2;
        if ((IsPunct(j, '.') || IsPunct(j, ',')) && Tight(j) && IsDigits(j + 1) && Tight(j + 1)) j += 2;
      }
    } else if (Tight(j) && j < n_ && t_[j].kind == TokKind::kWord && t_[j].norm == "h") {  // 06h24, 6h
      ++j;
      mi = 0;
      if (two(j)) mi = t_[j++].value;
      sure = true;
    } else if (IsPunct(j, '.') && Tight(j) && two(j + 1) &&
               (Word(j + 2, Kind::kTimeSuffix) || Word(j + 2, Kind::kZone) || Word(j + 2, Kind::kAmPm))) {
      // 18.30 Uhr, 06.24 BST, 6.24am
      mi = t_[j + 1].value;
      j += 2;
      sure = Word(j, Kind::kZone) != 0;
    } else if (const Meaning* cm; Word(j, Kind::kCjkMark, &cm) && cm->b == 4) {  // 14时30分, 2시 30분
      j += Word(j, Kind::kCjkMark);
      sure = true;
      size_t len;
      if (int v = Marked(j, 5, 2, &len); v >= 0) {
        mi = v, j += len;
        if (int sv = Marked(j, 6, 2, &len); sv >= 0) s = sv, j += len;
      }
    }
    int ap = pre_ap;
    if (ap >= 0 || AmPm(j, &ap)) sure = true;
    if (int c = Word(j, Kind::kTimeSuffix)) {
      if (t_[j].norm != "h" || mi < 0) j += c, sure = true;
    }
    if (!sure) return false;
    if (mi < 0) mi = 0;
    if (ap >= 0 && h >= 1 && h <= 12) {
      switch (ap) {
        case kAm: case kMorning: if (h == 12) h = 0; break;
        case kPm: if (h < 12) h += 12; break;
        case kNight: if (h >= 6 && h < 12) h += 12; else if (h == 12) h = 0; break;
        case kNoon: if (h < 6) h += 12; break;
      }
    }
    if (h > 24 || mi > 59 || s > 60 || (h == 24 && (mi > 0 || s > 0))) {
      Fail(k, "time " + std::to_string(h) + ":" + std::to_string(mi) + " is out of range");
      return false;
    }
    tm->h = h, tm->m = mi, tm->s = s;
    size_t q = j;
    if (ZoneAt(q, &tm->zone)) j = q;
    k = j;
    return true;
  }

  // After a date: separators or "at"/"um"/"ساعت", an optional place ("کابل"), a time.
  void TrailingTime(size_t& k, TimeOfDay* tm) {
    size_t j = k;
    if (j < n_ && t_[j].kind == TokKind::kWord && t_[j].norm == "t" && Tight(j) && IsDigits(j + 1) && Tight(j + 1)) {
      ++j;
    } else {
      for (int i = 0; i < 3 && j < n_; ++i) {
        if (IsSeparator(j)) {
          ++j;
        } else if (int c = Word(j, Kind::kTimeIntro)) {
          j += c;
        } else {
          break;
        }
      }
    }
    Zone place;
    {
      size_t q = j;
      int pre = Word(q, Kind::kZonePrefix);
      const Meaning* m;
      if (int c = Word(q + pre, Kind::kPlace, &m)) {
        q += pre + c;
        if (!pre) q += Word(q, Kind::kZonePrefix);  // "北京时间 14:30", "Kabul time 06:24"
        if (IsSeparator(q)) ++q;
        q += Word(q, Kind::kTimeIntro);
        if (IsDigits(q)) {
          place.type = Zone::kPlace;
          place.place = m->b;
          j = q;
        }
      }
    }
    TimeOfDay t;
    if (Time(j, &t)) {
      if (t.zone.type == Zone::kNone) t.zone = place;
      *tm = t;
      k = j;
    }
  }

  // "2 hours ago", "vor 2 Stunden", "il y a 3 jours", "hace 2 días", "۲ ساعت پیش",
  // "منذ ساعتين", "yesterday", "gestern, 14:30 Uhr".
  bool Relative(size_t& k, Found* f) {
    const Meaning* m;
    size_t j = k;
    int64_t minutes = 0, days = 0, months = 0;
    bool sub_day = false, any = false;
    if (int c = Word(j, Kind::kRelDay, &m)) {
      if (find_ && (m->flags & kCommonWord)) return false;
      if (!NeedReference(k)) return false;
      j += c;
      const DateTime& r = *o_.reference;
      if (m->a == 1) {  // now
        f->dt = r;
      } else {
        TimeOfDay tm;
        TrailingTime(j, &tm);
        f->dt = Assemble(ref_days_ + m->b, tm);
      }
      f->relative = true;
      f->end = j;
      return true;
    }
    int before = Word(j, Kind::kAgoBefore);
    j += before;
    for (int i = 0; i < 3; ++i) {
      size_t q = j;
      if (i > 0) {
        if (int c = Word(q, Kind::kConj)) q += c;
        else if (IsPunct(q, ',')) ++q;
        else break;
      }
      int amount = -1;
      if (IsDigits(q) && t_[q].ndigits <= 4) {
        amount = t_[q++].value;
      } else if (int c = Word(q, Kind::kNumber, &m)) {
        amount = m->b;
        q += c;
      }
      const Meaning* u;
      int c = Word(q, Kind::kUnit, &u);
      if (!c) break;
      if (amount < 0) amount = u->b;
      if (amount <= 0) break;
      q += c;
      switch (u->a) {
        case kSecond: minutes += 0, sub_day = true; break;  // seconds do not move a minute-precise time
        case kMinute: minutes += amount, sub_day = true; break;
        case kHour: minutes += 60LL * amount, sub_day = true; break;
        case kDay: days += amount; break;
        case kWeek: days += 7LL * amount; break;
        case kMonthUnit: months += amount; break;
        case kYear: months += 12LL * amount; break;
      }
      any = true;
      j = q;
    }
    if (!any) return false;
    if (!before) {
      int c = Word(j, Kind::kAgoAfter);
      if (!c) return false;
      j += c;
    }
    if (!NeedReference(k)) return false;
    const DateTime& r = *o_.reference;
    if (sub_day && r.has_time() && months == 0) {
      int64_t total = (ref_days_ + 0) * 1440 + r.hour * 60 + r.minute - minutes - days * 1440;
      int64_t dd = total >= 0 ? total / 1440 : -((-total + 1439) / 1440);
      int mod = static_cast<int>(total - dd * 1440);
      Ymd g = CivilFromDays(dd);
      f->dt = DateTime{g.y, g.m, g.d, mod / 60, mod % 60};
      f->dt.has_offset = r.has_offset;
      f->dt.offset_minutes = r.offset_minutes;
    } else {
      int64_t back_days = days + (sub_day ? minutes / 1440 : 0);
      Ymd g = CivilFromDays(ref_days_ - back_days);
      if (months) {
        int64_t mm = g.y * 12LL + (g.m - 1) - months;
        g.y = static_cast<int>(mm / 12), g.m = static_cast<int>(mm % 12) + 1;
        if (g.y < 1) return false;
        g.d = std::min(g.d, DaysInGregorianMonth(g.y, g.m));
      }
      f->dt = DateTime{g.y, g.m, g.d};
    }
    f->relative = true;
    f->end = j;
    k = j;
    return true;
  }

  bool NeedReference(size_t at) {
    if (o_.reference) return true;
    Fail(at, "a relative date needs a reference time (--ref)");
    return false;
  }

  void ApplyZone(const Zone& z, int64_t days, DateTime* dt) {
    if (z.type == Zone::kFixed) {
      dt->has_offset = true;
      dt->offset_minutes = z.minutes;
    } else if (z.type == Zone::kPlace) {
      if (auto off = ZoneOffsetAt(PlaceZone(z.place), days, dt->hour * 60 + dt->minute)) {
        dt->has_offset = true;
        dt->offset_minutes = *off;
      }
    }
  }

  int ResolveTwoDigitYear(int yy, CalendarKind cal) const {
    if (o_.reference) {
      int ry = FromEpochDays(cal, ref_days_).y;
      int y = ry - ry % 100 + yy;
      if (y >= ry + 20) y -= 100;
      else if (y < ry - 80) y += 100;
      return y;
    }
    if (cal == CalendarKind::kGregorian) return yy <= 68 ? 2000 + yy : 1900 + yy;
    return yy < 50 ? 1400 + yy : 1300 + yy;
  }

  bool Finish(Core c, int wd, const TimeOfDay& tm, Found* f) {
    size_t at = f->first;
    if (c.y < 0) {
      if (find_ && c.common_month) return false;
      if (!o_.reference) {
        Fail(at, "no year given (a reference date would supply it)");
        return false;
      }
      // The year that puts the date nearest the reference.
      int ry = FromEpochDays(c.cal, ref_days_).y;
      int64_t best = -1;
      for (int y = ry - 1; y <= ry + 1; ++y) {
        auto days = ToEpochDays(c.cal, y, c.m, c.d);
        if (days && (best < 0 || std::llabs(*days - ref_days_) < std::llabs(best - ref_days_))) best = *days, c.y = y;
      }
      if (best < 0) {
        Fail(at, "day " + std::to_string(c.d) + " does not exist in " + MonthLabel(c.cal, c.m));
        return false;
      }
    } else if (c.ydigits == 2) {
      c.y = ResolveTwoDigitYear(c.y, c.cal);
    }
    if (c.y < 1 || c.y > 9999) {
      Fail(at, "year " + std::to_string(c.y) + " is out of range");
      return false;
    }
    if (find_) {
      bool greg = c.cal == CalendarKind::kGregorian;
      if (greg ? (c.y < 1000 || c.y > 2999) : (c.y < 1200 || c.y > 1600)) return false;
    }
    int maxd = 0;
    auto days = ToEpochDays(c.cal, c.y, c.m, c.d, &maxd);
    std::optional<int64_t> alt;
    if (c.alt_m) alt = ToEpochDays(c.cal, c.y, c.alt_m, c.alt_d);
    if (days && alt && wd && IsoWeekday(*days) != wd && IsoWeekday(*alt) == wd) days = alt;
    if (!days && alt) days = alt;
    if (!days) {
      if (c.m < 1 || c.m > 12) {
        Fail(at, "month " + std::to_string(c.m) + " does not exist");
      } else {
        Fail(at, "day " + std::to_string(c.d) + " does not exist in " + MonthLabel(c.cal, c.m) + " " +
                     std::to_string(c.y) + " (" + CalendarName(c.cal) + "), which has " + std::to_string(maxd) +
                     " days");
      }
      return false;
    }
    if (wd && o_.strict_weekday && IsoWeekday(*days) != wd) {
      Fail(at, "the weekday does not match the date");
      return false;
    }
    f->dt = Assemble(*days, tm);
    f->cal = c.cal;
    return true;
  }

  // The day `d` (epoch days) at time `tm`, if any; 24:00 is the next day's 00:00.
  DateTime Assemble(int64_t d, const TimeOfDay& tm) {
    DateTime dt;
    if (tm.h >= 0) {
      dt.hour = tm.h, dt.minute = tm.m, dt.second = tm.s;
      if (dt.hour == 24) dt.hour = 0, ++d;
    }
    Ymd g = CivilFromDays(d);
    dt.year = g.y, dt.month = g.m, dt.day = g.d;
    if (tm.h >= 0) ApplyZone(tm.zone, d, &dt);
    return dt;
  }

  const std::vector<Token>& t_;
  size_t n_;
  const DateParseOptions& o_;
  bool find_;
  std::string_view text_;  // the raw text, for case-sensitive abbreviations
  int64_t ref_days_ = 0;
  std::string reason_;
  size_t reason_at_ = 0;
  mutable std::string key_;
  struct Memo {
    size_t k = static_cast<size_t>(-1);
    int cnt = 0;
    size_t ends[3];
    Meanings ms[3];
  };
  mutable Memo memo_[4];
};

bool CanStart(const Token& t) {
  if (t.kind == TokKind::kDigits) return true;
  if (t.kind != TokKind::kWord) return false;
  Meanings ms = Lookup(t.norm);
  for (size_t i = 0; i < ms.size; ++i)
    if (CanStartKind(ms.data[i].kind)) return true;
  return false;
}

std::string Excerpt(std::string_view text, const Token& t) {
  return std::string(text.substr(t.begin, t.end - t.begin));
}

}  // namespace
}  // namespace cal

std::string DateTime::ToIso() const {
  // Fields in the ranges dates have: written digit by digit (snprintf was most
  // of the cost of formatting). Anything else goes the snprintf way below.
  int a = offset_minutes < 0 ? -offset_minutes : offset_minutes;
  if (year >= 0 && year <= 9999 && month >= 0 && month <= 99 && day >= 0 && day <= 99 &&
      (!has_time() || (hour <= 99 && minute <= 99 && second <= 99 && (!has_offset || a / 60 <= 99)))) {
    char out[32];
    char* p = out;
    auto two = [&p](int v) { *p++ = static_cast<char>('0' + v / 10); *p++ = static_cast<char>('0' + v % 10); };
    two(year / 100), two(year % 100);
    *p++ = '-', two(month), *p++ = '-', two(day);
    if (has_time()) {
      *p++ = 'T', two(hour), *p++ = ':', two(minute < 0 ? 0 : minute);
      if (second >= 0) *p++ = ':', two(second);
      if (has_offset) *p++ = offset_minutes < 0 ? '-' : '+', two(a / 60), *p++ = ':', two(a % 60);
    }
    return std::string(out, static_cast<size_t>(p - out));
  }
  char buf[48];
  int n = std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
  if (has_time()) {
    n += std::snprintf(buf + n, sizeof buf - n, "T%02d:%02d", hour, minute < 0 ? 0 : minute);
    if (second >= 0) n += std::snprintf(buf + n, sizeof buf - n, ":%02d", second);
    if (has_offset) {
      int a = offset_minutes < 0 ? -offset_minutes : offset_minutes;
      std::snprintf(buf + n, sizeof buf - n, "%c%02d:%02d", offset_minutes < 0 ? '-' : '+', a / 60, a % 60);
    }
  }
  return buf;
}

std::vector<DateMatch> FindDates(std::string_view text, const DateParseOptions& options) {
  using namespace cal;
  // Called for many short texts in a row (metadata scans every text node with
  // a digit): the buffers are kept per thread instead of allocated per call.
  thread_local std::vector<Token> t;
  thread_local std::string arena;
  if (t.capacity() > 4096) std::vector<Token>().swap(t);  // a huge text once: not kept forever
  if (arena.capacity() > 16384) std::string().swap(arena);
  Tokenize(text, &t, &arena);
  Matcher m(t, options, /*find_mode=*/true, text);
  std::vector<DateMatch> out;
  for (size_t k = 0; k < t.size();) {
    if (!CanStart(t[k])) {
      ++k;
      continue;
    }
    auto f = m.MatchAt(k);
    if (!f || f->end <= k) {
      ++k;
      continue;
    }
    DateMatch dm;
    dm.value = f->dt;
    dm.calendar = f->cal;
    dm.relative = f->relative;
    dm.begin = t[f->first].begin;
    dm.end = t[f->end - 1].end;
    out.push_back(dm);
    k = f->end;
  }
  return out;
}

std::optional<DateTime> ParseDatePhrase(std::string_view text, const DateParseOptions& options,
                                        std::string* why_not) {
  using namespace cal;
  auto fail = [&](std::string why) -> std::optional<DateTime> {
    if (why_not) *why_not = std::move(why);
    return std::nullopt;
  };
  std::vector<Token> t;
  std::string arena;
  Tokenize(text, &t, &arena);
  Matcher m(t, options, /*find_mode=*/false, text);
  std::vector<Found> found;
  size_t open_paren = std::string::npos;
  for (size_t k = 0; k < t.size();) {
    if (auto f = m.MatchAt(k); f && f->end > k) {
      found.push_back(*f);
      k = f->end;
      continue;
    }
    const Token& tok = t[k];
    if (tok.kind == TokKind::kPunct) {
      if (tok.punct == '(') open_paren = k;
      if (tok.punct == ')') open_paren = std::string::npos;
      ++k;
      continue;
    }
    if (tok.kind == TokKind::kWord) {
      int c = 0;
      for (Kind kind : {Kind::kLabel, Kind::kDateFiller, Kind::kEquiv, Kind::kTimeIntro, Kind::kConj, Kind::kPlace,
                        Kind::kZonePrefix})
        if ((c = m.Word(k, kind))) break;
      if (c) {
        k += c;
        continue;
      }
    }
    if (open_paren != std::string::npos && !found.empty()) {
      // A remark in parentheses after the date: "(سوم جدی)", "(Afghanistan Time)".
      size_t q = k;
      while (q < t.size() && q < open_paren + 24 && !m.IsPunct(q, ')')) ++q;
      if (q < t.size() && m.IsPunct(q, ')')) {
        k = q + 1;
        open_paren = std::string::npos;
        continue;
      }
    }
    if (!m.reason().empty()) return fail(m.reason());
    if (tok.kind == TokKind::kDigits && t.size() == 1 && tok.ndigits == 4)
      return fail("a year alone is not a date");
    return fail("no date in '" + std::string(text.substr(0, 80)) + "': did not understand '" + Excerpt(text, tok) +
                "'");
  }
  if (found.empty()) {
    if (!m.reason().empty()) return fail(m.reason());
    return fail(t.empty() ? "empty text" : "no date found");
  }
  // Several dates must be spellings of one day ("… هـ الموافق … م"); prefer the Gregorian one.
  size_t best = 0;
  for (size_t i = 0; i < found.size(); ++i)
    if (found[i].cal == CalendarKind::kGregorian && found[best].cal != CalendarKind::kGregorian) best = i;
  DateTime r = found[best].dt;
  int64_t rd = DaysFromCivil(r.year, r.month, r.day);
  for (const Found& f : found) {
    int64_t d = DaysFromCivil(f.dt.year, f.dt.month, f.dt.day);
    bool lunar = f.cal == CalendarKind::kLunarHijri || found[best].cal == CalendarKind::kLunarHijri;
    if (std::llabs(d - rd) > (lunar ? 2 : 0))
      return fail("two different dates: " + f.dt.ToIso() + " and " + r.ToIso());
    if (!r.has_time() && f.dt.has_time() && d == rd) r = f.dt;
  }
  return r;
}

}  // namespace matn
