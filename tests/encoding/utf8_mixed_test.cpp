// ValidUtf8Prefix against a plain reading of Table 3-7 ("Well-Formed UTF-8
// Byte Sequences", Unicode Standard §3.9) on random mixtures of ASCII runs,
// valid characters of every length and invalid bytes: the wide ASCII skips
// and the jumps between non-ASCII characters must not change any answer.
#include <gtest/gtest.h>

#include <cstdint>
#include <string>

#include "encoding/encoding_internal.h"

namespace matn::encoding {
namespace {

// Length of the well-formed sequence at s[i], 0 if there is none.
size_t WellFormedAt(const std::string& s, size_t i) {
  auto at = [&](size_t k) { return k < s.size() ? static_cast<unsigned char>(s[k]) : 0x100u; };
  auto in = [](unsigned v, unsigned lo, unsigned hi) { return v >= lo && v <= hi; };
  const unsigned b = at(i);
  if (b <= 0x7F) return 1;
  if (in(b, 0xC2, 0xDF)) return in(at(i + 1), 0x80, 0xBF) ? 2 : 0;
  unsigned lo = 0x80, hi = 0xBF;
  if (b == 0xE0) lo = 0xA0;
  if (b == 0xED) hi = 0x9F;
  if (b == 0xF0) lo = 0x90;
  if (b == 0xF4) hi = 0x8F;
  if (in(b, 0xE0, 0xEF)) return in(at(i + 1), lo, hi) && in(at(i + 2), 0x80, 0xBF) ? 3 : 0;
  if (in(b, 0xF0, 0xF4))
    return in(at(i + 1), lo, hi) && in(at(i + 2), 0x80, 0xBF) && in(at(i + 3), 0x80, 0xBF) ? 4 : 0;
  return 0;
}

size_t ReferencePrefix(const std::string& s) {
  size_t i = 0;
  while (i < s.size()) {
    const size_t len = WellFormedAt(s, i);
    if (len == 0) return i;
    i += len;
  }
  return s.size();
}

TEST(ValidUtf8PrefixMixed, AgreesWithTable37) {
  uint64_t state = 0x243F6A8885A308D3ull;
  auto next = [&state] {
    state = state * 6364136223846793005ull + 1442695040888963407ull;
    return static_cast<uint32_t>(state >> 33);
  };
  const char* pieces[] = {"\xC3\xA4", "\xD0\xB6", "\xE2\x80\x94", "\xE4\xB8\xAD", "\xF0\x9F\x98\x80",
                          "\xED\x9F\xBF", "\xF4\x8F\xBF\xBF", "\xEF\xBB\xBF"};
  const char* bad[] = {"\xFF", "\xC0\xAF", "\xE0\x80\x80", "\xED\xA0\x80", "\xF4\x90\x80\x80", "\x80",
                       "\xC3", "\xE2\x80", "\xF0\x9F\x98"};
  for (int round = 0; round < 3000; ++round) {
    std::string s;
    const int parts = 1 + next() % 40;
    const bool spoil = round % 2 == 1;
    const int spoil_at = spoil ? static_cast<int>(next() % parts) : -1;
    for (int p = 0; p < parts; ++p) {
      if (p == spoil_at) {
        s += bad[next() % (sizeof(bad) / sizeof(bad[0]))];
      } else if (next() % 3 == 0) {
        s += pieces[next() % (sizeof(pieces) / sizeof(pieces[0]))];
      } else {
        s.append(next() % 300, static_cast<char>('a' + next() % 26));  // ASCII runs of 0..299 bytes
      }
    }
    ASSERT_EQ(ValidUtf8Prefix(s), ReferencePrefix(s)) << "round " << round;
  }
}

TEST(ValidUtf8PrefixMixed, LongAsciiRunsAroundOneBadByte) {
  for (size_t len : {size_t{65}, size_t{127}, size_t{128}, size_t{129}, size_t{200}, size_t{300}, size_t{700}}) {
    for (size_t p = 0; p < len; ++p) {
      std::string s(len, 'x');
      s[0] = '\xC3';  // one umlaut first, so the scan is in its character-by-character part
      s[1] = '\xBC';
      if (p < 2) continue;
      s[p] = '\xFE';
      EXPECT_EQ(ValidUtf8Prefix(s), p) << len << " " << p;
    }
  }
}

}  // namespace
}  // namespace matn::encoding
