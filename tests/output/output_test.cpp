// Output layer: JSON escaping that can never break a JSON line, and the
// text/Markdown renderings.
#include <gtest/gtest.h>

#include <string>

#include "matn/output.h"

namespace matn {
namespace {

std::string Json(std::string_view s) {
  std::string out;
  AppendJsonString(s, &out);
  return out;
}

TEST(JsonString, EscapesWhatJsonRequires) {
  EXPECT_EQ(Json("plain"), "\"plain\"");
  EXPECT_EQ(Json("a\"b\\c"), "\"a\\\"b\\\\c\"");
  EXPECT_EQ(Json("line1\nline2\r\t"), "\"line1\\nline2\\r\\t\"");
  EXPECT_EQ(Json(std::string("nul\0x", 5)), "\"nul\\u0000x\"");
  EXPECT_EQ(Json("\x01\x1f\x7f"), "\"\\u0001\\u001f\\u007f\"");
  EXPECT_EQ(Json("\b\f"), "\"\\b\\f\"");
}

TEST(JsonString, EscapesUnicodeLineBreaks) {
  // U+2028, U+2029 and NEL (U+0085) are line breaks to JavaScript or to
  // Python's str.splitlines(): escaped so a JSONL reader never splits a record.
  EXPECT_EQ(Json("a\u2028b\u2029c"), "\"a\\u2028b\\u2029c\"");
  EXPECT_EQ(Json("a\u0085b"), "\"a\\u0085b\"");
}

TEST(JsonString, KeepsValidUtf8) {
  EXPECT_EQ(Json("می\u200cشود"), "\"می\u200cشود\"");
  EXPECT_EQ(Json("é 日本 😀"), "\"é 日本 😀\"");
  EXPECT_EQ(Json("\u200e\u200f\u00ad"), "\"\u200e\u200f\u00ad\"");
}

TEST(JsonString, ReplacesInvalidUtf8) {
  const std::string fffd = "\xEF\xBF\xBD";
  EXPECT_EQ(Json("a\xFF" "b"), "\"a" + fffd + "b\"");
  EXPECT_EQ(Json("\xC0\xAF"), "\"" + fffd + fffd + "\"");              // overlong
  EXPECT_EQ(Json("\xED\xA0\x80"), "\"" + fffd + fffd + fffd + "\"");   // surrogate
  EXPECT_EQ(Json("\xF4\x90\x80\x80"), "\"" + fffd + fffd + fffd + fffd + "\"");  // > U+10FFFF
  EXPECT_EQ(Json("trunc\xE2\x82"), "\"trunc" + fffd + fffd + "\"");
}

Record SampleRecord() {
  Record r;
  r.source = "dir/page \"1\".html";
  r.meta.title = "Title with \"quotes\"\nand a newline";
  r.meta.authors = {"A. Writer", "B\tWriter"};
  r.meta.date_published = "2024-03-03";
  Block h;
  h.kind = BlockKind::kHeading;
  h.level = 2;
  h.text = "Heading";
  Block p;
  p.text = "Paragraph \u2028 with \x01 control and bad \xFF byte.";
  r.article.blocks = {h, p};
  return r;
}

TEST(Record, JsonlIsOneValidLine) {
  std::string out;
  AppendRecord(SampleRecord(), OutputFormat::kJsonl, &out);
  ASSERT_FALSE(out.empty());
  EXPECT_EQ(out.back(), '\n');
  EXPECT_EQ(out.find('\n'), out.size() - 1) << out;
  for (unsigned char c : out.substr(0, out.size() - 1)) EXPECT_GE(c, 0x20) << out;
  EXPECT_EQ(out.find("\xE2\x80\xA8"), std::string::npos);
  EXPECT_NE(out.find("\"source\":\"dir/page \\\"1\\\".html\""), std::string::npos) << out;
  EXPECT_NE(out.find("\"text\":\"Heading\\nParagraph \\u2028 with \\u0001 control and bad \xEF\xBF\xBD byte.\""),
            std::string::npos)
      << out;
  EXPECT_NE(out.find("\"authors\":[\"A. Writer\",\"B\\tWriter\"]"), std::string::npos) << out;
  EXPECT_NE(out.find("\"url\":null"), std::string::npos) << out;
  EXPECT_EQ(out.find("\"error\""), std::string::npos);
  EXPECT_EQ(out.find("\"comments\""), std::string::npos);
}

TEST(Record, ErrorRecord) {
  Record r;
  r.source = "missing.html";
  r.error = "not found: missing.html";
  std::string out;
  AppendRecord(r, OutputFormat::kJsonl, &out);
  EXPECT_NE(out.find("\"text\":null"), std::string::npos) << out;
  EXPECT_NE(out.find("\"error\":\"not found: missing.html\""), std::string::npos) << out;
  std::string txt;
  AppendRecord(r, OutputFormat::kText, &txt);
  EXPECT_TRUE(txt.empty());
}

TEST(Record, OptionalFields) {
  Record r = SampleRecord();
  r.with_comments = true;
  r.with_links = true;
  r.with_images = true;
  Block c;
  c.text = "A reader's comment.";
  r.article.comments = {c};
  r.article.links = {{"the report", "https://x.example/r"}};
  r.article.images = {{"https://x.example/i.jpg", "alt"}};
  std::string out;
  AppendRecord(r, OutputFormat::kJsonl, &out);
  EXPECT_NE(out.find("\"comments\":\"A reader's comment.\""), std::string::npos) << out;
  EXPECT_NE(out.find("\"links\":[{\"text\":\"the report\",\"href\":\"https://x.example/r\"}]"), std::string::npos)
      << out;
  EXPECT_NE(out.find("\"images\":[{\"src\":\"https://x.example/i.jpg\",\"alt\":\"alt\"}]"), std::string::npos)
      << out;
}

TEST(Record, PrettyJsonHasNoRawNewlinesInStrings) {
  std::string out;
  AppendRecord(SampleRecord(), OutputFormat::kJson, &out);
  EXPECT_EQ(out.front(), '{');
  EXPECT_EQ(out.back(), '}');
  EXPECT_NE(out.find("\n  \"title\": \"Title with \\\"quotes\\\"\\nand a newline\""), std::string::npos) << out;
}

TEST(Record, TextIsOneBlockPerLine) {
  std::string out;
  Record r = SampleRecord();
  r.article.blocks[1].text = "Second block.";
  AppendRecord(r, OutputFormat::kText, &out);
  EXPECT_EQ(out, "Heading\nSecond block.\n");
}

TEST(Markdown, RendersStructure) {
  Article a;
  auto add = [&](BlockKind k, std::string text, int level = 0, bool ordered = false) {
    Block b;
    b.kind = k;
    b.text = std::move(text);
    b.level = static_cast<uint8_t>(level);
    b.ordered = ordered;
    a.blocks.push_back(b);
  };
  add(BlockKind::kHeading, "Section", 2);
  add(BlockKind::kParagraph, "Para.");
  add(BlockKind::kListItem, "one", 1);
  add(BlockKind::kListItem, "nested", 2);
  add(BlockKind::kListItem, "first", 1, true);
  add(BlockKind::kQuote, "Quoted.", 1);
  add(BlockKind::kCode, "x = 1\ny = 2");
  Block row;
  row.kind = BlockKind::kTableRow;
  row.level = 1;
  row.cells = {"A", "B|C"};
  a.blocks.push_back(row);
  row.level = 0;
  row.cells = {"1", "2"};
  a.blocks.push_back(row);
  add(BlockKind::kCaption, "A caption.");
  std::string md = ArticleToMarkdown(a, false);
  EXPECT_EQ(md,
            "## Section\n\nPara.\n\n- one\n  - nested\n1. first\n\n> Quoted.\n\n```\nx = 1\ny = 2\n```\n\n"
            "| A | B\\|C |\n| --- | --- |\n| 1 | 2 |\n\n*A caption.*");
}

TEST(Markdown, TitleAndLinks) {
  Record r;
  r.meta.title = "The Title";
  Block p;
  p.text = "See the report.";
  p.markdown = "See [the report](https://x.example/r).";
  r.article.blocks = {p};
  std::string out;
  AppendRecord(r, OutputFormat::kMarkdown, &out);
  EXPECT_EQ(out, "# The Title\n\nSee [the report](https://x.example/r).\n");
}

TEST(Format, Names) {
  OutputFormat f;
  EXPECT_TRUE(ParseOutputFormat("jsonl", &f));
  EXPECT_EQ(f, OutputFormat::kJsonl);
  EXPECT_TRUE(ParseOutputFormat("md", &f));
  EXPECT_EQ(f, OutputFormat::kMarkdown);
  EXPECT_TRUE(ParseOutputFormat("txt", &f));
  EXPECT_EQ(f, OutputFormat::kText);
  EXPECT_FALSE(ParseOutputFormat("xml", &f));
}

}  // namespace
}  // namespace matn
