// ZWNJ repair. Expected spellings are standard Persian/Dari orthography
// (Farhangestan rules, as written by careful news sites), written by hand.
#include <gtest/gtest.h>

#include <string>

#include "matn/text.h"

namespace matn {
namespace {

const std::string Z = "\u200C";

std::string Del(const std::string& s) { return RepairZwnj(s, ZwnjDamage::kDeleted); }
std::string Sp(const std::string& s) { return RepairZwnj(s, ZwnjDamage::kSpace); }

class ZwnjRepair : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!ZwnjLexiconAvailable()) GTEST_SKIP() << "myspell-fa word list not installed";
  }
};

TEST_F(ZwnjRepair, MotivatingDariPage) {
  EXPECT_EQ(Del("لینکهای"), "لینک" + Z + "های");
  EXPECT_EQ(Del("میکند"), "می" + Z + "کند");
  EXPECT_EQ(Del("گفتوگو"), "گفت" + Z + "وگو");
  EXPECT_EQ(Del("خبرنامهای"), "خبرنامه" + Z + "ای");
  EXPECT_EQ(Del("منطقهای"), "منطقه" + Z + "ای");
  EXPECT_EQ(Del("بیانیهای"), "بیانیه" + Z + "ای");
  EXPECT_EQ(Del("این نهاد با نشر بیانیهای گفت که گفتوگو میان دو طرف ادامه پیدا میکند."),
            "این نهاد با نشر بیانیه" + Z + "ای گفت که گفت" + Z + "وگو میان دو طرف ادامه پیدا می" + Z + "کند.");
}

TEST_F(ZwnjRepair, VerbPrefixMi) {
  EXPECT_EQ(Del("میشود"), "می" + Z + "شود");
  EXPECT_EQ(Del("نمیتواند"), "نمی" + Z + "تواند");
  EXPECT_EQ(Del("میکردند"), "می" + Z + "کردند");  // past stem کرد (infinitive کردن)
  EXPECT_EQ(Del("میرفت"), "می" + Z + "رفت");
}

TEST_F(ZwnjRepair, WordsThatOnlyLookLikeMiVerbs) {
  for (const char* w : {"میلیون", "میان", "میز", "میلادی", "میدان", "میزان", "میراث", "میهن", "میوه"})
    EXPECT_EQ(Del(w), w) << w;
}

TEST_F(ZwnjRepair, PluralSuffixes) {
  EXPECT_EQ(Del("کمکهای"), "کمک" + Z + "های");
  EXPECT_EQ(Del("کتابهایشان"), "کتاب" + Z + "هایشان");
  EXPECT_EQ(Del("خانهها"), "خانه" + Z + "ها");
  EXPECT_EQ(Del("زندگیها"), "زندگی" + Z + "ها");
  // After a non-joining letter the ZWNJ is invisible and commonly omitted.
  EXPECT_EQ(Del("کشورها"), "کشورها");
  // Not plurals.
  for (const char* w : {"تنها", "آنها", "اینها", "انتها", "تنهایی"}) EXPECT_EQ(Del(w), w) << w;
}

TEST_F(ZwnjRepair, PluralOrHehPlusClitic) {
  EXPECT_EQ(Del("روزهای"), "روزهای");              // روز + های (days), not روزه‌ای
  EXPECT_EQ(Del("ماههای"), "ماه" + Z + "های");      // months
  EXPECT_EQ(Del("هستهای"), "هسته" + Z + "ای");      // nuclear
  EXPECT_EQ(Del("رسانهای"), "رسانه" + Z + "ای");
}

TEST_F(ZwnjRepair, CliticsAfterSilentHeh) {
  EXPECT_EQ(Del("شدهاند"), "شده" + Z + "اند");
  EXPECT_EQ(Del("خانهاش"), "خانه" + Z + "اش");
}

