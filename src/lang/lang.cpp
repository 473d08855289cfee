// Language identification: CLD2 for the world, letters and vocabulary for the
// Persian-script languages CLD2 confuses or does not have (Dari).
#include <cstdio>  // CLD2's header uses FILE without including it
#include <cld2/public/compact_lang_det.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "matn/lang.h"
#include "encoding/codepoint.h"
#include "lang/function_words.h"

namespace CLD2 {
const char* LanguageCode(Language lang);  // lang_script.h, not in the public header
}

namespace matn {
namespace {

constexpr size_t kMaxScanBytes = 64 * 1024;

// Decodes one code point from valid UTF-8 (callers pass the encoding layer's
// output); on a malformed byte it consumes one byte and returns U+FFFD.
char32_t NextCodePoint(std::string_view s, size_t* i) {
  unsigned char c = s[*i];
  if (c < 0x80) { ++*i; return c; }
  int len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 0;
  if (len == 0 || *i + len > s.size()) { ++*i; return 0xFFFD; }
  char32_t cp = c & (0x3F >> (len - 1));
  for (int k = 1; k < len; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[*i + k]) & 0x3F);
  *i += len;
  return cp;
}

enum Script { kOther, kLatin, kCyrillic, kArabic, kHan, kKana, kHangul, kGreek, kHebrew, kDevanagari, kThai,
              kNumScripts };

Script ScriptOf(char32_t c) {
  if (c < 0x80) return ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') ? kLatin : kOther;
  if (c >= 0xC0 && c <= 0x24F && c != 0xD7 && c != 0xF7) return kLatin;
  if (c >= 0x370 && c <= 0x3FF) return kGreek;
  if (c >= 0x400 && c <= 0x52F) return kCyrillic;
  if (c >= 0x5D0 && c <= 0x5EA) return kHebrew;
  if ((c >= 0x620 && c <= 0x64A) || (c >= 0x671 && c <= 0x6D3) || (c >= 0x6D5 && c <= 0x6D5) ||
      (c >= 0x6FA && c <= 0x6FC) || (c >= 0xFB50 && c <= 0xFDFF) || (c >= 0xFE70 && c <= 0xFEFF))
    return kArabic;
  if (c >= 0x900 && c <= 0x97F) return kDevanagari;
  if (c >= 0xE00 && c <= 0xE7F) return kThai;
  if ((c >= 0x3040 && c <= 0x30FF) || (c >= 0x31F0 && c <= 0x31FF)) return kKana;
  if ((c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x20000 && c <= 0x2FFFF)) return kHan;
  if ((c >= 0xAC00 && c <= 0xD7AF) || (c >= 0x1100 && c <= 0x11FF)) return kHangul;
  if (c >= 0x1E00 && c <= 0x1EFF) return kLatin;
  return kOther;
}

struct ArabicLetters {
  int total = 0;
  int pashto = 0;   // ټ ډ ړ ږ ښ ځ څ ګ ڼ ۍ ې
  int urdu = 0;     // ٹ ڈ ڑ ں ے
  int sorani = 0;   // ڕ ڵ ۆ ێ ە
  int persian = 0;  // پ چ ژ گ (Persian, Dari, Urdu, Pashto, Sorani — but not Arabic)
  int arabic = 0;   // ة ى and Arabic yeh/kaf ي ك
  int farsi_yeh_keheh = 0;  // ی ک: the Persian forms (also Urdu, Pashto), never in Arabic text
};

void CountArabicLetter(char32_t c, ArabicLetters* a) {
  ++a->total;
  switch (c) {
    case 0x067C: case 0x0689: case 0x0693: case 0x0696: case 0x069A: case 0x0681: case 0x0685:
    case 0x06AB: case 0x06BC: case 0x06CD: case 0x06D0:
      ++a->pashto; break;
    case 0x0679: case 0x0688: case 0x0691: case 0x06BA: case 0x06D2:
      ++a->urdu; break;
    case 0x0695: case 0x06B5: case 0x06C6: case 0x06CE: case 0x06D5:
      ++a->sorani; break;
    case 0x067E: case 0x0686: case 0x0698: case 0x06AF:
      ++a->persian; break;
    case 0x0629: case 0x0649: case 0x064A: case 0x0643:
      ++a->arabic; break;
    case 0x06CC: case 0x06A9:
      ++a->farsi_yeh_keheh; break;
    default: break;
  }
}

std::string_view PrimaryCode(std::string_view cld) {
  size_t dash = cld.find('-');
  return dash == std::string_view::npos ? cld : cld.substr(0, dash);
}

// --- Dari vs Iranian Persian evidence -------------------------------------

struct Lexicon {
  std::unordered_map<std::string, int> word_weight;   // > 0 Dari, < 0 Iranian
  std::unordered_map<std::string, int> month_weight;  // counted only next to a number
};

const Lexicon& PersianLexicon() {
  static const Lexicon lex = [] {
    Lexicon l;
    for (const char* w : {"ولایت", "ولایات", "ولسوالی", "ولسوالیها", "ولسوال", "شفاخانه", "شفاخانهها", "پوهنتون",
                          "پوهنتونها", "پوهنځی", "شاروالی", "شاروال", "موتر", "موترها", "داکتر", "داکتران", "پولیس",
                          "افغانی", "جنوری", "فبروری", "اپریل", "سپتمبر", "اکتوبر", "نومبر", "دسمبر", "واکسین",
                          "کمپاین", "دوکان", "دوکانها", "تیلفون", "انجنیر", "معارف", "لوی", "ښاروالی", "قوماندان",
                          "قوماندانی", "ولسی", "مشرانو", "څارنوالی", "سارنوالی", "سارنوال", "ستره", "محکمه",
                          "اکادمی", "لیسه", "لیسهها", "کانکور", "تذکره", "سرک", "سرکها", "جرگه",
                          "امنیه", "محصلان", "محصلین"})
      l.word_weight[w] = 2;
    for (const char* w : {"استان", "استانها", "استاندار", "استانداری", "شهرستان", "شهرستانها", "بیمارستان",
                          "بیمارستانها", "دانشگاه", "دانشگاهها", "شهرداری", "شهردار", "خودرو", "خودروها", "دکتر",
                          "پلیس", "تومان", "ریال", "ژانویه", "فوریه", "آوریل", "ژوئن", "ژوئیه", "سپتامبر", "اکتبر",
                          "نوامبر", "دسامبر", "واکسن", "مجلس", "اسلامی", "ایران", "تهران", "آموزش", "پرورش",
                          "کنکور", "دبیرستان", "دبیرستانها", "گذرنامه", "اتوبوس", "کامیون", "دانشجویان"})
      l.word_weight[w] = -2;
    for (const char* m : {"حمل", "ثور", "جوزا", "سرطان", "اسد", "سنبله", "میزان", "عقرب", "قوس", "جدی", "دلو", "حوت"})
      l.month_weight[m] = 4;
    for (const char* m : {"فروردین", "اردیبهشت", "خرداد", "تیر", "مرداد", "شهریور", "مهر", "آبان", "آذر", "دی",
                          "بهمن", "اسفند"})
      l.month_weight[m] = -4;
    return l;
  }();
  return lex;
}

bool IsDigit(char32_t c) { return (c >= '0' && c <= '9') || (c >= 0x660 && c <= 0x669) || (c >= 0x6F0 && c <= 0x6F9); }

// Appends `c` to `word` with Arabic yeh/kaf folded to their Persian forms, so
// "ولايت" and "ولایت" count alike.
void AppendFolded(char32_t c, std::string* word) {
  if (c == 0x064A || c == 0x0649) c = 0x06CC;
  if (c == 0x0643) c = 0x06A9;
  utf8::AppendCodePoint(c, word);
}

}  // namespace

