// Tests of the main-content extractor on small hand-written pages.
#include <gtest/gtest.h>

#include <chrono>
#include <fstream>
#include <sstream>
#include <string>

#include "extract/internal.h"
#include "matn/extract.h"
#include "matn/html.h"

namespace matn {
namespace {

std::string ReadFile(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  std::stringstream ss;
  ss << f.rdbuf();
  return ss.str();
}

Article ExtractHtml(const std::string& html, ExtractOptions opt = {}) {
  Document doc;
  EXPECT_TRUE(ParseDocument(html, &doc).ok());
  return ExtractArticle(doc, opt);
}

size_t Count(const std::string& hay, const std::string& needle) {
  size_t n = 0;
  for (size_t p = hay.find(needle); p != std::string::npos; p = hay.find(needle, p + 1)) ++n;
  return n;
}

// A page with every kind of boilerplate around a short article.
class BoilerplatePage : public ::testing::Test {
 protected:
  void SetUp() override { html_ = ReadFile(std::string(MATN_TEST_DATA) + "/extract/boilerplate.html"); }
  std::string html_;
};

TEST_F(BoilerplatePage, KeepsTheArticle) {
  ExtractOptions opt;
  opt.title = "River towns rebuild after the flood";
  std::string t = ExtractHtml(html_, opt).Text();
  EXPECT_NE(t.find("Residents of the valley returned on Monday"), std::string::npos) << t;
  EXPECT_NE(t.find("more than four hundred households"), std::string::npos) << t;
  EXPECT_NE(t.find("A long recovery"), std::string::npos) << t;
  EXPECT_NE(t.find("We have done this before"), std::string::npos) << t;
  EXPECT_NE(t.find("Emergency shelters remain open"), std::string::npos) << t;
  EXPECT_NE(t.find("Drinking water should be boiled"), std::string::npos) << t;
  EXPECT_NE(t.find("Forecasters expect drier weather"), std::string::npos) << t;
}

TEST_F(BoilerplatePage, DropsBoilerplate) {
  std::string t = ExtractHtml(html_).Text();
  for (const char* junk :
       {"Skip to", "cookies", "Accept all", "World", "Politics", "XS", "LG", "Share on Facebook",
        "Email this story", "Storm warning", "Council approves", "Latest news", "Minister resigns",
        "Subscribe to our newsletter", "Hidden promotional", "Another hidden", "Copyright", "Privacy policy",
        "My street is still flooded", "Post comment", "tracking"}) {
    EXPECT_EQ(t.find(junk), std::string::npos) << "kept \"" << junk << "\" in:\n" << t;
  }
}

TEST_F(BoilerplatePage, CaptionOnceWhenAsked) {
  ExtractOptions opt;
  opt.captions = true;
  std::string t = ExtractHtml(html_, opt).Text();
  EXPECT_EQ(Count(t, "Volunteers carry sandbags"), 1u) << t;
}

TEST_F(BoilerplatePage, NoCaptionByDefault) {
  std::string t = ExtractHtml(html_).Text();
  EXPECT_EQ(Count(t, "Volunteers carry sandbags"), 0u) << t;
  EXPECT_NE(t.find("more than four hundred households"), std::string::npos) << t;
}

TEST_F(BoilerplatePage, TitleHeadingNotRepeatedWhenKnown) {
  ExtractOptions opt;
  opt.title = "River towns rebuild after the flood";
  std::string t = ExtractHtml(html_, opt).Text();
  EXPECT_EQ(t.find("River towns rebuild"), std::string::npos) << t;
}

TEST_F(BoilerplatePage, BlockKinds) {
  ExtractOptions opt;
  opt.captions = true;
  Article a = ExtractHtml(html_, opt);
  int headings = 0, items = 0, quotes = 0, captions = 0;
  for (const auto& b : a.blocks) {
    if (b.kind == BlockKind::kHeading && b.text == "A long recovery") {
      ++headings;
      EXPECT_EQ(b.level, 2);
    }
    if (b.kind == BlockKind::kListItem) ++items;
    if (b.kind == BlockKind::kQuote) ++quotes;
    if (b.kind == BlockKind::kCaption) ++captions;
  }
  EXPECT_EQ(headings, 1);
  EXPECT_EQ(items, 2);
  EXPECT_EQ(quotes, 1);
  EXPECT_EQ(captions, 1);
}

TEST_F(BoilerplatePage, CommentsApartAndOnlyWhenAsked) {
  Article off = ExtractHtml(html_);
  EXPECT_TRUE(off.comments.empty());
  ExtractOptions opt;
  opt.comments = true;
  Article on = ExtractHtml(html_, opt);
  std::string c = on.CommentsText();
  EXPECT_NE(c.find("My street is still flooded"), std::string::npos) << c;
  EXPECT_NE(c.find("Thank you to all the volunteers"), std::string::npos) << c;
  EXPECT_EQ(on.Text().find("My street is still flooded"), std::string::npos);
}

TEST_F(BoilerplatePage, LinksAndImagesWhenAsked) {
  ExtractOptions opt;
  opt.links = true;
  opt.images = true;
  opt.captions = true;
  opt.base_url = "https://news.example/2024/03/flood.html";
  Article a = ExtractHtml(html_, opt);
  ASSERT_FALSE(a.images.empty());
  EXPECT_EQ(a.images[0].src, "https://news.example/img/flood.jpg");
  EXPECT_EQ(a.images[0].alt, "Volunteers carry sandbags along the river bank");
  // The alt text is not in the text: the caption is there once.
  EXPECT_EQ(Count(a.Text(), "Volunteers carry sandbags"), 1u);
}

TEST(Extract, DariPageKeepsZwnjAndDropsAccessLinks) {
  std::string html = ReadFile(std::string(MATN_TEST_DATA) + "/extract/dari.html");
  std::string t = ExtractHtml(html).Text();
  EXPECT_NE(t.find("نماینده\u200cهای دو طرف"), std::string::npos) << t;
  EXPECT_NE(t.find("می\u200cگویند"), std::string::npos) << t;
  EXPECT_NE(t.find("هفته\u200cی آینده"), std::string::npos) << t;
  EXPECT_EQ(t.find("لینک های دسترسی"), std::string::npos) << t;
  EXPECT_EQ(t.find("برگردید"), std::string::npos) << t;
  EXPECT_EQ(t.find("XS"), std::string::npos) << t;
  EXPECT_EQ(t.find("پربیننده"), std::string::npos) << t;
  EXPECT_EQ(t.find("خبر اول"), std::string::npos) << t;
  // Every ZWNJ of the three paragraphs survives.
  size_t in_html = 0;
  for (const char* p : {"نماینده‌های", "درباره‌ی", "آینده‌ی", "گفت‌وگوها", "گفته‌ی", "مقام‌ها", "نشست‌ها",
                        "هفته‌ی", "می‌گویند"}) {
    EXPECT_NE(t.find(p), std::string::npos) << p;
    ++in_html;
  }
  EXPECT_EQ(in_html, 9u);
}

TEST(Extract, InlineSpacingFollowsTheSource) {
  Article a = ExtractHtml(
      "<article><p>foo<b>bar</b> baz <i> qux </i>  end, with enough words to be a real paragraph of text.</p>"
      "</article>");
  ASSERT_EQ(a.blocks.size(), 1u);
  EXPECT_EQ(a.blocks[0].text, "foobar baz qux end, with enough words to be a real paragraph of text.");
}

TEST(Extract, BreaksSplitLinesAndPreKeepsLayout) {
  Article a = ExtractHtml(
      "<article><p>First line of a poem that goes on for a while,<br>second line that also goes on,<br>"
      "third line, to end it.</p><pre>int main() {\n  return 0;\n}</pre></article>");
  std::string t = a.Text();
  EXPECT_NE(t.find("for a while,\nsecond line"), std::string::npos) << t;
  EXPECT_NE(t.find("int main() {\n  return 0;\n}"), std::string::npos) << t;
}

TEST(Extract, HiddenElementsAreDropped) {
  std::string t = ExtractHtml(
                      "<article><p>Visible paragraph with enough text to count as the content, and more words.</p>"
                      "<p style='display:none'>Invisible by style attribute.</p>"
                      "<p aria-hidden='true'>Invisible to everyone by aria.</p>"
                      "<p hidden>Invisible by the hidden attribute.</p>"
                      "<p class='visually-hidden'>Only for screen readers.</p></article>")
                      .Text();
  EXPECT_NE(t.find("Visible paragraph"), std::string::npos);
  EXPECT_EQ(t.find("Invisible"), std::string::npos) << t;
  EXPECT_EQ(t.find("screen readers"), std::string::npos) << t;
}

TEST(Extract, DataTablesKeptUnlessAsked) {
  std::string html =
      "<article><p>The results of the election in the three districts, as published by the commission on Friday "
      "evening.</p><table><tr><th>District</th><th>Votes</th></tr><tr><td>North</td><td>1200</td></tr>"
      "<tr><td>South</td><td>980</td></tr></table><p>Turnout was higher than in any election since the "
      "district boundaries were redrawn.</p></article>";
  Article a = ExtractHtml(html);
  std::string t = a.Text();
  EXPECT_NE(t.find("District | Votes"), std::string::npos) << t;
  EXPECT_NE(t.find("North | 1200"), std::string::npos) << t;
  ExtractOptions opt;
  opt.tables = false;
  std::string t2 = ExtractHtml(html, opt).Text();
  EXPECT_EQ(t2.find("North"), std::string::npos) << t2;
  EXPECT_NE(t2.find("Turnout was higher"), std::string::npos) << t2;
}

TEST(Extract, ATableRowStaysOneLineInsidePre) {
  // Found by fuzz_extract: a data table inside <pre> kept a cell's line break in its row.
  std::string html =
      "<article><p>The commands each release added, as the changelog lists them for the last two "
      "versions of the tool.</p><pre><table><tr><th>Version</th><th>Command</th></tr><tr><td>1.2</td>"
      "<td>make\nrun</td></tr><tr><td>1.3</td><td>test</td></tr></table></pre><p>Older versions "
      "are described in the archive of release notes.</p></article>";
  for (bool markdown : {false, true}) {
    ExtractOptions opt;
    opt.markdown = markdown;
    Article a = ExtractHtml(html, opt);
    bool row_seen = false;
    for (const Block& b : a.blocks) {
      if (b.kind != BlockKind::kTableRow) continue;
      EXPECT_EQ(b.text.find('\n'), std::string::npos) << b.text;
      for (const std::string& c : b.cells) EXPECT_EQ(c.find('\n'), std::string::npos) << c;
      row_seen = row_seen || b.text.find("make run") != std::string::npos;
    }
    EXPECT_TRUE(row_seen) << a.Text();
  }
}

TEST(Extract, PicksTheArticleOverALongerLinkList) {
  std::string html = "<body><div class='menu'><ul>";
  for (int i = 0; i < 60; ++i) html += "<li><a href='/x'>Some headline number " + std::to_string(i) + " here</a></li>";
  html += "</ul></div><div class='story'>";
  for (int i = 0; i < 4; ++i)
    html += "<p>This is sentence one of paragraph " + std::to_string(i) +
            ", and it has commas, clauses, and a full stop. Another sentence follows here.</p>";
  html += "</div></body>";
  std::string t = ExtractHtml(html).Text();
  EXPECT_NE(t.find("paragraph 0"), std::string::npos) << t;
  EXPECT_NE(t.find("paragraph 3"), std::string::npos) << t;
  EXPECT_EQ(t.find("Some headline"), std::string::npos) << t;
}

TEST(Extract, JsonLdEvidenceMovesTheRegion) {
  // The JSON-LD body matches text that the heuristics dismiss (a "sidebar").
  std::string html = "<body><div class='content'>";
  for (int i = 0; i < 6; ++i)
    html += "<p>Alpha paragraph " + std::to_string(i) +
            " about gardening, soil, seeds, water, compost, and the best season to plant tomatoes.</p>";
  html += "</div><div class='sidebar'>";
  std::string ld;
  for (int i = 0; i < 3; ++i) {
    std::string b = "Beta paragraph " + std::to_string(i) +
                    " about trains, timetables, delays, signals, and the new line opening in the spring.";
    html += "<p>" + b + "</p>";
    ld += b + " ";
  }
  html += "</div></body>";
  ExtractOptions opt;
  opt.json_ld_body = ld;
  std::string t = ExtractHtml(html, opt).Text();
  EXPECT_NE(t.find("Beta paragraph 0"), std::string::npos) << t;
  EXPECT_NE(t.find("Beta paragraph 2"), std::string::npos) << t;
  std::string without = ExtractHtml(html).Text();
  EXPECT_EQ(without.find("Beta paragraph"), std::string::npos) << without;
}

TEST(Extract, SurvivesDeepNesting) {
  std::string html;
  const int depth = 200000;
  html.reserve(depth * 11 + 200);
  for (int i = 0; i < depth; ++i) html += "<div>";
  html += "<p>Deep paragraph, at the bottom of a very deep tree, still extracted.</p>";
  auto t0 = std::chrono::steady_clock::now();
  Article a = ExtractHtml(html);
  double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  EXPECT_NE(a.Text().find("Deep paragraph"), std::string::npos);
  EXPECT_LT(s, 20.0);
}

TEST(Extract, EmptyAndTextlessDocuments) {
  EXPECT_TRUE(ExtractHtml("").blocks.empty());
  EXPECT_TRUE(ExtractHtml("<html><body></body></html>").blocks.empty());
  EXPECT_TRUE(ExtractHtml("<script>var a = 1;</script>").blocks.empty());
}

TEST(ExtractHelpers, TinyTokenRows) {
  EXPECT_TRUE(extract::IsTinyTokenRow("XS SM MD LG"));
  EXPECT_TRUE(extract::IsTinyTokenRow("A A A"));
  EXPECT_TRUE(extract::IsTinyTokenRow("A- A A+"));
  EXPECT_FALSE(extract::IsTinyTokenRow("US"));
  EXPECT_FALSE(extract::IsTinyTokenRow("The UN and EU met"));
  EXPECT_FALSE(extract::IsTinyTokenRow("12 34"));
  EXPECT_FALSE(extract::IsTinyTokenRow("ab cd"));
}

TEST(ExtractHelpers, ShingleCoverage) {
  auto a = extract::ShingleHashes("one two three four five");
  auto b = extract::ShingleHashes("zero one two three four five six");
  EXPECT_EQ(a.size(), 3u);
  EXPECT_DOUBLE_EQ(extract::ShingleCoverage(a, b), 1.0);
  EXPECT_LT(extract::ShingleCoverage(b, a), 1.0);
  EXPECT_DOUBLE_EQ(extract::ShingleCoverage(extract::ShingleHashes("x y z"), a), 0.0);
}

// RFC 3986 section 5.4 examples.
TEST(ExtractHelpers, ResolveUrl) {
  const char* base = "http://a/b/c/d;p?q";
  EXPECT_EQ(ResolveUrl(base, "g"), "http://a/b/c/g");
  EXPECT_EQ(ResolveUrl(base, "./g"), "http://a/b/c/g");
  EXPECT_EQ(ResolveUrl(base, "g/"), "http://a/b/c/g/");
  EXPECT_EQ(ResolveUrl(base, "/g"), "http://a/g");
  EXPECT_EQ(ResolveUrl(base, "//g"), "http://g");
  EXPECT_EQ(ResolveUrl(base, "?y"), "http://a/b/c/d;p?y");
  EXPECT_EQ(ResolveUrl(base, "g?y"), "http://a/b/c/g?y");
  EXPECT_EQ(ResolveUrl(base, "#s"), "http://a/b/c/d;p?q#s");
  EXPECT_EQ(ResolveUrl(base, "g;x?y#s"), "http://a/b/c/g;x?y#s");
  EXPECT_EQ(ResolveUrl(base, "."), "http://a/b/c/");
  EXPECT_EQ(ResolveUrl(base, ".."), "http://a/b/");
  EXPECT_EQ(ResolveUrl(base, "../g"), "http://a/b/g");
  EXPECT_EQ(ResolveUrl(base, "../.."), "http://a/");
  EXPECT_EQ(ResolveUrl(base, "../../g"), "http://a/g");
  EXPECT_EQ(ResolveUrl(base, "../../../g"), "http://a/g");
  EXPECT_EQ(ResolveUrl(base, "/./g"), "http://a/g");
  EXPECT_EQ(ResolveUrl(base, "g/../h"), "http://a/b/c/h");
  EXPECT_EQ(ResolveUrl(base, "https://other/x"), "https://other/x");
  EXPECT_EQ(ResolveUrl("", "g"), "g");
}

}  // namespace
}  // namespace matn

