// DecodeToUtf8: sniffing precedence, the legacy decoders, detection.
#include <gtest/gtest.h>

#include <fstream>
#include <random>
#include <sstream>
#include <string>

#include "encoding/encoding_internal.h"
#include "matn/encoding.h"

namespace matn {
namespace {

const std::string kFffd = "\xEF\xBF\xBD";

struct Decoded {
  std::string text;
  EncodingInfo info;
};

Decoded Dec(std::string_view bytes, std::string_view transport = "", bool detect = true) {
  Decoded d;
  DecodeOptions opts;
  opts.transport_charset = transport;
  opts.detect = detect;
  EXPECT_TRUE(DecodeToUtf8(bytes, &d.text, &d.info, opts).ok());
  EXPECT_TRUE(IsValidUtf8(d.text));
  return d;
}

std::string ReadFixture(const std::string& name) {
  std::ifstream in(std::string(MATN_TEST_DATA) + "/encoding/" + name, std::ios::binary);
  EXPECT_TRUE(in) << name;
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

TEST(Bom, WinsOverEverything) {
  const std::string page = "\xEF\xBB\xBF<meta charset=iso-8859-2>\xC3\xA9";
  Decoded d = Dec(page, "windows-1251");
  EXPECT_EQ(d.info.name, "UTF-8");
  EXPECT_EQ(d.info.source, EncodingSource::kBom);
  EXPECT_EQ(d.text, "<meta charset=iso-8859-2>é");  // BOM removed

  d = Dec(std::string("\xFF\xFEh\0i\0", 6), "utf-8");
  EXPECT_EQ(d.info.name, "UTF-16LE");
  EXPECT_EQ(d.info.source, EncodingSource::kBom);
  EXPECT_EQ(d.text, "hi");

  d = Dec(std::string("\xFE\xFF\0h\0i\x06\x41", 8));
  EXPECT_EQ(d.info.name, "UTF-16BE");
  EXPECT_EQ(d.text, "hi\u0641");

  d = Dec("\xEF\xBB\xBF");
  EXPECT_EQ(d.text, "");
  EXPECT_EQ(d.info.source, EncodingSource::kBom);
}

TEST(Utf16, SurrogatesAndOddLength) {
  // U+1F600 as a pair, then a lone high surrogate before 'a', then a lone low one.
  Decoded d = Dec(std::string("\xFF\xFE\x3D\xD8\x00\xDE\x3D\xD8" "a\0\x00\xDC", 12));
  EXPECT_EQ(d.text, "\U0001F600" + kFffd + "a" + kFffd);
  EXPECT_EQ(d.info.replaced, 2u);
  d = Dec(std::string("\xFE\xFF\0a\0", 5));
  EXPECT_EQ(d.text, "a" + kFffd);
}

TEST(Utf16, DetectedWithoutBom) {
  const std::string html = "<html><body><p>Hello, UTF-16 world: \xD9\x81</p></body></html>";
  std::string le, be;
  // Build UTF-16 by hand: ASCII plus U+0641.
  for (size_t i = 0; i < html.size(); ++i) {
    uint16_t u = static_cast<unsigned char>(html[i]);
    if (u == 0xD9) u = 0x0641, ++i;
    le += static_cast<char>(u & 0xFF), le += static_cast<char>(u >> 8);
    be += static_cast<char>(u >> 8), be += static_cast<char>(u & 0xFF);
  }
  Decoded d = Dec(le);
  EXPECT_EQ(d.info.name, "UTF-16LE");
  EXPECT_EQ(d.info.source, EncodingSource::kDetected);
  EXPECT_EQ(d.text, html);
  d = Dec(be);
  EXPECT_EQ(d.info.name, "UTF-16BE");
  EXPECT_EQ(d.text, html);
}

TEST(Transport, OverridesMetaAndUnknownLabelsAreIgnored) {
  const std::string page = "<meta charset=iso-8859-2>\xB3";
  Decoded d = Dec(page, "windows-1251");
  EXPECT_EQ(d.info.name, "windows-1251");
  EXPECT_EQ(d.info.source, EncodingSource::kTransport);
  EXPECT_EQ(d.text, "<meta charset=iso-8859-2>\u0456");  // і

  d = Dec(page, "no-such-charset");
  EXPECT_EQ(d.info.name, "ISO-8859-2");
  EXPECT_EQ(d.info.source, EncodingSource::kMeta);
  EXPECT_EQ(d.text, "<meta charset=iso-8859-2>\u0142");  // ł

  d = Dec(page, " Latin1 ");
  EXPECT_EQ(d.info.name, "windows-1252");
  EXPECT_EQ(d.text, "<meta charset=iso-8859-2>\u00B3");  // ³

  // From the transport, UTF-16 and x-user-defined are taken at their word.
  d = Dec(std::string("a\0", 2), "utf-16");
  EXPECT_EQ(d.info.name, "UTF-16LE");
  EXPECT_EQ(d.text, "a");
  d = Dec("\x80\xFF", "x-user-defined");
  EXPECT_EQ(d.text, "\uF780\uF7FF");
}

TEST(Meta, DeclarationDecides) {
  Decoded d = Dec("<meta http-equiv=Content-Type content='text/html; charset=windows-1256'>\xDD\xC7\xD1\xD3\xED");
  EXPECT_EQ(d.info.name, "windows-1256");
  EXPECT_EQ(d.info.source, EncodingSource::kMeta);
  EXPECT_EQ(d.text.substr(d.text.find('>') + 1), "فارسي");

  // x-user-defined from a <meta> means windows-1252.
  d = Dec("<meta charset=x-user-defined>\x80");
  EXPECT_EQ(d.info.name, "windows-1252");
  EXPECT_EQ(d.text, "<meta charset=x-user-defined>€");

  // A "replacement" label makes the whole document one U+FFFD.
  d = Dec("<meta charset=iso-2022-kr>\x1b$)C hello");
  EXPECT_EQ(d.info.name, "replacement");
  EXPECT_EQ(d.text, kFffd);
}

TEST(Meta, LateMetaBeatsDetection) {
  // A <meta> past the first KB (behind a big inline script) still counts.
  const std::string page = "<html><head><script>" + std::string(3000, ' ') +
                           "</script><meta charset=windows-1251></head><body>\xCC\xEE\xF1\xEA\xE2\xE0</body>";
  EXPECT_EQ(PrescanMetaCharset(page), "");
  Decoded d = Dec(page);
  EXPECT_EQ(d.info.name, "windows-1251");
  EXPECT_EQ(d.info.source, EncodingSource::kMeta);
  EXPECT_NE(d.text.find("Москва"), std::string::npos);
}

TEST(Meta, StaleLegacyMetaOnAUtf8PageYieldsToUtf8) {
  // Re-saved as UTF-8, still declaring gb2312: decoding as GBK would garble it.
  const std::string text = "谷歌在2014年收购的人工智能公司开发出一款能够用自己的记忆学习新知识的计算机。";
  Decoded d = Dec("<meta http-equiv=Content-Type content='text/html; charset=gb2312'><p>" + text);
  EXPECT_EQ(d.info.name, "UTF-8");
  EXPECT_EQ(d.info.source, EncodingSource::kDetected);
  EXPECT_NE(d.text.find(text), std::string::npos);
  EXPECT_EQ(d.info.replaced, 0u);
  // A few UTF-8-looking bytes are not enough to overrule a declaration.
  d = Dec("<meta charset=windows-1252><p>\xC3\xA9t\xC3\xA9</p>");
  EXPECT_EQ(d.info.name, "windows-1252");
  EXPECT_EQ(d.text, "<meta charset=windows-1252><p>Ã©tÃ©</p>");
  // Nor is anything that is not entirely valid UTF-8.
  d = Dec("<meta charset=windows-1252><p>" + text + "\xE9</p>");
  EXPECT_EQ(d.info.name, "windows-1252");
  // A transport charset is never second-guessed.
  d = Dec("<p>" + text, "gbk");
  EXPECT_EQ(d.info.name, "GBK");
}

struct Fixture {
  const char* file;
  const char* label;
};

class Fixtures : public ::testing::TestWithParam<Fixture> {};

TEST_P(Fixtures, DecodesWithTransportLabel) {
  const std::string bytes = ReadFixture(std::string(GetParam().file) + ".html");
  const std::string expected = ReadFixture(std::string(GetParam().file) + ".expected.txt");
  Decoded d = Dec(bytes, GetParam().label);
  EXPECT_EQ(d.info.name, CanonicalEncodingName(GetParam().label));
  EXPECT_EQ(d.info.replaced, 0u);
  EXPECT_EQ(d.text, expected);
}

TEST_P(Fixtures, DetectedWhenUndeclared) {
  const std::string bytes = ReadFixture(std::string(GetParam().file) + ".html");
  const std::string expected = ReadFixture(std::string(GetParam().file) + ".expected.txt");
  Decoded d = Dec(bytes);
  EXPECT_EQ(d.info.source, EncodingSource::kDetected);
  EXPECT_EQ(d.text, expected) << "detected as " << d.info.name;
}

INSTANTIATE_TEST_SUITE_P(Encoding, Fixtures,
                         ::testing::Values(Fixture{"fa-windows-1256", "windows-1256"},
                                           Fixture{"ru-windows-1251", "windows-1251"},
                                           Fixture{"el-iso-8859-7", "iso-8859-7"},
                                           Fixture{"ja-shift_jis", "shift_jis"},
                                           Fixture{"zh-gbk", "gbk"}),
                         [](const auto& info) {
                           std::string n = info.param.file;
                           for (char& c : n)
                             if (!isalnum(static_cast<unsigned char>(c))) c = '_';
                           return n;
                         });

TEST(Detect, PersianWindows1256) {
  const std::string bytes = ReadFixture("fa-windows-1256.html");
  Decoded d = Dec(bytes);
  EXPECT_EQ(d.info.name, "windows-1256");
  EXPECT_NE(d.text.find("زبان فارسي"), std::string::npos);
  EXPECT_NE(d.text.find("مي\u200Cگويند"), std::string::npos);  // ZWNJ (0x9D) kept
  // Without the detector the spec's default applies, and the text is mojibake.
  d = Dec(bytes, "", /*detect=*/false);
  EXPECT_EQ(d.info.name, "windows-1252");
  EXPECT_EQ(d.info.source, EncodingSource::kDefault);
  EXPECT_EQ(d.text.find("فارسي"), std::string::npos);
}

TEST(Detect, ValidUtf8IsUtf8) {
  Decoded d = Dec("<p>Ça va? Москва, 東京, فارسی</p>");
  EXPECT_EQ(d.info.name, "UTF-8");
  EXPECT_EQ(d.info.source, EncodingSource::kDetected);
  EXPECT_EQ(d.text, "<p>Ça va? Москва, 東京, فارسی</p>");
  // Non-ASCII far past the start, and a window that cuts a character in two.
  std::string big = std::string(100000, 'a') + "é" + std::string(64 * 1024 - 1025, 'b') + "€€€€" + "tail";
  d = Dec(big);
  EXPECT_EQ(d.info.name, "UTF-8");
  EXPECT_EQ(d.text, big);
}

TEST(DecodeToUtf8, InputMayBeTheOutputString) {
  std::string s = "<meta charset=windows-1251>\xCC\xEE\xF1\xEA\xE2\xE0";
  ASSERT_TRUE(DecodeToUtf8(s, &s).ok());
  EXPECT_EQ(s, "<meta charset=windows-1251>Москва");
}

TEST(Detect, AsciiIsTheDefault) {
  Decoded d = Dec("<html><body>plain</body></html>");
  EXPECT_EQ(d.info.name, "windows-1252");
  EXPECT_EQ(d.info.source, EncodingSource::kDefault);
  d = Dec("");
  EXPECT_EQ(d.text, "");
  EXPECT_EQ(d.info.source, EncodingSource::kDefault);
}

// Spot checks of each family against code points from the encodings' tables.
TEST(Decoders, LegacyEncodings) {
  EXPECT_EQ(Dec("\x80\x81\x9F\xE9", "windows-1252").text, "€\u0081Ÿé");
  EXPECT_EQ(Dec("\x80\x81", "windows-1252").info.replaced, 0u);
  EXPECT_EQ(Dec("\xA4\xA6", "iso-8859-15").text, "€Š");
  EXPECT_EQ(Dec("\xA4\xD5", "iso-8859-16").text, "€Ő");
  EXPECT_EQ(Dec("\xE0\xFA", "iso-8859-8-i").text, "את");
  EXPECT_EQ(Dec("\xC1\xE4\xE5", "iso-8859-6").text, "\u0621\u0644\u0645");
  EXPECT_EQ(Dec("\xA1", "iso-8859-6").text, kFffd);  // unassigned
  EXPECT_EQ(Dec("\xE1\xE2\xF7\xFF\xA4", "koi8-r").text, "АБВЪ\u2553");
  EXPECT_EQ(Dec("\xAE\xBE\xA4", "koi8-u").text, "ўЎє");
  EXPECT_EQ(Dec("\x80\x7F\x1A\x1C", "ibm866").text, "А\x7F\x1A\x1C");
  EXPECT_EQ(Dec("\xA1\xDB", "windows-874").text, "ก" + kFffd);
  EXPECT_EQ(Dec("\xDB\xF0", "macintosh").text, "€\uF8FF");
  EXPECT_EQ(Dec("\x80\xFF", "x-mac-cyrillic").text, "А€");
  EXPECT_EQ(Dec("\xE4\xC6", "windows-1256").text, "نئ");
  EXPECT_EQ(Dec("\x98\x90\x8D", "windows-1256").text, "\u06A9\u06AF\u0686");  // ک گ چ

  // CJK
  EXPECT_EQ(Dec("\xC4\xE3\xBA\xC3", "gb2312").text, "你好");
  EXPECT_EQ(Dec("\x80", "gbk").text, "€");
  EXPECT_EQ(Dec("\x81\x30\x81\x30", "gb18030").text, "\u0080");  // four-byte form
  EXPECT_EQ(Dec("\x90\x30\x81\x30\x95\x32\x82\x36", "gb18030").text, "\U00010000\U00020000");
  EXPECT_EQ(Dec("\xA4\x40\xA4\x48", "big5").text, "一人");
  EXPECT_EQ(Dec("\x82\xA0\x93\xFA\x96\x7B", "shift_jis").text, "あ日本");
  EXPECT_EQ(Dec("\xB1\x87\x40", "windows-31j").text, "ｱ①");  // half-width kana, NEC row 13
  EXPECT_EQ(Dec("\x80\x1A\x1C\x7F\x5C\x7E", "shift_jis").text, "\u0080\x1A\x1C\x7F\\~");
  EXPECT_EQ(Dec("\xA4\xA2\x8E\xB1\x8F\xB0\xA1", "euc-jp").text, "あｱ丂");  // JIS X 0212 via 0x8F
  EXPECT_EQ(Dec("\x1B$B\x30\x21\x1B(B!\x1B(I\x31\x1B(B", "iso-2022-jp").text, "亜!ｱ");
  EXPECT_EQ(Dec("\xC7\xD1\x81\x41", "euc-kr").text, "한갂");  // KS X 1001 and a UHC extension

  // Invalid multi-byte sequences: the ASCII byte that broke a sequence survives.
  Decoded d = Dec("\x82" "A", "shift_jis");  // lead + ASCII trail with no mapping
  EXPECT_EQ(d.text, kFffd + "A");
  EXPECT_EQ(d.info.replaced, 1u);
  EXPECT_EQ(Dec("\x82 <", "shift_jis").text, kFffd + " <");  // trail out of range
  EXPECT_EQ(Dec("\xC9\x41", "euc-kr").text, kFffd + "A");
  EXPECT_EQ(Dec("\xA4", "big5").text, kFffd);
}

TEST(Decoders, EveryEncodingGivesValidUtf8ForEveryByte) {
  std::string all;
  for (int i = 0; i < 256; ++i) all.push_back(static_cast<char>(i));
  all += all;  // and every byte pair across the seam
  for (int i = 0; i < encoding::kEncCount; ++i) {
    const auto e = static_cast<encoding::Enc>(i);
    std::string out;
    auto replaced = encoding::DecodeWith(e, all, &out);
    ASSERT_TRUE(replaced.has_value()) << encoding::EncName(e);
    EXPECT_TRUE(IsValidUtf8(out)) << encoding::EncName(e);
    if (e == encoding::Enc::kReplacement || e == encoding::Enc::kUtf16Be || e == encoding::Enc::kUtf16Le ||
        e == encoding::Enc::kIso2022Jp)
      continue;
    out.clear();
    encoding::DecodeWith(e, "<p class=x>Hi & bye</p>\n", &out);
    EXPECT_EQ(out, "<p class=x>Hi & bye</p>\n") << encoding::EncName(e);
  }
}

TEST(Decoders, RandomBytesAlwaysGiveValidUtf8) {
  std::mt19937 rng(7);
  const std::string_view labels[] = {"", "utf-8", "windows-1256", "shift_jis", "gbk", "gb18030", "big5",
                                     "euc-jp", "iso-2022-jp", "euc-kr", "utf-16le", "utf-16be", "koi8-u",
                                     "x-user-defined", "iso-8859-8", "hz-gb-2312"};
  for (int i = 0; i < 4000; ++i) {
    std::string bytes(rng() % 300, '\0');
    for (char& c : bytes) c = static_cast<char>(rng() % 4 == 0 ? rng() % 128 : rng() & 0xFF);
    std::string out;
    EncodingInfo info;
    DecodeOptions opts;
    opts.transport_charset = labels[i % std::size(labels)];
    ASSERT_TRUE(DecodeToUtf8(bytes, &out, &info, opts).ok());
    ASSERT_TRUE(IsValidUtf8(out)) << "label " << opts.transport_charset << " input #" << i;
  }
}

}  // namespace
}  // namespace matn
