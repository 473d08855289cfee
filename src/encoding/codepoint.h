// Internal: the UTF-8 code point primitives every layer needs (encode one code
// point, decode one leniently). They live in the lowest layer so that text,
// calendar, metadata and lang use one definition instead of their own copies.
//
// Strict validation and repair of whole buffers is utf8.cpp's job
// (encoding_internal.h); these helpers work on text that is already valid
// UTF-8 and only have to stay safe when it is not.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace matn::utf8 {

// Appends `cp` as UTF-8. Anything that is not a Unicode scalar value
// (surrogates, > U+10FFFF) becomes U+FFFD, so the output is always valid.
inline void AppendCodePoint(char32_t cp, std::string* out) {
  if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = 0xFFFD;
  if (cp < 0x80) {
    out->push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

// Decodes the code point that starts at s[i] (i < s.size()) and stores its
// length in *len. A byte that does not start a complete sequence decodes as
// U+FFFD of length 1, so a loop over any input always advances. Overlong forms
// are not rejected: callers compare letters, they do not validate.
inline char32_t DecodeAt(std::string_view s, size_t i, size_t* len) {
  unsigned char c = static_cast<unsigned char>(s[i]);
  if (c < 0x80) return *len = 1, c;
  int n = (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
  if (n == 0 || i + n > s.size()) return *len = 1, 0xFFFD;
  char32_t cp = c & (0x7F >> n);
  for (int k = 1; k < n; ++k) {
    unsigned char d = static_cast<unsigned char>(s[i + k]);
    if ((d & 0xC0) != 0x80) return *len = 1, 0xFFFD;
    cp = (cp << 6) | (d & 0x3F);
  }
  *len = static_cast<size_t>(n);
  return cp;
}

}  // namespace matn::utf8
