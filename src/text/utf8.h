// Internal UTF-8 helpers shared by the text layer.
#pragma once

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <cstdint>
#include <string>
#include <string_view>
#include "encoding/codepoint.h"

namespace matn::text {

// Decodes the code point at s[*i] and advances *i; invalid or truncated
// sequences yield U+FFFD and advance by at least one byte.
inline char32_t NextCodePoint(std::string_view s, size_t* i) {
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  int32_t pos = static_cast<int32_t>(*i), len = static_cast<int32_t>(s.size());
  UChar32 c;
  U8_NEXT(p, pos, len, c);
  *i = static_cast<size_t>(pos);
  return c < 0 ? 0xFFFD : static_cast<char32_t>(c);
}

inline void AppendUtf8(std::string* out, char32_t c) { utf8::AppendCodePoint(c, out); }

inline std::u32string Decode(std::string_view s) {
  std::u32string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) out.push_back(NextCodePoint(s, &i));
  return out;
}

inline std::string Encode(std::u32string_view s) {
  std::string out;
  out.reserve(s.size() * 2);
  for (char32_t c : s) AppendUtf8(&out, c);
  return out;
}

constexpr char32_t kZwnj = 0x200C;

// Letter or combining mark, any script.
inline bool IsLetterOrMark(char32_t c) {
  if (c < 0x80) return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
  return (U_GET_GC_MASK(static_cast<UChar32>(c)) & (U_GC_L_MASK | U_GC_M_MASK)) != 0;
}

}  // namespace matn::text
