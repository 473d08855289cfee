// Selection rules of the extractor, each on a small hand-written page built
// the way the failing real-world template was (not a copy of one).
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "extract/lexicon.h"
#include "matn/extract.h"
#include "matn/html.h"

namespace matn {
namespace {

std::string Extract(const std::string& html, ExtractOptions opt = {}) {
  Document doc;
  EXPECT_TRUE(ParseDocument(html, &doc).ok());
  return ExtractArticle(doc, opt).Text();
}

bool Has(const std::string& hay, const char* needle) { return hay.find(needle) != std::string::npos; }

std::string Page(const char* name) {
  std::ifstream f(std::string(MATN_TEST_DATA) + "/extract/selection/" + name, std::ios::binary);
  std::stringstream ss;
  ss << f.rdbuf();
  EXPECT_FALSE(ss.str().empty()) << name;
  return ss.str();
}

// WordPress-style post classes list the post's taxonomy ("category-news",
// "tag-bridge"): the content word "post" beside them still says "article",
// while a lone meta class still counts against the element.
TEST(Selection, PostClassWithTaxonomyStillCountsAsContent) {
  Document doc;
  ASSERT_TRUE(ParseDocument("<div class='post type-post category-news tag-bridge'></div>"
                            "<div class='post'></div><div class='category'></div><div class='post-meta'></div>",
                            &doc)
                  .ok());
  std::vector<const Node*> divs;
  for (const Node* n = doc.body()->first_child; n; n = n->next_sibling) divs.push_back(n);
  ASSERT_EQ(divs.size(), 4u);
  EXPECT_EQ(extract::ClassifyElement(divs[0]).weight, extract::ClassifyElement(divs[1]).weight);
  EXPECT_GT(extract::ClassifyElement(divs[0]).weight, 0);
  EXPECT_LT(extract::ClassifyElement(divs[2]).weight, 0);
  EXPECT_LT(extract::ClassifyElement(divs[3]).weight, 0);  // one compound name: a byline box
}

// A box whose class says "sidebar" but that holds most of the page's
// paragraphs is the main column under a bad name; the real widget column
// (long enough to pass for an article on its own) must not win.
TEST(Selection, SidebarNamedMainColumnIsNotStripped) {
  std::string t = Extract(Page("sidebar-named-main.html"));
  EXPECT_TRUE(Has(t, "two of the five piers")) << t;
  EXPECT_TRUE(Has(t, "built in 1742")) << t;
}

// A JSON-LD articleBody that holds only the lead (set apart above the body,
// in a heading of another table row) adds the lead; it does not replace the
// body it does not cover.
TEST(Selection, JsonLdLeadJoinsTheBody) {
  ExtractOptions opt;
  opt.json_ld_body =
      "Bavaria wants a higher cap on the revenue of wind and solar farms because the planned limit would stop "
      "new projects in the south of the country as the state minister said on Tuesday in Munich after a "
      "meeting with the farmers and the grid operators of the region.";
  std::string t = Extract(Page("jsonld-lead.html"), opt);
  EXPECT_TRUE(Has(t, "higher cap on the revenue")) << t;
  EXPECT_TRUE(Has(t, "two of the five piers")) << t;
  EXPECT_TRUE(Has(t, "public meeting in the town hall")) << t;
  EXPECT_LT(t.find("higher cap on the revenue"), t.find("two of the five piers")) << t;  // page order
}

// A short post (one paragraph and a list of details) whose wrappers score
// about as high as the post itself: the selection widens to the page
// wrapper. The link-heavy wrapper around the post (post navigation) must not
// be cleaned away with the post in it, and the long text widgets of the
// <aside> beside it must not come along.
TEST(Selection, WidenedSelectionKeepsThePostAndDropsTheAside) {
  std::string t = Extract(Page("short-post-beside-aside.html"));
  EXPECT_TRUE(Has(t, "strong diffraction spikes")) << t;
  EXPECT_TRUE(Has(t, "Type: digital photo")) << t;
  EXPECT_FALSE(Has(t, "Stars and Sky was a magazine")) << t;
  EXPECT_FALSE(Has(t, "Astronomy for Beginners")) << t;
}

// Ruby annotations are not read inline, and a word of running text that
// opens a glossary popup (href="javascript:…" or "#") stays in its sentence;
// a lone javascript: button or skip link still goes.
TEST(Selection, RubyAndGlossaryLinksKeepTheSentence) {
  std::string html =
      "<html><body><div class=\"article-body\"><p><ruby>子<rt>こ</rt></ruby>どもへの"
      "<a href=\"javascript:void(0)\" class=\"dic\"><ruby><span>虐待</span><rt>ぎゃくたい</rt></ruby></a>"
      "をなくすための<ruby>法律<rt>ほうりつ</rt></ruby>ができて、<a href=\"#g1\">親</a>が子どもを教育するために、"
      "たたいたり蹴ったりする体罰を禁止することになりました。新しい法律は来年の四月から始まります。</p>"
      "<p>The council agreed on the plan for the bridge on Monday after a long debate about the money it "
      "will cost and the months of closure for the shops on the bank.</p>"
      "<div><a href=\"javascript:print()\">Print this page</a></div>"
      "<div><a href=\"#top\">Back to top</a></div></div></body></html>";
  std::string t = Extract(html);
  EXPECT_TRUE(Has(t, "子どもへの虐待をなくすための法律ができて、親が子どもを")) << t;
  EXPECT_FALSE(Has(t, "ぎゃくたい")) << t;
  EXPECT_FALSE(Has(t, "Print this page")) << t;
  EXPECT_FALSE(Has(t, "Back to top")) << t;
}

// Infinite scroll: the next stories are appended below the page's own as
// further <article>s, some longer than it. The one under the headline (the
// h1 equal to the record's title) is the page's article.
TEST(Selection, HeadlinesArticleAmongSeveral) {
  auto article = [](const std::string& h1, const std::string& word, int paras) {
    std::string a = "<article class=\"entry\"><h1>" + h1 + "</h1><div class=\"entry-text\">";
    for (int i = 0; i < paras; ++i)
      a += "<p>Paragraph " + std::to_string(i) + " about the " + word +
           ", with enough words in it to count as a real paragraph of the story, and a comma or two.</p>";
    return a + "</div></article>";
  };
  std::string html = "<html><body><main>" + article("Blessing of the cars on Saturday", "blessing", 3) +
                     article("Storm damages the harbour", "storm", 9) + "</main></body></html>";
  ExtractOptions opt;
  opt.title = "Blessing of the cars on Saturday";
  std::string t = Extract(html, opt);
  EXPECT_TRUE(Has(t, "Paragraph 2 about the blessing")) << t;
  EXPECT_FALSE(Has(t, "about the storm")) << t;
  // Without a title there is no evidence: the best-scored article stays.
  EXPECT_TRUE(Has(Extract(html), "Paragraph 8 about the storm"));
}

// A gallery tells its story in the figure captions: there they are the
// text. A photo caption beside a normal article still goes (captions off).
TEST(Selection, GalleryCaptionsAreTheText) {
  std::string html = "<html><body><article class=\"gallery\"><h1>Ten costumes</h1><p>Cheap ideas.</p>";
  for (int i = 0; i < 6; ++i)
    html += "<figure><img src=\"/" + std::to_string(i) +
            ".jpg\"><figcaption><p>Idea " + std::to_string(i) +
            ": with a bowler hat, a set of false lashes and a striped shirt you are ready for the party in "
            "ten minutes.</p></figcaption></figure>";
  html += "</article></body></html>";
  std::string t = Extract(html);
  EXPECT_TRUE(Has(t, "Idea 0: with a bowler hat")) << t;
  EXPECT_TRUE(Has(t, "Idea 5: with a bowler hat")) << t;

  std::string story = "<html><body><article><h1>Bridge</h1><figure><img src=\"/b.jpg\"><figcaption>The old "
                      "bridge in the morning fog over the river.</figcaption></figure>";
  for (int i = 0; i < 5; ++i)
    story += "<p>Paragraph " + std::to_string(i) +
             " of the story about the bridge, long enough to be a paragraph, with a comma or two, and more.</p>";
  story += "</article></body></html>";
  t = Extract(story);
  EXPECT_TRUE(Has(t, "Paragraph 4 of the story")) << t;
  EXPECT_FALSE(Has(t, "morning fog")) << t;
}

// A sentence set as a heading (the lead of a blog post in <h3>) followed by
// another heading is text; a short heading over nothing is a widget's title.
TEST(Selection, LongHeadingIsNotAnOrphan) {
  std::string html =
      "<html><body><article><h3>For a long time I put off writing this last article before the break, because "
      "I like to get things done and this one was hard to finish.</h3><h3>a baby boy is on the way</h3>";
  for (int i = 0; i < 4; ++i)
    html += "<p>Paragraph " + std::to_string(i) +
            " of the post, long enough to be a paragraph of a blog post, with a comma or two, and more.</p>";
  html += "<h3>Related posts</h3><h3>Comments</h3></article></body></html>";
  std::string t = Extract(html);
  EXPECT_TRUE(Has(t, "For a long time I put off")) << t;
  EXPECT_TRUE(Has(t, "Paragraph 3 of the post")) << t;
  EXPECT_FALSE(Has(t, "Related posts")) << t;
}

// Call-to-action boxes, disclaimers, the author's bio, reuse licences and
// affiliate disclosures after the text are the site's, not the article's.
TEST(Selection, CallToActionAndDisclaimerGo) {
  std::string html = "<html><body><article><h1>Bridge</h1>";
  for (int i = 0; i < 4; ++i)
    html += "<p>Paragraph " + std::to_string(i) +
            " of the story about the bridge, long enough to be a paragraph, with a comma or two, and more.</p>";
  html +=
      "<section class=\"c-letters-cta\"><p>We want to hear what you think about this article. Submit a "
      "letter to the editor.</p></section><div class=\"editorial-disclaimer\"><p>The advertising note "
      "below does not apply to this article.</p></div>"
      "<div class=\"mini-bio\"><p>Jane Roe is a senior writer who has covered bridges and rivers for twenty "
      "years, first for a local paper and then for us.</p></div>"
      "<div class=\"author-info\"><p>John Doe has reported on local government and transport for the "
      "paper since 2004 and lives with his family near the river.</p></div>"
      "<div class=\"licence-info\"><p>This text may be shared under the terms of our reuse licence.</p></div>"
      "<p class=\"affiliate-disclosure\">We earn money when you buy through the links in this article.</p>"
      "</article></body></html>";
  std::string t = Extract(html);
  EXPECT_TRUE(Has(t, "Paragraph 3 of the story")) << t;
  EXPECT_FALSE(Has(t, "We want to hear")) << t;
  EXPECT_FALSE(Has(t, "advertising note")) << t;
  EXPECT_FALSE(Has(t, "senior writer")) << t;
  EXPECT_FALSE(Has(t, "John Doe has reported")) << t;
  EXPECT_FALSE(Has(t, "reuse licence")) << t;
  EXPECT_FALSE(Has(t, "We earn money")) << t;
}

// The standfirst between the headline and the body (in the article's
// header, under any class name) is part of the article; a photo caption
// beside a picture there is not.
TEST(Selection, StandfirstUnderTheHeadlineJoinsTheBody) {
  std::string html =
      "<html><body><div class=\"page\"><header class=\"top\"><h1>Bridge to close for a year</h1>"
      "<div class=\"xyz-dek\"><p>The old stone bridge will close in March because two of its piers have "
      "moved, the council decided on Monday evening after a long debate.</p></div>"
      "<div class=\"pic\"><img src=\"/b.jpg\"><p>The old bridge in the morning fog, seen from the east "
      "bank of the river near the ferry landing. (Photo: J. Roe)</p></div></header>"
      "<div class=\"main\"><div class=\"body\">";
  for (int i = 0; i < 5; ++i)
    html += "<p>Paragraph " + std::to_string(i) +
            " of the story about the bridge, long enough to be a paragraph, with a comma or two, and more.</p>";
  html += "</div><div class=\"tools\"><a href=\"/print\">Print</a></div></div></div></body></html>";
  ExtractOptions opt;
  opt.title = "Bridge to close for a year";
  std::string t = Extract(html, opt);
  EXPECT_TRUE(Has(t, "will close in March")) << t;
  EXPECT_LT(t.find("will close in March"), t.find("Paragraph 0")) << t;
  EXPECT_TRUE(Has(t, "Paragraph 4 of the story")) << t;
  EXPECT_FALSE(Has(t, "morning fog")) << t;
}

// Short lines that are only a link, after the text, lead elsewhere ("back
// to the list", "Read part 2"); a short line with a link inside the text stays.
TEST(Selection, TrailingLinkLinesGo) {
  std::string html = "<html><body><div class=\"news\"><h1>Bridge</h1>";
  for (int i = 0; i < 4; ++i) {
    html += "<p>Paragraph " + std::to_string(i) +
            " of the story about the bridge, long enough to be a paragraph, with a comma or two, and more.</p>";
    if (i == 1) html += "<p>See <a href=\"/plan.pdf\">The plan of the works</a>.</p>";
  }
  // Links written straight into the article's container, as CMS templates do.
  html += "<a href=\"/part-2/\">Read part two of the series</a><br>"
          "<a href=\"/news/\">back to the list of news</a></div></body></html>";
  std::string t = Extract(html);
  EXPECT_TRUE(Has(t, "Paragraph 3 of the story")) << t;
  EXPECT_TRUE(Has(t, "The plan of the works")) << t;
  EXPECT_FALSE(Has(t, "back to the list")) << t;
  EXPECT_FALSE(Has(t, "Read part two")) << t;
}

// A heading wrapped with <br> by the template is one line: split, its short
// pieces looked like orphan widget titles and were dropped, and the words on
// either side of the break ran together across lines.
TEST(Selection, HeadingWithLineBreaksIsOneLine) {
  std::string html =
      "<html><body><article><p>Once more something about water:</p><h1>Keep our lakes clean!</h1>"
      "<blockquote><h2>The poster contest for children</h2>"
      "<h3>takes place for the sixth time in 2020. Children between 6 and 12 are invited to take part.</h3>"
      "<h4>Design a poster with the motto: Keep our lakes clean!<br> Think about it and "
      "<a href='/contest/'>send your message</a> by 3 April to the<br> people of Berlin and their guests.</h4>"
      "</blockquote></article></body></html>";
  Document doc;
  ASSERT_TRUE(ParseDocument(html, &doc).ok());
  Article a = ExtractArticle(doc, ExtractOptions{});
  std::string t = a.Text();
  EXPECT_TRUE(Has(t, "Design a poster with the motto: Keep our lakes clean! Think about it")) << t;
  EXPECT_TRUE(Has(t, "to the people of Berlin")) << t;
  int h4 = 0;
  for (const Block& b : a.blocks) h4 += b.kind == BlockKind::kHeading && b.level == 4;
  EXPECT_EQ(h4, 1) << t;
}

// A news header: the headline carries a kicker the <title> leaves out, and
// the lead photo sits in the header in its own <figure>. The intro between
// headline and body is the standfirst all the same (the picture has its own
// caption, so the intro is not taken for one).
TEST(Selection, StandfirstUnderKickerHeadlineBesideHeaderFigure) {
  std::string html =
      "<html><body><div class='page'><header class='article-header'><div class='meta'><time>29.04.2020</time></div>"
      "<h1><span>Distance rules and fever checks</span><span>: </span>"
      "<span>How firms protect their staff from the virus</span></h1>"
      "<p class='intro'>To keep staff healthy, companies have had to think of a lot. The ideas range from "
      "sneeze guards to checking the body temperature at the door.</p>"
      "<figure><img src='/a.jpg' alt=''><figcaption>Masks at the assembly line. Photo: Agency</figcaption></figure>"
      "</header><div class='article-body'>";
  for (int i = 0; i < 8; ++i)
    html += "<p>Paragraph " + std::to_string(i) +
            " of the story about the factories, long enough to be a paragraph, with a comma or two, and more.</p>";
  html += "</div><ul class='teasers'>"
          "<li><a href='/x'>Other story one about something that happened in the city last week</a></li>"
          "<li><a href='/z'>Other story three about the weather and the harbour and the ferries</a></li>"
          "<li><a href='/w'>Other story four about the council meeting on the new school</a></li>"
          "</ul></div></body></html>";
  ExtractOptions opt;
  opt.title = "How firms protect their staff from the virus";
  std::string t = Extract(html, opt);
  EXPECT_TRUE(Has(t, "The ideas range from sneeze guards")) << t;
  EXPECT_LT(t.find("The ideas range"), t.find("Paragraph 0")) << t;
  EXPECT_FALSE(Has(t, "Masks at the assembly line")) << t;
}

}  // namespace
}  // namespace matn