int DariEvidence(std::string_view text) {
  const Lexicon& lex = PersianLexicon();
  text = text.substr(0, std::min(text.size(), kMaxScanBytes));
  int score = 0;
  std::string word;
  bool prev_was_number = false;  // the token before `word` was a number
  int pending_month = 0;         // a month word waiting for a following number
  auto finish_word = [&](bool next_is_number) {
    if (word.empty()) return;
    if (auto it = lex.month_weight.find(word); it != lex.month_weight.end()) {
      if (prev_was_number || next_is_number) score += it->second; else pending_month = it->second;
    } else {
      pending_month = 0;
      if (auto w = lex.word_weight.find(word); w != lex.word_weight.end()) score += w->second;
    }
    word.clear();
    prev_was_number = false;
  };
  size_t i = 0;
  bool in_number = false;
  while (i < text.size()) {
    char32_t c = NextCodePoint(text, &i);
    if (IsDigit(c)) {
      if (!in_number) {
        if (!word.empty()) {
          finish_word(/*next_is_number=*/true);
        } else if (pending_month) {
          score += pending_month;  // "سرطان ۱۴۰۳": the number follows the month
          pending_month = 0;
        }
      }
      in_number = true;
      continue;
    }
    if (in_number) {
      in_number = false;
      prev_was_number = true;
    }
    // ZWNJ splits "ولسوالی‌ها" into "ولسوالی" + "ها", which is what the lexicon holds.
    if (c != 0x200C && ScriptOf(c) == kArabic) {
      AppendFolded(c, &word);
    } else if (c == ' ' || c == '\n' || c == '\t' || c == 0xA0) {
      finish_word(false);
    } else {
      finish_word(false);
      pending_month = 0;
      prev_was_number = false;
    }
  }
  finish_word(false);
  return score;
}