TEST_F(ZwnjRepair, Compounds) {
  EXPECT_EQ(Del("بینالمللی"), "بین" + Z + "المللی");
  EXPECT_EQ(Del("آتشبس"), "آتش" + Z + "بس");
  EXPECT_EQ(Del("اسلامآباد"), "اسلام" + Z + "آباد");
  EXPECT_EQ(Del("تهیهکننده"), "تهیه" + Z + "کننده");
  EXPECT_EQ(Del("هبتالله"), "هبت" + Z + "الله");
  EXPECT_EQ(Del("سهشنبه"), "سه" + Z + "شنبه");
  // Lexicalised words stay joined.
  for (const char* w : {"دانشگاه", "کارخانه", "پیشرفت", "همکاری", "البته"}) EXPECT_EQ(Del(w), w) << w;
}

TEST_F(ZwnjRepair, UnnormalisedSpellingsStillRepaired) {
  EXPECT_EQ(Del("ميكند"), "مي" + Z + "كند");  // Arabic yeh/kaf kept as written
  EXPECT_EQ(Del("اتشبس"), "اتش" + Z + "بس");  // Dari: no madda
}

TEST_F(ZwnjRepair, SpaceDamage) {
  EXPECT_EQ(Sp("می کند"), "می" + Z + "کند");
  EXPECT_EQ(Sp("نمی توانند"), "نمی" + Z + "توانند");
  EXPECT_EQ(Sp("کتاب ها"), "کتاب" + Z + "ها");
  EXPECT_EQ(Sp("کشور های همسایه"), "کشور" + Z + "های همسایه");  // the space proves a boundary
  EXPECT_EQ(Sp("منطقه ای"), "منطقه" + Z + "ای");
  EXPECT_EQ(Sp("بین المللی"), "بین" + Z + "المللی");
  EXPECT_EQ(Sp("آتش بس"), "آتش" + Z + "بس");
  EXPECT_EQ(Sp("سفارت خانه ها"), "سفارت" + Z + "خانه" + Z + "ها");
}

TEST_F(ZwnjRepair, SpaceDamageKeepsGenuinePairs) {
  for (const char* s : {"ایالات متحده", "گفته است", "رییس جمهور", "به زودی", "به عنوان", "در حالی که",
                        "خواهد شد", "می تنها", "گفته اند", "رفته ام", "پس از", "پیش برویم",
                        "بسیار گران", "ای خدا", "قال الرئيس", "این مدت"})
    EXPECT_EQ(Sp(s), s) << s;
}

TEST_F(ZwnjRepair, SpaceDamageBoundPieces) {
  // ‑ها is never a word of its own, also after the demonstratives.
  EXPECT_EQ(Sp("این ها را"), "این" + Z + "ها را");
  EXPECT_EQ(Sp("آن ها"), "آن" + Z + "ها");
  // Possessive ‑اش after any word.
  EXPECT_EQ(Sp("وبسایت اش"), "وبسایت" + Z + "اش");
  // می + a past form the list knows only through its infinitive.
  EXPECT_EQ(Sp("می چرخانیدند"), "می" + Z + "چرخانیدند");
  // Suffixoids that are present stems (never free after a noun).
  EXPECT_EQ(Sp("افغان تبار"), "افغان" + Z + "تبار");
  EXPECT_EQ(Sp("نقاب پوش"), "نقاب" + Z + "پوش");
  EXPECT_EQ(Sp("توافق سه جانبه"), "توافق سه" + Z + "جانبه");
  EXPECT_EQ(Sp("اسلام گرا"), "اسلام" + Z + "گرا");
  // Agentive ‑گر when the list knows X+گر; the free adjective گران stays apart.
  EXPECT_EQ(Sp("تحلیل گران"), "تحلیل" + Z + "گران");
  EXPECT_EQ(Sp("بسیار گران"), "بسیار گران");
  // Comparatives written apart.
  EXPECT_EQ(Sp("مهم ترین"), "مهم" + Z + "ترین");
  // A lone ezafe/indefinite ی after a vowel.
  EXPECT_EQ(Sp("خانه ی من"), "خانه" + Z + "ی من");
}

