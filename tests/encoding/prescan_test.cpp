// The label table and the <meta> prescan (HTML Standard §13.2.3.2).
#include <gtest/gtest.h>

#include <string>

#include "encoding/encoding_internal.h"
#include "matn/encoding.h"

namespace matn {
namespace {

TEST(Labels, WhatwgTable) {
  // The Encoding Standard lists 228 labels for its 40 encodings.
  EXPECT_EQ(encoding::LabelCount(), 228u);
  EXPECT_EQ(CanonicalEncodingName("latin1"), "windows-1252");
  EXPECT_EQ(CanonicalEncodingName("ISO-8859-1"), "windows-1252");
  EXPECT_EQ(CanonicalEncodingName("us-ascii"), "windows-1252");
  EXPECT_EQ(CanonicalEncodingName("iso-8859-9"), "windows-1254");
  EXPECT_EQ(CanonicalEncodingName("tis-620"), "windows-874");
  EXPECT_EQ(CanonicalEncodingName("gb2312"), "GBK");
  EXPECT_EQ(CanonicalEncodingName("GB18030"), "gb18030");
  EXPECT_EQ(CanonicalEncodingName("big5-hkscs"), "Big5");
  EXPECT_EQ(CanonicalEncodingName("ks_c_5601-1987"), "EUC-KR");
  EXPECT_EQ(CanonicalEncodingName("windows-949"), "EUC-KR");
  EXPECT_EQ(CanonicalEncodingName("windows-31j"), "Shift_JIS");
  EXPECT_EQ(CanonicalEncodingName("x-sjis"), "Shift_JIS");
  EXPECT_EQ(CanonicalEncodingName("logical"), "ISO-8859-8-I");
  EXPECT_EQ(CanonicalEncodingName("visual"), "ISO-8859-8");
  EXPECT_EQ(CanonicalEncodingName("koi8-ru"), "KOI8-U");
  EXPECT_EQ(CanonicalEncodingName("hz-gb-2312"), "replacement");
  EXPECT_EQ(CanonicalEncodingName("iso-2022-kr"), "replacement");
  EXPECT_EQ(CanonicalEncodingName("utf-16"), "UTF-16LE");
  EXPECT_EQ(CanonicalEncodingName("unicodefffe"), "UTF-16BE");
  EXPECT_EQ(CanonicalEncodingName("x-user-defined"), "x-user-defined");
  EXPECT_EQ(CanonicalEncodingName(" \tUTF8\n"), "UTF-8");  // ASCII whitespace trimmed, case ignored
  EXPECT_EQ(CanonicalEncodingName("utf 8"), "");
  EXPECT_EQ(CanonicalEncodingName("iso-8859-1x"), "");
  EXPECT_EQ(CanonicalEncodingName("utf-32"), "");  // not a web encoding
  EXPECT_EQ(CanonicalEncodingName(""), "");
  EXPECT_EQ(CanonicalEncodingName("   "), "");
}

TEST(Labels, EveryCanonicalNameIsItsOwnLabel) {
  for (int i = 0; i < encoding::kEncCount; ++i) {
    const std::string_view name = encoding::EncName(static_cast<encoding::Enc>(i));
    EXPECT_EQ(CanonicalEncodingName(name), name);
  }
}

TEST(Prescan, MetaCharset) {
  EXPECT_EQ(PrescanMetaCharset("<meta charset=windows-1256>"), "windows-1256");
  EXPECT_EQ(PrescanMetaCharset("<META CHARSET='Windows-1256'>"), "windows-1256");
  EXPECT_EQ(PrescanMetaCharset("<meta/charset=\"cp1256\"/>"), "windows-1256");
  EXPECT_EQ(PrescanMetaCharset("<meta charset = \" utf-8 \">"), "UTF-8");
  EXPECT_EQ(PrescanMetaCharset("<html><head><meta charset=utf-8>"), "UTF-8");
  EXPECT_EQ(PrescanMetaCharset("<metacharset=utf-8>"), "");
  EXPECT_EQ(PrescanMetaCharset("<meta charset=utf-8"), "");  // never closed
  EXPECT_EQ(PrescanMetaCharset("<meta charset=nonsense><meta charset=koi8-r>"), "KOI8-R");
  EXPECT_EQ(PrescanMetaCharset("<meta charset=koi8-r><meta charset=utf-8>"), "KOI8-R");
  EXPECT_EQ(PrescanMetaCharset("<meta charset=koi8-r charset=utf-8>"), "KOI8-R");  // repeated attribute
  EXPECT_EQ(PrescanMetaCharset(""), "");
  EXPECT_EQ(PrescanMetaCharset("no markup at all"), "");
}

TEST(Prescan, HttpEquivContent) {
  EXPECT_EQ(PrescanMetaCharset("<meta http-equiv=Content-Type content=\"text/html; charset=windows-1251\">"),
            "windows-1251");
  EXPECT_EQ(PrescanMetaCharset("<meta content='text/html;charset=\"gbk\"' http-equiv='content-type'>"), "GBK");
  EXPECT_EQ(PrescanMetaCharset("<meta content=\"text/html; CHARSET = shift_jis; x=y\" http-equiv=content-type>"),
            "Shift_JIS");
  // content without http-equiv="content-type" declares nothing
  EXPECT_EQ(PrescanMetaCharset("<meta content=\"text/html; charset=koi8-r\">"), "");
  EXPECT_EQ(PrescanMetaCharset("<meta name=x content=\"text/html; charset=koi8-r\">"), "");
  EXPECT_EQ(PrescanMetaCharset("<meta http-equiv=refresh content=\"text/html; charset=koi8-r\">"), "");
  // a charset attribute wins over content, whatever the order
  EXPECT_EQ(PrescanMetaCharset("<meta http-equiv=content-type content=\"charset=koi8-r\" charset=utf-8>"), "UTF-8");
  // "charset" not followed by '=' is skipped and the search goes on
  EXPECT_EQ(PrescanMetaCharset("<meta http-equiv=content-type content=\"charsetx; charset=big5\">"), "Big5");
  // an unmatched quote gives nothing
  EXPECT_EQ(PrescanMetaCharset("<meta http-equiv=content-type content=\"charset='big5\">"), "");
}

TEST(Prescan, Utf16AndUserDefinedBecomeAsciiCompatible) {
  // A <meta> in an ASCII-compatible byte stream cannot truly mean UTF-16.
  EXPECT_EQ(PrescanMetaCharset("<meta charset=utf-16>"), "UTF-8");
  EXPECT_EQ(PrescanMetaCharset("<meta charset=utf-16be>"), "UTF-8");
  EXPECT_EQ(PrescanMetaCharset("<meta charset=x-user-defined>"), "windows-1252");
  EXPECT_EQ(PrescanMetaCharset("<meta charset=iso-2022-kr>"), "replacement");
}

TEST(Prescan, CommentsAndOtherMarkup) {
  EXPECT_EQ(PrescanMetaCharset("<!-- <meta charset=koi8-r> --><meta charset=big5>"), "Big5");
  EXPECT_EQ(PrescanMetaCharset("<!--><meta charset=big5>"), "Big5");  // "<!-->" is a whole comment
  EXPECT_EQ(PrescanMetaCharset("<!---><meta charset=big5>"), "Big5");  // so is "<!--->"
  EXPECT_EQ(PrescanMetaCharset("<!-- never closed <meta charset=big5>"), "");
  EXPECT_EQ(PrescanMetaCharset("<!DOCTYPE html><meta charset=big5>"), "Big5");
  EXPECT_EQ(PrescanMetaCharset("<?php echo 1 ?><meta charset=big5>"), "Big5");
  EXPECT_EQ(PrescanMetaCharset("<!x <meta charset=koi8-r>"), "");  // "<!" runs to the next '>'
  EXPECT_EQ(PrescanMetaCharset("<!-x <meta charset=koi8-r> --> <meta charset=big5>"), "Big5");
  // attributes of other tags are skipped as attributes, quotes included
  EXPECT_EQ(PrescanMetaCharset("<div title='<meta charset=koi8-r>'><meta charset=big5>"), "Big5");
  EXPECT_EQ(PrescanMetaCharset("</p foo='<meta charset=koi8-r>'><meta charset=big5>"), "Big5");
  // the prescan knows nothing of <script>: a <meta> in script text counts
  EXPECT_EQ(PrescanMetaCharset("<script>var s = '<meta charset=koi8-r>';</script>"), "KOI8-R");
}

// Attributes of tags other than <meta> are walked over without being read;
// where each one ends must still follow "get an attribute" exactly.
TEST(Prescan, OtherTagsAttributesEndWhereTheSpecSays) {
  // an unquoted value ends at '>' or a space, not at a quote
  EXPECT_EQ(PrescanMetaCharset("<a href=x'y><meta charset=big5>"), "Big5");
  EXPECT_EQ(PrescanMetaCharset("<a b=c d='<meta charset=koi8-r>' e><meta charset=big5>"), "Big5");
  // "=" first is part of the name; spaces around "=" are allowed
  EXPECT_EQ(PrescanMetaCharset("<a =x = '<meta charset=koi8-r>'><meta charset=big5>"), "Big5");
  EXPECT_EQ(PrescanMetaCharset("<a b = \"'>\" c=\"x\"><meta charset=big5>"), "Big5");
  // "/" between attributes, a value that is just the end of the tag
  EXPECT_EQ(PrescanMetaCharset("<img/src=x/ alt=><meta charset=big5>"), "Big5");
  // a quote that never closes swallows the rest: no result
  EXPECT_EQ(PrescanMetaCharset("<a title=\"never closed <meta charset=big5>"), "");
  EXPECT_EQ(PrescanMetaCharset("<a title=x"), "");
  // long attribute values before the <meta>
  const std::string style = "<div style=\"" + std::string(800, 'c') + "\">";
  EXPECT_EQ(PrescanMetaCharset(style + "<meta charset=big5>"), "Big5");
}

// "charset" in any case and at any offset still leads to the <meta>.
TEST(Prescan, CharsetInAnyCaseAndPlace) {
  EXPECT_EQ(PrescanMetaCharset("<META CHARSET=BIG5>"), "Big5");
  EXPECT_EQ(PrescanMetaCharset("<meta http-equiv=Content-Type content='text/html; ChArSeT=koi8-r'>"), "KOI8-R");
  for (size_t pad = 0; pad < 40; ++pad) {
    const std::string page = "<p " + std::string(pad, 'c') + "h>" + "<meta cHarseT=big5>";
    EXPECT_EQ(PrescanMetaCharset(page), "Big5") << pad;
  }
  // no "charset" at all: nothing, however many <meta>s
  std::string metas;
  for (int i = 0; i < 30; ++i) metas += "<meta name=viewport content='width=device-width'>";
  EXPECT_EQ(PrescanMetaCharset(metas), "");
  EXPECT_EQ(PrescanMetaCharset("<meta charse=big5><meta chars et=big5>"), "");
}

TEST(Prescan, FirstKilobyteOnly) {
  const std::string pad = "<!--" + std::string(1100, 'x') + "-->";
  EXPECT_EQ(PrescanMetaCharset(pad + "<meta charset=big5>"), "");
  const std::string short_pad = "<!--" + std::string(980, 'x') + "-->";  // the <meta> ends at byte 1006
  EXPECT_EQ(PrescanMetaCharset(short_pad + "<meta charset=big5>"), "Big5");
  const std::string straddle = std::string(1010, ' ');  // the <meta> ends past byte 1024
  EXPECT_EQ(PrescanMetaCharset(straddle + "<meta charset=big5>"), "");
}

TEST(Prescan, XmlDeclaration) {
  EXPECT_EQ(PrescanMetaCharset("<?xml version=\"1.0\" encoding=\"windows-1256\"?><html>"), "windows-1256");
  EXPECT_EQ(PrescanMetaCharset("<?xml version='1.0' encoding = 'utf-16'?>"), "UTF-8");
  EXPECT_EQ(PrescanMetaCharset("<?xml version='1.0'?><p encoding='big5'>"), "");
  // a <meta> wins over the XML declaration
  EXPECT_EQ(PrescanMetaCharset("<?xml version='1.0' encoding='big5'?><meta charset=koi8-r>"), "KOI8-R");
  // UTF-16 without a BOM, recognised from "<?x"
  EXPECT_EQ(PrescanMetaCharset(std::string("<\0?\0x\0m\0l\0", 10)), "UTF-16LE");
  EXPECT_EQ(PrescanMetaCharset(std::string("\0<\0?\0x\0m\0l", 10)), "UTF-16BE");
}

TEST(Prescan, HostileInputIsLinear) {
  // Many unclosed constructs: must finish quickly and find nothing.
  std::string s;
  for (int i = 0; i < 20000; ++i) s += "<a b='";
  EXPECT_EQ(PrescanMetaCharset(s), "");
  std::string metas;
  for (int i = 0; i < 5000; ++i) metas += "<meta content=\"charset=charset=charset=\" ";
  std::string out;
  EXPECT_TRUE(DecodeToUtf8(metas, &out).ok());
}

}  // namespace
}  // namespace matn
