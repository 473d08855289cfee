// Which date a page is dated by when its sources disagree, one small page per
// rule. Expectations follow what a reader of the page would write down.
#include <gtest/gtest.h>

#include <string>

#include "matn/html.h"
#include "matn/metadata.h"

namespace matn {
namespace {

Metadata Extract(std::string html, std::string_view url = "") {
  Document doc;
  EXPECT_TRUE(ParseDocument(std::move(html), &doc).ok());
  MetadataOptions opt;
  opt.url = url;
  return ExtractMetadata(doc, opt);
}

std::string Day(const Metadata& md) { return md.date_published.substr(0, 10); }

TEST(DateSources, UtcMetadataLosesToTheSameInstantShownInLocalTime) {
  // 02:41 UTC on 4 May is 22:41 on 3 May in La Paz (UTC-4): the page shows 3 May.
  Metadata md = Extract(R"(<html><head><title>Nota</title>
    <script type="application/ld+json">{"@type":"NewsArticle","headline":"Investigador habla",
      "datePublished":"Wed, 04 May 2022 02:41:00 GMT"}</script></head><body><article>
    <h1>Investigador habla</h1><p class="meta">03/05/2022 22:41</p>
    <p>El investigador dijo que no publicó todo su material sobre el caso en cuestión.</p></article></body></html>)");
  EXPECT_EQ(Day(md), "2022-05-03");
}

TEST(DateSources, ShownDayOfADifferentInstantDoesNotOverrideMetadata) {
  // 10:00 shown vs 13:10 UTC in the metadata: not the same instant (minutes differ), keep the metadata.
  Metadata md = Extract(R"(<html><head><title>Unfall</title>
    <meta property="article:published_time" content="2023-11-06T13:10:22+00:00"></head><body><article>
    <h1>Unfall auf der A1</h1><p>05.11.2023 22:07</p>
    <p>Auf der Autobahn kam es am Sonntagabend zu einem Unfall mit mehreren Fahrzeugen.</p></article></body></html>)");
  EXPECT_EQ(Day(md), "2023-11-06");
}

TEST(DateSources, UpdatedDatelineUnderTheHeadlineDatesThePage) {
  // The only date the reader sees is the revision: "Updated June 13, 2019".
  Metadata md = Extract(R"(<html><head><title>Pineapple Cake</title></head><body>
    <div itemscope itemtype="http://schema.org/Recipe"><h1 itemprop="name">Easy Pineapple Cake</h1>
    <div class="byline">By Test Kitchens <span>Updated</span> June 13, 2019</div>
    <meta itemprop="dateCreated" content="2004-01-01">
    <p>This classic cake boasts all the fruity, gooey goodness that made it a favourite.</p></div></body></html>)");
  EXPECT_EQ(Day(md), "2019-06-13");
  Metadata md2 = Extract(R"(<html><head><title>Umwelt</title>
    <meta property="article:published_time" content="2020-04-03T10:35:41+00:00"></head><body><article>
    <h1>Wie Umweltzerstörung Epidemien begünstigt</h1><div>Christoph Muster</div>
    <div>Aktualisiert: 11.04.2020, 10:27</div>
    <p>Forscher der Universität sagen, die Zerstörung von Lebensräumen bringe Wildtiere näher an den Menschen.</p>
    </article></body></html>)");
  EXPECT_EQ(Day(md2), "2020-04-11");
}

TEST(DateSources, UnlabelledLaterDatelineDoesNotOverrideMetadata) {
  Metadata md = Extract(R"(<html><head><title>Story</title>
    <meta property="article:published_time" content="2020-09-26T22:00:27+01:00"></head><body><article>
    <h1>A story about food</h1><p>28 September 2020</p>
    <p>The restaurant opened its doors to the public after a long wait for the town.</p></article></body></html>)");
  EXPECT_EQ(Day(md), "2020-09-26");
}

}  // namespace
}  // namespace matn

