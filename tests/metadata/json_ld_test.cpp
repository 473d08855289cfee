// The lenient JSON reader on the kinds of damage real JSON-LD blocks carry.
#include "metadata/json_ld.h"

#include <gtest/gtest.h>

#include <string>

namespace matn::metadata_internal {
namespace {

JsonDoc Parse(std::string_view s) {
  JsonDoc d;
  ParseJsonLenient(s, &d);
  return d;
}

TEST(JsonLd, WellFormedObject) {
  JsonDoc d = Parse(R"({"@type":"NewsArticle","headline":"A \"quoted\" title","n":12,"ok":true,
                       "author":[{"@type":"Person","name":"Ann"},{"name":"Bob"}]})");
  ASSERT_EQ(d.roots.size(), 1u);
  int32_t r = d.roots[0];
  EXPECT_EQ(d.MemberString(r, "@type"), "NewsArticle");
  EXPECT_EQ(d.MemberString(r, "headline"), "A \"quoted\" title");
  EXPECT_EQ(d.MemberString(r, "n"), "12");
  int32_t a = d.Member(r, "author");
  ASSERT_GE(a, 0);
  EXPECT_EQ(d.nodes[a].type, JsonNode::kArray);
  int32_t first = d.nodes[a].first_child;
  ASSERT_GE(first, 0);
  EXPECT_EQ(d.MemberString(first, "name"), "Ann");
  EXPECT_EQ(d.MemberString(d.nodes[first].next_sibling, "name"), "Bob");
}

TEST(JsonLd, TrailingCommasAndMissingCommas) {
  JsonDoc d = Parse(R"({"a":"1","b":["x","y",],} )");
  ASSERT_EQ(d.roots.size(), 1u);
  EXPECT_EQ(d.MemberString(d.roots[0], "a"), "1");
  int32_t b = d.Member(d.roots[0], "b");
  ASSERT_GE(b, 0);
  int count = 0;
  for (int32_t c = d.nodes[b].first_child; c >= 0; c = d.nodes[c].next_sibling) ++count;
  EXPECT_EQ(count, 2);
  JsonDoc e = Parse(R"({"a":"1" "b":"2"})");
  EXPECT_EQ(e.MemberString(e.roots[0], "b"), "2");
}

TEST(JsonLd, RawNewlinesAndUnescapedInnerQuotes) {
  JsonDoc d = Parse("{\"articleBody\":\"line one\nline two\",\"headline\":\"He said \"no\" today\"}");
  int32_t r = d.roots[0];
  EXPECT_EQ(d.MemberString(r, "articleBody"), "line one\nline two");
  EXPECT_EQ(d.MemberString(r, "headline"), "He said \"no\" today");
}

TEST(JsonLd, UnicodeEscapesAndSurrogates) {
  JsonDoc d = Parse(R"({"t":"caf\u00e9 \ud83d\ude00 \u0645\u062a\u0646"})");
  EXPECT_EQ(d.MemberString(d.roots[0], "t"), "caf\xc3\xa9 \xf0\x9f\x98\x80 \xd9\x85\xd8\xaa\xd9\x86");
}

TEST(JsonLd, WrappersCommentsAndSeveralValues) {
  JsonDoc d = Parse("<!--//--><![CDATA[// ><!--\n/* c */ {\"a\":1} // x\n[{\"b\":2}]\n//--><!]]>");
  ASSERT_EQ(d.roots.size(), 2u);
  EXPECT_EQ(d.MemberString(d.roots[0], "a"), "1");
  EXPECT_EQ(d.nodes[d.roots[1]].type, JsonNode::kArray);
}

TEST(JsonLd, SingleQuotesAndBareKeys) {
  JsonDoc d = Parse("{headline: 'Hello', 'x': 'y'}");
  EXPECT_EQ(d.MemberString(d.roots[0], "headline"), "Hello");
  EXPECT_EQ(d.MemberString(d.roots[0], "x"), "y");
}

TEST(JsonLd, UnclosedAtEndKeepsWhatWasRead) {
  JsonDoc d = Parse(R"({"@graph":[{"@type":"Article","headline":"Kept")");
  ASSERT_EQ(d.roots.size(), 1u);
  int32_t g = d.Member(d.roots[0], "@graph");
  ASSERT_GE(g, 0);
  int32_t art = d.nodes[g].first_child;
  ASSERT_GE(art, 0);
  EXPECT_EQ(d.MemberString(art, "headline"), "Kept");
}

TEST(JsonLd, MismatchedClosersDoNotLoseSiblings) {
  JsonDoc d = Parse(R"({"a":{"b":"1"],"c":"2"})");
  // The stray ']' is ignored; "c" still belongs to the inner object or the outer one.
  bool found = false;
  for (const JsonNode& n : d.nodes)
    if (n.key == "c" && n.value == "2") found = true;
  EXPECT_TRUE(found);
}

TEST(JsonLd, DeepNestingIsBoundedNotRecursive) {
  std::string s(200000, '[');
  s += "\"deep\"";
  s += std::string(200000, ']');
  s += R"({"after":"yes"})";
  JsonDoc d;
  JsonLimits lim;
  lim.max_depth = 32;
  ParseJsonLenient(s, &d, lim);
  EXPECT_LE(d.nodes.size(), 40u);
  ASSERT_GE(d.roots.size(), 2u);
  EXPECT_EQ(d.MemberString(d.roots.back(), "after"), "yes");
}

TEST(JsonLd, NodeLimitStopsEarly) {
  std::string s = "[";
  for (int i = 0; i < 10000; ++i) s += "1,";
  s += "]";
  JsonDoc d;
  JsonLimits lim;
  lim.max_nodes = 100;
  ParseJsonLenient(s, &d, lim);
  EXPECT_LE(d.nodes.size(), 100u);
}

TEST(JsonLd, GarbageNeverHangs) {
  std::string junk;
  for (int i = 0; i < 5000; ++i) junk += "}{][\"\\'::,,\x01\xff";
  JsonDoc d;
  ParseJsonLenient(junk, &d);
  SUCCEED();
}

}  // namespace
}  // namespace matn::metadata_internal
