// Tree builder: focused cases (expectations from the WHATWG algorithm) and
// pathological nesting at 200,000 levels, checked by structure, not timing.
#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>

#include "matn/html.h"

namespace matn {
namespace {

struct Shape {
  size_t elements = 0, texts = 0, text_bytes = 0, max_depth = 0;
  std::string text;  // all text, in document order
};

// Iterative walk with depth (depth 1 = children of the root).
Shape Measure(const Node* root) {
  Shape s;
  size_t depth = 0;
  for (const Node* n = root->first_child; n;) {
    if (n->IsElement()) {
      ++s.elements;
      s.max_depth = std::max(s.max_depth, depth + 1);
    } else if (n->IsText()) {
      ++s.texts;
      s.text_bytes += n->data().size();
      s.text.append(n->data());
    }
    if (n->first_child) {
      n = n->first_child;
      ++depth;
      continue;
    }
    while (n != root && !n->next_sibling) {
      n = n->parent;
      --depth;
    }
    n = n == root ? nullptr : n->next_sibling;
  }
  return s;
}

std::string Dump(const std::string& html) {
  Document doc;
  EXPECT_TRUE(ParseDocument(html, &doc).ok());
  return DumpTree(doc.root());
}

TEST(TreeBuilder, OrdinaryDocument) {
  Document doc;
  ASSERT_TRUE(ParseDocument("<!DOCTYPE html><title>T</title><p class=x id=a>Hello <b>world</b>", &doc).ok());
  EXPECT_EQ(DumpTree(doc.root()),
            "| <!DOCTYPE html>\n| <html>\n|   <head>\n|     <title>\n|       \"T\"\n|   <body>\n"
            "|     <p>\n|       class=\"x\"\n|       id=\"a\"\n|       \"Hello \"\n|       <b>\n|         \"world\"\n");
  ASSERT_NE(doc.html(), nullptr);
  ASSERT_NE(doc.head(), nullptr);
  ASSERT_NE(doc.body(), nullptr);
  EXPECT_TRUE(doc.body()->Is(Tag::kBody));
  EXPECT_EQ(doc.quirks_mode(), QuirksMode::kNoQuirks);
  const Node* p = doc.body()->first_child;
  ASSERT_TRUE(p && p->Is(Tag::kP));
  EXPECT_EQ(p->Attr("id"), "a");
  EXPECT_EQ(p->FindAttr("missing"), nullptr);
  // Unchanged text keeps pointing into the input.
  std::string_view in = doc.input();
  std::string_view hello = p->first_child->data();
  EXPECT_TRUE(hello.data() >= in.data() && hello.data() + hello.size() <= in.data() + in.size());
}

TEST(TreeBuilder, QuirksFromDoctype) {
  Document doc;
  ASSERT_TRUE(ParseDocument("<p>no doctype", &doc).ok());
  EXPECT_EQ(doc.quirks_mode(), QuirksMode::kQuirks);
  ASSERT_TRUE(ParseDocument("<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Transitional//EN\" \"x\">", &doc).ok());
  EXPECT_EQ(doc.quirks_mode(), QuirksMode::kLimitedQuirks);
  EXPECT_EQ(doc.doctype_public_id(), "-//W3C//DTD XHTML 1.0 Transitional//EN");
  // In quirks mode <table> does not close an open <p>.
  EXPECT_EQ(Dump("<p><table>"), "| <html>\n|   <head>\n|   <body>\n|     <p>\n|       <table>\n");
  EXPECT_EQ(Dump("<!DOCTYPE html><p><table>"),
            "| <!DOCTYPE html>\n| <html>\n|   <head>\n|   <body>\n|     <p>\n|     <table>\n");
}

TEST(TreeBuilder, AdoptionAgencyAndFosterParenting) {
  EXPECT_EQ(Dump("<a><p>X</a>Y"),
            "| <html>\n|   <head>\n|   <body>\n|     <a>\n|     <p>\n|       <a>\n|         \"X\"\n|       \"Y\"\n");
  EXPECT_EQ(Dump("<table>A<tr><td>B</table>"),
            "| <html>\n|   <head>\n|   <body>\n|     \"A\"\n|     <table>\n|       <tbody>\n|         <tr>\n"
            "|           <td>\n|             \"B\"\n");
}

TEST(TreeBuilder, ForeignContentAndTemplates) {
  EXPECT_EQ(Dump("<svg viewbox='0 0 1 1'><a xlink:href=u></a><foreignobject><p>x</svg>"),
            "| <html>\n|   <head>\n|   <body>\n|     <svg svg>\n|       viewBox=\"0 0 1 1\"\n|       <svg a>\n"
            "|         xlink href=\"u\"\n|       <svg foreignObject>\n|         <p>\n|           \"x\"\n");
  Document doc;
  ASSERT_TRUE(ParseDocument("<template><td>c</td></template>", &doc).ok());
  const Node* t = doc.head()->first_child;
  ASSERT_TRUE(t && t->Is(Tag::kTemplate));
  ASSERT_NE(t->template_contents(), nullptr);
  EXPECT_EQ(t->template_contents()->type, NodeType::kDocumentFragment);
  EXPECT_EQ(t->first_child, nullptr);
  EXPECT_TRUE(t->template_contents()->first_child->Is(Tag::kTd));
}

TEST(TreeBuilder, Fragments) {
  Document doc;
  ASSERT_TRUE(ParseFragment("<td>a</td><tr>", "tr", &doc).ok());
  EXPECT_EQ(doc.root()->type, NodeType::kDocumentFragment);
  EXPECT_EQ(DumpTree(doc.root()), "| <td>\n|   \"a\"\n");
  ASSERT_TRUE(ParseFragment("<mi>x</mi><div>", "math math", &doc).ok());
  EXPECT_EQ(DumpTree(doc.root()), "| <math mi>\n|   \"x\"\n| <div>\n");
  ASSERT_TRUE(ParseFragment("</textarea>&amp;", "textarea", &doc).ok());
  EXPECT_EQ(DumpTree(doc.root()), "| \"</textarea>&\"\n");
}

TEST(TreeBuilder, TextIsMergedAndNulsHandled) {
  Document doc;
  static const char kInput[] = "<p>a\0b&amp;c<!---->d";
  ASSERT_TRUE(ParseDocument(std::string(kInput, sizeof kInput - 1), &doc).ok());
  Shape s = Measure(doc.root());
  EXPECT_EQ(s.text, "ab&cd");
  EXPECT_EQ(s.texts, 2u);  // the comment splits the run
}

TEST(TreeBuilder, MovedDocumentKeepsViews) {
  Document a;
  ASSERT_TRUE(ParseDocument("<p>kept text</p>", &a).ok());
  Document b = std::move(a);
  EXPECT_EQ(Measure(b.root()).text, "kept text");
}

// Walks used by callers must survive deep trees; DumpTree must too.
TEST(TreeBuilder, DumpTreeIsIterative) {
  std::string html;
  for (int i = 0; i < 3000; ++i) html += "<span>";
  Document doc;
  ASSERT_TRUE(ParseDocument(html, &doc).ok());
  std::string dump = DumpTree(doc.root());
  EXPECT_NE(dump.find(std::string(2 * 3001, ' ') + "<span>"), std::string::npos);
}

constexpr int kDeep = 200000;

Shape ParseNested(const std::string& open, const std::string& close, bool closed, size_t* nodes = nullptr) {
  std::string html;
  html.reserve((open.size() + close.size()) * kDeep + 1);
  for (int i = 0; i < kDeep; ++i) html += open;
  html += "x";
  if (closed)
    for (int i = 0; i < kDeep; ++i) html += close;
  Document doc;
  ParseOptions unlimited;  // these tests are about the real depth; see depth_limit_test.cpp
  unlimited.max_depth = 0;
  EXPECT_TRUE(ParseDocument(std::move(html), &doc, unlimited).ok());
  if (nodes) *nodes = doc.node_count();
  return Measure(doc.root());
}

TEST(TreeBuilderPathological, NestedDivs) {
  for (bool closed : {false, true}) {
    Shape s = ParseNested("<div>", "</div>", closed);
    EXPECT_EQ(s.elements, kDeep + 3u);
    EXPECT_EQ(s.max_depth, kDeep + 2u);  // html > body > div^N
    EXPECT_EQ(s.text, "x");
  }
}

TEST(TreeBuilderPathological, NestedFormatting) {
  for (bool closed : {false, true}) {
    Shape s = ParseNested("<b>", "</b>", closed);
    EXPECT_EQ(s.elements, kDeep + 3u);
    EXPECT_EQ(s.max_depth, kDeep + 2u);
    EXPECT_EQ(s.text, "x");
  }
}

TEST(TreeBuilderPathological, NestedTables) {
  for (bool closed : {false, true}) {
    Shape s = ParseNested("<table><tr><td>", "</td></tr></table>", closed);
    EXPECT_EQ(s.elements, 4u * kDeep + 3u);  // table > tbody > tr > td per level
    EXPECT_EQ(s.max_depth, 4u * kDeep + 2u);
    EXPECT_EQ(s.text, "x");
  }
}

TEST(TreeBuilderPathological, RepeatedAnchors) {
  for (bool closed : {false, true}) {
    Shape s = ParseNested("<a>", "</a>", closed);
    EXPECT_EQ(s.elements, kDeep + 3u);  // each <a> closes the previous one: siblings
    EXPECT_EQ(s.max_depth, 3u);
    EXPECT_EQ(s.text, "x");
  }
}

TEST(TreeBuilderPathological, NestedSpans) {
  for (bool closed : {false, true}) {
    Shape s = ParseNested("<span>", "</span>", closed);
    EXPECT_EQ(s.elements, kDeep + 3u);
    EXPECT_EQ(s.max_depth, kDeep + 2u);
    EXPECT_EQ(s.text, "x");
  }
}

// Scope checks that a stack walk would make quadratic: every <p> below looks for
// a p in button scope past 200,000 divs, every </i> past 200,000 spans.
TEST(TreeBuilderPathological, ScopeChecksDoNotWalk) {
  std::string html = "<button>";
  for (int i = 0; i < kDeep; ++i) html += "<div>";
  for (int i = 0; i < kDeep; ++i) html += "<p>y</p>";
  Document doc;
  ParseOptions unlimited;
  unlimited.max_depth = 0;
  ASSERT_TRUE(ParseDocument(html, &doc, unlimited).ok());
  Shape s = Measure(doc.root());
  EXPECT_EQ(s.elements, 2u * kDeep + 4u);
  EXPECT_EQ(s.text.size(), static_cast<size_t>(kDeep));

  html = "<div>";
  for (int i = 0; i < kDeep; ++i) html += "<span>";
  for (int i = 0; i < kDeep; ++i) html += "</i></li><li>z</li>";
  ASSERT_TRUE(ParseDocument(html, &doc, unlimited).ok());
  s = Measure(doc.root());
  EXPECT_EQ(s.elements, 2u * kDeep + 4u);
  EXPECT_EQ(s.text.size(), static_cast<size_t>(kDeep));
}

TEST(TreeBuilderPathological, NestedTemplatesUnwindAtEof) {
  std::string html;
  for (int i = 0; i < kDeep; ++i) html += "<template>";
  Document doc;
  ASSERT_TRUE(ParseDocument(html, &doc).ok());
  EXPECT_EQ(doc.node_count(), 2u * kDeep + 4u);  // document, html, head, body; each template has a content fragment
}

TEST(TreeCommand, SummaryAndFragment) {
  std::string path = testing::TempDir() + "/matn_tree_test.html";
  {
    std::ofstream f(path);
    f << "<div><p>ab</p><p>cd</div>";
  }
  std::string cmd = std::string(MATN_BINARY) + " tree --summary " + path;
  FILE* p = popen(cmd.c_str(), "r");
  ASSERT_NE(p, nullptr);
  char buf[512] = {};
  size_t n = fread(buf, 1, sizeof buf - 1, p);
  EXPECT_EQ(pclose(p), 0);
  EXPECT_EQ(std::string(buf, n), path + "\t6\t4\t4\n");  // html head body div p p; html>body>div>p
  cmd = std::string(MATN_BINARY) + " tree /nonexistent/file.html 2>/dev/null";
  EXPECT_EQ(WEXITSTATUS(std::system(cmd.c_str())), 1);
  cmd = std::string(MATN_BINARY) + " tree --bogus 2>/dev/null";
  EXPECT_EQ(WEXITSTATUS(std::system(cmd.c_str())), 2);
}

}  // namespace
}  // namespace matn
