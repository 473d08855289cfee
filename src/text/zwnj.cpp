// ZWNJ repair: see include/matn/text.h for the contract and the rules.
//
// Words are analysed in a folded spelling (ي→ی, ك→ک, no kashida or diacritics)
// so that evidence from the word list applies to unnormalised text; cut
// positions are mapped back to the original bytes, which are never changed.
#include <array>
#include <span>
#include <string>
#include <vector>

#include "matn/text.h"
#include "text/lexicon.h"
#include "text/utf8.h"

namespace matn {
namespace {

using text::kZwnj;
using text::Lexicon;
using sv = std::string_view;

constexpr sv kZ = "\xE2\x80\x8C";  // U+200C in UTF-8
constexpr size_t kMaxWordChars = 40;  // longer "words" are not analysed (keeps the work linear)

bool IsArabicLetter(char32_t c) {
  return (c >= 0x0620 && c <= 0x064A) || (c >= 0x066E && c <= 0x06D3) || c == 0x06D5 ||
         (c >= 0x06EE && c <= 0x06EF) || (c >= 0x06FA && c <= 0x06FC) || c == 0x06FF ||
         (c >= 0x0750 && c <= 0x077F) || (c >= 0x08A0 && c <= 0x08C9);
}
bool IsArabicMark(char32_t c) {
  return (c >= 0x064B && c <= 0x065F) || c == 0x0670 || (c >= 0x06D6 && c <= 0x06ED) || c == 0x0640;
}
bool IsWordChar(char32_t c) { return IsArabicLetter(c) || IsArabicMark(c); }

bool JoinsForward(char32_t c) {
  int jt = u_getIntPropertyValue(static_cast<UChar32>(c), UCHAR_JOINING_TYPE);
  return jt == U_JT_DUAL_JOINING || jt == U_JT_LEFT_JOINING || jt == U_JT_JOIN_CAUSING;
}

size_t Chars(sv s) {
  size_t n = 0;
  for (unsigned char b : s) n += (b & 0xC0) != 0x80;
  return n;
}
char32_t LastCp(sv s) {
  if (s.empty()) return 0;
  size_t i = s.size() - 1;
  while (i > 0 && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) --i;
  return text::NextCodePoint(s, &i);
}
bool EndsWith(sv s, sv suf) { return s.size() >= suf.size() && s.substr(s.size() - suf.size()) == suf; }
bool StartsWith(sv s, sv pre) { return s.substr(0, pre.size()) == pre; }
std::string Cat(sv a, sv b) { return std::string(a).append(b); }
std::string Cat(sv a, sv b, sv c) { return std::string(a).append(b).append(c); }

constexpr sv kHe = "ه";
// Plural suffix and the possessive clitics it carries, longest first.
constexpr sv kPlural[] = {"هایشان", "هایتان", "هایمان", "هایش", "هایت", "هایم", "هایی", "های", "ها"};
// Clitics written apart after silent ه: indefinite/adjectival ‑ای, copula/perfect
// ‑ام ‑ای ‑ایم ‑اید ‑اند, possessive ‑ام ‑ات ‑اش (and ‑ایش spelled out), longest first.
constexpr sv kHeClitics[] = {"ایشان", "اند", "اید", "ایم", "ای", "ام", "اش", "ات"};
// Personal endings of a past stem (3sg has none), longest first.
constexpr sv kPastEndings[] = {"یم", "ید", "ند", "م", "ی", ""};
// Second elements of compounds that Persian writes after a ZWNJ (agentive and
// adjectival suffixoids); a compound is only cut when the first part is a known word.
constexpr sv kSecondElements[] = {
    "کنندگان", "کنندگی", "کننده", "دهندگان", "دهنده", "امیز", "انگیز", "پذیری", "پذیر", "ناپذیر",
    "سازی", "ساز", "گذاری", "گذار", "شناسی", "شناس", "اور", "اوری", "افزار", "اندازی", "اباد", "وگو",
    "گیری", "گیرنده", "رسانی", "رسان", "بندی", "زده", "زدگان", "زدگی", "نویس", "نویسی", "پردازی",
    "نشین", "نشینی", "دهی"};
// More bound second elements, mostly present stems, which never stand as a word
// of their own after a noun (an imperative would take ب‑), so a space before
// them stood for a ZWNJ. Only spaced pieces are joined: fused spellings of
// these compounds (مردمسالاری، فیلمبرداری) are common and stay.
constexpr sv kSpacedSecondElements[] = {
    "تبار", "پوش", "پوشان", "گرا", "گرایی", "گرایان", "محور", "محوری", "ستیز", "ستیزی", "نگار",
    "نگاری", "نگاران", "شکن", "شکنی", "افرین", "افرینی", "الود", "زدایی", "جانبه", "پراکنی",
    "پرست", "پرستی", "پرستان", "انداز", "برداری", "شناختی", "خیز", "زا", "گریز", "طلبان",
    "سالاری"};
// The agent suffix ‑گر (bound) and its derivatives; گران is also the free
// adjective "expensive", so these join only when the list knows X+گر.
constexpr sv kGarForms[] = {"گر", "گری", "گران", "گرها"};
// Words that never start a compound in the rules above: prepositions,
// conjunctions, determiners, pronouns.
constexpr sv kFunctionWords[] = {"و", "در", "به", "از", "با", "که", "را", "این", "ان", "تا", "بر",
                                 "برای", "بین", "هم", "نیز", "یا", "اما", "چون", "اگر", "هر", "خود",
                                 "او", "ما", "شما", "من", "انها", "اینها", "همین", "همان"};
// Numerals start compounds (سه‌جانبه، چندملیتی) but the word list lacks some.
constexpr sv kNumerals[] = {"یک", "دو", "سه", "چهار", "پنج", "شش", "هفت", "هشت", "نه", "ده", "چند", "همه"};
// First elements that are prepositions/adverbs on their own but prefixes in
// the compounds the word list writes with a ZWNJ (پیش‌بینی، فرا‌ملی، غیر‌نظامی).
constexpr sv kPrefixLike[] = {"پیش", "پس", "فرا", "فرو", "ضد", "غیر", "نیمه", "فوق"};
// Copula and auxiliaries, which follow a participle or noun as a word of their own.
constexpr sv kCopulas[] = {"است", "اند", "ام", "ای", "ایم", "اید", "بود", "بودند", "باشد", "باشند",
                           "بوده", "شد", "شده", "شدند", "شود", "شوند"};
// Listed compounds a second element must end before it counts as productive.
constexpr uint32_t kMinSecondElementCount = 3;
// Comparatives that keep ‑تر/‑ترین joined (Farhangestan's exceptions).
constexpr sv kFusedComparatives[] = {"بیش", "کم", "به", "مه", "که"};

// Nouns that start with می and would pass for a verb without the word list.
constexpr sv kMiNouns[] = {"میلیون", "میلیارد", "میان", "میز", "میلادی", "میدان", "میزان",
                                         "میراث", "میهن", "میوه", "میل", "میکروب", "میهمان", "میخ"};
// Words ending in ها that are not plurals, for the same case.
constexpr sv kHaWords[] = {"تنها", "انها", "اینها", "انتها", "اشتها", "رها", "بها", "ماها"};

// Suffixes that are not words of their own but follow a silent ه after a ZWNJ.
constexpr sv kAfterSilentHe[] = {"مند", "مندان", "مندی", "وار", "تر", "ترین"};

// Arabic-article second elements of theophoric names (هبت‌الله، فضل‌الحق).
constexpr sv kNameElements[] = {"الله", "الحق", "الدین", "الرحمن", "الرحیم", "الملک", "الاسلام"};

template <class List>
bool In(const List& list, sv w) {
  for (sv x : list)
    if (x == w) return true;
  return false;
}

class Repairer {
 public:
  explicit Repairer(const Lexicon& lex) : lex_(lex), have_(lex.available()) {}

