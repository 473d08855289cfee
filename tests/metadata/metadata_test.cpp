// ExtractMetadata on hand-written pages, one per source of evidence. The
// expected values are what a reader of each page would say, not what the code
// happened to print.
#include "matn/metadata.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>

#include "matn/html.h"
#include "matn/text.h"

namespace matn {
namespace {

Metadata Extract(std::string html, std::string_view url = "",
                 std::optional<DateTime> reference = std::nullopt) {
  Document doc;
  EXPECT_TRUE(ParseDocument(std::move(html), &doc).ok());
  MetadataOptions opt;
  opt.url = url;
  opt.reference = reference;
  return ExtractMetadata(doc, opt);
}

std::string Fixture(const std::string& name) {
  std::ifstream in(std::string(MATN_TEST_DATA) + "/metadata/" + name, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  EXPECT_FALSE(ss.str().empty()) << name;
  return ss.str();
}

DateTime Day(int y, int m, int d) {
  DateTime t;
  t.year = y;
  t.month = m;
  t.day = d;
  return t;
}

TEST(Metadata, HeaderClockLosesToTheArticleDateSolarHijri) {
  // The top bar shows the site's clock (15 Saratan 1403 = 2024-07-05); the
  // article's own dateline says 12 Saratan 1403 = 2024-07-02; a comment and the
  // copyright line carry other dates.
  Metadata md = Extract(Fixture("header_clock_fa.html"), "https://news.example.af/a/123.html");
  EXPECT_EQ(md.title, "کمپاین واکسین پولیو در ولایات آغاز شد");
  EXPECT_EQ(md.date_published.substr(0, 10), "2024-07-02");
  ASSERT_EQ(md.authors.size(), 1u);
  EXPECT_EQ(md.authors[0], "احمد کریمی");
  EXPECT_EQ(md.lang, "prs");
  EXPECT_EQ(md.sitename, "خبرگزاری نمونه");
}

TEST(Metadata, HeaderClockLosesToTheArticleDateGregorian) {
  Metadata md = Extract(Fixture("header_clock_en.html"), "https://news.example.com/polio");
  EXPECT_EQ(md.title, "Polio campaign starts in eleven provinces");
  EXPECT_EQ(md.date_published.substr(0, 10), "2024-07-02");
  ASSERT_EQ(md.authors.size(), 2u);
  EXPECT_EQ(md.authors[0], "Jane Doe");
  EXPECT_EQ(md.authors[1], "John Roe");
}

TEST(Metadata, BrokenJsonLdGraph) {
  Metadata md = Extract(Fixture("jsonld_graph_broken.html"), "https://rheinblatt.example/2023/05/bruecke");
  EXPECT_EQ(md.title, "Neue Brücke über den Rhein eröffnet");
  // The article's date, not the WebPage node's.
  EXPECT_EQ(md.date_published, "2023-05-14T09:30:00+02:00");
  EXPECT_EQ(md.date_modified, "2023-05-15T11:00:00+02:00");
  ASSERT_EQ(md.authors.size(), 2u);
  EXPECT_EQ(md.authors[0], "Anna Müller");  // by @id reference, entity decoded
  EXPECT_EQ(md.authors[1], "Karl Beispiel");
  EXPECT_EQ(md.image, "https://rheinblatt.example/bilder/bruecke.jpg");
  EXPECT_EQ(md.sitename, "Rheinblatt");
  EXPECT_EQ(md.lang, "de-DE");
  EXPECT_EQ(md.page_type, "article");
  EXPECT_EQ(md.tags, (std::vector<std::string>{"Verkehr", "Rhein"}));
  EXPECT_EQ(md.categories, (std::vector<std::string>{"Region"}));
  EXPECT_EQ(md.json_ld_article_body, "Die Brücke ist\nfertig.");
}

TEST(Metadata, OpenGraphAndArticleProperties) {
  Metadata md = Extract(R"(<html><head>
    <title>Rates rise again | The Daily Example</title>
    <meta property="og:title" content="Rates rise again">
    <meta property="og:site_name" content="The Daily Example">
    <meta property="og:type" content="article">
    <meta property="og:image" content="/img/rates.png">
    <meta property="og:description" content="The central bank raised rates.">
    <meta property="article:published_time" content="2022-09-21T18:00:00Z">
    <meta property="article:modified_time" content="2022-09-22T08:00:00Z">
    <meta property="article:author" content="https://example.com/staff/ann-lee">
    <meta name="author" content="Ann Lee">
    <meta property="article:tag" content="economy"><meta property="article:tag" content="rates">
    <meta property="article:section" content="Business">
    <link rel="canonical" href="/business/rates-rise">
    </head><body><h1>Rates rise again</h1><p>Text.</p></body></html>)",
                        "https://example.com/business/rates-rise?utm=x");
  EXPECT_EQ(md.title, "Rates rise again");
  EXPECT_EQ(md.date_published, "2022-09-21T18:00:00+00:00");
  EXPECT_EQ(md.date_modified, "2022-09-22T08:00:00+00:00");
  EXPECT_EQ(md.authors, (std::vector<std::string>{"Ann Lee"}));  // the URL is not a name
  EXPECT_EQ(md.url, "https://example.com/business/rates-rise");
  EXPECT_EQ(md.image, "https://example.com/img/rates.png");
  EXPECT_EQ(md.sitename, "The Daily Example");
  EXPECT_EQ(md.description, "The central bank raised rates.");
  EXPECT_EQ(md.tags, (std::vector<std::string>{"economy", "rates"}));
  EXPECT_EQ(md.categories, (std::vector<std::string>{"Business"}));
  EXPECT_EQ(md.page_type, "article");
}

TEST(Metadata, TitleTagWithoutMetadataLosesItsSiteName) {
  Metadata md = Extract(R"(<html><head><title>Das Leben der Bienen » Imkerverein Musterstadt</title>
    <meta name="application-name" content="Imkerverein Musterstadt"></head>
    <body><div class="logo">Imkerverein Musterstadt</div><p>Text.</p></body></html>)");
  EXPECT_EQ(md.title, "Das Leben der Bienen");
}

TEST(Metadata, BlogArchiveLabelIsChromeLikeTheSiteName) {
  // WordPress's classic default theme titles posts "Site » Blog Archive » Post".
  Metadata md = Extract(R"(<html><head><title>Four Years Remaining » Blog Archive » Interning of Small Integers in Python</title>
    </head><body><h1>Four Years Remaining</h1><div class="post"><h2>Interning of Small Integers in Python</h2>
    <p>Text.</p></div></body></html>)",
                        "https://fouryears.example/2020/interning");
  EXPECT_EQ(md.title, "Interning of Small Integers in Python");
}

TEST(Metadata, HeadlineWithKickerMatchesTheMetadataTitle) {
  // The h1 holds a kicker and the headline; og:title confirms the headline.
  Metadata md = Extract(R"(<html><head>
    <title>Interne Unterlagen: Daten von Firma X gehackt | nachrichten.example</title>
    <meta property="og:title" content="Daten von Firma X gehackt - Interne Unterlagen">
    </head><body><header><h1 class="logo">nachrichten.example</h1></header>
    <article><h1><span class="kicker">Interne Unterlagen</span> <span class="headline">Daten von Firma X gehackt</span></h1>
    <p>Text.</p></article></body></html>)",
                        "https://www.nachrichten.example/x");
  EXPECT_EQ(md.title, "Daten von Firma X gehackt");
}