namespace matn {
namespace {

std::string Para(int i) {
  return "<p>Paragraph " + std::to_string(i) +
         " of the story, long enough to be read as text, with a clause, another clause, and an end.</p>";
}

TEST(ExtractRules, LabelledLinksAndCreditLinesGo) {
  std::string html = "<article>" + Para(1) +
                     "<p>Read more: <a href='/other'>A completely different story about something else</a></p>" +
                     "<p>VEA TAMBIÉN: <a href='/otra'>Otra noticia sobre un tema distinto</a></p>" + Para(2) +
                     "<p>(Foto: dpa)</p><p>Crédits photos : Agence</p>" + Para(3) +
                     "<p>The minister said: <a href='/report'>the report</a> was late, and the committee agreed "
                     "with her on every point.</p></article>";
  std::string t = ExtractHtml(html).Text();
  EXPECT_EQ(t.find("Read more"), std::string::npos) << t;
  EXPECT_EQ(t.find("VEA TAMBI"), std::string::npos) << t;
  EXPECT_EQ(t.find("Foto: dpa"), std::string::npos) << t;
  EXPECT_EQ(t.find("Crédits photos"), std::string::npos) << t;
  // A sentence with a colon and a link inside is text.
  EXPECT_NE(t.find("The minister said: the report was late"), std::string::npos) << t;
  EXPECT_NE(t.find("Paragraph 3"), std::string::npos) << t;
}

TEST(ExtractRules, EmbeddedTweetIsAQuoteNotAShareBar) {
  std::string html = "<article>" + Para(1) + Para(2) +
                     "<blockquote class='twitter-tweet'><p>The senate resolves to observe a minute of silence.</p>"
                     "— The Senate (@senate) October 9, 2018</blockquote>" + Para(3) +
                     "<div class='share-buttons'><a href='/s'>Tweet</a> <a href='/f'>Share</a></div></article>";
  std::string t = ExtractHtml(html).Text();
  EXPECT_NE(t.find("observe a minute of silence"), std::string::npos) << t;
  EXPECT_EQ(t.find("Tweet"), std::string::npos) << t;
}

TEST(ExtractRules, RepeatedIngredientLinesStay) {
  std::string html = "<article>" + Para(1) + "<ul><li>1 cup water</li><li>2 eggs</li></ul>" + Para(2) +
                     "<ul><li>1 cup water</li><li>1 banana</li></ul>" + Para(3) + "</article>";
  Article a = ExtractHtml(html);
  int water = 0;
  for (const auto& b : a.blocks) water += b.text == "1 cup water";
  EXPECT_EQ(water, 2) << a.Text();
}

TEST(ExtractRules, ModifierAndCompoundClassNames) {
  // "section--ads" is a section (BEM modifier); "entry-author" is an author line
  // even though "entry" is a content word; "shared-values" is not a share bar.
  std::string html = "<body><div class='entry-content'><div class='section--ads'>" + Para(1) + Para(2) +
                     "</div><div class='entry-author'>By Someone Important</div>"
                     "<div class='shared-values'>" + Para(3) + Para(4) + "</div></div></body>";
  std::string t = ExtractHtml(html).Text();
  EXPECT_NE(t.find("Paragraph 1"), std::string::npos) << t;
  EXPECT_NE(t.find("Paragraph 4"), std::string::npos) << t;
  EXPECT_EQ(t.find("By Someone"), std::string::npos) << t;
}

}  // namespace
}  // namespace matn