namespace {

// A prefix of at most `max` bytes that does not split a UTF-8 sequence.
std::string_view Prefix(std::string_view text, size_t max) {
  if (text.size() <= max) return text;
  size_t cut = max;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  return text.substr(0, cut);
}

// CLD2 is reliable on a few KB and its cost grows with the input: on the bench
// pages (831) a 3 KB prefix gives the same answers as 8 KB, 2 KB changes one.
constexpr size_t kCld2Bytes = 4 * 1024;
// When the page declares a language, a first look at a shorter prefix only has
// to confirm it; the full sample is read only when it disagrees.
constexpr size_t kCld2ConfirmBytes = 1024;

// What the letters say, computed once per text and shared by both CLD2 looks.
struct ScriptCounts {
  std::string_view text;  // the scanned prefix
  std::array<int, kNumScripts> scripts{};
  ArabicLetters arabic;
  int letters = 0;
};

// Counts the letters of each script; kOther is not counted exactly (nothing
// reads it). On valid UTF-8 the 16-byte blocks give the same letter counts as
// decoding every character.
ScriptCounts CountScripts(std::string_view text) {
  ScriptCounts sc;
  sc.text = Prefix(text, kMaxScanBytes);
  const size_t n = sc.text.size();
  auto count = [&sc](size_t* i) {
    const char32_t c = NextCodePoint(sc.text, i);
    const Script s = ScriptOf(c);
    ++sc.scripts[s];
    if (s == kArabic) CountArabicLetter(c, &sc.arabic);
  };
  size_t i = 0;
#if defined(__SSE2__)
  // ASCII letters by mask; then each character that starts in the block (its
  // lead byte, C0..FF) is decoded, continuation bytes are skipped.
  for (; i + 16 <= n; i += 16) {
    const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(sc.text.data() + i));
    const __m128i y = _mm_or_si128(x, _mm_set1_epi8(0x20));
    const __m128i letter =
        _mm_and_si128(_mm_cmpgt_epi8(y, _mm_set1_epi8('a' - 1)), _mm_cmplt_epi8(y, _mm_set1_epi8('z' + 1)));
    sc.scripts[kLatin] += __builtin_popcount(static_cast<unsigned>(_mm_movemask_epi8(letter)));
    const unsigned high = static_cast<unsigned>(_mm_movemask_epi8(x));
    if (high == 0) continue;
    for (unsigned lead = high & static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpgt_epi8(x, _mm_set1_epi8(-65))));
         lead != 0; lead &= lead - 1) {
      size_t p = i + static_cast<size_t>(__builtin_ctz(lead));
      count(&p);
    }
  }
  // The tail starts on a character boundary, or on continuation bytes of a
  // character already counted, which decode to U+FFFD (kOther) one by one.
#endif
  while (i < n) count(&i);
  for (int s = kLatin; s < kNumScripts; ++s) sc.letters += sc.scripts[s];
  return sc;
}