TEST(Metadata, ColonInsideTheHeadlineIsNoKicker) {
  // "Frauen im <abbr>THW</abbr>: Vergangenheit …" is one title that inline markup
  // splits into parts; the metadata writes it whole, colon and all, so it stays whole.
  Metadata md = Extract(R"(<html><head>
    <meta property="og:title" content="Frauen im Verband: Vergangenheit, Gegenwart und Zukunft">
    </head><body><article><h1>Frauen im <abbr title="Deutscher Verband">Verband</abbr>: Vergangenheit, Gegenwart und Zukunft</h1>
    <p>Text.</p></article></body></html>)");
  EXPECT_EQ(md.title, "Frauen im Verband: Vergangenheit, Gegenwart und Zukunft");
  // A kicker element joined by " : " stays a kicker.
  Metadata md2 = Extract(R"(<html><head>
    <meta property="og:title" content="Zugverkehr: Im ICE von Frankfurt nach Barcelona">
    </head><body><article><h1><span>Zugverkehr</span> : <span>Im ICE von Frankfurt nach Barcelona</span></h1>
    <p>Text.</p></article></body></html>)");
  EXPECT_EQ(md2.title, "Im ICE von Frankfurt nach Barcelona");
}

TEST(Metadata, MicrodataDateAndAuthor) {
  Metadata md = Extract(R"(<html><body><article itemscope itemtype="https://schema.org/BlogPosting">
    <h1 itemprop="headline">Winter garden notes</h1>
    <span itemprop="author" itemscope itemtype="https://schema.org/Person">
      <span itemprop="name">Maria Rossi</span></span>
    <meta itemprop="datePublished" content="2019-12-03">
    <p>Text.</p></article></body></html>)");
  EXPECT_EQ(md.title, "Winter garden notes");
  EXPECT_EQ(md.date_published, "2019-12-03");
  EXPECT_EQ(md.authors, (std::vector<std::string>{"Maria Rossi"}));
}

TEST(Metadata, TimeElementInArticleBeatsCommentTimes) {
  Metadata md = Extract(R"(<html><body>
    <article><h1>Release notes 4.2</h1>
    <p class="byline">Von Max Mustermann</p>
    <time class="entry-date published" datetime="2021-04-08T10:00:00+02:00">8. April 2021</time>
    <p>Text.</p></article>
    <ol class="comment-list"><li><time datetime="2021-04-09T08:00:00+02:00">9. April</time></li></ol>
    </body></html>)");
  EXPECT_EQ(md.date_published, "2021-04-08T10:00:00+02:00");
  EXPECT_EQ(md.authors, (std::vector<std::string>{"Max Mustermann"}));
}

