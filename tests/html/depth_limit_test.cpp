// ParseOptions::max_depth (issue 7, item 2): past the limit elements are still
// created (with their attributes) but not opened, so the tree stops getting
// deeper while no element, attribute or character of text is lost.
#include <gtest/gtest.h>

#include <string>

#include "matn/html.h"

namespace matn {
namespace {

struct Shape {
  size_t elements = 0, max_depth = 0;
  std::string text;
};

// Depth by parent links while walking with NextInPreorder (itself under test).
Shape Measure(const Node* root) {
  Shape s;
  for (const Node* n = NextInPreorder(root, root); n; n = NextInPreorder(n, root)) {
    size_t d = 0;
    if (n->IsElement()) {
      ++s.elements;
      for (const Node* p = n; p != root; p = p->parent) ++d;
      s.max_depth = std::max(s.max_depth, d);
    } else if (n->IsText()) {
      s.text.append(n->data());
    }
  }
  return s;
}

std::string Repeat(std::string_view s, size_t n) {
  std::string r;
  r.reserve(s.size() * n);
  for (size_t i = 0; i < n; ++i) r += s;
  return r;
}

ParseOptions Limit(uint32_t d) {
  ParseOptions o;
  o.max_depth = d;
  return o;
}

TEST(DepthLimit, DefaultIsDocumented) { EXPECT_EQ(ParseOptions().max_depth, 5000u); }

TEST(DepthLimit, DeepDivsAreFlattenedWithoutLosingText) {
  constexpr size_t kN = 200000;
  std::string html;
  std::string expect;
  for (size_t i = 0; i < kN; ++i) {
    html += "<div id=d" + std::to_string(i) + ">";
    char c = static_cast<char>('a' + i % 26);
    html += c;
    expect += c;
  }
  html += Repeat("</div>", kN) + "<p>after</p>";
  expect += "after";
  Document doc;
  ASSERT_TRUE(ParseDocument(html, &doc, Limit(1000)).ok());
  // Measuring walks to the root from every element: ~2·10^8 steps, once.
  Shape s = Measure(doc.root());
  EXPECT_LE(s.max_depth, 1001u);
  EXPECT_GE(s.max_depth, 999u);
  EXPECT_EQ(s.elements, kN + 4);  // html, head, body, p
  EXPECT_EQ(s.text, expect);
  // Attributes survive on flattened elements too.
  const Node* last = nullptr;
  for (const Node* n = doc.root(); n; n = NextInPreorder(n, doc.root()))
    if (n->Is(Tag::kDiv)) last = n;
  ASSERT_NE(last, nullptr);
  ASSERT_NE(last->FindAttr("id"), nullptr);
  EXPECT_EQ(last->FindAttr("id")->value(), "d" + std::to_string(kN - 1));
  // DumpTree copes with the flattened tree.
  std::string dump = DumpTree(doc.root());
  EXPECT_NE(dump.find("\"after\""), std::string::npos);
}

TEST(DepthLimit, ShallowTreesAreUnchanged) {
  const std::string html =
      "<table><tr><td><b>x<i>y</b>z</i><svg><path/></svg><select><option>o</select>"
      "<template><td>t</td></template><script>s<b></script><textarea>q</textarea>";
  Document a, b;
  ASSERT_TRUE(ParseDocument(html, &a).ok());
  ASSERT_TRUE(ParseDocument(html, &b, Limit(0)).ok());
  EXPECT_EQ(DumpTree(a.root()), DumpTree(b.root()));
}

// At the limit the new element becomes a leaf; what follows goes beside it.
TEST(DepthLimit, FlattenedElementIsALeaf) {
  Document doc;
  // html, body, div = 3 open elements.
  ASSERT_TRUE(ParseDocument("<div><span title=t>a<em>b</em></span>c", &doc, Limit(3)).ok());
  EXPECT_EQ(DumpTree(doc.root()),
            "| <html>\n"
            "|   <head>\n"
            "|   <body>\n"
            "|     <div>\n"
            "|       <span>\n"
            "|         title=\"t\"\n"
            "|       \"a\"\n"
            "|       <em>\n"
            "|       \"bc\"\n");
}

// Raw text stays raw text at the limit: script source never becomes visible text.
TEST(DepthLimit, RawTextElementsStillOpen) {
  Document doc;
  ASSERT_TRUE(ParseDocument("<div><script>if (a<b) x()</script><br>t", &doc, Limit(3)).ok());
  EXPECT_EQ(DumpTree(doc.root()),
            "| <html>\n"
            "|   <head>\n"
            "|   <body>\n"
            "|     <div>\n"
            "|       <script>\n"
            "|         \"if (a<b) x()\"\n"
            "|       <br>\n"
            "|       \"t\"\n");
}

// Hostile shapes that a naive "don't push" would turn into unbounded depth,
// quadratic reconstruction or lost text.
struct Case {
  const char* open;
  const char* text;
};

class DepthLimitHostile : public ::testing::TestWithParam<Case> {};

TEST_P(DepthLimitHostile, BoundedAndLossless) {
  constexpr size_t kN = 50000;
  const Case& c = GetParam();
  std::string html = Repeat(std::string(c.open) + c.text, kN);
  Document doc;
  ASSERT_TRUE(ParseDocument(html, &doc, Limit(200)).ok());
  Shape s = Measure(doc.root());
  EXPECT_LE(s.max_depth, 210u);
  EXPECT_EQ(s.text.size(), kN * std::string(c.text).size());
  EXPECT_LE(doc.node_count(), 8 * kN);  // no clone explosion
}

INSTANTIATE_TEST_SUITE_P(
    Shapes, DepthLimitHostile,
    ::testing::Values(Case{"<b>", "x"}, Case{"<p><b id=1></p>", "x"}, Case{"<table><tr><td>", "x"},
                      Case{"<svg><g>", "x"}, Case{"<math><mi>", "x"}, Case{"<object>", "x"}, Case{"<select><div>", "x"}, Case{"<a><div>", "x"},
                      Case{"<div/>", "x"}, Case{"<svg/><span>", "x"}, Case{"<caption><table>", "x"}, Case{"<ul><li>", "x"}));

}  // namespace
}  // namespace matn
