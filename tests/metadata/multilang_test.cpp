// Metadata on hand-written pages in languages nobody tuned for (tests/data/pages),
// and byline cleaning. Expected values are what each page says to a reader: its
// headline, the names in its byline, the date on its dateline (Solar Hijri 15 Tir
// 1403 and 15 Chungash 1403 are 2024-07-05: 1 Tir 1403 = 2024-06-21), and the
// site named after the headline in its <title>.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "matn/html.h"
#include "matn/metadata.h"
#include "metadata/byline.h"

namespace matn {
namespace {

using Names = std::vector<std::string>;

Metadata Page(const std::string& name) {
  std::ifstream in(std::string(MATN_TEST_DATA) + "/pages/" + name, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  EXPECT_FALSE(ss.str().empty()) << name;
  Document doc;
  EXPECT_TRUE(ParseDocument(ss.str(), &doc).ok());
  return ExtractMetadata(doc);
}

TEST(MultilangPages, Chinese) {
  Metadata md = Page("zh_news.html");
  EXPECT_EQ(md.title, "杭州西湖景区推出夜游新线路");  // not "…_旅游频道_样例日报"
  EXPECT_EQ(md.authors, (Names{"王芳", "陈刚"}));
  EXPECT_EQ(md.date_published, "2023-10-12T09:15");
  EXPECT_EQ(md.sitename, "样例日报");
  EXPECT_EQ(md.page_type, "article");
}

TEST(MultilangPages, Japanese) {
  Metadata md = Page("ja_news.html");
  EXPECT_EQ(md.title, "大阪で新しい図書館が開館");
  EXPECT_TRUE(md.authors.empty());  // the page names no author
  EXPECT_EQ(md.date_published, "2021-07-05T09:05");
  EXPECT_EQ(md.sitename, "サンプル新聞");
  EXPECT_EQ(md.page_type, "article");
}

TEST(MultilangPages, Korean) {
  Metadata md = Page("ko_news.html");
  EXPECT_EQ(md.title, "서울시, 한강공원에 자전거 도로 확충");
  EXPECT_EQ(md.authors, (Names{"김민수"}));  // "기자" is the job title
  EXPECT_EQ(md.date_published, "2024-07-05T14:30");
  EXPECT_EQ(md.sitename, "예시일보");
}

TEST(MultilangPages, PersianSolarHijri) {
  Metadata md = Page("fa_news.html");
  EXPECT_EQ(md.title, "افتتاح کتابخانه\u200cی جدید در شیراز");
  EXPECT_EQ(md.authors, (Names{"مریم احمدی"}));
  EXPECT_EQ(md.date_published, "2024-07-05T10:30");
  EXPECT_EQ(md.sitename, "خبرگزاری نمونه");
}

TEST(MultilangPages, PashtoAndUrdu) {
  Metadata ps = Page("ps_news.html");
  EXPECT_EQ(ps.title, "په کندهار کې نوی روغتون پرانیستل شو");
  EXPECT_EQ(ps.authors, (Names{"احمد شاه"}));
  EXPECT_EQ(ps.date_published, "2024-07-05");
  EXPECT_EQ(ps.sitename, "بېلګه راډیو");
  Metadata ur = Page("ur_news.html");
  EXPECT_EQ(ur.title, "لاہور میں نئی میٹرو لائن کا افتتاح");
  EXPECT_EQ(ur.authors, (Names{"احمد علی"}));
  EXPECT_EQ(ur.date_published, "2024-07-05");
  EXPECT_EQ(ur.sitename, "نمونہ نیوز");
}

TEST(MultilangPages, FrenchSpanishGermanEnglish) {
  Metadata fr = Page("fr_news.html");
  EXPECT_EQ(fr.authors, (Names{"Jean Dupont", "Claire Martin"}));
  EXPECT_EQ(fr.date_published, "2023-09-12T18:45");
  EXPECT_EQ(fr.sitename, "Le Journal Exemple");
  Metadata es = Page("es_news.html");
  EXPECT_EQ(es.authors, (Names{"María García", "Luis Fernández"}));
  EXPECT_EQ(es.date_published, "2024-07-05T10:20");
  EXPECT_EQ(es.sitename, "Diario Ejemplo");
  Metadata de = Page("de_dateline.html");
  EXPECT_EQ(de.authors, (Names{"Anna Schmidt", "Peter Müller"}));  // "Husum" is the place
  EXPECT_EQ(de.date_published, "2024-07-05");
  EXPECT_EQ(de.sitename, "Nordsee-Bote");
  Metadata en = Page("en_blog.html");
  EXPECT_EQ(en.title, "Growing Tomatoes on a Balcony");
  EXPECT_EQ(en.authors, (Names{"Jane Doe"}));
  EXPECT_EQ(en.date_published, "2021-03-03");
  EXPECT_EQ(en.sitename, "The Small Garden Blog");
  EXPECT_EQ(en.page_type, "article");
}

TEST(MultilangPages, UnlabelledBylinesUnderTheHeadline) {
  // The whole page sits in a box whose id says "navigation" (a slide-out menu
  // script's wrapper); the bylines are still the article's.
  Metadata de = Page("de_sport_dated.html");  // "11.02.2022 - Lena Hoffmann" above the h1
  EXPECT_EQ(de.authors, (Names{"Lena Hoffmann"}));
  EXPECT_EQ(de.date_published, "2022-02-11");
  Metadata en = Page("en_author_box.html");  // <p class="author">
  EXPECT_EQ(en.authors, (Names{"Sandra Miller"}));
  // A dated line whose other part is no name gives no author.
  Document doc;
  ASSERT_TRUE(ParseDocument("<h1>Storm closes roads</h1><p>Berlin, 5. Juli 2024 - Die Regierung warnt</p>"
                            "<p>Text text text.</p>",
                            &doc)
                  .ok());
  EXPECT_TRUE(ExtractMetadata(doc).authors.empty());
  ASSERT_TRUE(ParseDocument("<h1>Storm closes roads</h1><p>By the end of the week the roads were open.</p>", &doc).ok());
  EXPECT_TRUE(ExtractMetadata(doc).authors.empty());
  // A label alone in its element names the author in the next text.
  ASSERT_TRUE(ParseDocument("<h1>Storm closes roads</h1><div><h5>Autor:</h5>Peter Maahn/SP-X</div>"
                            "<p>Text text text.</p>",
                            &doc)
                  .ok());
  EXPECT_EQ(ExtractMetadata(doc).authors, (Names{"Peter Maahn"}));  // SP-X is the agency
  ASSERT_TRUE(ParseDocument("<h1>Storm closes roads</h1><p>Blog Beitrag von Margarita Koreneva</p><p>Text.</p>", &doc)
                  .ok());
  EXPECT_EQ(ExtractMetadata(doc).authors, (Names{"Margarita Koreneva"}));
}

TEST(MultilangPages, UnderscoreStaysWithoutSiteEvidence) {
  // No og:site_name and no host: nothing says which part is the site, so the
  // title stays as the page wrote it.
  Document doc;
  ASSERT_TRUE(ParseDocument("<title>标题一_标题二</title><p>正文</p>", &doc).ok());
  EXPECT_EQ(ExtractMetadata(doc).title, "标题一_标题二");
  ASSERT_TRUE(ParseDocument("<title>snake_case in Python</title>", &doc).ok());
  EXPECT_EQ(ExtractMetadata(doc).title, "snake_case in Python");
}

TEST(MultilangPages, NoSitenameFromALongOrNumberedSuffix) {
  Document doc;
  ASSERT_TRUE(ParseDocument("<title>Headline here | Part 2</title><h1>Headline here</h1>", &doc).ok());
  EXPECT_EQ(ExtractMetadata(doc).sitename, "");
  ASSERT_TRUE(ParseDocument("<title>Storm hits coast | Wind and rain close roads across the whole region today</title>"
                            "<h1>Storm hits coast</h1>",
                            &doc)
                  .ok());
  EXPECT_EQ(ExtractMetadata(doc).sitename, "");
}

using metadata_internal::BylineNames;

TEST(Byline, LabelsInManyLanguages) {
  EXPECT_EQ(BylineNames("By Jane Doe"), (Names{"Jane Doe"}));
  EXPECT_EQ(BylineNames("Written by Jane Doe"), (Names{"Jane Doe"}));
  EXPECT_EQ(BylineNames("Von Anna Schmidt"), (Names{"Anna Schmidt"}));
  EXPECT_EQ(BylineNames("Autor: Anna Schmidt"), (Names{"Anna Schmidt"}));
  EXPECT_EQ(BylineNames("Autor/in: Korinna Hennig"), (Names{"Korinna Hennig"}));
  EXPECT_EQ(BylineNames("Par Jean Dupont"), (Names{"Jean Dupont"}));
  EXPECT_EQ(BylineNames("Por María García"), (Names{"María García"}));
  EXPECT_EQ(BylineNames("Di Mario Rossi"), (Names{"Mario Rossi"}));
  EXPECT_EQ(BylineNames("Door Jan de Vries"), (Names{"Jan de Vries"}));
  EXPECT_EQ(BylineNames("Av Karin Larsson"), (Names{"Karin Larsson"}));
  EXPECT_EQ(BylineNames("بقلم: محمد العلي"), (Names{"محمد العلي"}));
  EXPECT_EQ(BylineNames("كتب: أحمد حسن"), (Names{"أحمد حسن"}));
  EXPECT_EQ(BylineNames("نویسنده: مریم احمدی"), (Names{"مریم احمدی"}));
  EXPECT_EQ(BylineNames("گزارشگر: احمد رحیمی"), (Names{"احمد رحیمی"}));
  EXPECT_EQ(BylineNames("به قلم علی رضایی"), (Names{"علی رضایی"}));
  EXPECT_EQ(BylineNames("作者：李明"), (Names{"李明"}));
  EXPECT_EQ(BylineNames("记者 张伟"), (Names{"张伟"}));
  EXPECT_EQ(BylineNames("文/王芳"), (Names{"王芳"}));
  EXPECT_EQ(BylineNames("김철수 기자"), (Names{"김철수"}));
  EXPECT_EQ(BylineNames("كتبت - سارة أحمد"), (Names{"سارة أحمد"}));
  EXPECT_EQ(BylineNames("بقلم / أحمد حسن"), (Names{"أحمد حسن"}));
  EXPECT_EQ(BylineNames("تقرير: ليلى خالد"), (Names{"ليلى خالد"}));
  EXPECT_EQ(BylineNames("خبرنگار: رضا کریمی"), (Names{"رضا کریمی"}));
  EXPECT_EQ(BylineNames("گزارشگر: احمد رحیمی - کابل"), (Names{"احمد رحیمی"}));
  EXPECT_EQ(BylineNames("لیکوال: احمد شاه"), (Names{"احمد شاه"}));
  EXPECT_EQ(BylineNames("تحریر: احمد علی"), (Names{"احمد علی"}));
  EXPECT_EQ(BylineNames("Yazar: Ayşe Yılmaz"), (Names{"Ayşe Yılmaz"}));
  EXPECT_EQ(BylineNames("Автор: Иван Петров"), (Names{"Иван Петров"}));
}

TEST(Byline, TailsCutOff) {
  EXPECT_EQ(BylineNames("Von Anna Schmidt | 5. Juli 2024, 14:30 Uhr"), (Names{"Anna Schmidt"}));
  EXPECT_EQ(BylineNames("Posted on March 3rd, 2021 by Jane Doe"), (Names{"Jane Doe"}));
  EXPECT_EQ(BylineNames("By Jane Doe on March 3, 2021"), (Names{"Jane Doe"}));
  EXPECT_EQ(BylineNames("Par Jean Dupont, le 12 septembre 2023 à 18h45"), (Names{"Jean Dupont"}));
  EXPECT_EQ(BylineNames("Anna Schmidt, Berlin"), (Names{"Anna Schmidt"}));
  EXPECT_EQ(BylineNames("2024年07月05日 14:30 来源：示例网 作者：李明"), (Names{"李明"}));
  EXPECT_EQ(BylineNames("作者：李明 来源：示例网"), (Names{"李明"}));
  EXPECT_EQ(BylineNames("Jane Doe (Reuters)"), (Names{"Jane Doe"}));
  EXPECT_EQ(BylineNames("Text von Christian Seiler Illustration von Markus Roost"), (Names{"Christian Seiler"}));
  EXPECT_EQ(BylineNames("5. Juli 2024 | Von Anna Schmidt"), (Names{"Anna Schmidt"}));
  EXPECT_EQ(BylineNames("Ein Artikel von Pamela Sladky | 27.01.2022 - 12:45"), (Names{"Pamela Sladky"}));
  EXPECT_EQ(BylineNames("Zeige alle Beiträge von Cem Basman"), (Names{"Cem Basman"}));
  EXPECT_EQ(BylineNames("Autoren Jelko Djuren und Jutta Klaukien"), (Names{"Jelko Djuren", "Jutta Klaukien"}));
}

TEST(Byline, SplitOnlyOnNameSeparators) {
  EXPECT_EQ(BylineNames("Anna Schmidt und Peter Müller"), (Names{"Anna Schmidt", "Peter Müller"}));
  EXPECT_EQ(BylineNames("By Jane Doe and John Roe"), (Names{"Jane Doe", "John Roe"}));
  EXPECT_EQ(BylineNames("Jean Dupont et Claire Martin"), (Names{"Jean Dupont", "Claire Martin"}));
  EXPECT_EQ(BylineNames("María García y Luis Fernández"), (Names{"María García", "Luis Fernández"}));
  EXPECT_EQ(BylineNames("محمد العلي و أحمد حسن"), (Names{"محمد العلي", "أحمد حسن"}));
  EXPECT_EQ(BylineNames("مریم احمدی، علی رضایی"), (Names{"مریم احمدی", "علی رضایی"}));
  EXPECT_EQ(BylineNames("王芳、陈刚"), (Names{"王芳", "陈刚"}));
  EXPECT_EQ(BylineNames("Jane Doe / John Roe"), (Names{"Jane Doe", "John Roe"}));
  // Not separators: a hyphenated name, "von" inside a name, an initial.
  EXPECT_EQ(BylineNames("Hans-Peter Müller-Lüdenscheidt"), (Names{"Hans-Peter Müller-Lüdenscheidt"}));
  EXPECT_EQ(BylineNames("Ursula von der Leyen"), (Names{"Ursula von der Leyen"}));
  EXPECT_EQ(BylineNames("Di Maio"), (Names{"Di Maio"}));
  EXPECT_EQ(BylineNames("Anna Schmidt und Von Trier"), (Names{"Anna Schmidt", "Von Trier"}));
  EXPECT_EQ(BylineNames("J. R. Smith"), (Names{"J. R. Smith"}));
}

TEST(Byline, NoDatesTimesOrUrls) {
  EXPECT_TRUE(BylineNames("14:30 Uhr").empty());
  EXPECT_TRUE(BylineNames("5. Juli 2024").empty());
  EXPECT_TRUE(BylineNames("https://www.facebook.com/someone").empty());
  EXPECT_TRUE(BylineNames("").empty());
  EXPECT_TRUE(BylineNames(std::string(5000, 'a')).empty());
}

}  // namespace
}  // namespace matn
