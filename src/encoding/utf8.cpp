// UTF-8 validation and the WHATWG UTF-8 decoder's error handling.
//
// Valid UTF-8 is exactly Table 3-7 of the Unicode Standard ("Well-Formed
// UTF-8 Byte Sequences"): no overlongs (C0, C1, E0 80..9F, F0 80..8F), no
// surrogates (ED A0..BF), nothing above U+10FFFF (F4 90.., F5..FF).
#include <cstring>
#ifdef __SSE2__
#include <immintrin.h>
#endif

#include "encoding/encoding_internal.h"
#include "matn/encoding.h"

namespace matn::encoding {
namespace {

constexpr uint64_t kHighBits = 0x8080808080808080ull;

inline uint64_t Load64(const unsigned char* p) {
  uint64_t v;
  std::memcpy(&v, p, 8);
  return v;
}

#if defined(__SSE2__) && defined(__x86_64__) && defined(__GNUC__)
// Long ASCII runs (markup, scripts, English text) go 128 bytes per step where
// the CPU has AVX2, which most x86-64 machines do; the build targets plain x86-64.
#define MATN_AVX2_SKIP 1
__attribute__((target("avx2"))) size_t SkipAscii128(const unsigned char* s, size_t i, size_t n) {
  for (; i + 128 <= n; i += 128) {
    const auto* p = reinterpret_cast<const __m256i*>(s + i);  // a lambda would not inherit the target
    const __m256i any = _mm256_or_si256(_mm256_or_si256(_mm256_loadu_si256(p), _mm256_loadu_si256(p + 1)),
                                        _mm256_or_si256(_mm256_loadu_si256(p + 2), _mm256_loadu_si256(p + 3)));
    if (_mm256_movemask_epi8(any) != 0) break;
  }
  return i;
}

bool HasAvx2() {
  static const bool has = (__builtin_cpu_init(), __builtin_cpu_supports("avx2"));
  return has;
}
#endif

// The first index >= i that is not ASCII, or one of the last 15 bytes.
inline size_t SkipAscii(const unsigned char* s, size_t i, size_t n) {
#ifdef __SSE2__
  auto load = [s](size_t k) { return _mm_loadu_si128(reinterpret_cast<const __m128i*>(s + k)); };
  auto ascii64 = [&](size_t k) {
    return _mm_movemask_epi8(_mm_or_si128(_mm_or_si128(load(k), load(k + 16)), _mm_or_si128(load(k + 32), load(k + 48)))) == 0;
  };
  // The wide skip only once 64 bytes were ASCII: between the accented letters
  // of a paragraph it would fail at once.
  if (i + 64 <= n && ascii64(i)) {
    i += 64;
#ifdef MATN_AVX2_SKIP
    if (i + 128 <= n && HasAvx2()) i = SkipAscii128(s, i, n);
#endif
    for (; i + 64 <= n && ascii64(i);) i += 64;
  }
  for (; i + 32 <= n; i += 32)
    if (_mm_movemask_epi8(_mm_or_si128(load(i), load(i + 16))) != 0) break;
#endif
  while (i + 16 <= n && ((Load64(s + i) | Load64(s + i + 8)) & kHighBits) == 0) i += 16;
  return i;
}

// Valid range of the second byte of a sequence led by `lead` (>= 0xC2).
inline void SecondByteRange(unsigned char lead, unsigned char* lo, unsigned char* hi) {
  *lo = 0x80;
  *hi = 0xBF;
  if (lead == 0xE0) *lo = 0xA0;
  else if (lead == 0xED) *hi = 0x9F;
  else if (lead == 0xF0) *lo = 0x90;
  else if (lead == 0xF4) *hi = 0x8F;
}

}  // namespace

size_t ValidUtf8Prefix(std::string_view sv) {
  const auto* s = reinterpret_cast<const unsigned char*>(sv.data());
  const size_t n = sv.size();
  size_t i = 0;
  while (i < n) {
    // Most of a page is ASCII markup: skip it 32 bytes at a time.
    i = SkipAscii(s, i, n);
    // Then character by character, except that the ASCII between two
    // non-ASCII characters (a space, a tag, the rest of a word with one
    // umlaut) is jumped over in one step; a whole ASCII block goes back to
    // the wide skip.
    while (i < n) {
      const unsigned char b = s[i];
      if (b < 0x80) {
        if (i + 16 > n) {
          ++i;
          continue;
        }
#ifdef __SSE2__
        const unsigned mask =
            static_cast<unsigned>(_mm_movemask_epi8(_mm_loadu_si128(reinterpret_cast<const __m128i*>(s + i))));
        if (mask == 0) break;
        i += static_cast<size_t>(__builtin_ctz(mask));
#else
        if (((Load64(s + i) | Load64(s + i + 8)) & kHighBits) == 0) break;
        ++i;
#endif
      } else if (b < 0xC2) {
        return i;
      } else if (b < 0xE0) {
        if (i + 1 >= n || (s[i + 1] & 0xC0) != 0x80) return i;
        i += 2;
      } else if (b < 0xF0) {
        unsigned char lo, hi;
        SecondByteRange(b, &lo, &hi);
        if (i + 2 >= n || s[i + 1] < lo || s[i + 1] > hi || (s[i + 2] & 0xC0) != 0x80) return i;
        i += 3;
      } else if (b < 0xF5) {
        unsigned char lo, hi;
        SecondByteRange(b, &lo, &hi);
        if (i + 3 >= n || s[i + 1] < lo || s[i + 1] > hi || (s[i + 2] & 0xC0) != 0x80 ||
            (s[i + 3] & 0xC0) != 0x80)
          return i;
        i += 4;
      } else {
        return i;
      }
    }
  }
  return n;
}

size_t AppendSanitizedUtf8(std::string_view sv, std::string* out) {
  const auto* s = reinterpret_cast<const unsigned char*>(sv.data());
  const size_t n = sv.size();
  size_t replaced = 0;
  size_t pos = 0;
  while (pos < n) {
    const size_t ok = ValidUtf8Prefix(sv.substr(pos));
    out->append(sv.data() + pos, ok);
    pos += ok;
    if (pos == n) break;
    // The WHATWG decoder emits one U+FFFD per maximal subpart of an invalid
    // sequence: the lead byte plus the continuation bytes that were still
    // acceptable; the byte that broke the sequence starts afresh.
    const unsigned char b = s[pos];
    size_t len = 1;
    if (b >= 0xC2 && b < 0xF5) {
      const size_t need = b < 0xE0 ? 1 : b < 0xF0 ? 2 : 3;
      unsigned char lo, hi;
      SecondByteRange(b, &lo, &hi);
      while (len <= need && pos + len < n) {
        const unsigned char c = s[pos + len];
        if (len == 1 ? (c < lo || c > hi) : (c & 0xC0) != 0x80) break;
        ++len;
      }
    }
    out->append("\xEF\xBF\xBD", 3);
    ++replaced;
    pos += len;
  }
  return replaced;
}

}  // namespace matn::encoding

namespace matn {

bool IsValidUtf8(std::string_view s) { return encoding::ValidUtf8Prefix(s) == s.size(); }

}  // namespace matn
