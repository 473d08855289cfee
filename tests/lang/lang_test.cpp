#include <gtest/gtest.h>

#include "matn/lang.h"

namespace matn {
namespace {

// Sentences written for these tests in the style of each language's news prose.
constexpr const char* kDari =
    "وزارت صحت عامه از آغاز کمپاین واکسین پولیو در یازده ولایت خبر داد. به گفتهٔ این وزارت، "
    "کارمندان صحی در ولسوالی‌های دوردست نیز خانه به خانه می‌روند. این کمپاین روز دوشنبه ۲۳ دسمبر "
    "مطابق با ۳ جدی آغاز شد و شفاخانه‌های ولایتی آماده‌اند.";
constexpr const char* kIranian =
    "وزارت بهداشت از آغاز طرح واکسن فلج اطفال در یازده استان خبر داد. به گفتهٔ این وزارت، "
    "کارکنان بهداشتی در شهرستان‌های دورافتاده نیز خانه به خانه می‌روند. این طرح روز دوشنبه ۳ دی "
    "آغاز شد و بیمارستان‌های استان آماده‌اند.";
constexpr const char* kPashto =
    "د روغتیا وزارت وايي چې د ګوزڼ ضد کمپاین په یوولسو ولایتونو کې پیل شوی دی. دغه کمپاین به "
    "درې ورځې دوام وکړي او روغتیايي کارکوونکي به کور په کور ولاړ شي.";
constexpr const char* kUrdu =
    "وزارت صحت کے مطابق پولیو کے خلاف مہم گیارہ صوبوں میں شروع ہو گئی ہے۔ یہ مہم تین دن تک جاری رہے گی "
    "اور کارکن گھر گھر جا کر بچوں کو قطرے پلائیں گے۔";
constexpr const char* kArabic =
    "أعلنت وزارة الصحة العامة عن بدء حملة التطعيم ضد شلل الأطفال في إحدى عشرة ولاية. وقالت الوزارة "
    "إن العاملين الصحيين سيذهبون من بيت إلى بيت في المناطق النائية خلال الأيام الثلاثة المقبلة.";
constexpr const char* kSorani =
    "وەزارەتی تەندروستی ڕایگەیاند کە هەڵمەتی کوتانی منداڵان دژی ئیفلیجی لە یازدە پارێزگادا دەستی "
    "پێکردووە و بۆ ماوەی سێ ڕۆژ بەردەوام دەبێت.";
constexpr const char* kGerman =
    "Das Gesundheitsministerium hat am Montag eine neue Impfkampagne gegen Kinderlähmung begonnen. "
    "Die Helfer sollen in den kommenden drei Tagen von Haus zu Haus gehen und alle Kinder erreichen.";
constexpr const char* kEnglish =
    "The health ministry began a new polio vaccination campaign on Monday in eleven provinces. "
    "Health workers will go from house to house over the next three days to reach every child.";
constexpr const char* kChinese = "卫生部周一在十一个省份启动了新一轮脊髓灰质炎疫苗接种运动，工作人员将在未来三天内挨家挨户为儿童接种疫苗。";

TEST(DetectLanguage, PersianScriptLanguagesAreKeptApart) {
  EXPECT_EQ(DetectLanguage(kDari).code, "prs");
  EXPECT_EQ(DetectLanguage(kIranian).code, "fa");
  EXPECT_EQ(DetectLanguage(kPashto).code, "ps");
  EXPECT_EQ(DetectLanguage(kUrdu).code, "ur");
  EXPECT_EQ(DetectLanguage(kArabic).code, "ar");
  EXPECT_EQ(DetectLanguage(kSorani).code, "ckb");
}

TEST(DetectLanguage, OtherScripts) {
  EXPECT_EQ(DetectLanguage(kGerman).code, "de");
  EXPECT_EQ(DetectLanguage(kEnglish).code, "en");
  EXPECT_EQ(DetectLanguage(kChinese).code, "zh");
  EXPECT_EQ(DetectLanguage("").code, "");
  EXPECT_EQ(DetectLanguage("12 34 !!").code, "");
}

TEST(DariEvidence, AfghanMonthNamesCountOnlyNextToNumbers) {
  // "سرطان" is also the word for cancer: alone it says nothing about the dialect.
  EXPECT_EQ(DariEvidence("بیماری سرطان"), 0);
  EXPECT_GT(DariEvidence("۱۵ سرطان ۱۴۰۳"), 0);
  EXPECT_GT(DariEvidence("سرطان ۱۴۰۳"), 0);
  EXPECT_LT(DariEvidence("۱۵ تیر ۱۴۰۳"), 0);
  // Arabic yeh and kaf are folded, so a page typed with them still counts.
  EXPECT_GT(DariEvidence("ولايت"), 0);
}

// Iranian Persian and Dari sentences written for these tests; each pair says the
// same kind of thing with the vocabulary of its side.
TEST(DetectLanguage, IranianPersianStaysFa) {
  const char* cases[] = {
      "به گفتهٔ رئیس دانشگاه علوم پزشکی استان اصفهان، بیمارستان‌های این استان از ۱۲ فروردین "
      "بیماران را بدون نوبت می‌پذیرند و دانشجویان پزشکی در آن‌ها کار می‌کنند.",
      "نتایج کنکور سراسری روز ۲۵ اردیبهشت اعلام می‌شود و داوطلبان می‌توانند کارنامهٔ خود را از "
      "سایت سازمان سنجش دریافت کنند.",
      // "ریاست جمهوری" is everyday Iranian news vocabulary: it must not read as Dari.
      "سخنگوی نهاد ریاست جمهوری گفت که دفتر ریاست جمهوری گزارش کامل این سفر را به زودی منتشر "
      "می‌کند و وزیر خارجه نیز در این نشست حضور داشت.",
      // Persian without any of پ چ ژ گ (short UI strings): its ی and ک are not Arabic.
      "در حال حاضر سرویسی انتخاب نشده است. خطای غیرمنتظره رخ داده است و امکان دسترسی وجود ندارد.",
  };
  for (const char* c : cases) {
    EXPECT_EQ(DetectLanguage(c).code, "fa") << c;
    EXPECT_LT(DariEvidence(c), 4) << c;
  }
}

TEST(DetectLanguage, DariIsPrs) {
  const char* cases[] = {
      "به گفتهٔ رئیس شفاخانهٔ ولایتی بلخ، داکتران این شفاخانه از ۱۵ حمل بیماران را بدون نوبت "
      "می‌پذیرند و محصلان پوهنتون طب در آن کار می‌کنند.",
      "نتایج امتحان کانکور روز ۲ ثور اعلام می‌شود و شاگردان لیسه‌ها می‌توانند نتیجهٔ خود را از "
      "ریاست معارف ولایت هرات دریافت کنند.",
  };
  for (const char* c : cases) EXPECT_EQ(DetectLanguage(c).code, "prs") << c;
}

TEST(DariEvidence, MonthsOfEachCalendarSide) {
  EXPECT_LT(DariEvidence("۱۲ فروردین ۱۴۰۳"), 0);
  EXPECT_LT(DariEvidence("۲۵ اردیبهشت"), 0);
  EXPECT_GT(DariEvidence("۱۵ حمل ۱۴۰۳"), 0);
  EXPECT_GT(DariEvidence("۲ ثور"), 0);
  // حمل is also "transport": alone it is no evidence.
  EXPECT_EQ(DariEvidence("حمل و نقل عمومی"), 0);
  EXPECT_LT(DariEvidence("استان و بیمارستان و دانشگاه"), 0);
  EXPECT_GT(DariEvidence("ولایت و شفاخانه و پوهنتون"), 0);
}

TEST(ResolveLanguage, DeclaredIsKeptWhenPlausible) {
  auto g = ResolveLanguage("en-US", kEnglish);
  EXPECT_EQ(g.code, "en");
  EXPECT_TRUE(g.declared);
  EXPECT_EQ(ResolveLanguage("de_DE", kGerman).code, "de");
  EXPECT_EQ(ResolveLanguage("fa-AF", kDari).code, "prs");
  EXPECT_EQ(ResolveLanguage("prs", kDari).code, "prs");
}

TEST(ResolveLanguage, ImplausibleDeclarationLosesToTheText) {
  // A template's "en" on a Persian article.
  EXPECT_EQ(ResolveLanguage("en", kIranian).code, "fa");
  // The macrolanguage "fa" is refined to Dari on clear evidence.
  EXPECT_EQ(ResolveLanguage("fa", kDari).code, "prs");
  // A Persian-declared page whose text is Pashto.
  EXPECT_EQ(ResolveLanguage("fa", kPashto).code, "ps");
  // Garbage declarations are ignored.
  EXPECT_EQ(ResolveLanguage("x", kGerman).code, "de");
  EXPECT_EQ(ResolveLanguage("", kChinese).code, "zh");
}

}  // namespace
}  // namespace matn
