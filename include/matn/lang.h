// matn/lang.h — which language a page is written in, as a BCP 47 tag.
//
// Two questions, answered separately and then reconciled:
//   DetectLanguage(text)   what the text itself says (CLD2 with its full
//                          tables, refined by script letters and evidence);
//   ResolveLanguage(...)   the page's answer: its declared language
//                          (<html lang>, Content-Language, og:locale) when that
//                          is plausible for the text, otherwise the detected one.
//
// PERSIAN-SCRIPT LANGUAGES
//
// They share one alphabet, so matn tells them apart by the letters each adds
// and by vocabulary:
//   ps   Pashto: ټ ډ ړ ږ ښ ځ څ ګ ڼ ۍ ې
//   ur   Urdu: ٹ ڈ ڑ ں ے ھ
//   ckb  Sorani Kurdish: ڕ ڵ ۆ ێ ە
//   ar   Arabic: ة and Arabic-only function words, no پ چ ژ گ
//   fa / prs  Iranian Persian vs Dari. No detector separates them; matn
//        counts evidence: Afghan Solar Hijri month names next to a number
//        (۱۵ سرطان), Afghan administrative and everyday vocabulary (ولایت,
//        ولسوالی, شفاخانه, پوهنتون, شاروالی, موتر, داکتر, پولیس …) against the
//        Iranian equivalents (استان, شهرستان, بیمارستان, دانشگاه, شهرداری,
//        خودرو, دکتر, پلیس …) and Iranian month names (فروردین …). Dari wins
//        only on a clear margin; otherwise the text is "fa". A page that
//        declares "fa-AF" is Dari ("prs"), and a declared "fa" is refined to
//        "prs" when the evidence is clear, because "fa" is the macrolanguage.
//
// Detection counts letters in at most the first 64 KB of text and gives CLD2 the
// first 4 KB (enough for a reliable answer). ResolveLanguage spares most pages
// CLD2: English and German running text is recognised by its very common
// function words ("the", "of", "which" …; "der", "und", "nicht" …) when they
// make up a large share of the words CLD2 would read, which only text in that
// language does — a declared "en"/"de" is then kept, and an undeclared page
// gets that language (confidence 0.9). Otherwise, when a page declares a
// language, CLD2 first reads only 1 KB: if that agrees with the declaration,
// it is kept without reading more. Linear and allocation-light. Thread-safe.
#pragma once

#include <string>
#include <string_view>

namespace matn {

struct LanguageGuess {
  std::string code;         // BCP 47 primary tag ("en", "de", "fa", "prs", "ps", "zh", …); "" = unknown
  double confidence = 0.0;  // 0..1; meaningful for detected languages only
  bool declared = false;    // true when the page's own declaration was kept
};

// Detects the language of plain text. Returns code "" when the text is too
// short or gives no reliable signal.
LanguageGuess DetectLanguage(std::string_view text);

// The page's language: `declared` (any BCP 47 tag or locale such as "en-US",
// "fa_IR", "prs"; "" when none) is kept when it is plausible for `text` —
// same script family and not contradicted by a reliable detection — and
// normalised to its primary tag ("fa-AF" → "prs"); otherwise the detection.
LanguageGuess ResolveLanguage(std::string_view declared, std::string_view text);

// Fa/prs evidence score of a Persian-script text: > 0 leans Dari, < 0 Iranian.
// Exposed for tests and for tuning.
int DariEvidence(std::string_view text);

}  // namespace matn
