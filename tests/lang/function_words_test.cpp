// The function-word shortcut that confirms a declared language without CLD2.
#include <gtest/gtest.h>

#include <string>

#include "lang/function_words.h"
#include "matn/lang.h"

namespace matn {
namespace {

// Paragraphs written for these tests in the style of each language's news prose.
constexpr const char* kEnglish =
    "The city council has approved a plan to rebuild the old bridge over the river, which was closed "
    "last winter after engineers found cracks in two of its supports. The work will begin in the spring "
    "and is expected to take about eighteen months. During that time buses will run every ten minutes "
    "between the two banks, and the ferry that was used in the past will return for cyclists. Residents "
    "who spoke to us said they were relieved that a decision had finally been made, but some of them "
    "worried about the cost and about the noise from the building site.";
constexpr const char* kGerman =
    "Der Stadtrat hat am Dienstag beschlossen, die alte Brücke über den Fluss neu zu bauen. Sie war im "
    "vergangenen Winter gesperrt worden, nachdem Ingenieure Risse in zwei der Pfeiler gefunden hatten. "
    "Die Arbeiten sollen im Frühjahr beginnen und werden etwa achtzehn Monate dauern. In dieser Zeit "
    "fahren die Busse alle zehn Minuten zwischen den beiden Ufern, und die Fähre, die früher genutzt "
    "wurde, kehrt für Radfahrer zurück. Anwohner sagten uns, dass sie froh über die Entscheidung seien, "
    "aber einige von ihnen sorgen sich um die Kosten und um den Lärm der Baustelle.";
constexpr const char* kDutch =
    "De gemeenteraad heeft dinsdag besloten om de oude brug over de rivier opnieuw te bouwen. Die was "
    "afgelopen winter gesloten nadat ingenieurs scheuren in twee van de pijlers hadden gevonden. Het "
    "werk begint in het voorjaar en zal ongeveer achttien maanden duren. In die tijd rijden de bussen "
    "elke tien minuten tussen de beide oevers, en de veerpont die vroeger werd gebruikt komt terug voor "
    "fietsers. Bewoners zeiden ons dat ze blij zijn met het besluit, maar sommigen van hen maken zich "
    "zorgen over de kosten en over het lawaai van de bouwplaats.";

TEST(FunctionWords, ConfirmsRunningTextOfTheDeclaredLanguage) {
  EXPECT_TRUE(lang::FunctionWordsConfirm("en", kEnglish));
  EXPECT_TRUE(lang::FunctionWordsConfirm("de", kGerman));
}

TEST(FunctionWords, NeverConfirmsAnotherLanguage) {
  EXPECT_FALSE(lang::FunctionWordsConfirm("de", kEnglish));
  EXPECT_FALSE(lang::FunctionWordsConfirm("en", kGerman));
  // Dutch shares words with both ("in", "is", "was", "die", "er") but is neither.
  EXPECT_FALSE(lang::FunctionWordsConfirm("de", kDutch));
  EXPECT_FALSE(lang::FunctionWordsConfirm("en", kDutch));
}

TEST(FunctionWords, NoListNoShortcut) {
  EXPECT_FALSE(lang::FunctionWordsConfirm("nl", kDutch));
  EXPECT_FALSE(lang::FunctionWordsConfirm("", kEnglish));
  EXPECT_FALSE(lang::FunctionWordsConfirm("eng", kEnglish));
}

TEST(FunctionWords, TooFewWordsIsNoEvidence) {
  // Nine list words (all of them English) are not enough.
  EXPECT_FALSE(lang::FunctionWordsConfirm("en", "the cat and the dog of the house to the"));
  EXPECT_FALSE(lang::FunctionWordsConfirm("en", ""));
}

TEST(FunctionWords, FoldsCapitalsIncludingLatin1) {
  // Sentence-initial capitals and "ÜBER"/"FÜR" count like their small forms.
  std::string shouting;
  for (int i = 0; i < 4; ++i) shouting += "ÜBER DIE BRÜCKE FÜR DEN VERKEHR UND DIE STADT. ";
  EXPECT_TRUE(lang::FunctionWordsConfirm("de", shouting));
  EXPECT_TRUE(lang::FunctionWordsConfirm("en", "The One Of The Best For The Ones Who Have The Most To "
                                               "Say About It And Their Words"));
}

TEST(FunctionWords, ListsAndNumbersDilute) {
  // A page of keywords and figures with a few function words: not overwhelming.
  std::string listing;
  for (int i = 0; i < 12; ++i)
    listing += "Price 12.99 EUR shipping free delivery warehouse stock available colour size the ";
  EXPECT_FALSE(lang::FunctionWordsConfirm("en", listing));
}

TEST(FunctionWords, HostileBytesDoNotBreakTheScan) {
  std::string junk = std::string("\xC3", 1) + "the and of\xC3\x28 \xC9" + std::string(3, '\0') + "\xFF\xC3";
  EXPECT_FALSE(lang::FunctionWordsConfirm("en", junk));
  std::string longword(10000, 'a');
  EXPECT_FALSE(lang::FunctionWordsConfirm("en", longword));
}

TEST(FunctionWords, NamesTheLanguageOfUndeclaredText) {
  EXPECT_EQ(lang::FunctionWordsLanguage(kEnglish), "en");
  EXPECT_EQ(lang::FunctionWordsLanguage(kGerman), "de");
  EXPECT_EQ(lang::FunctionWordsLanguage(kDutch), "");
  EXPECT_EQ(lang::FunctionWordsLanguage(""), "");
  // Half English, half German: neither list has twice the other's hits.
  EXPECT_EQ(lang::FunctionWordsLanguage(std::string(kEnglish) + " " + kGerman), "");
}

TEST(ResolveLanguage, UndeclaredPagesGetTheLanguageOfTheirText) {
  EXPECT_EQ(ResolveLanguage("", kEnglish).code, "en");
  EXPECT_EQ(ResolveLanguage("", kGerman).code, "de");
  EXPECT_EQ(ResolveLanguage("", kDutch).code, "nl");  // no list: CLD2 answers
  EXPECT_FALSE(ResolveLanguage("", kEnglish).declared);
}

// End to end: the shortcut must never keep a wrong declaration.
TEST(ResolveLanguage, WrongLatinDeclarationStillLosesToTheText) {
  EXPECT_EQ(ResolveLanguage("en", kGerman).code, "de");
  EXPECT_EQ(ResolveLanguage("de-DE", kEnglish).code, "en");
  EXPECT_EQ(ResolveLanguage("de", kDutch).code, "nl");
  auto g = ResolveLanguage("en-GB", kEnglish);
  EXPECT_EQ(g.code, "en");
  EXPECT_TRUE(g.declared);
  EXPECT_EQ(ResolveLanguage("de", kGerman).code, "de");
}

}  // namespace
}  // namespace matn