TEST_F(ZwnjRepair, SpaceDamageProductiveSecondElements) {
  // ‑نامه، ‑افزار end many compounds of the word list: two free words joined by them
  // are one compound (dictionary, certificate, software).
  EXPECT_EQ(Sp("واژه نامه"), "واژه" + Z + "نامه");
  EXPECT_EQ(Sp("گواهی نامه"), "گواهی" + Z + "نامه");
  EXPECT_EQ(Sp("نرم افزار"), "نرم" + Z + "افزار");
  // Compound verbs stay apart even though the list joins them: the second part
  // is a verb form or an infinitive.
  for (const char* s : {"نشان دادن", "ادامه دادن", "گزارش دادند", "سرباز زد", "انجام دهد", "قرار گرفته"})
    EXPECT_EQ(Sp(s), s) << s;
}

TEST_F(ZwnjRepair, CompoundsWrittenFusedOrWithZwnj) {
  // Never written with a real space, so spaced parts are joined ...
  EXPECT_EQ(Sp("روز پنج شنبه"), "روز پنج" + Z + "شنبه");
  EXPECT_EQ(Sp("جنگ جویان"), "جنگ" + Z + "جویان");
  // ... but the common fused spelling is not split.
  for (const char* w : {"پنجشنبه", "جنگجویان", "همزمان", "یکدیگر"}) EXPECT_EQ(Del(w), w) << w;
}

TEST_F(ZwnjRepair, ComparativesWrittenApart) {
  // Farhangestan: ‑تر/‑ترین after a ZWNJ, except the lexicalised few.
  EXPECT_EQ(Del("گرمتر"), "گرم" + Z + "تر");
  EXPECT_EQ(Del("بزرگترین"), "بزرگ" + Z + "ترین");
  EXPECT_EQ(Del("نزدیکتر"), "نزدیک" + Z + "تر");
  for (const char* w : {"بیشتر", "کمتر", "بهتر", "بیشترین", "دفتر", "بستر", "دختر", "کشورها", "دیرتر"})
    EXPECT_EQ(Del(w), w) << w;
}

TEST_F(ZwnjRepair, ModesDoOnlyTheirJob) {
  EXPECT_EQ(Sp("میکند"), "میکند");      // space mode never splits a word
  EXPECT_EQ(Del("می کند"), "می کند");    // deleted mode never joins
  EXPECT_EQ(RepairZwnj("کتاب ها را میخوانم", ZwnjDamage::kAuto),
            "کتاب" + Z + "ها را می" + Z + "خوانم");
}

TEST_F(ZwnjRepair, LeavesEverythingElseAlone) {
  const std::string ok = "می" + Z + "روم؛ کتاب" + Z + "ها (۱۴۰۳) — hello 123, «نقل‌قول».";
  EXPECT_EQ(RepairZwnj(ok), ok);
  EXPECT_EQ(RepairZwnj("The quick brown fox."), "The quick brown fox.");
  EXPECT_EQ(RepairZwnj("قال الرئيس إن الحكومة"), "قال الرئيس إن الحكومة");
  EXPECT_EQ(RepairZwnj(""), "");
}

TEST_F(ZwnjRepair, Idempotent) {
  for (const char* s : {"لینکهای میکند گفتوگو", "کتاب ها می روند", "بیانیهای منطقهای"}) {
    std::string once = RepairZwnj(s);
    EXPECT_EQ(RepairZwnj(once), once) << s;
  }
}

TEST(ZwnjRepairHostile, LongAndBrokenInputDoesNotHang) {
  std::string longword(200000, '\0');
  for (size_t i = 0; i < longword.size(); i += 2) longword.replace(i, 2, "ب");
  EXPECT_EQ(RepairZwnj(longword).size(), longword.size());
  std::string spaced;
  for (int i = 0; i < 50000; ++i) spaced += "می ";
  EXPECT_EQ(RepairZwnj(spaced, ZwnjDamage::kSpace).size(), spaced.size());
  std::string junk = "\xD9\xD9\xFF\x80 \xE2\x80 می\xD9";
  RepairZwnj(junk);  // must not crash
  SUCCEED();
}

}  // namespace
}  // namespace matn
