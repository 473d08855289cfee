// UTF-8 validation and the WHATWG decoder's U+FFFD-per-maximal-subpart rule.
#include <gtest/gtest.h>
#include <unicode/ucnv.h>
#include <unicode/ucnv_cb.h>

#include <random>
#include <string>

#include "encoding/encoding_internal.h"
#include "matn/encoding.h"

namespace matn {
namespace {

const std::string kFffd = "\xEF\xBF\xBD";

// The UTF-8 decoder itself (DecodeToUtf8 would first honour a UTF-16 BOM).
std::string Decode(std::string_view bytes, size_t* replaced = nullptr) {
  std::string out;
  const auto n = encoding::DecodeWith(encoding::Enc::kUtf8, bytes, &out);
  EXPECT_TRUE(n.has_value());
  if (replaced) *replaced = n.value_or(0);
  return out;
}

std::string Repeat(const std::string& s, int n) {
  std::string r;
  for (int i = 0; i < n; ++i) r += s;
  return r;
}

TEST(IsValidUtf8, AcceptsWellFormed) {
  EXPECT_TRUE(IsValidUtf8(""));
  EXPECT_TRUE(IsValidUtf8("plain ascii"));
  EXPECT_TRUE(IsValidUtf8(std::string("nul\0inside", 10)));
  EXPECT_TRUE(IsValidUtf8("\xC2\x80"));                                  // U+0080
  EXPECT_TRUE(IsValidUtf8("\xDF\xBF"));                                  // U+07FF
  EXPECT_TRUE(IsValidUtf8("\xE0\xA0\x80"));                              // U+0800
  EXPECT_TRUE(IsValidUtf8("\xED\x9F\xBF"));                              // U+D7FF
  EXPECT_TRUE(IsValidUtf8("\xEE\x80\x80"));                              // U+E000
  EXPECT_TRUE(IsValidUtf8("\xEF\xBF\xBF"));                              // U+FFFF
  EXPECT_TRUE(IsValidUtf8("\xF0\x90\x80\x80"));                          // U+10000
  EXPECT_TRUE(IsValidUtf8("\xF4\x8F\xBF\xBF"));                          // U+10FFFF
  EXPECT_TRUE(IsValidUtf8("زبان فارسی\u200Cها"));                        // Persian with a ZWNJ
  EXPECT_TRUE(IsValidUtf8(Repeat("abcdefgh", 20) + "é" + Repeat("x", 33)));  // across the fast path
}

TEST(IsValidUtf8, RejectsIllFormed) {
  EXPECT_FALSE(IsValidUtf8("\x80"));                  // lone continuation
  EXPECT_FALSE(IsValidUtf8("\xC0\xAF"));              // overlong '/'
  EXPECT_FALSE(IsValidUtf8("\xC1\xBF"));              // overlong
  EXPECT_FALSE(IsValidUtf8("\xE0\x9F\xBF"));          // overlong U+07FF
  EXPECT_FALSE(IsValidUtf8("\xF0\x8F\xBF\xBF"));      // overlong U+FFFF
  EXPECT_FALSE(IsValidUtf8("\xED\xA0\x80"));          // U+D800
  EXPECT_FALSE(IsValidUtf8("\xED\xBF\xBF"));          // U+DFFF
  EXPECT_FALSE(IsValidUtf8("\xF4\x90\x80\x80"));      // U+110000
  EXPECT_FALSE(IsValidUtf8("\xF5\x80\x80\x80"));
  EXPECT_FALSE(IsValidUtf8("\xFF"));
  EXPECT_FALSE(IsValidUtf8("\xE2\x82"));              // truncated
  EXPECT_FALSE(IsValidUtf8("\xF0\x9F\x98"));          // truncated
  EXPECT_FALSE(IsValidUtf8("ok\xC3"));                // truncated at the end
  EXPECT_FALSE(IsValidUtf8(Repeat("abcdefgh", 20) + "\x80" + Repeat("y", 40)));
  EXPECT_FALSE(IsValidUtf8(Repeat("a", 31) + "\xE2\x82"));
}

// Counts of U+FFFD follow the Unicode Standard's "maximal subpart" practice
// (§3.9, Table 3-8), which the WHATWG UTF-8 decoder implements.
TEST(Utf8Decode, OneReplacementPerMaximalSubpart) {
  EXPECT_EQ(Decode("\x61\xF1\x80\x80\xE1\x80\xC2\x62\x80\x63\x80\xBF\x64"),
            "a" + kFffd + kFffd + kFffd + "b" + kFffd + "c" + kFffd + kFffd + "d");
  EXPECT_EQ(Decode("\xC0\xAF"), kFffd + kFffd);
  EXPECT_EQ(Decode("\xE0\x80\xAF"), kFffd + kFffd + kFffd);
  EXPECT_EQ(Decode("\xED\xA0\x80"), kFffd + kFffd + kFffd);
  EXPECT_EQ(Decode("\xF4\x90\x80\x80"), kFffd + kFffd + kFffd + kFffd);
  EXPECT_EQ(Decode("\xF5\x80"), kFffd + kFffd);
  EXPECT_EQ(Decode("\xE2\x82"), kFffd);
  EXPECT_EQ(Decode("\xF0\x9F\x98"), kFffd);
  EXPECT_EQ(Decode("\xF0\x9F\x98!"), kFffd + "!");
  EXPECT_EQ(Decode("\xE2\x82\x41"), kFffd + "A");
  EXPECT_EQ(Decode("\xE2\xC2\xA9"), kFffd + "\xC2\xA9");
  EXPECT_EQ(Decode("\xFF\xFE"), kFffd + kFffd);
  EXPECT_EQ(Decode(std::string("a\0b", 3)), std::string("a\0b", 3));
  size_t replaced = 0;
  Decode("x\x80y\xC3", &replaced);
  EXPECT_EQ(replaced, 2u);
  EXPECT_EQ(Decode("\xE2\x82\xAC"), "€");
}

// ICU's UTF-8 converter, told to write one U+FFFD per callback, as an
// independent reference for the same maximal-subpart rule.
void WriteFffd(const void*, UConverterToUnicodeArgs* args, const char*, int32_t, UConverterCallbackReason reason,
               UErrorCode* err) {
  if (reason > UCNV_IRREGULAR) return;
  *err = U_ZERO_ERROR;
  const UChar c = 0xFFFD;
  ucnv_cbToUWriteUChars(args, &c, 1, 0, err);
}

std::string IcuUtf8Reference(const std::string& in) {
  UErrorCode err = U_ZERO_ERROR;
  UConverter* cnv = ucnv_open("UTF-8", &err);
  ucnv_setToUCallBack(cnv, WriteFffd, nullptr, nullptr, nullptr, &err);
  std::u16string u(in.size() * 2 + 4, u'\0');
  UChar* dst = reinterpret_cast<UChar*>(u.data());
  const char* src = in.data();
  ucnv_toUnicode(cnv, &dst, dst + u.size(), &src, in.data() + in.size(), nullptr, true, &err);
  ucnv_close(cnv);
  u.resize(dst - reinterpret_cast<UChar*>(u.data()));
  std::string out;
  for (size_t i = 0; i < u.size(); ++i) {
    uint32_t c = u[i];
    if (c >= 0xD800 && c <= 0xDBFF && i + 1 < u.size()) c = 0x10000 + ((c - 0xD800) << 10) + (u[++i] - 0xDC00);
    encoding::AppendCodePoint(c, &out);
  }
  return out;
}

// Builds buffers that are mostly plausible UTF-8 with errors sprinkled in.
std::string RandomBytes(std::mt19937& rng, size_t max_len) {
  static const char* kPieces[] = {"a", "<p>", " ", "\xC3\xA9", "\xD9\x81", "\xE2\x82\xAC", "\xF0\x9F\x98\x80",
                                  "\xE2\x80\x8C", "\x80", "\xC0", "\xED\xA0", "\xF4\x90", "\xE2\x82", "\xFF"};
  std::string s;
  const size_t len = rng() % max_len;
  while (s.size() < len) {
    switch (rng() % 3) {
      case 0: s += kPieces[rng() % std::size(kPieces)]; break;
      case 1: s.push_back(static_cast<char>(rng() & 0xFF)); break;
      default: s.append(rng() % 20, 'x'); break;
    }
  }
  return s;
}

TEST(Utf8Decode, MatchesIcuAndIsAlwaysValidOnRandomBytes) {
  std::mt19937 rng(20240611);
  for (int i = 0; i < 3000; ++i) {
    const std::string in = RandomBytes(rng, 200);
    const std::string out = Decode(in);
    ASSERT_TRUE(IsValidUtf8(out));
    const std::string reference = IcuUtf8Reference(in);
    ASSERT_EQ(out, reference) << "input #" << i;
    // Valid input comes back unchanged from ICU too, and only valid input does.
    ASSERT_EQ(IsValidUtf8(in), reference == in) << "input #" << i;
  }
}

}  // namespace
}  // namespace matn
