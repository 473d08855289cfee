// Hygiene (CleanText / CleanLines) and Persian normalisation.
// Expectations follow Unicode and Persian orthography, written by hand.
#include <gtest/gtest.h>

#include <string>

#include "matn/text.h"

namespace matn {
namespace {

const std::string Z = "\u200C";  // ZWNJ

TEST(CleanText, AsciiUnchangedButWhitespaceCollapsed) {
  EXPECT_EQ(CleanText("Hello, world."), "Hello, world.");
  EXPECT_EQ(CleanText("  a \t b\n\nc  "), "a b c");
  EXPECT_EQ(CleanText(""), "");
  EXPECT_EQ(CleanText(" \t\n "), "");
}

TEST(CleanText, SpaceLikeCharactersBecomeOneSpace) {
  EXPECT_EQ(CleanText("کابل\u00A0\u00A0افغانستان"), "کابل افغانستان");
  EXPECT_EQ(CleanText("a\u2003b\u202Fc\u3000d\u2009 e"), "a b c d e");
}

TEST(CleanText, KeepsZwnjInsideWords) {
  const std::string s = "می" + Z + "روم به کتاب" + Z + "خانه";
  EXPECT_EQ(CleanText(s), s);
}

TEST(CleanText, ZwnjNextToSpacePunctuationOrEdgeIsNoise) {
  EXPECT_EQ(CleanText("غذایی،" + Z + " وزن"), "غذایی، وزن");
  EXPECT_EQ(CleanText("کتاب" + Z + " ها"), "کتاب ها");
  EXPECT_EQ(CleanText("کتاب " + Z + "ها"), "کتاب ها");
  EXPECT_EQ(CleanText(Z + "سلام" + Z), "سلام");
  EXPECT_EQ(CleanText("«" + Z + "ما»"), "«ما»");
  EXPECT_EQ(CleanText("سال" + Z + "۱۴۰۳"), "سال۱۴۰۳");  // before a digit
}

TEST(CleanText, ZwnjRunsCollapse) {
  EXPECT_EQ(CleanText("می" + Z + Z + Z + "شود"), "می" + Z + "شود");
  // Characters that are dropped do not separate a ZWNJ from its letters.
  EXPECT_EQ(CleanText("می" + Z + "\u200B" + "شود"), "می" + Z + "شود");
}

TEST(CleanText, ZwnjAfterViramaIsKept) {
  // Devanagari: KA + VIRAMA + ZWNJ + SSA requests the half form; it is not noise.
  const std::string s = "\u0915\u094D\u200C\u0937";
  EXPECT_EQ(CleanText(s), s);
}

TEST(CleanText, KeepsZwjAndDirectionMarks) {
  const std::string family = "\U0001F468\u200D\U0001F469\u200D\U0001F467";
  EXPECT_EQ(CleanText(family), family);
  EXPECT_EQ(CleanText("ABC\u200Fسلام\u200E"), "ABC\u200Fسلام\u200E");
  EXPECT_EQ(CleanText("\u061Cسلام"), "\u061Cسلام");
}

TEST(CleanText, DropsInvisibleJunk) {
  EXPECT_EQ(CleanText("co\u00ADoperate"), "cooperate");
  EXPECT_EQ(CleanText("کتاب\u200Bها"), "کتابها");
  EXPECT_EQ(CleanText("a\u2060b"), "ab");
  EXPECT_EQ(CleanText("\uFEFFسلام"), "سلام");
  EXPECT_EQ(CleanText("سل\uFEFFام"), "سلام");
  EXPECT_EQ(CleanText("a\x01" "b\x7F" "c"), "abc");
}

TEST(CleanText, DropsBidiEmbeddingsOverridesAndIsolates) {
  EXPECT_EQ(CleanText("\u202Bسلام\u202C"), "سلام");
  EXPECT_EQ(CleanText("\u202Dabc\u202E"), "abc");
  EXPECT_EQ(CleanText("x \u2067۱۲۳\u2069 y \u2066z\u2068"), "x ۱۲۳ y z");
}

TEST(CleanText, Nfc) {
  EXPECT_EQ(CleanText("e\u0301"), "\u00E9");
  EXPECT_EQ(CleanText("\u0627\u0653"), "\u0622");  // alef + madda → آ
  // ه + hamza above has no precomposed NFC form: it stays two characters.
  EXPECT_EQ(CleanText("خانه\u0654"), "خانه\u0654");
}

TEST(CleanText, InvalidUtf8BecomesReplacementCharacter) {
  EXPECT_EQ(CleanText("a\xFF" "b"), "a\uFFFDb");
  EXPECT_EQ(CleanText("\xD8"), "\uFFFD");  // truncated sequence
}

TEST(CleanLines, CleansEachLineAndKeepsLineCount) {
  EXPECT_EQ(CleanLines("a  b\r\n\n  c \u200B\n"), "a b\n\nc\n");
  EXPECT_EQ(CleanLines("one"), "one");
}

TEST(PersianProfile, FromLanguageTag) {
  EXPECT_EQ(PersianProfileForLang("fa"), PersianProfile::kPersian);
  EXPECT_EQ(PersianProfileForLang("fa-AF"), PersianProfile::kPersian);
  EXPECT_EQ(PersianProfileForLang("prs"), PersianProfile::kPersian);
  EXPECT_EQ(PersianProfileForLang("ps_AF"), PersianProfile::kPashto);
  EXPECT_EQ(PersianProfileForLang("ar"), PersianProfile::kNone);
  EXPECT_EQ(PersianProfileForLang("ur-PK"), PersianProfile::kNone);
  EXPECT_EQ(PersianProfileForLang("ckb"), PersianProfile::kNone);
  EXPECT_EQ(PersianProfileForLang(""), PersianProfile::kNone);
}

NormalizeOptions Fa(DigitStyle d = DigitStyle::kKeep) { return {PersianProfile::kPersian, d, {}}; }
NormalizeOptions Ps() { return {PersianProfile::kPashto, DigitStyle::kKeep, {}}; }

TEST(NormalizePersian, ArabicYehAndKafBecomePersian) {
  EXPECT_EQ(NormalizePersian("علي", Fa()), "علی");
  EXPECT_EQ(NormalizePersian("ايران", Fa()), "ایران");
  EXPECT_EQ(NormalizePersian("كتاب", Fa()), "کتاب");
  EXPECT_EQ(NormalizePersian("مصطفى", Fa()), "مصطفی");  // alef maksura
  // Hamza forms are letters of their own, not yeh variants.
  EXPECT_EQ(NormalizePersian("مسئول رئیس", Fa()), "مسئول رئیس");
}

TEST(NormalizePersian, KashidaRemoved) {
  EXPECT_EQ(NormalizePersian("مـــحمد", Fa()), "محمد");
  EXPECT_EQ(NormalizePersian("کابـل", Ps()), "کابل");
}

TEST(NormalizePersian, EzafeHehWithYehBecomesHehPlusHamza) {
  EXPECT_EQ(NormalizePersian("خانۀ ما", Fa()), "خانه\u0654 ما");
  EXPECT_EQ(NormalizePersian("خانه\u0654 ما", Fa()), "خانه\u0654 ما");
}

TEST(NormalizePersian, ZwnjAndOtherLettersUntouched) {
  const std::string s = "می" + Z + "روم، گفت" + Z + "وگو، پژوهش‌گر چگونه";
  EXPECT_EQ(NormalizePersian(s, Fa()), s);
}

TEST(NormalizePersian, Digits) {
  EXPECT_EQ(NormalizePersian("سال ۱۴۰۳ و ٢٠٢٤", Fa()), "سال ۱۴۰۳ و ٢٠٢٤");  // keep
  EXPECT_EQ(NormalizePersian("سال ۱۴۰۳ و ٢٠٢٤", Fa(DigitStyle::kLatin)), "سال 1403 و 2024");
  EXPECT_EQ(NormalizePersian("سال 2024 و ٣", Fa(DigitStyle::kPersian)), "سال ۲۰۲۴ و ۳");
  // Digits inside Latin tokens are not Persian numbers.
  EXPECT_EQ(NormalizePersian("COVID-19 و MP3 و ۱۰", Fa(DigitStyle::kPersian)), "COVID-19 و MP3 و ۱۰");
}

TEST(NormalizePersian, PashtoKeepsItsOwnLetters) {
  // ي (final [i]) and ی ([ay]) are different Pashto letters; ې ۍ ټ ډ ړ ږ ښ ګ ڼ stay.
  EXPECT_EQ(NormalizePersian("زلمي سړی ښځې ډېر ګډوډ ټوپک ږغ ونۍ ڼ", Ps()), "زلمي سړی ښځې ډېر ګډوډ ټوپک ږغ ونۍ ڼ");
  EXPECT_EQ(NormalizePersian("كور", Ps()), "کور");
  EXPECT_EQ(NormalizePersian("لۀ", Ps()), "لۀ");
}

TEST(NormalizePersian, ArabicAndUrduTextUntouched) {
  NormalizeOptions ar = Fa(DigitStyle::kLatin);
  ar.lang = "ar";
  const std::string arabic = "قال علي إن الكتاب في المكتبة ١٢ مـرة";
  EXPECT_EQ(NormalizePersian(arabic, ar), arabic);
  NormalizeOptions ur = Fa();
  ur.lang = "ur";
  const std::string urdu = "یہ کتاب ہے اور علي";
  EXPECT_EQ(NormalizePersian(urdu, ur), urdu);
}

TEST(NormalizePersian, LanguagePicksProfile) {
  NormalizeOptions o = Fa();
  o.lang = "ps";
  EXPECT_EQ(NormalizePersian("زلمي", o), "زلمي");  // Pashto profile: ي kept
  o.lang = "prs";
  EXPECT_EQ(NormalizePersian("علي", o), "علی");
}

}  // namespace
}  // namespace matn