  // Cut points (byte offsets into the folded word `w`, which has no ZWNJ)
  // where a ZWNJ was lost. Appends to *cuts in increasing order.
  void SplitFused(sv w, std::vector<size_t>* cuts) const;
  // Whether the single space between pieces x and y stood for a ZWNJ.
  bool ShouldJoin(sv x, sv y) const;

 private:
  bool Has(sv w) const { return lex_.Has(w); }
  bool Known(sv w) const {
    if (!have_) return Chars(w) >= 2;
    return Has(w) || !lex_.ZwnjFormOf(w).empty();
  }
  // A listed word that takes ‑ها/‑تر itself: تنها، رها (not a plural).
  bool LexicalHa(sv w) const {
    if (!have_) return In(kHaWords, w);
    return In(kHaWords, w) || Has(Cat(w, "ها")) || Has(Cat(w, kZ, "ها")) || Has(Cat(w, "تر"));
  }
  // The part after می/نمی is a verb form: a listed present form, or a past
  // stem (ends in د/ت and has a listed infinitive) plus a personal ending.
  bool VerbRest(sv r) const;
  // A finite verb or participle (پیش برویم، پیش رفته): compound verbs stay apart.
  bool VerbForm(sv y) const {
    return Has(Cat("می", kZ, y)) || Has(Cat("ن", y)) || Has(Cat(y, "ن")) ||
           (EndsWith(y, kHe) && Has(Cat(y.substr(0, y.size() - kHe.size()), "ن")));
  }
  bool ZwnjCuts(sv w, std::vector<size_t>* cuts) const;
  bool BoundBoundary(sv left, sv right) const;
  // x + Arabic-article word as one compound: فضل‌الحق، قاضی‌القضات، بین‌المللی.
  bool ArticleCompound(sv x, sv y) const;
  bool PrefersPlural(sv bare) const;
  bool PluralFirst(sv w, std::vector<size_t>* cuts) const;
  bool SuffixCuts(sv w, std::vector<size_t>* cuts) const;
  bool ComparativeCuts(sv w, std::vector<size_t>* cuts) const;
  bool ProductiveCompound(sv x, sv y) const;
  bool CompoundCuts(sv w, std::vector<size_t>* cuts) const;
  void AddCut(sv w, size_t at, std::vector<size_t>* cuts) const {
    // Invisible after a non-joining letter: such words are written without it.
    if (at > 0 && at < w.size() && JoinsForward(LastCp(w.substr(0, at)))) cuts->push_back(at);
  }

