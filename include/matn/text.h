// matn/text.h — Persian-script text layer: Unicode hygiene, optional Persian
// normalisation, and repair of lost zero-width non-joiners (ZWNJ, U+200C).
//
// Three independent steps, applied in this order by `matn normalize` and by the
// output layer:
//
//   CleanText / CleanLines   always. Makes text safe and canonical without
//                            changing a single visible letter or a word boundary.
//   NormalizePersian         opt-in (--normalize fa|ps). Rewrites letters to the
//                            Persian (or Pashto) standard forms. Never applied to
//                            text the caller identifies as Arabic, Urdu, …
//   RepairZwnj               opt-in (--repair-zwnj). Puts back ZWNJs that a
//                            broken tool deleted or turned into spaces.
//
// Every function takes UTF-8 (invalid sequences become U+FFFD), returns UTF-8,
// never throws, and runs in time linear in the input.
//
// ---------------------------------------------------------------------------
// Hygiene (CleanText)
//
//   * NFC (ICU). Only text that a quick check reports as possibly non-NFC is
//     normalised, so ASCII and already-NFC text cost one scan.
//   * KEPT: U+200C ZWNJ (between letters), U+200D ZWJ (also in emoji sequences),
//     U+200E LRM, U+200F RLM, U+061C ALM — exactly where they stand.
//   * DROPPED: U+200B ZWSP, U+2060 WJ, U+00AD soft hyphen, U+FEFF (anywhere:
//     at the start it is a byte-order mark the decoder should have consumed,
//     elsewhere an obsolete word joiner), bidi embeddings/overrides/isolates
//     U+202A–U+202E and U+2066–U+2069 (they leak the page's layout into plain
//     text and can reorder what follows), C0/C1 control characters except
//     tab and line breaks.
//   * Whitespace: every run of spaces, tabs, line breaks (CleanText only) and
//     space-like characters (NBSP U+00A0, U+2000–U+200A, U+202F, U+205F,
//     U+3000, U+1680) becomes one U+0020; leading and trailing whitespace goes.
//     A character that is not whitespace is never turned into a space and a
//     space is never added or removed between two non-space characters, so
//     "می‌روم" can never become "می روم" or "میروم".
//   * A ZWNJ is kept only between two letters/combining marks (any script:
//     Indic scripts use it after a virama). A ZWNJ touching whitespace,
//     punctuation, a digit, the start/end of the text or another ZWNJ is noise
//     and goes ("غذایی،‌ وزن" → "غذایی، وزن", "a‌‌b" → "a‌b").
//
// ---------------------------------------------------------------------------
// Persian normalisation (NormalizePersian)
//
//   profile fa (Iranian Persian and Dari):
//     ي U+064A → ی U+06CC, ى U+0649 → ی, ك U+0643 → ک U+06A9,
//     kashida U+0640 removed,
//     ۀ U+06C0 → هٔ (U+0647 U+0654). Why this way: U+06C0 decomposes (NFD/NFKD)
//       to U+06D5 AE + hamza, not to ه, so a search for "خانه" misses "خانۀ";
//       ه + U+0654 keeps the base letter every Persian word has (ISIRI 6219
//       recommends it), and both render the same.
//   profile ps (Pashto): ك → ک and kashida removed, but ي and ی are two
//     different Pashto letters (final [i] vs [ay]) and stay apart, ۀ is a
//     letter of its own and stays, and Pashto's own letters (ټ ډ ړ ږ ښ ګ ڼ ې ۍ ئ)
//     are never touched.
//   digits (both profiles): kKeep (default, as the page wrote them), kLatin
//     (۰–۹ and ٠–٩ → 0–9), kPersian (0–9 and ٠–٩ → ۰–۹, except inside a token
//     that also holds a Latin letter: "MP3", "COVID-19", URLs stay as they are).
//
// ---------------------------------------------------------------------------
// ZWNJ repair (RepairZwnj)
//
// For Persian/Dari text whose ZWNJs were deleted ("کتابها میروم") or replaced
// by spaces ("کتاب ها می روم"). It inserts a ZWNJ only where evidence says one
// belongs; every other character is left exactly as given:
//   * prefix می/نمی before a verb form (a present form the word list has, or a
//     past stem — ends in د/ت and has a listed infinitive — plus a personal
//     ending): "میکند" → "می‌کند", "میکردند" → "می‌کردند"; listed nouns such as
//     میلیون، میان، میز، میلادی، میدان stay;
//   * plural ‑ها/‑های/‑هایی (+ possessive clitics): "کمکهای" → "کمک‌های";
//     lexical words such as تنها، انتها stay;
//   * ‑ای/‑ام/‑اند/‑اید/‑ایم/‑اش/‑ات after silent ه: "منطقهای" → "منطقه‌ای".
//     "Xهای" is read as a plural when X is a noun ending in ه/ت/ی or a
//     non-joining letter (روزهای، ماههای، پیشرفتهای), else as X+ه + ‑ای;
//   * compounds: forms the word list writes with a ZWNJ ("بینالمللی" →
//     "بین‌المللی"; when the list also has the fused spelling, only boundaries
//     at a bound morpheme count), a short built-in list of common news compounds
//     (آتش‌بس، گفت‌وگو، سه‌شنبه …), a known word + a suffixoid (‑کننده، ‑آمیز،
//     ‑پذیر، ‑سازی …), a silent ه + a known word (زنده‌جان، فاجعه‌بار), and
//     Arabic-article compounds (هبت‌الله، فضل‌الحق);
//   * comparatives: ‑تر/‑ترین apart ("گرمتر" → "گرم‌تر"), except بیشتر، کمتر،
//     بهتر، مهتر، کهتر and words that are no comparatives (دفتر، بستر).
// A ZWNJ after a non-joining letter (ا د ذ ر ز ژ و) is invisible, so splitting
// a fused word never inserts one there ("کشورها" stays). Rejoining spaced
// pieces always uses a ZWNJ ("کشور ها" → "کشور‌ها"), since the space proves a
// boundary was written; it joins pieces that are never words of their own
// (‑ها/‑های also after آن/این, ‑اش/‑ات, ه + ‑ای, a lone ی), می/نمی + a verb or
// an unlisted piece, bound second elements (‑تبار، ‑پوش، ‑گرا، ‑جانبه …),
// compounds written fused or with a ZWNJ but never spaced (پنج‌شنبه; their
// fused spelling is not split) and the compounds above. Two free words the list
// pairs (X‌Y) are joined only when Y is a productive second element — it ends
// at least 3 listed compounds, counted from the list at load time (واژه‌نامه،
// نرم‌افزار) — and neither part is a verb form or infinitive: never the phrases
// and compound verbs the list also pairs (ایالات متحده، گفته است، نشان دادن),
// nor the perfect's copula (گفته اند), which careful Dari writers keep apart.
//
// Lookups fold spelling variants (ي/ك, hamza and madda carriers, ۀ) so that
// unnormalised and Dari spellings ("اتشبس", "ميكند") are repaired too.
// Evidence comes from the Persian hunspell word list of Debian's myspell-fa
// (/usr/share/hunspell/fa.dic, GPL-2+), read once per process at first use
// (thread-safe, ~0.2 s CPU, ~30 MB). $MATN_FA_DIC overrides the path. Without
// the list, repair uses its rules only (lower recall) and says so once on
// stderr. Measured quality: bench/RESULTS.md, section "ZWNJ repair".
#pragma once