namespace matn {
namespace {

TEST(DateSources, DatelineThatAnotherMetadataDateConfirmsWins) {
  // JSON-LD keeps the first version's date; the meta tag and the dateline agree on the republication.
  Metadata md = Extract(R"(<html><head><title>Abnehmen</title>
    <meta property="article:published_time" content="2022-12-15T09:13:00">
    <script type="application/ld+json">{"@type":"Article","headline":"Nicht zunehmen",
      "datePublished":"2021-12-06 14:36"}</script></head><body><article>
    <h1>Nicht zunehmen an Feiertagen</h1><div><a href="/autor/x">Tina Muster</a></div><div>15.12.2022</div>
    <p>Mit diesen Tipps kommen Sie ohne zusätzliche Kilos durch die Feiertage und genießen trotzdem.</p>
    </article></body></html>)");
  EXPECT_EQ(Day(md), "2022-12-15");
  // The shown day is the metadata's dateModified: the page presents that revision.
  Metadata md2 = Extract(R"(<html><head><title>Goats</title>
    <meta property="article:published_time" content="2020-01-03T09:48:24Z">
    <meta property="article:modified_time" content="2020-01-06T09:22:36Z"></head><body><article>
    <h1>Wild goats ruled this island</h1><h2>Now it is being reborn. <span>Monday, 6 January 2020</span></h2>
    <p>The island's flora makes an astonishingly quick comeback once the goats are gone for good.</p>
    </article></body></html>)");
  EXPECT_EQ(Day(md2), "2020-01-06");
  // Unconfirmed, a later shown day is still not the publication (UnlabelledLaterDateline…).
  Metadata md3 = Extract(R"(<html><head><title>Goats</title>
    <meta property="article:published_time" content="2020-01-03T09:48:24Z">
    <meta property="article:modified_time" content="2020-01-04T09:22:36Z"></head><body><article>
    <h1>Wild goats ruled this island</h1><h2>Now it is being reborn. <span>Monday, 6 January 2020</span></h2>
    <p>The island's flora makes an astonishingly quick comeback once the goats are gone for good.</p>
    </article></body></html>)");
  EXPECT_EQ(Day(md3), "2020-01-03");
}

TEST(DateSources, LabelInItsOwnElementAboveTheHeadlineMarksTheRevision) {
  // "<span>Updated:</span> <time>…</time>" above the h1 is the revision, not a dateline.
  Metadata md = Extract(R"(<html><head><title>Food</title>
    <meta property="article:published_time" content="2020-09-26T22:00:27+01:00">
    <meta property="article:modified_time" content="2020-09-28T08:39:12+01:00"></head><body><div id="a">
    <p><span><span>Published:</span> <time datetime="2020-09-26T22:00:27+0100">22:00 GMT, 26 September 2020</time></span> |
    <span><span>Updated:</span> <time datetime="2020-09-28T08:39:12+0100">08:39 GMT, 28 September 2020</time></span></p>
    <h1>Chef joins the war on imported food</h1>
    <p>The chef called on the government to block sub-standard products from flooding into the country.</p>
    </div></body></html>)");
  EXPECT_EQ(Day(md), "2020-09-26");
}

TEST(DateSources, PageWithoutMarkupIsDatedByTheFirstDateInItsText) {
  // No metadata, no dateline next to the headline; the press release opens with its date.
  Metadata md = Extract(R"(<html><head><title>Arbeitsmarkt</title></head><body>
    <nav><a href="/">Start</a></nav><h1>Arbeitsmarkt 2022</h1><div class="intro"><p>Ein Überblick.</p>
    <p>Lange Einleitung ohne Datum, die sich über viele Zeilen erstreckt und den Leser informiert.</p>
    <p>Noch ein Absatz.</p></div><h3>Auf Erholungskurs</h3>
    <p>01.02.2022 „Der Arbeitsmarkt ist gut in das Jahr gestartet.“</p>
    <div class="comments"><p>Kommentar vom 03.02.2022</p></div></body></html>)");
  EXPECT_EQ(Day(md), "2022-02-01");
}

TEST(DateSources, CommentDatesNeverDateAPage) {
  Metadata md = Extract(R"(<html><head><title>Post</title></head><body><h1>A post</h1>
    <p>Some text without any date in it at all.</p>
    <div id="comments"><div class="comment"><span>12 March 2021</span><p>Nice!</p></div></div></body></html>)");
  EXPECT_EQ(md.date_published, "");
}

TEST(DateSources, FooterDateOnlyWhenNothingElseHasOne) {
  Metadata md = Extract(R"(<html><head><title>Wiki</title></head><body><h1>Stammtisch</h1>
    <p>Wir treffen uns jeden Monat.</p>
    <footer>Diese Seite wurde zuletzt am 29. Januar 2020 um 13:22 Uhr geändert.</footer></body></html>)");
  EXPECT_EQ(Day(md), "2020-01-29");
}

}  // namespace
}  // namespace matn

namespace matn {
namespace {

TEST(DateSources, DateBoxCountsAsTheShownDatelineWithoutAHeadline) {
  // No <h1>; the byline box shows 21:44 on 3 May (Brasília, UTC-3), the metadata 00:44 UTC on 4 May.
  Metadata md = Extract(R"(<html><head><title>O que Pacheco pretende</title>
    <meta property="article:published_time" content="2022-05-04T00:44:52+00:00"></head><body>
    <div class="post-header"><h2 class="kicker">Senado</h2><p class="lead">Uma análise</p>
    <div class="post-date">Brasília 03/05/2022 21:44</div></div>
    <p>O presidente do Senado quer propor limites ao indulto presidencial, segundo aliados.</p></body></html>)");
  EXPECT_EQ(Day(md), "2022-05-03");
}

TEST(DateSources, DayFirstDateInTheUrlSlug) {
  Metadata md = Extract(R"(<html><head><title>Erfolgsgeschichte</title></head><body>
    <h1>Eine Erfolgsgeschichte</h1><p>Ohne Datum im Text.</p></body></html>)",
                        "https://verein.example/media-news/meldungen/29-10-2021");
  EXPECT_EQ(Day(md), "2021-10-29");
}

}  // namespace
}  // namespace matn

namespace matn {
namespace {

TEST(DateSources, DateInsideASentenceLosesToADateline) {
  Metadata md = Extract(R"(<html><head><title>Schneekarten</title></head><body><h1>Schneekarten</h1>
    <p>Das Satellitenbild bei St. Moritz vom 31.05.2021 zeigt links die Schneedecke und rechts die Klassifizierung.</p>
    <p>Letzte Änderung: 14.01.2022 um 09:25</p></body></html>)");
  EXPECT_EQ(Day(md), "2022-01-14");
}

}  // namespace
}  // namespace matn

namespace matn {
namespace {

TEST(DateSources, OnlyAModifiedDateAndAnEarlierShownDate) {
  Metadata md = Extract(R"(<html><head><title>Zukunftsforum</title>
    <meta property="og:updated_time" content="2022-01-27T18:34:20+0100"></head><body>
    <h1>15. Zukunftsforum</h1><p>Das Forum fand digital statt.</p>
    <p class="meta"><span>Erschienen am</span> <time datetime="2022-01-26">26. Jan 2022</time></p></body></html>)");
  EXPECT_EQ(Day(md), "2022-01-26");
  EXPECT_EQ(md.date_modified.substr(0, 10), "2022-01-27");
}

}  // namespace
}  // namespace matn
