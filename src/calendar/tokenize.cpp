#include "calendar/tokenize.h"

#include <unicode/uchar.h>

#include "calendar/tables.h"
#include "encoding/codepoint.h"

namespace matn::cal {
namespace {

inline char32_t Decode(std::string_view s, size_t i, size_t* len) { return utf8::DecodeAt(s, i, len); }

enum class Cls { kSpace, kIgnorable, kDigit, kLetter, kJoiner, kApostrophe, kPunct, kIdeograph };

Cls ClassifyWide(char32_t c, int* digit, DigitScript* script) {
  if (c >= 0x6F0 && c <= 0x6F9) return *digit = c - 0x6F0, *script = DigitScript::kPersian, Cls::kDigit;
  if (c >= 0x660 && c <= 0x669) return *digit = c - 0x660, *script = DigitScript::kArabicIndic, Cls::kDigit;
  if (c >= 0xFF10 && c <= 0xFF19) return *digit = c - 0xFF10, *script = DigitScript::kLatin, Cls::kDigit;  // full width
  if (IsUnspacedCjk(c)) return Cls::kIdeograph;
  switch (c) {
    case 0x200C: case 0x200D: return Cls::kJoiner;
    case 0x200E: case 0x200F: case 0x061C: case 0xFEFF: case 0xAD: return Cls::kIgnorable;
    case 0x2019: case 0x2BC: return Cls::kApostrophe;
    case 0x60C: case 0x61B: case 0x61F: case 0x66A: case 0x66B: case 0x66C: case 0x66D: case 0x6D4:
      return Cls::kPunct;
    default: break;
  }
  if ((c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069)) return Cls::kIgnorable;
  if (c >= 0x600 && c <= 0x6FF) return c == 0x640 || u_isalpha(c) || (c >= 0x64B && c <= 0x65F) ||
                                                c == 0x670 || (c >= 0x6D6 && c <= 0x6ED)
                                            ? Cls::kLetter
                                            : Cls::kPunct;
  if (u_isUWhiteSpace(c)) return Cls::kSpace;
  if (u_isalpha(c) || c == 0xBA || c == 0xAA || u_getIntPropertyValue(c, UCHAR_GENERAL_CATEGORY) == U_NON_SPACING_MARK)
    return Cls::kLetter;
  return Cls::kPunct;
}

// Most text is ASCII: classified inline, the rest out of line.
inline Cls Classify(char32_t c, int* digit, DigitScript* script) {
  if (c >= 0x80) return ClassifyWide(c, digit, script);
  if (c >= '0' && c <= '9') return *digit = c - '0', *script = DigitScript::kLatin, Cls::kDigit;
  if ((c | 32) >= 'a' && (c | 32) <= 'z') return Cls::kLetter;
  if (c == ' ' || (c >= 9 && c <= 13)) return Cls::kSpace;
  if (c == '\'') return Cls::kApostrophe;
  return Cls::kPunct;
}

char32_t UnifyPunct(char32_t c) {
  switch (c) {
    case 0x2010: case 0x2011: case 0x2212: case 0xFE63: case 0xFF0D: return '-';
    case 0x2215: case 0xFF0F: return '/';
    case 0x60C: return ',';  // Arabic comma
    case 0x2013: case 0x2014: return 0x2013;  // en/em dash: a separator, never inside a number
    // Full-width forms of CJK text.
    case 0xFF08: return '(';
    case 0xFF09: return ')';
    case 0xFF1A: return ':';
    case 0xFF0C: case 0x3001: return ',';
    case 0xFF0E: return '.';
    default: return c;
  }
}

}  // namespace

void Tokenize(std::string_view text, std::vector<Token>* tokens, std::string* arena) {
  std::vector<Token>& out = *tokens;
  out.clear();
  arena->clear();
  out.reserve(text.size() / 3 + 4);
  bool space = false;
  size_t i = 0;
  while (i < text.size()) {
    size_t len;
    char32_t c = Decode(text, i, &len);
    int digit = 0;
    DigitScript script{};
    Cls cls = Classify(c, &digit, &script);
    if (cls == Cls::kSpace) {
      space = true;
      i += len;
      continue;
    }
    if (cls == Cls::kIgnorable || cls == Cls::kJoiner) {
      i += len;
      continue;
    }
    Token t;
    t.space_before = space;
    t.begin = i;
    space = false;
    if (cls == Cls::kDigit) {
      t.kind = TokKind::kDigits;
      t.script = script;
      int64_t v = 0;
      size_t j = i;
      while (j < text.size()) {
        size_t l;
        int dg = 0;
        DigitScript sc;
        char32_t d = Decode(text, j, &l);
        Cls k = Classify(d, &dg, &sc);
        if (k == Cls::kIgnorable) {
          j += l;
          continue;
        }
        if (k != Cls::kDigit) break;
        if (t.ndigits < 10) v = v * 10 + dg;
        ++t.ndigits;
        j += l;
        t.end = j;
      }
      t.value = t.ndigits > 9 ? -1 : static_cast<int>(v);
      i = t.end;
    } else if (cls == Cls::kLetter || cls == Cls::kIdeograph) {
      t.kind = TokKind::kWord;
      size_t j = i, word_end = i;
      if (cls == Cls::kIdeograph) j = word_end = i + len;  // one character, one word
      while (cls == Cls::kLetter && j < text.size()) {
        size_t l;
        int dg = 0;
        DigitScript sc;
        char32_t d = Decode(text, j, &l);
        Cls k = Classify(d, &dg, &sc);
        if (k == Cls::kLetter) {
          j += l;
          word_end = j;
        } else if (k == Cls::kJoiner || k == Cls::kIgnorable) {
          j += l;
        } else if (k == Cls::kApostrophe && j + l < text.size()) {
          // Inside a word only between two letters ("aujourd'hui", "Sha'ban").
          size_t l2;
          char32_t n = Decode(text, j + l, &l2);
          if (Classify(n, &dg, &sc) != Cls::kLetter) break;
          j += l;
        } else {
          break;
        }
      }
      t.end = word_end;
      size_t from = arena->size();
      AppendNormalized(text.substr(i, word_end - i), arena);
      // The arena range, made a view at the end (the arena may still move).
      t.punct = static_cast<char32_t>(from);
      t.value = static_cast<int>(arena->size() - from);
      i = j;
    } else {
      t.kind = TokKind::kPunct;
      t.punct = cls == Cls::kApostrophe ? '\'' : UnifyPunct(c);
      t.end = i + len;
      i += len;
    }
    out.push_back(t);
  }
  for (Token& t : out) {
    if (t.kind != TokKind::kWord) continue;
    t.norm = std::string_view(*arena).substr(t.punct, static_cast<size_t>(t.value));
    t.punct = 0;
    t.value = 0;
  }
}

}  // namespace matn::cal