// Persian-script texts are decided by letters and vocabulary (CLD2 has no Dari
// and confuses the family); returns false when the text is not one of them.
bool DetectArabicScript(const ScriptCounts& sc, LanguageGuess* guess) {
  const ArabicLetters& arabic = sc.arabic;
  if (arabic.total * 2 <= sc.letters) return false;
  // Per-mille rates of the letters that only one language of the family uses.
  auto rate = [&](int n) { return 1000.0 * n / arabic.total; };
  // Letters only one language uses are strong evidence even in a short text.
  double confidence = std::min(1.0, arabic.total / 100.0) * 0.5 + 0.5;
  if (rate(arabic.sorani) > 8) guess->code = "ckb";
  else if (rate(arabic.pashto) > 8) guess->code = "ps";
  else if (rate(arabic.urdu) > 8) guess->code = "ur";
  else if (rate(arabic.persian) < 2 && rate(arabic.arabic) > 10) guess->code = "ar";
  // A Persian text may lack پ چ ژ گ altogether (a few UI strings did); its
  // ی and ک still tell it from Arabic, which writes ي and ك.
  else if (rate(arabic.persian) >= 2 || arabic.farsi_yeh_keheh > 2 * arabic.arabic)
    guess->code = DariEvidence(sc.text) >= 4 ? "prs" : "fa";
  else guess->code = "ar";
  guess->confidence = confidence;
  return true;
}

LanguageGuess DetectWithCld2(const ScriptCounts& sc, size_t max_bytes) {
  LanguageGuess guess;
  std::string_view text = Prefix(sc.text, max_bytes);
  bool reliable = false;
  CLD2::Language lang3[3];
  int percent3[3];
  int text_bytes = 0;
  CLD2::Language lang = CLD2::ExtDetectLanguageSummary(text.data(), static_cast<int>(text.size()), true, lang3,
                                                        percent3, &text_bytes, &reliable);
  if (lang == CLD2::UNKNOWN_LANGUAGE) {
    // CLD2 gives up on short CJK snippets; the script alone is a fair answer there.
    const auto& scripts = sc.scripts;
    if (scripts[kKana] > 0 && scripts[kKana] * 10 > sc.letters) guess.code = "ja";
    else if (scripts[kHangul] * 2 > sc.letters) guess.code = "ko";
    else if (scripts[kHan] * 2 > sc.letters) guess.code = "zh";
    guess.confidence = guess.code.empty() ? 0.0 : 0.5;
    return guess;
  }
  std::string_view code = PrimaryCode(CLD2::LanguageCode(lang));
  if (code == "iw") code = "he";
  if (code == "un" || code == "xxx") return guess;
  guess.code = std::string(code);
  guess.confidence = (reliable ? 0.5 : 0.2) + 0.5 * percent3[0] / 100.0;
  return guess;
}

LanguageGuess Detect(const ScriptCounts& sc, size_t cld2_bytes) {
  LanguageGuess guess;
  if (sc.letters < 3) return guess;
  if (DetectArabicScript(sc, &guess)) return guess;
  return DetectWithCld2(sc, cld2_bytes);
}

}  // namespace

LanguageGuess DetectLanguage(std::string_view text) { return Detect(CountScripts(text), kCld2Bytes); }

