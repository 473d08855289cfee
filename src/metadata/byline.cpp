// Bylines → author names. A byline mixes the names with a label ("By", "Von",
// "بقلم:", "作者："), a date, a time, a place, a role or a site ("| Redaktion",
// "来源：示例网"); only the names are wanted, one entry per person.
#include "metadata/byline.h"

#include <algorithm>
#include <array>

#include "matn/calendar.h"
#include "metadata/dates.h"
#include "metadata/util.h"

namespace matn::metadata_internal {
namespace {

enum class Fit : uint8_t {
  kWord,   // a word: space, ':' or the end must follow ("By", "Von", "بقلم", "نویسنده")
  kGlued,  // CJK, written without spaces: anything may follow ("作者", "记者")
  kSep,    // only before '/', '|', ':' or '・' ("文/李明")
};

struct Label {
  std::string_view text;  // lowercase
  Fit fit;
  // Also recognised in the middle of a byline ("Posted on March 3rd, 2021 by Jane Doe").
  // Words that also occur inside names ("von der Leyen", "Di Maio") only after a date.
  enum { kStartOnly, kInner, kInnerAfterDate } inner;
};

// Longer labels first where one is a prefix of another.
constexpr Label kLabels[] = {
    {"written by", Fit::kWord, Label::kInner}, {"posted by", Fit::kWord, Label::kInner},
    {"reporting by", Fit::kWord, Label::kInner}, {"story by", Fit::kWord, Label::kInner},
    {"words by", Fit::kWord, Label::kInner}, {"by", Fit::kWord, Label::kInner},
    {"author", Fit::kWord, Label::kStartOnly}, {"interview", Fit::kSep, Label::kStartOnly}, {"authors", Fit::kWord, Label::kStartOnly},
    {"geschrieben von", Fit::kWord, Label::kInner}, {"ein kommentar von", Fit::kWord, Label::kInner},
    {"ein gastbeitrag von", Fit::kWord, Label::kInner}, {"text von", Fit::kWord, Label::kInner},
    {"ein artikel von", Fit::kWord, Label::kInner}, {"beitrag von", Fit::kWord, Label::kInner},
    {"beiträge von", Fit::kWord, Label::kInner}, {"artikel von", Fit::kWord, Label::kInner},
    {"veröffentlicht von", Fit::kWord, Label::kInner}, {"erstellt von", Fit::kWord, Label::kInner},
    {"posts by", Fit::kWord, Label::kInner}, {"articles by", Fit::kWord, Label::kInner},
    {"autoren", Fit::kWord, Label::kStartOnly}, {"autorinnen", Fit::kWord, Label::kStartOnly},
    {"von", Fit::kWord, Label::kInnerAfterDate}, {"autorin", Fit::kWord, Label::kStartOnly},
    {"autor/in", Fit::kWord, Label::kStartOnly}, {"autor*in", Fit::kWord, Label::kStartOnly},
    {"autor:in", Fit::kWord, Label::kStartOnly}, {"autor", Fit::kWord, Label::kStartOnly}, {"text", Fit::kSep, Label::kStartOnly},
    {"par", Fit::kWord, Label::kInner}, {"por", Fit::kWord, Label::kInner},
    {"di", Fit::kWord, Label::kInnerAfterDate}, {"door", Fit::kWord, Label::kInnerAfterDate},
    {"av", Fit::kWord, Label::kInnerAfterDate}, {"af", Fit::kWord, Label::kInnerAfterDate},
    {"yazar", Fit::kWord, Label::kStartOnly}, {"\xd0\xb0\xd0\xb2\xd1\x82\xd0\xbe\xd1\x80", Fit::kWord, Label::kStartOnly},  // автор
    {"\xd0\x90\xd0\xb2\xd1\x82\xd0\xbe\xd1\x80", Fit::kWord, Label::kStartOnly},  // Автор (not ASCII: no folding)
    {"\xd8\xaa\xd9\x82\xd8\xb1\xd9\x8a\xd8\xb1", Fit::kWord, Label::kStartOnly},  // تقرير
    // Arabic, Persian, Dari, Pashto, Urdu.
    {"\xd8\xa8\xd9\x82\xd9\x84\xd9\x85", Fit::kWord, Label::kInner},                          // بقلم
    {"\xd9\x83\xd8\xaa\xd8\xa8\xd8\xaa", Fit::kWord, Label::kStartOnly},                      // كتبت
    {"\xd9\x83\xd8\xaa\xd8\xa8", Fit::kWord, Label::kStartOnly},                              // كتب
    {"\xd8\xa5\xd8\xb9\xd8\xaf\xd8\xa7\xd8\xaf", Fit::kWord, Label::kStartOnly},              // إعداد
    {"\xd8\xa8\xd9\x88\xd8\xa7\xd8\xb3\xd8\xb7\xd8\xa9", Fit::kWord, Label::kInner},          // بواسطة
    {"\xd8\xa8\xd9\x87 \xd9\x82\xd9\x84\xd9\x85", Fit::kWord, Label::kInner},                 // به قلم
    {"\xd9\x86\xd9\x88\xdb\x8c\xd8\xb3\xd9\x86\xd8\xaf\xd9\x87", Fit::kWord, Label::kInner},  // نویسنده
    {"\xd9\x86\xd9\x88\xd9\x8a\xd8\xb3\xd9\x86\xd8\xaf\xd9\x87", Fit::kWord, Label::kInner},  // نويسنده
    {"\xda\xaf\xd8\xb2\xd8\xa7\xd8\xb1\xd8\xb4\xda\xaf\xd8\xb1", Fit::kWord, Label::kInner},  // گزارشگر
    {"\xd8\xae\xd8\xa8\xd8\xb1\xd9\x86\xda\xaf\xd8\xa7\xd8\xb1", Fit::kWord, Label::kStartOnly},  // خبرنگار
    {"\xda\xa9\xd8\xa7\xd8\xb1\xd8\xa8\xd8\xb1", Fit::kSep, Label::kStartOnly},               // کاربر
    {"\xd9\x84\xdb\x8c\xda\xa9\xd9\x88\xd8\xa7\xd9\x84", Fit::kWord, Label::kInner},          // لیکوال
    {"\xd8\xaa\xd8\xad\xd8\xb1\xdb\x8c\xd8\xb1", Fit::kWord, Label::kStartOnly},              // تحریر
    {"\xd8\xa7\xd8\xb2", Fit::kWord, Label::kStartOnly},                                      // از
    // Chinese, Japanese, Korean.
    {"\xe6\x9c\xac\xe6\x8a\xa5\xe8\xae\xb0\xe8\x80\x85", Fit::kGlued, Label::kInner},  // 本报记者
    {"\xe4\xbd\x9c\xe8\x80\x85", Fit::kGlued, Label::kInner},                          // 作者
    {"\xe8\xae\xb0\xe8\x80\x85", Fit::kGlued, Label::kInner},                          // 记者
    {"\xe8\xa8\x98\xe8\x80\x85", Fit::kSep, Label::kInner},                            // 記者
    {"\xe6\x92\xb0\xe6\x96\x87", Fit::kGlued, Label::kInner},                          // 撰文
    {"\xe6\x96\x87", Fit::kSep, Label::kInner},                                        // 文
    {"\xe7\xad\x86\xe8\x80\x85", Fit::kGlued, Label::kInner},                          // 筆者
    {"\xea\xb8\x80", Fit::kSep, Label::kStartOnly},                                    // 글
};

// Where a name ends: a label of something else that follows it.
constexpr std::string_view kEnders[] = {
    "\xe6\x9d\xa5\xe6\xba\x90", "\xe4\xbe\x86\xe6\xba\x90",  // 来源 來源
    "\xe7\xbc\x96\xe8\xbe\x91", "\xe7\xb7\xa8\xe8\xbc\xaf",  // 编辑 編輯
    "\xe8\xb4\xa3\xe4\xbb\xbb", "\xe5\x87\xba\xe5\xa4\x84",  // 责任 出处
    "\xe5\x8f\x91\xe5\xb8\x83",                              // 发布
    "(", "[", "\xef\xbc\x88", "\xe3\x80\x90",                // ( [ （ 【
};
// Words after a name that end it (lowercase, whole words; case-sensitive so that
// "El" in "Mohamed El-Erian" stays).
constexpr std::string_view kConnectors[] = {
    "on", "am", "um", "at", "le", "el", "il", "the", "in", "aus", "published", "updated", "posted", "last",
    "veröffentlicht", "aktualisiert", "publié", "publicado", "actualizado", "pubblicato", "source", "quelle",
    "foto", "photo", "bild", "fotos", "photos", "bilder", "illustration", "illustrationen", "grafik", "video",
    "email", "e-mail", "twitter", "publiziert", "redakteur", "redakteurin",
};
// Job titles written after the name (Korean "김철수 기자", Japanese "山田太郎記者").
constexpr std::string_view kSuffixes[] = {
    "\xea\xb8\xb0\xec\x9e\x90", "\xed\x8a\xb9\xed\x8c\x8c\xec\x9b\x90",  // 기자 특파원
    "\xe8\xa8\x98\xe8\x80\x85", "\xe8\xae\xb0\xe8\x80\x85",              // 記者 记者
};
// Name separators. Splitting happens after the cuts above.
constexpr std::string_view kSplitters[] = {
    ",", ";", " & ", " and ", " und ", " et ", " y ", " e ", " i ", " en ", " og ", " och ",
    " \xd9\x88 ",                                  // " و "
    "\xd8\x8c",                                    // ،
    "/", "\xef\xbc\x8f", "\xe3\x80\x81", "\xef\xbc\x8c",  // ／ 、 ，
};

size_t CharLen(unsigned char c) { return c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 1; }

bool IsDigitAt(std::string_view s, size_t i) {
  unsigned char c = s[i];
  if (c >= '0' && c <= '9') return true;
  if (i + 1 < s.size() && c == 0xDB && static_cast<unsigned char>(s[i + 1]) >= 0xB0 &&
      static_cast<unsigned char>(s[i + 1]) <= 0xB9)
    return true;  // Persian digits
  if (i + 1 < s.size() && c == 0xD9 && static_cast<unsigned char>(s[i + 1]) >= 0xA0 &&
      static_cast<unsigned char>(s[i + 1]) <= 0xA9)
    return true;  // Arabic-Indic digits
  return i + 2 < s.size() && c == 0xEF && static_cast<unsigned char>(s[i + 1]) == 0xBC &&
         static_cast<unsigned char>(s[i + 2]) >= 0x90 && static_cast<unsigned char>(s[i + 2]) <= 0x99;
}

size_t FirstDigit(std::string_view s) {
  for (size_t i = 0; i < s.size(); i += CharLen(s[i]))
    if (IsDigitAt(s, i)) return i;
  return std::string_view::npos;
}

bool HasDigit(std::string_view s) { return FirstDigit(s) != std::string_view::npos; }

// FindDates without a reference time, skipping what cannot hold a date: text
// without a digit could only hold a relative phrase ("yesterday"), and those
// need a reference (the same test as FindDatesInText's).
std::vector<DateMatch> DatesIn(std::string_view s) {
  return MayHoldDigit(s) ? FindDates(s) : std::vector<DateMatch>{};
}

// Separator characters that may follow a kSep label.
size_t SepLen(std::string_view s, size_t i) {
  if (i >= s.size()) return 0;
  if (s[i] == '/' || s[i] == '|' || s[i] == ':') return 1;
  for (std::string_view w : {"\xef\xbc\x8f", "\xef\xbd\x9c", "\xef\xbc\x9a", "\xe3\x83\xbb", "\xc2\xb7"})
    if (s.substr(i, w.size()) == w) return w.size();
  return 0;
}

// The labels by first byte, each group in kLabels order: a position of a text
// is tried only against the labels that can start there.
struct LabelIndex {
  uint8_t order[std::size(kLabels)] = {};
  uint8_t begin[257] = {};  // labels starting with byte c: order[begin[c] .. begin[c + 1])
  bool glued[256] = {};     // some of them is kGlued (may start inside a word)
};
constexpr LabelIndex kLabelIndex = [] {
  LabelIndex x;
  size_t k = 0;
  for (int c = 0; c < 256; ++c) {
    x.begin[c] = static_cast<uint8_t>(k);
    for (size_t i = 0; i < std::size(kLabels); ++i)
      if (static_cast<unsigned char>(kLabels[i].text[0]) == c) {
        x.order[k++] = static_cast<uint8_t>(i);
        x.glued[c] |= kLabels[i].fit == Fit::kGlued;
      }
  }
  x.begin[256] = static_cast<uint8_t>(k);
  return x;
}();
static_assert(std::size(kLabels) < 256);

bool WordStart(std::string_view s, size_t i) { return i == 0 || s[i - 1] == ' '; }

// Where the label matched at `i` of `low` ends (label and its ':'), or npos.
size_t LabelEnd(std::string_view low, size_t i, const Label& l) {
  if (low.compare(i, l.text.size(), l.text) != 0) return std::string_view::npos;
  size_t e = i + l.text.size();
  while (e < low.size() && low[e] == ' ') ++e;
  size_t sep = SepLen(low, e);
  switch (l.fit) {
    case Fit::kSep:
      if (!sep) return std::string_view::npos;
      break;
    case Fit::kWord:
      if (!sep && e == i + l.text.size() && e < low.size()) return std::string_view::npos;
      break;
    case Fit::kGlued: break;
  }
  return e + sep;
}

std::string Trim(std::string_view s) {
  return TrimChars(s, {" ", ":", "\xef\xbc\x9a", "|", "\xef\xbd\x9c", "-", ",", ";", "/", "\xe2\x80\x93",
                       "\xe2\x80\x94", "\xc2\xb7", "\xe2\x80\xa2", "\xd8\x8c", "\xe3\x80\x81", "=", "\xef\xbc\x8f"});
}

// The names in one segment of a byline; *labelled when a byline label was met.
std::vector<std::string> SegmentNames(std::string seg, bool* labelled) {
  std::string low = LowerAscii(seg);
  // A label inside ("… 2021 by Jane Doe", "… 来源：示例网 作者：李明"): the names follow it.
  size_t best = std::string::npos, digit = FirstDigit(low);
  for (size_t i = 0; i < low.size(); i += CharLen(low[i])) {
    unsigned char c = static_cast<unsigned char>(low[i]);
    if (!kLabelIndex.glued[c] && !WordStart(low, i)) continue;  // the loop below would skip them all
    for (size_t k = kLabelIndex.begin[c]; k < kLabelIndex.begin[c + 1]; ++k) {
      const Label& l = kLabels[kLabelIndex.order[k]];
      if (l.inner == Label::kStartOnly && i > 0) continue;
      if (l.fit != Fit::kGlued && !WordStart(low, i)) continue;
      size_t e = LabelEnd(low, i, l);
      if (e == std::string::npos) continue;
      if (i > 0 && l.inner == Label::kInnerAfterDate && !(digit < i)) continue;
      // "Di Maio", "Von Trier": a capitalised particle before a single word is a surname.
      if (l.inner == Label::kInnerAfterDate && seg[i] >= 'A' && seg[i] <= 'Z' &&
          low.find(' ', low.find_first_not_of(' ', e)) == std::string::npos)
        continue;
      best = e;
      break;
    }
  }
  if (best != std::string::npos) {
    *labelled = true;
    seg = seg.substr(best);
  }
  seg = Trim(seg);
  // A date or time at the start ("5. Juli 2024 Anna Schmidt") goes, then the name ends
  // at the next date, digit, bracket, other label or connecting word.
  std::vector<DateMatch> dates = DatesIn(seg);
  if (!dates.empty() && dates[0].begin == 0) seg = Trim(std::string_view(seg).substr(dates[0].end)), dates = DatesIn(seg);
  size_t cut = dates.empty() ? seg.size() : dates[0].begin;
  for (size_t i = 0; i < cut; i += CharLen(seg[i]))
    if (IsDigitAt(seg, i)) { cut = i; break; }
  for (std::string_view e : kEnders) {
    size_t p = seg.find(e);
    if (p != std::string::npos && p > 0) cut = std::min(cut, p);
  }
  static constexpr auto kConnectorFirst = [] {  // first bytes of kConnectors (all lowercase ASCII)
    std::array<bool, 256> t{};
    for (std::string_view w : kConnectors) t[static_cast<unsigned char>(w[0])] = true;
    return t;
  }();
  for (size_t i = 1; i < cut; ++i) {
    if (seg[i - 1] != ' ') continue;
    char first = seg[i] >= 'A' && seg[i] <= 'Z' ? static_cast<char>(seg[i] - 'A' + 'a') : seg[i];
    if (!kConnectorFirst[static_cast<unsigned char>(first)]) continue;  // no connector starts here
    for (std::string_view w : kConnectors) {
      // Short words only in lowercase; longer ones ("Foto", "Illustration") in any case.
      std::string_view at = std::string_view(seg).substr(i, w.size());
      if ((w.size() >= 4 ? EqualsIgnoreCase(at, w) : at == w) && (i + w.size() == seg.size() || std::string_view(" :,").find(seg[i + w.size()]) != std::string_view::npos)) {
        cut = std::min(cut, i);
        break;
      }
    }
  }
  seg = Trim(std::string_view(seg).substr(0, cut));
  for (std::string_view sfx : kSuffixes) {
    size_t p = seg.find(sfx);
    if (p != std::string::npos && p > 0) seg = Trim(std::string_view(seg).substr(0, p));
  }
  // Split into names.
  std::vector<std::string> parts;
  size_t start = 0;
  for (size_t i = 0; i <= seg.size();) {
    size_t len = 0;
    static constexpr auto kSplitFirst = [] {  // bytes a splitter starts with
      std::array<bool, 256> t{};
      for (std::string_view sp : kSplitters) t[static_cast<unsigned char>(sp[0])] = true;
      return t;
    }();
    if (i < seg.size() && kSplitFirst[static_cast<unsigned char>(seg[i])])
      for (std::string_view sp : kSplitters)
        if (seg.compare(i, sp.size(), sp) == 0) { len = sp.size(); break; }
    if (len || i == seg.size()) {
      parts.push_back(Trim(std::string_view(seg).substr(start, i - start)));
      if (i == seg.size()) break;
      i += len;
      start = i;
    } else {
      i += CharLen(seg[i]);
    }
  }
  std::vector<std::string> out;
  size_t prev_words = 0;
  for (std::string& p : parts) {
    std::string low_p = LowerAscii(p);
    for (const Label& l : kLabels) {  // "… and by Jane Doe"; not "von"/"di", which begin surnames
      size_t e = LabelEnd(low_p, 0, l);
      if (e != std::string::npos && l.fit == Fit::kWord && l.inner == Label::kInner) {
        p = Trim(std::string_view(p).substr(e));
        break;
      }
    }
    if (p.empty() || HasDigit(p) || p.find('@') != std::string::npos || IsUrlLike(p)) continue;
    bool connector = false;  // a part that is only a label word ("Publiziert")
    for (std::string_view w : kConnectors) connector |= EqualsIgnoreCase(p, w);
    if (connector) continue;
    size_t words = static_cast<size_t>(std::count(p.begin(), p.end(), ' ')) + 1;
    // "Anna Schmidt, Berlin" / "Jane Doe, Reuters": one Latin word after a full name is a
    // place or an agency.
    bool latin = static_cast<unsigned char>(p[0]) < 0x80;
    if (words == 1 && latin && prev_words >= 2) continue;
    prev_words = words;
    out.push_back(std::move(p));
  }
  return out;
}

// Parts of a byline between strong separators ("|", " - ", " · " …).
std::vector<std::string> Segments(const std::string& s) {
  std::vector<std::string> segs;
  size_t start = 0;
  for (size_t i = 0; i <= s.size();) {
    size_t len = 0;
    if (i < s.size() && (s[i] == '|' || s[i] == ' ' || s[i] == '\xef'))  // the first bytes of the separators
      for (std::string_view sep : {"|", "\xef\xbd\x9c", " \xc2\xb7 ", " \xe2\x80\xa2 ", " \xe2\x80\x94 ",
                                   " \xe2\x80\x93 ", " - ", " :: "})
        if (s.compare(i, sep.size(), sep) == 0) { len = sep.size(); break; }
    if (len || i == s.size()) {
      std::string seg = Trim(std::string_view(s).substr(start, i - start));
      if (!seg.empty()) segs.push_back(std::move(seg));
      if (i == s.size()) break;
      i += len;
      start = i;
    } else {
      i += CharLen(s[i]);
    }
  }
  return segs;
}

// Names as a reader would accept them from an unlabelled line: short, Latin ones
// capitalised word by word (particles aside), not opening with an article.
bool LookLikeNames(const std::vector<std::string>& names, size_t min_words) {
  if (names.empty()) return false;
  for (const std::string& nm : names) {
    size_t words = static_cast<size_t>(std::count(nm.begin(), nm.end(), ' ')) + 1;
    if (words > 5 || words < min_words) return false;
    if (static_cast<unsigned char>(nm[0]) >= 0x80) continue;
    if (!(nm[0] >= 'A' && nm[0] <= 'Z')) return false;
    std::string first = LowerAscii(std::string_view(nm).substr(0, nm.find(' ')));
    for (std::string_view a : {"the", "a", "an", "der", "die", "das", "ein", "eine", "le", "la", "les", "el", "los",
                               "las", "un", "une", "il", "lo", "de", "het", "een", "this", "our", "mehr", "more"})
      if (first == a) return false;
  }
  return true;
}

// "11.12.2019 - Amelie Loevenich", "04.02.2022 | 13:10 Uhr | Uta Helkenberg": a short
// line of a date and one name, nothing else.
std::vector<std::string> DatedLineNames(const std::string& t) {
  if (t.size() > 100 || !HasDigit(t)) return {};
  std::vector<std::string> segs = Segments(t), names;
  if (segs.size() < 2) return {};
  bool dated = false;
  for (const std::string& seg : segs) {
    bool labelled = false;
    std::vector<std::string> n = SegmentNames(seg, &labelled);
    if (n.empty()) {
      dated |= !DatesIn(seg).empty();
      continue;
    }
    if (!names.empty() || HasDigit(seg)) return {};
    names = std::move(n);
  }
  return dated && names.size() == 1 && LookLikeNames(names, 2) ? names : std::vector<std::string>{};
}

}  // namespace

std::vector<std::string> BylineNames(std::string_view raw) {
  std::string s = CollapseWhitespace(raw);
  if (s.empty() || s.size() > 1000 || IsUrlLike(s)) return {};
  // Segments between strong separators: one holds the names.
  std::vector<std::string> segs = Segments(s);
  std::vector<std::string> first;
  for (const std::string& seg : segs) {
    bool labelled = false;
    std::vector<std::string> names = SegmentNames(seg, &labelled);
    if (names.empty()) continue;
    if (labelled) return names;
    if (first.empty()) first = std::move(names);
  }
  return first;
}

std::vector<std::string> LabelledBylineAfter(const Node* headline, const Node* root) {
  if (!headline) return {};
  static const TokenSet kBylineBoxWords({"author", "authors", "byline", "autor", "writer", "author-name"});
  int texts = 0;
  size_t bytes = 0;
  // The box the headline sits in may put the byline above it ("<p>von …</p><h2>…</h2>").
  const Node* box = headline->parent;
  std::string t, low;  // a text node's collapsed text and its lowercase, one buffer each for all
  bool passed = !(box && box->IsElement() && !box->Is(Tag::kBody) && !box->Is(Tag::kHtml));
  for (const Node* n = passed ? NextInPreorder(headline, root, true) : NextInPreorder(box, root);
       n && texts < 25 && bytes < 2000;) {
    if (n == headline) {
      passed = true;
      n = NextInPreorder(n, root, true);
      continue;
    }
    if (n->IsElement() && (n->Is(Tag::kScript) || n->Is(Tag::kStyle) || n->Is(Tag::kNav) || n->Is(Tag::kAside) ||
                           n->Is(Tag::kFooter) || n->Is(Tag::kForm) || n->Is(Tag::kTemplate) || n->Is(Tag::kH1) ||
                           n->Is(Tag::kH2))) {
      if (passed && (n->Is(Tag::kH1) || n->Is(Tag::kH2))) break;  // the next story
      n = NextInPreorder(n, root, true);
      continue;
    }
    if (n->IsText()) {
      CollapseWhitespaceInto(n->data(), &t);
      if (!t.empty()) {
        ++texts;
        bytes += t.size();
        low.assign(t);
        for (char& c : low)
          if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        bool label = false;
        size_t digit = std::string::npos;
        bool digit_known = false;  // FirstDigit(low), found when first needed
        auto digit_before = [&](size_t i) {
          if (!digit_known) digit = FirstDigit(low), digit_known = true;
          return digit < i;
        };
        for (size_t i = 0; i < low.size() && low.size() <= 300 && !label; i += CharLen(low[i])) {
          unsigned char c = static_cast<unsigned char>(low[i]);
          if (!kLabelIndex.glued[c] && !WordStart(low, i)) continue;  // no label of c could start here
          for (size_t k = kLabelIndex.begin[c]; k < kLabelIndex.begin[c + 1]; ++k) {
            const Label& l = kLabels[kLabelIndex.order[k]];
            if (i > 0 && (l.inner == Label::kStartOnly || (l.inner == Label::kInnerAfterDate && !digit_before(i)))) continue;
            if ((l.fit != Fit::kGlued && !WordStart(low, i)) || LabelEnd(low, i, l) == std::string::npos) continue;
            // A bare Latin "by" opens sentences too ("By the end of …"): only one that a
            // short text starts with or that follows a date, before capitalised names.
            if (l.fit == Fit::kWord && static_cast<unsigned char>(l.text[0]) < 0x80 &&
                (t.size() > 120 || (i > 0 && !digit_before(i) && l.text.find(' ') == std::string_view::npos)))
              continue;  // inside: "Posted on March 3rd, 2021 by Jane Doe" only
            label = true;
            break;
          }
        }
        if (!label) {
          // Unlabelled: a byline box ("<p class="author">Sandra Arm</p>") or a dated line.
          bool byline_box = false;
          int up = 0;
          for (const Node* p = n->parent; p && p->IsElement() && up < 3; p = p->parent, ++up)
            byline_box = byline_box || HasClassToken(p, kBylineBoxWords);
          std::vector<std::string> names;
          if (byline_box && t.size() <= 100) {
            names = BylineNames(t);
            if (!LookLikeNames(names, 1)) names.clear();
          }
          if (names.empty()) names = DatedLineNames(t);
          if (!names.empty()) return names;
        }
        if (label) {
          const Node* box = n->parent && n->parent->IsElement() ? n->parent : n;
          std::string line = box == n ? t : NodeText(box, 300);
          if (line.size() > 250) line = t;
          std::vector<std::string> names = BylineNames(line);
          if (names.empty() && line != t) names = BylineNames(t);
          if (names.empty()) {
            // A label alone in its element ("<h5>Autor:</h5>Peter Maahn"): the next text names.
            const Node* q = NextInPreorder(n, root);
            for (int k = 0; q && k < 6 && !q->IsText(); ++k) q = NextInPreorder(q, root);
            if (q && q->IsText()) {
              std::string next = CollapseWhitespace(q->data());
              if (!next.empty() && next.size() <= 100) names = BylineNames(t + " " + next);
            }
          }
          if (LookLikeNames(names, 1)) return names;
        }
      }
    }
    n = NextInPreorder(n, root);
  }
  return {};
}

}  // namespace matn::metadata_internal