#include <string>
#include <string_view>

namespace matn {

// ---- hygiene ----------------------------------------------------------------

struct CleanOptions {
  // Whitespace runs → one space, trimmed at both ends (see above).
  bool collapse_whitespace = true;
  // NFC normalisation (disable only to measure its cost).
  bool nfc = true;
};

// Cleans one block of text; line breaks count as whitespace.
std::string CleanText(std::string_view utf8, const CleanOptions& options = {});

// Cleans block text with one block per line: each '\n'-separated line is
// cleaned on its own and the number of lines is preserved ("\r\n" → "\n").
std::string CleanLines(std::string_view utf8, const CleanOptions& options = {});

// ---- Persian normalisation ----------------------------------------------------

enum class PersianProfile { kNone, kPersian, kPashto };
enum class DigitStyle { kKeep, kLatin, kPersian };

struct NormalizeOptions {
  PersianProfile profile = PersianProfile::kPersian;
  DigitStyle digits = DigitStyle::kKeep;
  // BCP 47 language of the text, if the caller knows it; when set it decides:
  // Persian/Dari → kPersian, Pashto → kPashto, anything else ("ar", "ur",
  // "ckb", …) → the text is returned unchanged whatever `profile` and `digits`
  // say. "" = use `profile`.
  std::string_view lang;
};

// The profile that suits a BCP 47 tag: fa, fa-IR, fa-AF, prs, pes → kPersian;
// ps, pbt, pbu, pst → kPashto; anything else (ar, ur, ckb, …, "") → kNone.
PersianProfile PersianProfileForLang(std::string_view bcp47);

std::string NormalizePersian(std::string_view utf8, const NormalizeOptions& options);

// ---- ZWNJ repair ----------------------------------------------------------------

enum class ZwnjDamage {
  kDeleted,  // ZWNJs were removed: only fused words are split
  kSpace,    // ZWNJs became spaces: only spaces between pieces are rejoined
  kAuto,     // both (unknown or mixed damage)
};

// Returns the text with ZWNJs restored. Existing ZWNJs, spacing and all other
// characters are preserved; only U+200C is inserted and, in kSpace/kAuto mode,
// a single space between two pieces may become a U+200C.
std::string RepairZwnj(std::string_view utf8, ZwnjDamage damage = ZwnjDamage::kAuto);

// Loads the word list now (otherwise done on first RepairZwnj call) and tells
// whether it was found. Thread-safe; the list is loaded at most once.
bool ZwnjLexiconAvailable();

}  // namespace matn
