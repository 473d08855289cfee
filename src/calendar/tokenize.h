// Splits text into digit runs, words and single punctuation marks, in one pass.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace matn::cal {

enum class TokKind : uint8_t { kDigits, kWord, kPunct };
enum class DigitScript : uint8_t { kLatin, kPersian, kArabicIndic };

struct Token {
  TokKind kind;
  bool space_before = false;  // whitespace between the previous token and this one
  size_t begin = 0, end = 0;  // bytes in the text
  // kDigits: the value (-1 when longer than 9 digits), number of digits, script.
  int value = 0;
  int ndigits = 0;
  DigitScript script = DigitScript::kLatin;
  // kPunct: the code point, with dash and slash variants unified to '-' and '/'.
  char32_t punct = 0;
  // kWord: folded with AppendNormalized; points into the caller's arena.
  std::string_view norm;
};

// Bidi controls, BOM and soft hyphens are skipped without breaking a run, so
// "۱۴۰۳‏/۰۴" stays tight. ZWNJ and ZWJ inside a word belong to it.
// `arena` holds the folded words that the tokens' `norm` views point into: keep it
// alive and unchanged while the tokens are used.
void Tokenize(std::string_view text, std::vector<Token>* tokens, std::string* arena);

}  // namespace matn::cal
