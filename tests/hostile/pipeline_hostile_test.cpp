// Hostile pages through the whole pipeline (ProcessPage): the extractor and
// metadata walk the same pathological trees the parser built, a 50 MB page,
// UTF-16 with and without BOM, JSON injection through title and text, and
// binary garbage. Every page must give a record (or a clear limit error) whose
// JSONL form is one valid line.
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>

#include <string>

#include "hostile_util.h"
#include "json_check.h"
#include "matn/encoding.h"
#include "matn/extract.h"
#include "matn/metadata.h"
#include "matn/output.h"
#include "matn/pipeline.h"

namespace matn::hostile {
namespace {

// Enough sentence-like text that any extractor takes it for an article.
const std::string kPara =
    "The committee met on Monday to discuss the new budget, which includes money for schools, roads and "
    "clinics. Members said the plan was late, but they expect a vote before the end of the month.";

Record Process(std::string_view bytes, PipelineOptions po = {}, std::string_view charset = "") {
  PageInput in;
  in.bytes = bytes;
  in.source = "hostile.html";
  in.charset = charset;
  return ProcessPage(in, po);
}

// The record as one JSONL line; fails the test unless it is exactly one valid line.
std::string Jsonl(const Record& r) {
  std::string out;
  AppendRecord(r, OutputFormat::kJsonl, &out);
  EXPECT_TRUE(!out.empty() && out.back() == '\n');
  std::string_view line(out);
  if (!line.empty()) line.remove_suffix(1);
  EXPECT_EQ(testing::JsonlRecordError(line), "") << line.substr(0, 300);
  return out;
}

struct Shape {
  const char* name;
  const char* open;
  const char* close;
};

class DeepPage : public ::testing::TestWithParam<Shape> {};

TEST_P(DeepPage, OpenGivesARecordWithTheText) {
  const Shape& s = GetParam();
  std::string html = "<html><head><title>Deep</title></head><body>" + Repeat(s.open, 200000) + "<p>" + kPara +
                     "</p><p>" + kPara + "</p>";
  Record r = Process(html);
  EXPECT_EQ(r.error, "");
  EXPECT_NE(r.article.Text().find("budget, which includes"), std::string::npos);
  Jsonl(r);
}

TEST_P(DeepPage, ClosedGivesARecordWithTheText) {
  const Shape& s = GetParam();
  std::string html = "<html><head><title>Deep</title></head><body>" + Repeat(s.open, 200000) + "<p>" + kPara +
                     "</p>" + Repeat(s.close, 200000) + "<p>" + kPara + "</p>";
  Record r = Process(html);
  EXPECT_EQ(r.error, "");
  EXPECT_NE(r.article.Text().find("budget, which includes"), std::string::npos);
  Jsonl(r);
}

INSTANTIATE_TEST_SUITE_P(Hostile, DeepPage,
                         ::testing::Values(Shape{"div", "<div>", "</div>"}, Shape{"b", "<b>", "</b>"},
                                           Shape{"table", "<table><tr><td>", "</td></tr></table>"},
                                           Shape{"a", "<a href=/x>", "</a>"},
                                           Shape{"article", "<article class=content>", "</article>"},
                                           Shape{"li", "<ul><li>", "</li></ul>"},
                                           Shape{"blockquote", "<blockquote>", "</blockquote>"}),
                         [](const auto& info) { return std::string(info.param.name); });

template <class O>
void SetMaxDepth(O& o, uint32_t d) {
  if constexpr (requires { o.max_depth; }) o.max_depth = d;
}

// The pipeline parses with the default depth limit, so the trees above are a
// few thousand deep at most. The extractor and the metadata reader promise to
// walk any depth without recursion: give them a 200,000-deep tree directly
// (a recursive walk would overflow the stack here).
TEST(DeepTree, ExtractorAndMetadataWalkUnlimitedDepth) {
  for (const char* unit : {"<div class=content>", "<section><article>", "<table><tr><td>", "<ul><li>", "<blockquote>"}) {
    SCOPED_TRACE(unit);
    std::string html = "<html><head><title>Deep</title><script type=\"application/ld+json\">" +
                       Repeat("{\"a\":[", 20000) + "</script></head><body>" + Repeat(unit, 200000) + "<p>" + kPara +
                       "</p><p>" + kPara + "</p>";
    ParseOptions po;
    SetMaxDepth(po, 0);  // unlimited
    Document doc;
    ASSERT_TRUE(ParseDocument(html, &doc, po).ok());
    Metadata m = ExtractMetadata(doc);
    EXPECT_EQ(m.title, "Deep");
    Article a = ExtractArticle(doc);
    EXPECT_NE(a.Text().find("budget, which includes"), std::string::npos);
  }
}

TEST(DeepTree, JsonLdNestedAQuarterMillionDeep) {
  // The metadata layer's JSON-LD reader sees script text the parser never
  // limits: nesting must be handled without recursion (or refused cleanly).
  for (const char* unit : {"[", "{\"@graph\":[", "{\"a\":"}) {
    SCOPED_TRACE(unit);
    std::string html = "<html><head><title>Deep JSON</title><script type=\"application/ld+json\">" +
                       Repeat(unit, 250000) + "</script></head><body><article><p>" + kPara + "</p></article>";
    Record r = Process(html);
    EXPECT_EQ(r.error, "");
    EXPECT_EQ(r.meta.title, "Deep JSON");
    Jsonl(r);
  }
}

TEST(BigPage, FiftyMegabytesIsProcessedUnderTheDefaultLimit) {
  std::string html = "<html><head><title>Big</title></head><body><article>";
  size_t n = 0;
  while (html.size() < (size_t{50} << 20)) html += "<p>Paragraph " + std::to_string(n++) + ": " + kPara + "</p>\n";
  html += "</article></body></html>";
  Record r = Process(html);
  ASSERT_EQ(r.error, "");
  std::string text = r.article.Text();
  EXPECT_NE(text.find("Paragraph 0: "), std::string::npos);
  EXPECT_NE(text.find("Paragraph " + std::to_string(n - 1) + ": "), std::string::npos);
  EXPECT_EQ(r.meta.title, "Big");
}

TEST(BigPage, OverTheLimitIsAClearError) {
  std::string html = "<p>" + std::string(3 << 20, 'x') + "</p>";
  PipelineOptions po;
  po.max_bytes = 2 << 20;
  Record r = Process(html, po);
  EXPECT_NE(r.error.find("limit exceeded"), std::string::npos) << r.error;
  EXPECT_NE(r.error.find("3.0 MB"), std::string::npos) << r.error;
  EXPECT_NE(r.error.find("2.0 MB"), std::string::npos) << r.error;
  EXPECT_TRUE(r.article.blocks.empty());
  std::string line = Jsonl(r);
  EXPECT_NE(line.find("\"text\":null"), std::string::npos);
  EXPECT_NE(line.find("\"error\":\"limit exceeded"), std::string::npos);
}

TEST(Attributes, AMillionAttributesOnOnePage) {
  std::string html = "<html><body><div";
  for (int i = 0; i < 1000000; ++i) html += " data-a" + std::to_string(i) + "=\"v\"";
  html += "><p>" + kPara + "</p></div>";
  Record r = Process(html);
  EXPECT_EQ(r.error, "");
  EXPECT_NE(r.article.Text().find("budget"), std::string::npos);
  Jsonl(r);
}

TEST(Entities, FloodsInTextAndTitle) {
  for (const char* unit : {"&amp;", "&#x41;", "&am", "&#1;", "&#x2028;", "&quot;\\&lt;"}) {
    SCOPED_TRACE(unit);
    std::string flood = Repeat(unit, 1000000);
    Record r = Process("<title>" + Repeat(unit, 1000) + "</title><article><p>" + kPara + flood + "</p></article>");
    EXPECT_EQ(r.error, "");
    Jsonl(r);
  }
}

// Block-level floods the extractor's per-block checks must absorb linearly
// (deduplicating captions and headings scanned every earlier block: 400,000
// captions took 26 s; every heading was compared with a 1 MB title: 10 s).
TEST(Floods, CaptionsHeadingsAndATitleAMegabyteLong) {
  std::string figs;
  for (int i = 0; i < 200000; ++i) figs += "<figure><img src=x><figcaption>cap " + std::to_string(i) + "</figcaption></figure>";
  PipelineOptions po;
  po.extract.captions = true;
  Record r = Process("<body><article><p>" + kPara + "</p>" + figs + "</article>", po);
  EXPECT_EQ(r.error, "");
  EXPECT_NE(r.article.Text().find("cap 199999"), std::string::npos);

  std::string heads;
  for (int i = 0; i < 100000; ++i) heads += "<h2>" + Repeat("word ", 20) + std::to_string(i) + "</h2>";
  r = Process("<title>" + Repeat("word ", 200000) + "</title><body><article>" + heads + "<p>" + kPara + "</p></article>");
  EXPECT_EQ(r.error, "");
  EXPECT_NE(r.article.Text().find("budget"), std::string::npos);
  Jsonl(r);
}

TEST(RawText, TenThousandScriptsAndStylesStayOutOfTheText) {
  std::string html = "<html><head><title>Scripts</title>";
  for (int i = 0; i < 10000; ++i) html += "<style>.c" + std::to_string(i) + " { color: red }</style>";
  html += "</head><body><article>";
  for (int i = 0; i < 10000; ++i) html += "<script>var leaked = \"SCRIPT\";</script><p>" + kPara + "</p>";
  Record r = Process(html + "</article>");
  EXPECT_EQ(r.error, "");
  std::string text = r.article.Text();
  EXPECT_EQ(text.find("SCRIPT"), std::string::npos);
  EXPECT_EQ(text.find("color: red"), std::string::npos);
  EXPECT_GE(Count(text, "budget"), 9000u);  // nearly every paragraph (deduplication may merge a few)
}

TEST(Encoding, Utf16WithAndWithoutBom) {
  const std::string page = "<html><head><title>سلام دنیا</title></head><body><article><p>" + kPara +
                           " گزارش‌ها می‌گویند که جلسه برگزار شد.</p></article></body></html>";
  // UTF-8 → UTF-16 by hand: the test must not trust the decoder it checks.
  std::u16string u16;
  for (size_t i = 0; i < page.size();) {
    unsigned char c = page[i];
    char32_t cp;
    int len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    cp = len == 1 ? c : len == 2 ? c & 0x1F : len == 3 ? c & 0x0F : c & 0x07;
    for (int k = 1; k < len; ++k) cp = (cp << 6) | (page[i + k] & 0x3F);
    i += len;
    u16.push_back(static_cast<char16_t>(cp));  // the page is all BMP
  }
  auto bytes = [&](bool big_endian, bool bom) {
    std::string out;
    if (bom) out += big_endian ? "\xFE\xFF" : "\xFF\xFE";
    for (char16_t u : u16) {
      char hi = static_cast<char>(u >> 8), lo = static_cast<char>(u & 0xFF);
      out += big_endian ? std::string{hi, lo} : std::string{lo, hi};
    }
    return out;
  };
  struct Case {
    bool be, bom;
    const char* charset;
  };
  for (const Case& c : {Case{false, true, ""}, Case{true, true, ""}, Case{false, false, "utf-16le"},
                        Case{true, false, "utf-16be"}, Case{false, true, "windows-1252"},
                        Case{false, false, ""}, Case{true, false, ""}}) {
    SCOPED_TRACE(std::string(c.be ? "BE" : "LE") + (c.bom ? " with BOM" : " without BOM") + " charset=" +
                 c.charset);
    Record r = Process(bytes(c.be, c.bom), {}, c.charset);
    EXPECT_EQ(r.error, "");
    EXPECT_EQ(r.meta.title, "سلام دنیا");
    EXPECT_NE(r.article.Text().find("گزارش‌ها می‌گویند"), std::string::npos) << r.article.Text();
    Jsonl(r);
  }
}

TEST(Bytes, NulBytesAndInvalidUtf8GiveValidOutput) {
  std::string html = std::string("<title>A\0B\xFF\xC0\xAF title</title><article><p>", 39) + kPara;
  html += std::string("\0\0\0", 3) + "\xED\xA0\x80\xF8\x88\x80\x80\x80 \xE2\x28\xA1 end</p></article>";
  Record r = Process(html, {}, "utf-8");
  EXPECT_EQ(r.error, "");
  EXPECT_TRUE(IsValidUtf8(r.meta.title));
  EXPECT_TRUE(IsValidUtf8(r.article.Text()));
  EXPECT_NE(r.article.Text().find("end"), std::string::npos);
  Jsonl(r);
}

TEST(Bytes, BinaryGarbageGivesARecord) {
  uint32_t x = 2463534242u;  // xorshift: deterministic garbage
  std::string bytes;
  for (int i = 0; i < 1 << 20; ++i) {
    x ^= x << 13, x ^= x >> 17, x ^= x << 5;
    bytes += static_cast<char>(x & 0xFF);
  }
  for (const char* charset : {"", "utf-8", "utf-16le", "shift_jis", "iso-2022-jp", "gb18030"}) {
    SCOPED_TRACE(charset);
    Record r = Process(bytes, {}, charset);
    EXPECT_EQ(r.error, "");
    Jsonl(r);
  }
}

TEST(Bytes, EmptyPageGivesAnEmptyRecord) {
  Record r = Process("");
  EXPECT_EQ(r.error, "");
  EXPECT_TRUE(r.article.blocks.empty());
  Jsonl(r);
}

TEST(JsonInjection, TitleAndTextCannotBreakTheLine) {
  // Everything that could end a JSONL line or a JSON string, raw and as
  // character references: quotes, backslashes, CR/LF, U+2028/9, NEL, C0/C1
  // controls, a lone surrogate reference, a fake closing brace and a new record.
  const std::string evil =
      "\"},{\"text\":\"pwned\"}\n{\"x\":1} \\ \\\" \r\n \xE2\x80\xA8 \xE2\x80\xA9 \xC2\x85 \x01\x1F\x7F "
      "&#x2028;&#x2029;&#13;&#10;&#x85;&#0;&#xD800;&#x1;&quot;&bsol; </script>";
  std::string html = "<html lang=\"en\"><head><title>" + evil + "</title><meta name=\"description\" content=\"" + evil +
                     "\"><meta name=\"author\" content='" + evil + "'></head><body><article><h1>" + evil + "</h1><p>" +
                     kPara + evil + "</p><pre>" + evil + "</pre><p>" + kPara + "</p></article></body></html>";
  Record r = Process(html);
  EXPECT_EQ(r.error, "");
  std::string out = Jsonl(r);
  EXPECT_EQ(Count(out, "\n"), 1u);
  EXPECT_EQ(out.find("\xE2\x80\xA8"), std::string::npos);
  EXPECT_EQ(out.find("\xC2\x85"), std::string::npos);  // NEL is escaped too (output.h)
  // The title survives as data: decoding the JSON gives the page's characters back.
  EXPECT_NE(r.meta.title.find("pwned"), std::string::npos);
  // The pretty JSON form is valid as well.
  std::string pretty;
  AppendRecord(r, OutputFormat::kJson, &pretty);
  EXPECT_EQ(testing::JsonError(pretty), "");
}

TEST(JsonInjection, PythonAgreesTheLineIsOneJsonObject) {
  // A second, independent parser: Python's json module, when available.
  if (std::system("python3 -c 'import json' >/dev/null 2>&1") != 0) GTEST_SKIP() << "no python3";
  std::string html = "<title>a\"b\\c\nd\xE2\x80\xA8" "e\x01</title><p>" + kPara + "\x7f\xC2\x9f\"}</p>";
  Record r = Process(html);
  std::string out = Jsonl(r);
  char path[] = "/tmp/matn_hostile_json_XXXXXX";
  int fd = mkstemp(path);
  ASSERT_GE(fd, 0);
  ASSERT_EQ(write(fd, out.data(), out.size()), static_cast<ssize_t>(out.size()));
  close(fd);
  std::string cmd = std::string("python3 -c 'import json,sys; lines=open(sys.argv[1],encoding=\"utf-8\").read()"
                                ".split(\"\\n\"); assert lines[-1]==\"\" and len(lines)==2; "
                                "d=json.loads(lines[0]); assert d[\"title\"].startswith(\"a\\\"b\\\\c\")' ") +
                    path;
  EXPECT_EQ(std::system(cmd.c_str()), 0) << out;
  std::remove(path);
}

}  // namespace
}  // namespace matn::hostile