  const Lexicon& lex_;
  bool have_;
};

bool Repairer::VerbRest(sv r) const {
  if (Chars(r) < 2) return false;
  if (!have_) return true;
  if (Has(Cat("می", kZ, r))) return true;
  for (sv e : kPastEndings) {
    if (!EndsWith(r, e)) continue;
    sv stem = r.substr(0, r.size() - e.size());
    if (Chars(stem) < 2 || !(EndsWith(stem, "د") || EndsWith(stem, "ت"))) continue;
    if (Has(Cat(stem, "ن"))) return true;
  }
  return false;
}

// Cuts copied from the listed ZWNJ spelling of `w`, if there is one. When the
// list also has `w` without ZWNJ (پیشرفت and پیش‌رفت, اینکه and این‌که), only
// boundaries before/after a bound morpheme are taken: می‌کند, امکان‌پذیر.
bool Repairer::ZwnjCuts(sv w, std::vector<size_t>* cuts) const {
  sv z = lex_.ZwnjFormOf(w);
  if (z.empty()) return false;
  const bool both = Has(w) && !lex_.IsCommonCompound(z);
  size_t plain = 0, found = 0;
  for (size_t i = 0; i < z.size();) {
    if (z.compare(i, kZ.size(), kZ) == 0) {
      if (!both || BoundBoundary(w.substr(0, plain), w.substr(plain))) {
        AddCut(w, plain, cuts);
        ++found;
      }
      i += kZ.size();
    } else {
      ++i;
      ++plain;
    }
  }
  return found > 0 || !both;
}

bool Repairer::BoundBoundary(sv left, sv right) const {
  if (left == "می" || left == "نمی" || left == "بی") return true;
  if (StartsWith(right, "ها") || StartsWith(right, "تر")) return true;
  if (EndsWith(left, kHe))
    for (sv c : kHeClitics)
      if (right == c) return true;
  for (sv e : kSecondElements)
    if (StartsWith(right, e)) return true;
  return false;
}

// "روزهای": روز‌های (days) or روزه‌ای (a fast)? Both spellings are listed, so
// the choice is by the shape of the bare word: a noun (its plural is listed)
// ending in a non-joining letter, ه, ت or ی mostly forms plurals here
// (روزهای، ماههای، پیشرفتهای، تخطیهای), while after other letters the ه + ‑ای
// reading is the productive one (منطقهای، رسانهای، حرفهای).
bool Repairer::PrefersPlural(sv bare) const {
  if (Chars(bare) < 2 || !Known(bare)) return false;
  if (have_ && !Has(Cat(bare, "ها")) && !Has(Cat(bare, kZ, "ها"))) return false;
  char32_t last = LastCp(bare);
  return !JoinsForward(last) || last == U'ه' || last == U'ت' || last == U'ی';
}

bool Repairer::PluralFirst(sv w, std::vector<size_t>* cuts) const {
  for (sv p : {sv("هایشان"), sv("هایم"), sv("های")}) {
    if (!EndsWith(w, p)) continue;
    sv bare = w.substr(0, w.size() - p.size());
    if (!PrefersPlural(bare) || LexicalHa(Cat(bare, "ها"))) return false;
    ZwnjCuts(bare, cuts);
    AddCut(w, bare.size(), cuts);
    return true;
  }
  return false;
}

bool Repairer::SuffixCuts(sv w, std::vector<size_t>* cuts) const {
  // ه + clitic first: "منطقهای" is منطقه‌ای, not منطق‌های.
  for (sv c : kHeClitics) {
    if (!EndsWith(w, c)) continue;
    sv x = w.substr(0, w.size() - c.size());
    if (Chars(x) < 3 || !EndsWith(x, kHe) || !Known(x)) continue;
    ZwnjCuts(x, cuts);
    AddCut(w, x.size(), cuts);
    return true;
  }
  for (sv p : kPlural) {
    if (!EndsWith(w, p)) continue;
    sv x = w.substr(0, w.size() - p.size());
    if (Chars(x) < 2 || LexicalHa(Cat(x, "ها"))) continue;
    if (!Known(x)) {
      // An unlisted base (loanwords, names, Dari spellings: لینکهای) still
      // takes the plural when the whole form is not a listed word.
      std::vector<size_t> inner;
      if (CompoundCuts(x, &inner)) {
        cuts->insert(cuts->end(), inner.begin(), inner.end());
      } else if (Chars(x) < 3 || Has(w)) {
        continue;
      }
    } else {
      ZwnjCuts(x, cuts);
    }
    AddCut(w, x.size(), cuts);
    return true;
  }
  return false;
}

// ‑تر/‑ترین are written apart (Farhangestan: بزرگ‌تر، مهم‌ترین) except in the
// few lexicalised comparatives (بیشتر، کمتر، بهتر). A form is a comparative
// when the list has its base and the superlative of that base: this keeps
// دفتر، بستر، دختر whole.
bool Repairer::ComparativeCuts(sv w, std::vector<size_t>* cuts) const {
  if (!have_) return false;
  for (sv suf : {sv("ترین"), sv("تر")}) {
    if (!EndsWith(w, suf)) continue;
    sv x = w.substr(0, w.size() - suf.size());
    if (Chars(x) < 2 || In(kFusedComparatives, x) || !Has(x) || !Has(Cat(x, "ترین"))) return false;
    if (suf == "تر" && !Has(w)) return false;
    AddCut(w, x.size(), cuts);
    return true;
  }
  return false;
}

bool Repairer::ArticleCompound(sv x, sv y) const {
  if (!StartsWith(y, "ال") || Chars(x) < 2 || !JoinsForward(LastCp(x))) return false;
  if (In(kNameElements, y)) return Chars(x) >= 3 || Known(x);
  // ال + a known word, where ال… is not itself a Persian word (البته، الگو، الان).
  sv b = y.substr(sv("ال").size());
  return have_ && Chars(b) >= 3 && Has(b) && !Has(y) && Has(x);
}

bool Repairer::CompoundCuts(sv w, std::vector<size_t>* cuts) const {
  if (!have_ || Has(w)) return false;
  for (size_t at = w.find("ال", 1); at != sv::npos; at = w.find("ال", at + 1)) {
    if (ArticleCompound(w.substr(0, at), w.substr(at))) {
      AddCut(w, at, cuts);
      return true;
    }
  }
  // Both suffixoid lists here: the word itself is unlisted, so no fused spelling competes.
  using Span = std::span<const sv>;
  for (Span list : {Span(kSecondElements), Span(kSpacedSecondElements)}) {
    for (sv s : list) {
      if (!EndsWith(w, s)) continue;
      sv x = w.substr(0, w.size() - s.size());
      if (Chars(x) >= 2 && Known(x)) {
        ZwnjCuts(x, cuts);
        AddCut(w, x.size(), cuts);
        return true;
      }
    }
  }
  // A silent final ه (after a consonant: خانه، تهیه — not the consonant ه of
  // کوه، راه) never joins the next morpheme: زنده‌جان، فاجعه‌بار، علاقه‌مند.
  size_t best = 0;
  for (size_t at = w.find(kHe, 2); at != sv::npos && at + kHe.size() < w.size(); at = w.find(kHe, at + 1)) {
    sv x = w.substr(0, at + kHe.size()), y = w.substr(at + kHe.size());
    char32_t before = LastCp(x.substr(0, at));
    if (Chars(x) < 3 || before == U'ا' || before == U'و' || !Has(x)) continue;
    if ((Chars(y) >= 2 && Has(y)) || In(kAfterSilentHe, y)) best = x.size();
  }
  if (best) {
    AddCut(w, best, cuts);
    return true;
  }
  return false;
}

void Repairer::SplitFused(sv w, std::vector<size_t>* cuts) const {
  size_t n = Chars(w);
  if (n < 3 || n > kMaxWordChars) return;
  if (PluralFirst(w, cuts)) return;
  if (ZwnjCuts(w, cuts)) return;
  // A listed word without a ZWNJ spelling is taken as written (میلادی، تنها).
  bool listed = have_ && Has(w);
  for (sv pre : {sv("نمی"), sv("می")}) {
    if (!StartsWith(w, pre)) continue;
    sv r = w.substr(pre.size());
    if (listed || In(kMiNouns, w)) break;
    if (VerbRest(r)) {
      AddCut(w, pre.size(), cuts);
      return;
    }
  }
  if (ComparativeCuts(w, cuts)) return;
  if (SuffixCuts(w, cuts)) return;
  if (!listed) CompoundCuts(w, cuts);
}

bool Repairer::ShouldJoin(sv x, sv y) const {
  if (x.empty() || y.empty()) return false;
  // ‑ها never stands alone: a space before it stood for a ZWNJ, also after
  // آن/این (آن‌ها، این‌ها) and words that have a lexical ‑ها of their own.
  if (In(kPlural, y)) return true;
  // Nor does the verbal prefix (the free noun می "wine" is poetic): the next
  // piece is its verb when the list says so, or when the list does not know the
  // piece at all (Dari and colloquial forms); a known non-verb stays apart.
  if (x == "می" || x == "نمی")
    return Chars(y) >= 2 && !In(kFunctionWords, y) && y != "می" && y != "نمی" && (VerbRest(y) || !Known(y));
  // Possessive ‑اش/‑ات are bound; the indefinite/adjectival ‑ای is bound after
  // silent ه (elsewhere ای is also the vocative "O"). The perfect's copula
  // (گفته اند، رفته ام) is legitimately written apart in Dari, so it stays.
  if (y == "اش" || y == "ات") return Chars(x) >= 2;
  // A lone ی/یی (ezafe or indefinite after a vowel: خانه‌ی، جا‌یی) is never a word.
  if (y == "ی" || y == "یی") return Chars(x) >= 2;
  if (y == "ای") return EndsWith(x, kHe) && Chars(x) >= 2;
  if (In(kHeClitics, y)) return false;
  // A compound listed with a ZWNJ at exactly this boundary — but not two free
  // words (ایالات متحده، گفته است): the word list joins many a phrase that
  // careful writers keep apart. matn's own compounds are always joined.
  if (lex_.JoinsWhenSpaced(Cat(x, kZ, y))) return true;
  sv z = lex_.ZwnjFormOf(Cat(x, y));
  if (!z.empty() && z.size() == x.size() + kZ.size() + y.size() && z.substr(x.size(), kZ.size()) == kZ &&
      (lex_.IsCommonCompound(z) || (have_ && Chars(x) >= 3 && (!Has(x) || !Has(y)))))
    return true;
  if (!have_ || In(kFunctionWords, x)) return false;
  if (In(kSecondElements, y) || In(kSpacedSecondElements, y)) return Known(x) || In(kNumerals, x);
  if (In(kGarForms, y)) return Known(x) && (Has(Cat(x, "گر")) || Has(Cat(x, kZ, "گر")));
  // Only name elements: a general X + ال… join would glue quoted Arabic
  // (قال الرئيس) and Arabic names (القاهره).
  if (In(kNameElements, y) && ArticleCompound(x, y)) return true;
  if (x == "بی") return Has(Cat(x, kZ, y));
  if (In(kPrefixLike, x)) return Has(Cat(x, kZ, y)) && !VerbForm(y);
  if (y == "ترین" || y == "تر") return Has(Cat(x, "تر")) || Has(Cat(x, kZ, "تر"));
  return ProductiveCompound(x, y);
}

// Two free words the list joins with a ZWNJ (X‌Y), where Y ends many listed
// compounds (a productive second element, learned from the list: ‑سنگ، ‑رتبه
// are not, ‑نامه، ‑دهنده are) and neither part is a verb form: what the list
// joins beyond that is compound verbs, auxiliaries and phrases (گفته‌است،
// انجام‌دهد، ایالات‌متحده) that careful writers keep apart.
bool Repairer::ProductiveCompound(sv x, sv y) const {
  if (Chars(x) < 2 || Chars(y) < 2 || lex_.SecondElementCount(y) < kMinSecondElementCount) return false;
  if (!Has(x) || !Has(y) || !Has(Cat(x, kZ, y))) return false;
  if (In(kCopulas, y) || VerbForm(y) || VerbRest(y) || Has(Cat("می", kZ, Cat(y, "د")))) return false;
  // An infinitive (نشان دادن، برهم زدن) is the verb of a compound verb.
  if ((EndsWith(y, "دن") || EndsWith(y, "تن")) && Has(y.substr(0, y.size() - sv("ن").size()))) return false;
  return !VerbForm(x) && !VerbRest(x);
}

// ---- driving the rules over text ------------------------------------------------

// A word piece in folded spelling with the map back to the original bytes.
struct Folded {
  std::string s;
  std::vector<size_t> orig;  // for each byte of s that starts a char: original offset; plus end
};

Folded Fold(sv piece) {
  Folded f;
  for (size_t i = 0; i < piece.size();) {
    size_t at = i;
    char32_t c = text::NextCodePoint(piece, &i);
    c = text::FoldChar(c);
    if (c == 0) continue;
    size_t before = f.s.size();
    text::AppendUtf8(&f.s, c);
    f.orig.resize(f.s.size(), 0);
    f.orig[before] = at;
  }
  f.orig.push_back(piece.size());
  return f;
}

// Appends `piece` (Arabic word characters, no ZWNJ) with the lost ZWNJs restored.
void AppendRepairedPiece(const Repairer& rep, sv piece, std::string* out) {
  Folded f = Fold(piece);
  std::vector<size_t> cuts;
  rep.SplitFused(f.s, &cuts);
  size_t prev = 0;
  for (size_t c : cuts) {
    size_t o = c < f.s.size() ? f.orig[c] : piece.size();
    if (o <= prev || o >= piece.size()) continue;
    out->append(piece.substr(prev, o - prev)).append(kZ);
    prev = o;
  }
  out->append(piece.substr(prev));
}

std::string FoldedString(sv piece) { return Fold(piece).s; }

}  // namespace

bool ZwnjLexiconAvailable() { return Lexicon::Get().available(); }

std::string RepairZwnj(std::string_view in, ZwnjDamage damage) {
  const Repairer rep(Lexicon::Get());
  const bool joins = damage != ZwnjDamage::kDeleted, splits = damage != ZwnjDamage::kSpace;
  // Pass 1 (space damage): a single space between two Arabic-script pieces becomes
  // a ZWNJ when the rules say so. Pieces are the runs of word characters next to it.
  std::string joined;
  sv text = in;
  if (joins) {
    joined.reserve(in.size() + 16);
    size_t i = 0;
    while (i < in.size()) {
      size_t sp = in.find(' ', i);
      if (sp == sv::npos) break;
      joined.append(in.substr(i, sp - i));
      i = sp + 1;
      // Left piece: word characters back to a non-word character or ZWNJ.
      size_t lb = sp;
      while (lb > 0) {
        size_t k = lb - 1;
        while (k > 0 && (static_cast<unsigned char>(in[k]) & 0xC0) == 0x80) --k;
        size_t t = k;
        if (!IsWordChar(text::NextCodePoint(in, &t))) break;
        lb = k;
      }
      size_t re = i;
      while (re < in.size()) {
        size_t t = re;
        if (!IsWordChar(text::NextCodePoint(in, &t))) break;
        re = t;
      }
      bool join = false;
      if (lb < sp && re > i && sp - lb <= kMaxWordChars * 4 && re - i <= kMaxWordChars * 4)
        join = rep.ShouldJoin(FoldedString(in.substr(lb, sp - lb)), FoldedString(in.substr(i, re - i)));
      joined.append(join ? kZ : sv(" "));
    }
    joined.append(in.substr(i));
    text = joined;
  }
  if (!splits) return std::string(text);
  // Pass 2 (deleted ZWNJs): every maximal run of Arabic word characters is analysed.
  std::string out;
  out.reserve(text.size() + text.size() / 16);
  size_t i = 0;
  while (i < text.size()) {
    size_t start = i, t = i;
    if (!IsWordChar(text::NextCodePoint(text, &t))) {
      out.append(text.substr(i, t - i));
      i = t;
      continue;
    }
    size_t end = t;
    while (end < text.size()) {
      size_t u = end;
      if (!IsWordChar(text::NextCodePoint(text, &u))) break;
      end = u;
    }
    AppendRepairedPiece(rep, text.substr(start, end - start), &out);
    i = end;
  }
  return out;
}

}  // namespace matn
