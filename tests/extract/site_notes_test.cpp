// Standing site notes after the article, and the comments heading that ends it.
#include <gtest/gtest.h>

#include <string>

#include "extract/internal.h"
#include "matn/extract.h"
#include "matn/html.h"

namespace matn {
namespace {

std::string Extract(const std::string& html) {
  Document doc;
  EXPECT_TRUE(ParseDocument(html, &doc).ok());
  return ExtractArticle(doc, ExtractOptions{}).Text();
}

bool Has(const std::string& hay, const char* needle) { return hay.find(needle) != std::string::npos; }

const char* kBody =
    "<p>The harbour board voted on Tuesday to close the old ferry pier, which has carried passengers across "
    "the bay since 1911, and to build a new landing two hundred metres to the south.</p>"
    "<p>Engineers found last spring that the pier's timber piles had rotted below the waterline, and repairs "
    "would have cost more than a new concrete landing, the board's chair told the meeting.</p>"
    "<p>Ferry services will continue from a temporary pontoon while the work goes on, with the first sailings "
    "from the new landing expected in the autumn of next year, weather permitting.</p>";

// A newspaper's paywall and app notes sit in the article's own container, in
// plain <p>s with no class: only their words say what they are.
TEST(SiteNotes, TrailingSubscribeFollowAndAppLinesGo) {
  std::string html = std::string("<html><body><article><h1>Old pier to close</h1>") + kBody +
                     "<p>A newsletter for boat owners, mentioned by the chair, is read by about two thousand "
                     "households around the bay and will carry the timetable.</p>"
                     "<p>The new landing will have a waiting room, a ramp and a small kiosk.</p>"
                     "<p>Subscribe now to our e-edition for the full story.</p>"
                     "<p>For breaking news, download the Bay Times app for iOS and Android.</p>"
                     "<p><strong>Follow us on Twitter and Instagram @baytimes.</strong></p>"
                     "</article></body></html>";
  std::string t = Extract(html);
  EXPECT_TRUE(Has(t, "ferry pier")) << t;
  EXPECT_TRUE(Has(t, "waiting room, a ramp")) << t;  // the last real paragraph stays
  EXPECT_TRUE(Has(t, "A newsletter for boat owners")) << t;  // the word alone, mid-article, is not a note
  EXPECT_FALSE(Has(t, "Subscribe now")) << t;
  EXPECT_FALSE(Has(t, "download the Bay Times app")) << t;
  EXPECT_FALSE(Has(t, "Follow us")) << t;
}

// A long closing paragraph that happens to use the words is article text.
TEST(SiteNotes, LongClosingParagraphWithTheWordsStays) {
  std::string html = std::string("<html><body><article><h1>Old pier to close</h1>") + kBody +
                     "<p>Residents who want to follow the work can subscribe to the board's monthly bulletin, the "
                     "chair said, adding that the board will publish the engineers' full report, the tender "
                     "documents and the minutes of every meeting about the landing, so that nobody has to rely on "
                     "rumours about costs, delays or the fate of the old timber, which a local museum has asked "
                     "to keep.</p></article></body></html>";
  std::string t = Extract(html);
  EXPECT_TRUE(Has(t, "subscribe to the board's monthly bulletin")) << t;
}

// The comment section's heading inside the post container (the discussion
// itself loads by script) ends the article: what follows it is the site's.
TEST(SiteNotes, CommentsHeadingEndsTheArticle) {
  std::string html = std::string("<html><body><div class='entry'><h1>Old pier to close</h1>") + kBody +
                     "<h3>Comments</h3><div class='fb-box'></div>"
                     "<p><em>Advertise with the most visited news site in the bay area: packages for every "
                     "budget.</em></p>"
                     "<p><em>This article is the property of the Bay Times.</em></p>"
                     "</div></body></html>";
  std::string t = Extract(html);
  EXPECT_TRUE(Has(t, "weather permitting")) << t;
  EXPECT_FALSE(Has(t, "Comments")) << t;
  EXPECT_FALSE(Has(t, "Advertise with")) << t;
  EXPECT_FALSE(Has(t, "property of the Bay Times")) << t;
}

// "Mehr zum Thema" over a list of teasers that the pruning kept (plain
// paragraphs, each a title and a sentence) ends the article.
TEST(SiteNotes, RelatedLabelEndsTheArticle) {
  std::string html = std::string("<html><body><div class='text'><h1>Alter Anleger wird geschlossen</h1>") + kBody +
                     "<h2>Mehr zum Thema</h2>"
                     "<p>Neue F\xC3\xA4hre: Die Werft liefert das Schiff im M\xC3\xA4rz, zwei Monate sp\xC3\xA4ter "
                     "als geplant.</p>"
                     "<p>Hafengeb\xC3\xBChren: Der Rat beschlie\xC3\x9Ft neue Tarife f\xC3\xBCr Segler.</p>"
                     "</div></body></html>";
  std::string t = Extract(html);
  EXPECT_TRUE(Has(t, "weather permitting")) << t;
  EXPECT_FALSE(Has(t, "Mehr zum Thema")) << t;
  EXPECT_FALSE(Has(t, "Die Werft liefert")) << t;
  EXPECT_FALSE(Has(t, "Hafengeb")) << t;
}

// A label in the first half of the text is a subheading of the article.
TEST(SiteNotes, RelatedLabelEarlyIsASubheading) {
  std::string html = std::string("<html><body><div class='text'><h1>Old pier to close</h1>") +
                     "<p>The harbour board voted on Tuesday to close the old ferry pier.</p><h2>Related</h2>" + kBody +
                     "</div></body></html>";
  std::string t = Extract(html);
  EXPECT_TRUE(Has(t, "Related")) << t;
  EXPECT_TRUE(Has(t, "weather permitting")) << t;
}

// A blog post that opens with its advertising disclosure and has an ad slot's
// label inside: both go, the sentence that mentions advertising stays.
TEST(SiteNotes, AdDisclosuresGo) {
  std::string html = std::string("<html><body><article><h1>Old pier to close</h1>") +
                     "<p><em>*Werbung. Dieser Beitrag enth\xC3\xA4lt Werbung f\xC3\xBCr eine Reederei.</em></p>" + kBody +
                     "<p>Anzeige</p>"
                     "<p>Werbung neuer Mitglieder ist die Aufgabe des Vereins, sagt der Vorsitzende.</p>"
                     "<p>The new landing will have a waiting room, a ramp and a small kiosk.</p></article></body></html>";
  std::string t = Extract(html);
  EXPECT_TRUE(Has(t, "ferry pier")) << t;
  EXPECT_TRUE(Has(t, "waiting room")) << t;
  EXPECT_TRUE(Has(t, "Werbung neuer Mitglieder")) << t;
  EXPECT_FALSE(Has(t, "Dieser Beitrag")) << t;
  EXPECT_FALSE(Has(t, "Anzeige")) << t;
}

// The post's taxonomy printed as text under it, with no class to tell.
TEST(SiteNotes, TrailingTaxonomyLinesGo) {
  std::string html = std::string("<html><body><article><h1>Old pier to close</h1>") + kBody +
                     "<p>Themen: Hafen Verkehr</p>"
                     "<p>This entry was posted in Local. Bookmark the permalink.</p></article></body></html>";
  std::string t = Extract(html);
  EXPECT_TRUE(Has(t, "weather permitting")) << t;
  EXPECT_FALSE(Has(t, "Themen")) << t;
  EXPECT_FALSE(Has(t, "This entry was posted")) << t;
}

// A community blog's notice above and below the post, in plain <p>s.
TEST(SiteNotes, DisclaimersGo) {
  std::string html = std::string("<html><body><article><h1>Old pier to close</h1>") +
                     "<p>This post is from our community blog.</p>" + kBody +
                     "<p>The views expressed are those of the author and do not necessarily reflect the views of "
                     "the Bay Times.</p></article></body></html>";
  std::string t = Extract(html);
  EXPECT_TRUE(Has(t, "weather permitting")) << t;
  EXPECT_FALSE(Has(t, "views expressed")) << t;
}

// Captions written as paragraphs under inline pictures are left out like
// figcaptions; with ExtractOptions::captions they stay.
TEST(SiteNotes, CaptionParagraphsGoUnlessAskedFor) {
  std::string html = std::string("<html><body><article><h1>Old pier to close</h1>") + kBody +
                     "<p><img src='/piles.jpg'><br><em><sub>Abbildung 4: verrottete Pf\xC3\xA4hle unter der "
                     "Wasserlinie.</sub></em></p>"
                     "<p class='center'><img src='/b.jpg'><br><small>The pier at dusk. (Photo: Harbour "
                     "Board)</small></p>"
                     "<p>The new landing will have a waiting room, a ramp and a small kiosk.</p></article></body></html>";
  std::string t = Extract(html);
  EXPECT_TRUE(Has(t, "waiting room")) << t;
  EXPECT_FALSE(Has(t, "Abbildung 4")) << t;
  EXPECT_FALSE(Has(t, "The pier at dusk")) << t;
  Document doc;
  ASSERT_TRUE(ParseDocument(html, &doc).ok());
  ExtractOptions opt;
  opt.captions = true;
  std::string with = ExtractArticle(doc, opt).Text();
  EXPECT_TRUE(Has(with, "Abbildung 4")) << with;
}

// A metered article: the paywall's pitch and its list of perks follow the
// free part, inside the article's own container.
TEST(SiteNotes, PaywallPitchEndsTheArticle) {
  std::string html = std::string("<html><body><article><h1>Old pier to close</h1>") + kBody +
                     "<p>To view the full story, please subscribe to the Bay Times. Choose a yearly or a weekly "
                     "pass.</p><p>Join now to get:<br>- unlimited access to local news<br>- our morning briefing</p>"
                     "<p>First-time members also receive a welcome gift.</p></article></body></html>";
  std::string t = Extract(html);
  EXPECT_TRUE(Has(t, "weather permitting")) << t;
  EXPECT_FALSE(Has(t, "To view the full story")) << t;
  EXPECT_FALSE(Has(t, "unlimited access")) << t;
  EXPECT_FALSE(Has(t, "welcome gift")) << t;
}

TEST(SiteNotes, Recognisers) {
  using extract::IsCommentsHeading;
  using extract::IsSiteNote;
  EXPECT_TRUE(IsSiteNote("Abonnieren Sie unseren Newsletter!"));
  EXPECT_TRUE(IsSiteNote("¿Ya sabías que tenemos canal de Telegram? Únete desde tu celular"));
  EXPECT_TRUE(IsSiteNote("برای دریافت آخرین اخبار ما را در تلگرام دنبال کنید"));  // fa: follow us on Telegram
  EXPECT_TRUE(IsSiteNote("تابعونا على تويتر"));                                  // ar: follow us on Twitter
  EXPECT_FALSE(IsSiteNote("The minister said the talks would continue on Monday."));
  EXPECT_FALSE(IsSiteNote(std::string(300, 'x') + " subscribe"));
  // A messenger named in the news is not a call to join its channel.
  EXPECT_FALSE(IsSiteNote("Telegram did not respond to a request for comment."));
  EXPECT_FALSE(IsSiteNote("پیام‌های او در تلگرام و واتساپ منتشر شد."));  // fa: his messages were published on Telegram and WhatsApp
  EXPECT_TRUE(IsSiteNote("Join our WhatsApp channel for the latest news"));
  EXPECT_TRUE(IsSiteNote("به کانال تلگرام ما بپیوندید"));  // fa: join our Telegram channel
  EXPECT_TRUE(IsCommentsHeading("Comments"));
  EXPECT_TRUE(IsCommentsHeading("12 Comments"));
  EXPECT_TRUE(IsCommentsHeading("Kommentare (3)"));
  EXPECT_TRUE(IsCommentsHeading("Leave a Reply"));
  EXPECT_TRUE(IsCommentsHeading("التعليقات"));
  EXPECT_FALSE(IsCommentsHeading("Comments from the minister"));
  EXPECT_FALSE(IsCommentsHeading("Background"));
  EXPECT_TRUE(extract::IsRelatedLabel("Mehr zum Thema:"));
  EXPECT_TRUE(extract::IsRelatedLabel("Read more\xE2\x80\xA6"));
  EXPECT_TRUE(extract::IsRelatedLabel("مطالب مرتبط"));
  EXPECT_TRUE(extract::IsRelatedLabel("اقرأ أيضا"));
  EXPECT_FALSE(extract::IsRelatedLabel("Related parties and their interests"));
  EXPECT_TRUE(extract::IsRelatedLabel("Neueste Artikel"));
  EXPECT_TRUE(extract::IsRelatedLabel("Most read"));
  EXPECT_TRUE(extract::IsRelatedLabel("پربازدیدترین"));  // fa: most visited
  EXPECT_TRUE(extract::IsRelatedLabel("الأكثر قراءة"));   // ar: most read
  EXPECT_FALSE(extract::IsRelatedLabel("Empfehlungen"));  // "recommendations" is often the article's own section
  EXPECT_TRUE(extract::IsTaxonomyLine("Tags: harbour, ferries"));
  EXPECT_TRUE(extract::IsTaxonomyLine("News date : 04/21/2022 Category : Press Releases"));
  EXPECT_FALSE(extract::IsTaxonomyLine("The minutes are filed as Kategorie:Protokoll in the wiki."));
  EXPECT_FALSE(extract::IsTaxonomyLine("Tagesordnung des Rates"));
  EXPECT_TRUE(extract::IsDisclaimer("(Alle Angaben ohne Gew\xC3\xA4hr)"));
  EXPECT_FALSE(extract::IsDisclaimer("The minister expressed her views on the harbour."));
  EXPECT_TRUE(extract::IsCaptionLine("Figure 10: Changing the font size of the legend."));
  EXPECT_FALSE(extract::IsCaptionLine("Figures from 2019 show a rise (see the table below)."));
  EXPECT_FALSE(extract::IsCaptionLine("The council met on Tuesday (source: minutes of the meeting, page 4, item 12, "
                                      "as published by the clerk)"));
  EXPECT_TRUE(extract::IsPaywallNote("If you enjoyed reading this post, would you consider supporting our work?"));
  EXPECT_FALSE(extract::IsPaywallNote("The board will support the work of the harbour master."));
  EXPECT_TRUE(extract::IsAdDisclosure("Advertisement"));
  EXPECT_TRUE(extract::IsAdDisclosure("This post contains affiliate links."));
  EXPECT_FALSE(extract::IsAdDisclosure("Advertisements for the election filled the city."));
}

}  // namespace
}  // namespace matn
