// JSON string escaping that always yields valid UTF-8 on a single line.
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

#include "matn/output.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace matn {
namespace {

constexpr char kHex[] = "0123456789abcdef";

void AppendU(uint32_t cp, std::string* out) {
  out->append("\\u");
  out->push_back(kHex[(cp >> 12) & 15]);
  out->push_back(kHex[(cp >> 8) & 15]);
  out->push_back(kHex[(cp >> 4) & 15]);
  out->push_back(kHex[cp & 15]);
}

// Length of the valid UTF-8 sequence at s[i] (Unicode Table 3-7), or 0.
size_t ValidSeq(const unsigned char* s, size_t n, size_t i) {
  unsigned char c = s[i];
  auto cont = [&](size_t k, unsigned char lo = 0x80, unsigned char hi = 0xBF) {
    return i + k < n && s[i + k] >= lo && s[i + k] <= hi;
  };
  if (c >= 0xC2 && c <= 0xDF) return cont(1) ? 2 : 0;
  if (c == 0xE0) return cont(1, 0xA0) && cont(2) ? 3 : 0;
  if ((c >= 0xE1 && c <= 0xEC) || c == 0xEE || c == 0xEF) return cont(1) && cont(2) ? 3 : 0;
  if (c == 0xED) return cont(1, 0x80, 0x9F) && cont(2) ? 3 : 0;
  if (c == 0xF0) return cont(1, 0x90) && cont(2) && cont(3) ? 4 : 0;
  if (c >= 0xF1 && c <= 0xF3) return cont(1) && cont(2) && cont(3) ? 4 : 0;
  if (c == 0xF4) return cont(1, 0x80, 0x8F) && cont(2) && cont(3) ? 4 : 0;
  return 0;
}

// True when none of the 8 bytes in `v` needs a look: all are ASCII 0x20..0x7E
// other than '"' and '\\'.
inline bool AllPlainAscii(uint64_t v) {
  constexpr uint64_t k01 = 0x0101010101010101ull, k80 = 0x8080808080808080ull;
  auto has_zero = [](uint64_t x) { return (x - k01) & ~x & k80; };
  return ((v & k80) | ((v - 0x20 * k01) & ~v & k80) | has_zero(v ^ (0x22 * k01)) | has_zero(v ^ (0x5C * k01)) |
          has_zero(v ^ (0x7F * k01))) == 0;
}

// Length of the run at s[i] that is copied as is: plain ASCII and valid
// multi-byte characters that JSON (and JavaScript) let through unescaped.
size_t PlainRun(const unsigned char* s, size_t n, size_t i) {
  size_t j = i;
  for (;;) {
    bool stopped = false;  // the block scan found the byte that ends the plain ASCII
#if defined(__SSE2__)
    // 16 bytes at once: a control byte, '"', '\\', DEL or a non-ASCII byte
    // (negative as a signed byte) ends the plain run.
    while (j + 16 <= n) {
      const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s + j));
      const __m128i stop =
          _mm_or_si128(_mm_or_si128(_mm_cmplt_epi8(x, _mm_set1_epi8(0x20)), _mm_cmpeq_epi8(x, _mm_set1_epi8('"'))),
                       _mm_or_si128(_mm_cmpeq_epi8(x, _mm_set1_epi8('\\')), _mm_cmpeq_epi8(x, _mm_set1_epi8(0x7F))));
      if (const unsigned m = static_cast<unsigned>(_mm_movemask_epi8(stop))) {
        j += static_cast<size_t>(__builtin_ctz(m));
        stopped = true;
        break;
      }
      j += 16;
    }
#endif
    if (!stopped)
      for (uint64_t v; j + 8 <= n && (std::memcpy(&v, s + j, 8), AllPlainAscii(v));) j += 8;
    if (j >= n) return j - i;
    const unsigned char c = s[j];
    if (c < 0x80) {
      if (c < 0x20 || c == '"' || c == '\\' || c == 0x7F) return j - i;
      ++j;
      continue;
    }
    // Non-ASCII characters one by one while they last (a word of another script).
    while (j < n && s[j] >= 0x80) {
      const unsigned char d = s[j];
      const size_t len = ValidSeq(s, n, j);
      // C1 controls (C2 80..9F) and U+2028/U+2029 (E2 80 A8/A9) are escaped.
      if (len == 0 || (d == 0xC2 && s[j + 1] < 0xA0) ||
          (d == 0xE2 && s[j + 1] == 0x80 && (s[j + 2] & 0xFE) == 0xA8))
        return j - i;
      j += len;
    }
  }
}

}  // namespace

void AppendJsonString(std::string_view sv, std::string* out) {
  const unsigned char* s = reinterpret_cast<const unsigned char*>(sv.data());
  const size_t n = sv.size();
  out->reserve(out->size() + n + 2);
  out->push_back('"');
  size_t i = 0;
  while (i < n) {
    const size_t run = PlainRun(s, n, i);
    out->append(reinterpret_cast<const char*>(s + i), run);
    i += run;
    if (i >= n) break;
    unsigned char c = s[i];
    if (c < 0x80) {
      switch (c) {
        case '"': out->append("\\\""); break;
        case '\\': out->append("\\\\"); break;
        case '\n': out->append("\\n"); break;
        case '\r': out->append("\\r"); break;
        case '\t': out->append("\\t"); break;
        case '\b': out->append("\\b"); break;
        case '\f': out->append("\\f"); break;
        default: AppendU(c, out); break;  // other C0 controls and DEL
      }
      ++i;
      continue;
    }
    size_t len = ValidSeq(s, n, i);
    if (len == 0) {
      out->append("\xEF\xBF\xBD");  // U+FFFD for each invalid byte
      ++i;
      continue;
    }
    uint32_t cp;
    if (len == 2) cp = ((c & 0x1Fu) << 6) | (s[i + 1] & 0x3Fu);
    else if (len == 3) cp = ((c & 0x0Fu) << 12) | ((s[i + 1] & 0x3Fu) << 6) | (s[i + 2] & 0x3Fu);
    else cp = 0x10000;  // 4-byte: never needs escaping
    if ((cp >= 0x80 && cp <= 0x9F) || cp == 0x2028 || cp == 0x2029) {
      AppendU(cp, out);
    } else {
      out->append(reinterpret_cast<const char*>(s + i), len);
    }
    i += len;
  }
  out->push_back('"');
}

}  // namespace matn