TEST(Metadata, LocalTimeBeatsTheSameInstantInUtc) {
  // JSON-LD gives UTC, the page's <time> the Kabul wall clock: same instant,
  // different calendar day. The page's own day is the local one.
  Metadata md = Extract(R"(<html><head><script type="application/ld+json">
    {"@type":"NewsArticle","headline":"H","datePublished":"2025-02-06 21:49:23Z"}</script></head>
    <body><h1>H</h1><span class="date"><time pubdate="pubdate" datetime="2025-02-07T02:19:23+04:30">x</time></span>
    </body></html>)");
  EXPECT_EQ(md.date_published, "2025-02-07T02:19:23+04:30");
}

TEST(Metadata, UrlDateWhenThePageHasNone) {
  Metadata md = Extract("<html><body><h1>A post</h1><p>Text © 2023</p></body></html>",
                        "https://blog.example.org/2017/06/29/a-post/");
  EXPECT_EQ(md.date_published, "2017-06-29");
}

TEST(Metadata, FutureAndAncientDatesAreRejected) {
  Metadata md = Extract(R"(<html><head>
    <meta property="article:published_time" content="2031-01-01">
    <meta name="date" content="1970-01-01"></head>
    <body><h1>T</h1><p class="date">March 3, 2021</p></body></html>)",
                        "", Day(2024, 1, 1));
  EXPECT_EQ(md.date_published, "2021-03-03");
}

TEST(Metadata, CopyrightYearIsNeverADate) {
  Metadata md = Extract(R"(<html><body><h1>About us</h1><p>We make things.</p>
    <footer>© 2019–2024 Example GmbH</footer></body></html>)");
  EXPECT_EQ(md.date_published, "");
}

TEST(Metadata, SiteNameIsNotAnAuthor) {
  Metadata md = Extract(R"(<html><head><meta property="og:site_name" content="Example Times">
    <meta name="author" content="Example Times"></head><body><h1>T</h1></body></html>)");
  EXPECT_TRUE(md.authors.empty());
}

TEST(Metadata, ListingPage) {
  std::string html = R"(<html><head><meta property="og:type" content="website">
    <title>Sport | Example News</title><script type="application/ld+json">
    {"@type":"ItemList","itemListElement":[)";
  for (int i = 0; i < 5; ++i) {
    html += std::string(i ? "," : "") + R"({"@type":"NewsArticle","headline":"Story )" +
            std::to_string(i) + R"(","datePublished":"2024-01-0)" + std::to_string(i + 1) + "\"}";
  }
  html += "]}</script></head><body><h2>Story 0</h2><h2>Story 1</h2></body></html>";
  Metadata md = Extract(html, "https://news.example.com/sport/");
  EXPECT_EQ(md.page_type, "listing");
}

TEST(Metadata, EmptyAndHostileDocuments) {
  Metadata md = Extract("");
  EXPECT_EQ(md.title, "");
  EXPECT_EQ(md.page_type, "other");
  // Deep, but within the parser's default depth limit (5,000): found.
  std::string deep;
  for (int i = 0; i < 4000; ++i) deep += "<div class=\"x\">";
  deep += "<h1>Deep</h1><time datetime=\"2020-02-02\">x</time>";
  Metadata d = Extract(deep);
  EXPECT_EQ(d.title, "Deep");
  // Beyond it the parser flattens (the h1 becomes an empty leaf, its text
  // goes beside it): no crash, and no title invented.
  std::string deeper;
  for (int i = 0; i < 20000; ++i) deeper += "<div class=\"x\">";
  deeper += "<h1>Deep</h1>";
  std::string t = Extract(deeper).title;
  EXPECT_TRUE(t.empty() || t == "Deep") << t;
  std::string many = "<script type=\"application/ld+json\">";
  for (int i = 0; i < 5000; ++i) many += "[";
  many += "</script>";
  for (int i = 0; i < 3000; ++i) many += "<time datetime=\"2020-02-02\">x</time><h1>h</h1>";
  Extract(many);
  SUCCEED();
}

// ExtractMetadata returns printable ASCII fields with single inner spaces
// without passing them through CleanText, which must leave them unchanged;
// the other fields still go through it.
TEST(Metadata, CleanAsciiFieldsAreKeptAsWritten) {
  for (std::string s : {"Breaking: Storm hits coast (2024) | Daily News", "O'Brien & Co. - \"quoted\" ~ 100%", "a"})
    EXPECT_EQ(CleanText(s), s);
  Metadata md = Extract(
      "<html><head><title>Storm hits the coast  again</title>"
      "<meta name=author content='Jane\tDoe'><meta name=keywords content='storm, \xc2\xa0" "coast ,weather'>"
      "</head><body><p>x</p></body></html>");
  EXPECT_EQ(md.title, "Storm hits the coast again");
  ASSERT_EQ(md.authors.size(), 1u);
  EXPECT_EQ(md.authors[0], "Jane Doe");
  EXPECT_EQ(md.tags, (std::vector<std::string>{"storm", "coast", "weather"}));
}

}  // namespace
}  // namespace matn