namespace {

// Lowercased primary subtag, with the ISO 639-2/3 and legacy codes pages use
// folded to their BCP 47 forms; Afghan Persian becomes Dari.
std::string NormaliseDeclared(std::string_view tag) {
  std::string t;
  for (char c : tag) {
    if (c == ' ' || c == '\t' || c == '"' || c == '\'') continue;
    t.push_back(c == '_' ? '-' : static_cast<char>((c >= 'A' && c <= 'Z') ? c + 32 : c));
  }
  size_t comma = t.find(',');  // Content-Language may list several
  if (comma != std::string::npos) t.resize(comma);
  if (t == "fa-af" || t.rfind("prs", 0) == 0) return "prs";
  std::string primary = t.substr(0, t.find('-'));
  if (primary.size() < 2 || primary.size() > 3) return "";
  for (char c : primary) if (c < 'a' || c > 'z') return "";
  static const std::unordered_map<std::string, std::string> kAliases = {
      {"per", "fa"}, {"fas", "fa"}, {"pes", "fa"}, {"pus", "ps"}, {"pbt", "ps"}, {"pbu", "ps"}, {"urd", "ur"},
      {"ara", "ar"}, {"arb", "ar"}, {"eng", "en"}, {"ger", "de"}, {"deu", "de"}, {"fre", "fr"}, {"fra", "fr"},
      {"spa", "es"}, {"chi", "zh"}, {"zho", "zh"}, {"cmn", "zh"}, {"iw", "he"}, {"in", "id"}, {"ji", "yi"},
      {"jw", "jv"}, {"kur", "ku"}, {"rus", "ru"}};
  if (auto it = kAliases.find(primary); it != kAliases.end()) return it->second;
  if (primary == "xx" || primary == "und" || primary == "mul" || primary == "zxx") return "";
  return primary;
}

enum Family { kFamilyUnknown, kFamilyArabic, kFamilyCjk, kFamilyCyrillic, kFamilyGreek, kFamilyHebrew,
              kFamilyIndic, kFamilyThai, kFamilyLatin };

Family FamilyOf(std::string_view code) {
  static const std::unordered_map<std::string_view, Family> kFamilies = {
      {"ar", kFamilyArabic}, {"fa", kFamilyArabic}, {"prs", kFamilyArabic}, {"ps", kFamilyArabic},
      {"ur", kFamilyArabic}, {"ckb", kFamilyArabic}, {"ku", kFamilyArabic}, {"sd", kFamilyArabic},
      {"ug", kFamilyArabic}, {"zh", kFamilyCjk}, {"ja", kFamilyCjk}, {"ko", kFamilyCjk},
      {"ru", kFamilyCyrillic}, {"uk", kFamilyCyrillic}, {"bg", kFamilyCyrillic}, {"sr", kFamilyCyrillic},
      {"mk", kFamilyCyrillic}, {"be", kFamilyCyrillic}, {"kk", kFamilyCyrillic}, {"mn", kFamilyCyrillic},
      {"el", kFamilyGreek}, {"he", kFamilyHebrew}, {"yi", kFamilyHebrew}, {"hi", kFamilyIndic},
      {"mr", kFamilyIndic}, {"ne", kFamilyIndic}, {"th", kFamilyThai}};
  if (code.empty()) return kFamilyUnknown;
  auto it = kFamilies.find(code);
  return it == kFamilies.end() ? kFamilyLatin : it->second;
}

// Function words (lang/function_words.h) answer for English and German
// running text without CLD2: they confirm a declaration from the 1 KB CLD2
// would first look at, and name the language of an undeclared page from the
// 4 KB CLD2 would read. Latin-script text only: the lists are Latin-script.
bool LatinText(const ScriptCounts& sc) { return sc.letters >= 3 && sc.scripts[kLatin] * 10 >= sc.letters * 9; }

bool ConfirmedByFunctionWords(const ScriptCounts& sc, std::string_view declared) {
  return LatinText(sc) && lang::FunctionWordsConfirm(declared, Prefix(sc.text, kCld2ConfirmBytes));
}

std::string_view FunctionWordsAnswer(const ScriptCounts& sc) {
  return LatinText(sc) ? lang::FunctionWordsLanguage(Prefix(sc.text, kCld2Bytes)) : std::string_view();
}

}  // namespace

LanguageGuess ResolveLanguage(std::string_view declared_raw, std::string_view text) {
  std::string declared = NormaliseDeclared(declared_raw);
  const ScriptCounts sc = CountScripts(text);
  if (declared.empty()) {
    if (std::string_view fw = FunctionWordsAnswer(sc); !fw.empty()) return {std::string(fw), 0.9, false};
    return Detect(sc, kCld2Bytes);
  }
  LanguageGuess kept{declared, 1.0, true};
  LanguageGuess detected;
  if (sc.letters < 3 || !DetectArabicScript(sc, &detected)) {
    // Most declarations are right: their function words, or else a short look
    // by CLD2 that agrees, settle it.
    if (ConfirmedByFunctionWords(sc, declared)) return kept;
    if (sc.text.size() > kCld2ConfirmBytes && Detect(sc, kCld2ConfirmBytes).code == declared) return kept;
    detected = Detect(sc, kCld2Bytes);
  }
  if (detected.code.empty()) return kept;
  if (FamilyOf(declared) != FamilyOf(detected.code)) return detected;  // e.g. a template's "en" on Persian text
  if (declared == detected.code) return kept;
  if (FamilyOf(declared) == kFamilyArabic) {
    // Letters decide within the family: a "fa" page full of Pashto letters is Pashto,
    // and "fa" (the macrolanguage) is refined to Dari on clear evidence.
    if (declared == "fa" && detected.code == "prs") return detected;
    if (declared == "prs" && detected.code == "fa") return kept;
    return detected.confidence >= 0.9 ? detected : kept;
  }
  // Same script, different language: trust the text only when it is long and the detector sure.
  return (detected.confidence >= 0.95 && text.size() >= 400) ? detected : kept;
}

}  // namespace matn
