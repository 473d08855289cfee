#include <gtest/gtest.h>

#include <string>

#include "matn/encoding.h"

namespace matn {
namespace {

// DecodeToUtf8InPlace must be DecodeToUtf8 without the copy: same bytes, same info.
void ExpectSameAsCopying(const std::string& input, std::string_view transport = "") {
  DecodeOptions o;
  o.transport_charset = transport;
  std::string copied;
  EncodingInfo ci, ii;
  ASSERT_TRUE(DecodeToUtf8(input, &copied, &ci, o).ok());
  std::string in_place = input;
  ASSERT_TRUE(DecodeToUtf8InPlace(&in_place, &ii, o).ok());
  EXPECT_EQ(in_place, copied);
  EXPECT_EQ(ii.name, ci.name);
  EXPECT_EQ(ii.source, ci.source);
  EXPECT_EQ(ii.replaced, ci.replaced);
  EXPECT_TRUE(IsValidUtf8(in_place));
}

TEST(DecodeInPlace, Utf8PageKeepsItsBytes) {
  std::string page = "<meta charset=utf-8><p>کابل \u200c دری</p>";
  std::string s = page;
  EncodingInfo info;
  ASSERT_TRUE(DecodeToUtf8InPlace(&s, &info).ok());
  EXPECT_EQ(s, page);
  EXPECT_EQ(info.name, "UTF-8");
  EXPECT_EQ(info.source, EncodingSource::kMeta);
  ExpectSameAsCopying(page);
}

TEST(DecodeInPlace, BomIsRemoved) {
  std::string s = "\xEF\xBB\xBF<p>x</p>";
  ASSERT_TRUE(DecodeToUtf8InPlace(&s).ok());
  EXPECT_EQ(s, "<p>x</p>");
  ExpectSameAsCopying("\xEF\xBB\xBF<p>\xD8\xA7</p>");
}

TEST(DecodeInPlace, InvalidUtf8BecomesReplacementCharacters) {
  std::string s = "<meta charset=utf-8><p>a\xFF" "b\xE2\x82</p>";
  EncodingInfo info;
  ASSERT_TRUE(DecodeToUtf8InPlace(&s, &info).ok());
  EXPECT_EQ(s, "<meta charset=utf-8><p>a\xEF\xBF\xBD" "b\xEF\xBF\xBD</p>");
  EXPECT_EQ(info.replaced, 2u);
  ExpectSameAsCopying("<meta charset=utf-8><p>a\xFF" "b\xE2\x82</p>");
}

TEST(DecodeInPlace, LegacyEncodingsAreStillDecoded) {
  // "سلام" in windows-1256.
  const std::string arabic = "<meta charset=windows-1256><p>\xD3\xE1\xC7\xE3</p>";
  std::string s = arabic;
  ASSERT_TRUE(DecodeToUtf8InPlace(&s).ok());
  EXPECT_EQ(s, "<meta charset=windows-1256><p>سلام</p>");
  ExpectSameAsCopying(arabic);
  ExpectSameAsCopying("<p>caf\xE9</p>", "iso-8859-1");
  ExpectSameAsCopying(std::string("\xFF\xFE<\0p\0>\0", 8));
  ExpectSameAsCopying("");
}

TEST(DecodeInPlace, TransportCharsetWinsOverValidUtf8) {
  // Valid UTF-8 bytes, but the transport says windows-1252: they are decoded as such.
  ExpectSameAsCopying("<p>\xC3\xA9</p>", "windows-1252");
  std::string s = "<p>\xC3\xA9</p>";
  DecodeOptions o;
  o.transport_charset = "windows-1252";
  ASSERT_TRUE(DecodeToUtf8InPlace(&s, nullptr, o).ok());
  EXPECT_EQ(s, "<p>\xC3\x83\xC2\xA9</p>");
}

}  // namespace
}  // namespace matn
