#include <gtest/gtest.h>

#include <cstdint>
#include <random>
#include <string>

#include "matn/output.h"

namespace matn {
namespace {

// A plain one-character-at-a-time escaper written from RFC 8259 plus matn's
// rules (C1 controls, DEL, U+2028/U+2029 escaped; each invalid byte → U+FFFD),
// to check the fast path against.
std::string Reference(const std::string& s) {
  std::string o = "\"";
  auto u = [&](uint32_t cp) {
    char b[8];
    std::snprintf(b, sizeof b, "\\u%04x", cp);
    o += b;
  };
  size_t i = 0;
  while (i < s.size()) {
    unsigned char c = s[i];
    if (c < 0x80) {
      if (c == '"') o += "\\\"";
      else if (c == '\\') o += "\\\\";
      else if (c == '\n') o += "\\n";
      else if (c == '\r') o += "\\r";
      else if (c == '\t') o += "\\t";
      else if (c == '\b') o += "\\b";
      else if (c == '\f') o += "\\f";
      else if (c < 0x20 || c == 0x7F) u(c);
      else o += static_cast<char>(c);
      ++i;
      continue;
    }
    size_t len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
    uint32_t cp = c & (c >= 0xF0 ? 0x07 : c >= 0xE0 ? 0x0F : 0x1F);
    bool ok = c >= 0xC2 && c <= 0xF4 && i + len <= s.size();
    for (size_t k = 1; ok && k < len; ++k) {
      ok = (static_cast<unsigned char>(s[i + k]) & 0xC0) == 0x80;
      cp = (cp << 6) | (s[i + k] & 0x3F);
    }
    ok = ok && !(len == 3 && cp < 0x800) && !(len == 4 && (cp < 0x10000 || cp > 0x10FFFF)) &&
         !(cp >= 0xD800 && cp <= 0xDFFF);
    if (!ok) {
      o += "\xEF\xBF\xBD";
      ++i;
      continue;
    }
    if ((cp >= 0x80 && cp <= 0x9F) || cp == 0x2028 || cp == 0x2029) u(cp);
    else o.append(s, i, len);
    i += len;
  }
  return o + "\"";
}

TEST(JsonString, MatchesCharacterByCharacterEscaping) {
  // Pieces that straddle the 8-byte steps at every offset.
  const std::string pieces[] = {"a", "bcdefgh", " ", "\"", "\\", "\n", "\x01", "\x7f", "\xC2\x85", "\xC2\xA0",
                                "\xE2\x80\xA8", "\xE2\x80\xA9", "\xE2\x80\x8C", "\xD8\xB3", "\xF0\x9F\x98\x80",
                                "\xFF", "\xE2\x82", "\xC0\xAF", "\xED\xA0\x80", "\xF4\x90\x80\x80", "~"};
  std::mt19937 rng(7);
  for (int round = 0; round < 3000; ++round) {
    std::string s;
    int n = rng() % 40;
    for (int k = 0; k < n; ++k) s += pieces[rng() % std::size(pieces)];
    std::string got;
    AppendJsonString(s, &got);
    ASSERT_EQ(got, Reference(s)) << round;
  }
}

TEST(JsonString, LongRunsAndTruncatedTail) {
  std::string s(1000, 'x');
  s += "\xD8";  // cut-off sequence at the very end
  std::string got;
  AppendJsonString(s, &got);
  EXPECT_EQ(got, "\"" + std::string(1000, 'x') + "\xEF\xBF\xBD\"");
}

}  // namespace
}  // namespace matn
