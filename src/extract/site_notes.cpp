// Notes the site appends to every article (subscribe, follow us, get the app,
// reprint terms) and the comment section's heading: both end the article,
// whatever the template calls their boxes.
//
// Every recogniser reads a short line only. The phrases that may occur
// anywhere in a line are found by one scan over its lowercased copy that
// reports all phrase groups at once (a table keyed by the first four bytes),
// so DropTrailingSiteNotes reads each line once, not once per phrase.
#include <array>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "internal.h"

namespace matn::extract {
namespace {

// Phrase groups: which recogniser a phrase belongs to.
enum : uint32_t {
  kGCall = 1u << 0,        // IsSiteNote: a call to act on the site
  kGMessenger = 1u << 1,   // IsSiteNote: a messenger's name …
  kGJoin = 1u << 2,        // … beside a word that asks to join it
  kGAd = 1u << 3,          // IsAdDisclosure: a disclosure sentence
  kGTaxonomy = 1u << 4,    // IsTaxonomyLine: WordPress's "posted in" line
  kGDisclaimer = 1u << 5,  // IsDisclaimer
  kGPaywall = 1u << 6,     // IsPaywallNote
  kGScanned = 1u << 31,    // (DropTrailingSiteNotes' memo: the line was scanned)
};

// No recogniser looks at a line this long or longer.
constexpr size_t kMaxLine = 300;

struct Phrase {
  std::string_view text;  // lowercase where ASCII; at least 4 bytes
  uint32_t group;
};

constexpr Phrase kPhrases[] = {
    // Calls to act on the site itself, in the languages of the bench and of
    // right-to-left news sites (Arabic, Persian).
    {"subscrib", kGCall}, {"newsletter", kGCall}, {"follow us", kGCall}, {"follow the", kGCall},
    {"download our", kGCall}, {"download the", kGCall}, {"sign up", kGCall}, {"written permission", kGCall},
    {"reprint", kGCall},
    {"abonnieren sie", kGCall}, {"folgen sie uns", kGCall}, {"folge uns", kGCall},  // de
    {"suscrib", kGCall}, {"suscríb", kGCall}, {"síguenos", kGCall}, {"siguenos", kGCall},
    {"únete", kGCall}, {"Únete", kGCall},                                              // es
    {"abonnez", kGCall}, {"suivez-nous", kGCall}, {"inscrivez-vous", kGCall},          // fr
    {"iscriviti", kGCall}, {"seguici", kGCall},                                        // it
    {"subskrybuj", kGCall}, {"obserwuj nas", kGCall},                                  // pl
    {"siga-nos", kGCall}, {"inscreva-se", kGCall},                                     // pt
    {"\xD8\xA7\xD8\xB4\xD8\xAA\xD8\xB1\xD9\x83", kGCall},                  // ar اشترك subscribe
    {"\xD8\xAA\xD8\xA7\xD8\xA8\xD8\xB9\xD9\x88\xD9\x86\xD8\xA7", kGCall},  // ar تابعونا follow us
    {"\xD8\xAA\xD8\xA7\xD8\xA8\xD8\xB9\xD9\x86\xD8\xA7", kGCall},          // ar تابعنا follow us
    {"\xD8\xA7\xD9\x84\xD9\x86\xD8\xB4\xD8\xB1\xD8\xA9", kGCall},          // ar النشرة newsletter
    {"\xD8\xAE\xD8\xA8\xD8\xB1\xD9\x86\xD8\xA7\xD9\x85\xD9\x87", kGCall},  // fa خبرنامه newsletter
    {"\xD8\xAF\xD9\x86\xD8\xA8\xD8\xA7\xD9\x84 \xDA\xA9\xD9\x86\xDB\x8C\xD8\xAF", kGCall},  // fa دنبال کنید follow
    // A messenger's name is news as often as it is a call ("Telegram did not
    // respond"): it marks a note only beside a word that asks to join it.
    {"telegram", kGMessenger}, {"whatsapp", kGMessenger},
    {"\xD8\xAA\xD9\x84\xDA\xAF\xD8\xB1\xD8\xA7\xD9\x85", kGMessenger},  // fa تلگرام Telegram
    {"\xD9\x88\xD8\xA7\xD8\xAA\xD8\xB3\xD8\xA7\xD9\xBE", kGMessenger},  // fa واتساپ WhatsApp
    {"channel", kGJoin}, {"join", kGJoin}, {"canal", kGJoin}, {"kanal", kGJoin},
    {"\xDA\xA9\xD8\xA7\xD9\x86\xD8\xA7\xD9\x84", kGJoin},                          // fa کانال channel
    {"\xD8\xA8\xD9\xBE\xDB\x8C\xD9\x88\xD9\x86\xD8\xAF\xDB\x8C\xD8\xAF", kGJoin},  // fa بپیوندید join
    {"\xD9\x82\xD9\x86\xD8\xA7\xD8\xA9", kGJoin},                                  // ar قناة channel
    // A disclosure sentence anywhere in the line.
    {"affiliate-link", kGAd}, {"affiliate link", kGAd}, {"enthält werbung", kGAd}, {"unbezahlte werbung", kGAd},
    {"bezahlte partnerschaft", kGAd}, {"in freundlicher zusammenarbeit", kGAd}, {"sponsored post", kGAd},
    {"contains affiliate", kGAd}, {"enlaces de afiliado", kGAd}, {"liens affiliés", kGAd},
    // WordPress's "This entry was posted in X. Bookmark the permalink." and a
    // "Category : X" after a date on the same line (not a wiki link "Kategorie:X").
    {"this entry was posted", kGTaxonomy}, {"category : ", kGTaxonomy}, {"category: ", kGTaxonomy},
    // "The views expressed are the author's…", "NOW X is not responsible for
    // the opinions of contributors", "(Alle Angaben ohne Gewähr)".
    {"not responsible for the opinions", kGDisclaimer}, {"not responsible for the content", kGDisclaimer},
    {"not necessarily reflect", kGDisclaimer}, {"not necessarily represent", kGDisclaimer},
    {"views expressed", kGDisclaimer}, {"opinions expressed", kGDisclaimer}, {"meinung des autors", kGDisclaimer},
    {"nicht notwendigerweise", kGDisclaimer}, {"ohne gewähr", kGDisclaimer},
    {"no se hace responsable", kGDisclaimer}, {"n'engage que", kGDisclaimer},
    {"\xD9\x84\xD8\xA7 \xD8\xAA\xD8\xB9\xD8\xA8\xD8\xB1 \xD8\xA8\xD8\xA7\xD9\x84\xD8\xB6\xD8\xB1\xD9\x88\xD8\xB1\xD8\xA9",
     kGDisclaimer},  // ar لا تعبر بالضرورة
    {"\xD9\x84\xD8\xB2\xD9\x88\xD9\x85\xD8\xA7 \xD8\xA8\xDB\x8C\xD8\xA7\xD9\x86\xDA\xAF\xD8\xB1",
     kGDisclaimer},  // fa لزوما بیانگر
    {"\xD9\x84\xD8\xB2\xD9\x88\xD9\x85\xD8\xA7\xD9\x8B \xD8\xA8\xDB\x8C\xD8\xA7\xD9\x86\xDA\xAF\xD8\xB1",
     kGDisclaimer},  // fa لزوماً بیانگر
    // "To view the full story, please subscribe", "Continue reading with …".
    {"to view the full story", kGPaywall}, {"to read the full story", kGPaywall},
    {"to read the full article", kGPaywall}, {"for the full story", kGPaywall}, {"continue reading", kGPaywall},
    {"already a subscriber", kGPaywall}, {"subscribe to read", kGPaywall}, {"subscribe to continue", kGPaywall},
    {"um weiterzulesen", kGPaywall}, {"weiterlesen mit", kGPaywall}, {"exklusiv für abonnenten", kGPaywall},
    {"nur für abonnenten", kGPaywall}, {"réservé aux abonnés", kGPaywall}, {"exclusivo para suscriptores", kGPaywall},
    // The same pitch for donations or membership.
    {"if you enjoyed reading this", kGPaywall}, {"if you enjoyed this", kGPaywall}, {"support our work", kGPaywall},
    {"support our journalism", kGPaywall}, {"support independent journalism", kGPaywall},
    {"become a member", kGPaywall}, {"become a patron", kGPaywall}, {"become a supporter", kGPaywall},
    {"unterstützen sie unsere arbeit", kGPaywall}, {"unterstütze unsere arbeit", kGPaywall},
    {"jetzt spenden", kGPaywall}, {"jetzt unterstützen", kGPaywall}, {"werden sie mitglied", kGPaywall},
    {"apoya nuestro periodismo", kGPaywall}, {"soutenez-nous", kGPaywall}};

constexpr size_t kNumPhrases = sizeof kPhrases / sizeof kPhrases[0];
constexpr bool AllPhrasesHaveFourBytes() {
  for (const Phrase& p : kPhrases)
    if (p.text.size() < 4) return false;
  return true;
}
static_assert(AllPhrasesHaveFourBytes(), "PhraseIndex keys on the first four bytes");

inline uint32_t Load4(const char* p) {
  uint32_t w;
  std::memcpy(&w, p, 4);
  return w;
}

// The phrases chained by a 12-bit hash of their first four bytes; most
// positions of a line fall into an empty chain.
class PhraseIndex {
 public:
  PhraseIndex() {
    for (size_t k = kNumPhrases; k-- > 0;) {  // chains keep the table's order
      uint32_t h = Hash(Load4(kPhrases[k].text.data()));
      next_[k] = head_[h];
      head_[h] = static_cast<uint8_t>(k + 1);
    }
    // Wu-Manber skips: a phrase can start at i only if the pair of bytes at
    // i+2, i+3 occurs in a phrase's first four bytes; ending at its byte q,
    // it allows a start no later than i + 3 - q.
    shift_.fill(3);
    for (const Phrase& ph : kPhrases)
      for (int q = 1; q <= 3; ++q) {
        uint8_t& s = shift_[PairHash(static_cast<unsigned char>(ph.text[q - 1]), static_cast<unsigned char>(ph.text[q]))];
        if (s > 3 - q) s = static_cast<uint8_t>(3 - q);
      }
  }

  // The groups of the phrases found in `low` (a lowercased line).
  uint32_t Find(std::string_view low) const {
    uint32_t found = 0;
    const char* p = low.data();
    const size_t n = low.size();
    for (size_t i = 0; i + 4 <= n; ++i) {
      if (const uint8_t skip = shift_[PairHash(static_cast<unsigned char>(p[i + 2]), static_cast<unsigned char>(p[i + 3]))]) {
        i += skip - 1;
        continue;
      }
      const uint32_t w = Load4(p + i);
      for (uint8_t k = head_[Hash(w)]; k; k = next_[k - 1]) {
        const Phrase& ph = kPhrases[k - 1];
        if (Load4(ph.text.data()) == w && ph.text.size() <= n - i &&
            std::memcmp(ph.text.data() + 4, p + i + 4, ph.text.size() - 4) == 0)
          found |= ph.group;
      }
    }
    return found;
  }

 private:
  static uint32_t Hash(uint32_t w) { return (w * 2654435761u) >> 20; }
  static uint32_t PairHash(unsigned char a, unsigned char b) { return ((a << 5) ^ b) & 4095; }
  std::array<uint8_t, 4096> shift_;  // by PairHash: how far the start may move (colliding pairs keep the least)
  uint8_t head_[4096] = {};  // 1 + index of the chain's first phrase; 0 for none
  uint8_t next_[kNumPhrases] = {};
  static_assert(kNumPhrases < 255);
};

// The phrase groups found in `text` (shorter than kMaxLine), ASCII-lowercased.
uint32_t FindPhrases(std::string_view text) {
  static const PhraseIndex index;
  char buf[kMaxLine];
  const size_t n = text.size() < kMaxLine ? text.size() : kMaxLine;
  size_t i = 0;
  for (; i + 8 <= n; i += 8) {  // eight bytes at once: 0x20 into the bytes 'A'..'Z'
    constexpr uint64_t k7F = 0x7F7F7F7F7F7F7F7Full, k80 = 0x8080808080808080ull;
    uint64_t x;
    std::memcpy(&x, text.data() + i, 8);
    const uint64_t low7 = x & k7F;
    const uint64_t upper = (low7 + 0x3F3F3F3F3F3F3F3Full) & ~(low7 + 0x2525252525252525ull) & ~x & k80;
    x |= upper >> 2;
    std::memcpy(buf + i, &x, 8);
  }
  for (; i < n; ++i) {
    char ch = text[i];
    buf[i] = (ch >= 'A' && ch <= 'Z') ? static_cast<char>(ch + 32) : ch;
  }
  return index.Find(std::string_view(buf, n));
}

size_t TextBlocksChars(const std::vector<Block>& b, size_t from, size_t to) {
  size_t n = 0;
  for (size_t k = from; k < to; ++k)
    if (b[k].kind != BlockKind::kImage) n += b[k].text.size();
  return n;
}

// The recognisers below take the line and its phrase groups (FindPhrases).

bool SiteNote(std::string_view text, uint32_t found) {
  // Only a short line can be a standing note; a paragraph that mentions an app
  // or a newsletter in passing is longer than this.
  if (text.size() >= 300) return false;
  return (found & kGCall) || ((found & kGMessenger) && (found & kGJoin));
}

bool AdDisclosure(std::string_view text, uint32_t found) {
  if (text.size() >= 200) return false;
  std::string_view s = text;
  // A label alone or opening the line: "Anzeige", "*Werbung.", "Advertisement".
  while (!s.empty() && (s.front() == '*' || s.front() == ' ' || s.front() == '[' || s.front() == '(')) s.remove_prefix(1);
  static constexpr std::string_view kLabels[] = {"werbung", "anzeige", "advertisement", "sponsored", "publicidad",
                                                 "publicité", "reklama"};
  for (std::string_view w : kLabels) {
    if (!StartsLower(s, w)) continue;
    std::string_view rest = s.substr(w.size());
    if (rest.empty() || std::string_view(".,:;/|*-)]").find(rest.front()) != std::string_view::npos) return true;
  }
  return (found & kGAd) != 0;
}

bool TaxonomyLine(std::string_view text, uint32_t found) {
  if (text.size() >= 300) return false;
  std::string_view s = text;
  while (!s.empty() && (s.front() == ' ' || s.front() == '#')) s.remove_prefix(1);
  // "Tags: a, b", "Themen: x y", "Filed under: z" — a label, then a colon.
  static constexpr std::string_view kLabels[] = {
      "tag", "tags", "filed under", "posted in", "category", "categories", "topics", "schlagworte", "schlagwörter",
      "stichworte", "stichwörter", "themen", "kategorie", "kategorien", "etiquetas", "categorías", "mots-clés",
      "catégories", "tagi", "kategorie wpisu", "\xD8\xA8\xD8\xB1\xDA\x86\xD8\xB3\xD8\xA8\xE2\x80\x8C\xD9\x87\xD8\xA7",  // fa برچسب‌ها
      "\xD8\xA7\xD9\x84\xD9\x88\xD8\xB3\xD9\x88\xD9\x85"};  // ar الوسوم
  for (std::string_view w : kLabels) {
    if (!StartsLower(s, w)) continue;
    std::string_view rest = s.substr(w.size());
    while (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
    if (!rest.empty() && rest.front() == ':') return true;
  }
  return (found & kGTaxonomy) != 0;
}

bool Disclaimer(std::string_view text, uint32_t found) { return text.size() < 300 && (found & kGDisclaimer); }
bool PaywallNote(std::string_view text, uint32_t found) { return text.size() < 300 && (found & kGPaywall); }

}  // namespace

bool IsSiteNote(std::string_view text) { return text.size() < 300 && SiteNote(text, FindPhrases(text)); }
bool IsAdDisclosure(std::string_view text) { return text.size() < 200 && AdDisclosure(text, FindPhrases(text)); }
bool IsTaxonomyLine(std::string_view text) { return text.size() < 300 && TaxonomyLine(text, FindPhrases(text)); }
bool IsDisclaimer(std::string_view text) { return text.size() < 300 && Disclaimer(text, FindPhrases(text)); }
bool IsPaywallNote(std::string_view text) { return text.size() < 300 && PaywallNote(text, FindPhrases(text)); }

bool IsCommentsHeading(std::string_view text) {
  // "Comments", "3 Comments", "Kommentare (12)", "Leave a Reply:".
  std::string_view s = text;
  auto junk = [](char ch) {
    return ch == ' ' || ch == ':' || ch == '(' || ch == ')' || ch == '.' || ch == '!' || (ch >= '0' && ch <= '9');
  };
  while (!s.empty() && junk(s.front())) s.remove_prefix(1);
  while (!s.empty() && junk(s.back())) s.remove_suffix(1);
  static constexpr std::string_view kWords[] = {
      "comment", "comments", "kommentar", "kommentare", "leave a reply", "leave a comment", "comentario",
      "comentarios", "commentaire", "commentaires", "komentarz", "komentarze", "reacties", "commenti",
      "\xD8\xA7\xD9\x84\xD8\xAA\xD8\xB9\xD9\x84\xD9\x8A\xD9\x82\xD8\xA7\xD8\xAA",  // ar التعليقات
      "\xD8\xAA\xD8\xB9\xD9\x84\xD9\x8A\xD9\x82\xD8\xA7\xD8\xAA",                  // ar تعليقات
      "\xD9\x86\xD8\xB8\xD8\xB1\xD8\xA7\xD8\xAA",                                  // fa نظرات
  };
  for (std::string_view w : kWords)
    if (EqualsLower(s, w)) return true;
  return false;
}

bool IsRelatedLabel(std::string_view text) {
  if (text.size() > 80) return false;
  std::string_view s = text;
  auto junk = [](char ch) { return ch == ' ' || ch == ':' || ch == '.' || ch == '!'; };
  while (!s.empty() && junk(s.back())) s.remove_suffix(1);
  if (s.size() >= 3 && s.substr(s.size() - 3) == "\xE2\x80\xA6") s.remove_suffix(3);  // "…"
  static constexpr std::string_view kLabels[] = {
      "related", "related articles", "related posts", "related stories", "read more", "read also", "also read",
      "read next", "you may also like", "you might also like", "more stories", "more news", "recommended",
      "recommended for you",
      "mehr zum thema", "mehr zu diesem thema", "mehr themen", "mehr dazu", "lesen sie auch", "schon gelesen?",
      "schon gelesen", "das könnte sie auch interessieren", "das könnte dich auch interessieren",
      "weitere artikel", "weitere beiträge", "ähnliche artikel", "Ähnliche artikel", "ähnliche beiträge",
      "Ähnliche beiträge", "auch interessant", "weiterlesen", "mehr lesen",
      "te puede interesar", "también te puede interesar", "lee también", "leer más",
      "lire aussi", "à lire aussi", "À lire aussi", "czytaj też", "czytaj także", "zobacz też",
      // Lists of other stories: "latest", "most read", "see also".
      "latest articles", "latest news", "latest stories", "most read", "most popular", "top stories", "trending",
      "trending now", "more on this story", "see also", "other articles", "other stories",
      "neueste artikel", "neueste beiträge", "meistgelesen", "meistgelesene artikel", "weitere nachrichten",
      "weitere themen", "ähnliche themen", "Ähnliche themen", "passend zum thema", "dazu passend", "siehe auch",
      "andere artikel", "lo más leído", "más noticias", "últimas noticias", "les plus lus", "à lire également",
      "À lire également", "najczęściej czytane", "zobacz także",
      "\xD9\xBE\xD8\xB1\xD8\xA8\xD8\xA7\xD8\xB2\xD8\xAF\xDB\x8C\xD8\xAF\xD8\xAA\xD8\xB1\xDB\x8C\xD9\x86",  // fa پربازدیدترین
      "\xD8\xA2\xD8\xAE\xD8\xB1\xDB\x8C\xD9\x86 \xD8\xA7\xD8\xAE\xD8\xA8\xD8\xA7\xD8\xB1",  // fa آخرین اخبار
      "\xD9\x87\xD9\x85\xDA\x86\xD9\x86\xDB\x8C\xD9\x86 \xD8\xA8\xD8\xAE\xD9\x88\xD8\xA7\xD9\x86\xDB\x8C\xD8\xAF",  // fa همچنین بخوانید
      "\xD8\xA7\xD9\x84\xD8\xA3\xD9\x83\xD8\xAB\xD8\xB1 \xD9\x82\xD8\xB1\xD8\xA7\xD8\xA1\xD8\xA9",  // ar الأكثر قراءة
      "\xD8\xA2\xD8\xAE\xD8\xB1 \xD8\xA7\xD9\x84\xD8\xA3\xD8\xAE\xD8\xA8\xD8\xA7\xD8\xB1",  // ar آخر الأخبار
      "\xD8\xA7\xD9\x82\xD8\xB1\xD8\xA3 \xD8\xA3\xD9\x8A\xD8\xB6\xD8\xA7\xD9\x8B",  // ar اقرأ أيضاً
      "\xD9\x85\xD8\xB7\xD8\xA7\xD9\x84\xD8\xA8 \xD9\x85\xD8\xB1\xD8\xAA\xD8\xA8\xD8\xB7",  // fa مطالب مرتبط
      "\xD8\xA7\xD8\xAE\xD8\xA8\xD8\xA7\xD8\xB1 \xD9\x85\xD8\xB1\xD8\xAA\xD8\xA8\xD8\xB7",  // fa اخبار مرتبط
      "\xD8\xA8\xDB\x8C\xD8\xB4\xD8\xAA\xD8\xB1 \xD8\xA8\xD8\xAE\xD9\x88\xD8\xA7\xD9\x86\xDB\x8C\xD8\xAF",  // fa بیشتر بخوانید
      "\xD9\x85\xD9\x82\xD8\xA7\xD9\x84\xD8\xA7\xD8\xAA \xD8\xB0\xD8\xA7\xD8\xAA \xD8\xB5\xD9\x84\xD8\xA9",  // ar مقالات ذات صلة
      "\xD8\xA3\xD8\xAE\xD8\xA8\xD8\xA7\xD8\xB1 \xD8\xB0\xD8\xA7\xD8\xAA \xD8\xB5\xD9\x84\xD8\xA9",  // ar أخبار ذات صلة
      "\xD8\xA7\xD9\x82\xD8\xB1\xD8\xA3 \xD8\xA3\xD9\x8A\xD8\xB6\xD8\xA7",  // ar اقرأ أيضا
  };
  for (std::string_view w : kLabels)
    if (EqualsLower(s, w)) return true;
  return false;
}

bool IsCaptionLine(std::string_view text) {
  if (text.size() >= 250) return false;
  std::string_view s = text;
  // "Abbildung 4: …", "Figure 2. …", "Abb. 3: …": a numbered figure's caption.
  static constexpr std::string_view kFigure[] = {"abbildung", "abb.", "figure", "fig.", "bild", "grafik", "tabelle",
                                                 "figura", "ilustración", "rysunek", "rys."};
  for (std::string_view w : kFigure) {
    if (!StartsLower(s, w)) continue;
    std::string_view rest = s.substr(w.size());
    while (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
    size_t digits = 0;
    while (digits < rest.size() && rest[digits] >= '0' && rest[digits] <= '9') ++digits;
    if (digits == 0) continue;
    rest.remove_prefix(digits);
    if (!rest.empty() && Lower(rest.front()) >= 'a' && Lower(rest.front()) <= 'z') rest.remove_prefix(1);  // "3b"
    if (!rest.empty() && (rest.front() == ':' || rest.front() == '.')) return true;
  }
  // "… im Überblick. (Foto: Getty)": a line that ends in its picture credit.
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  if (s.empty() || s.back() != ')') return false;
  size_t open = s.rfind('(');
  if (open == std::string_view::npos || s.size() - open > 70) return false;
  std::string_view inner = s.substr(open + 1);
  while (!inner.empty() && inner.front() == ' ') inner.remove_prefix(1);
  static constexpr std::string_view kCredit[] = {"foto:", "fotos:", "photo:", "photos:", "bild:", "bildquelle:",
                                                 "quelle:", "source:", "credit:", "crédito:", "image:"};
  for (std::string_view w : kCredit)
    if (StartsLower(inner, w)) return true;
  return false;
}

void DropTrailingSiteNotes(std::vector<Block>* blocks) {
  std::vector<Block>& b = *blocks;
  // The phrase groups of each short line, found once (kGScanned: known).
  std::vector<uint32_t> found(b.size(), 0);
  auto phrases = [&](size_t k) {
    if (!(found[k] & kGScanned)) found[k] = kGScanned | (b[k].text.size() < kMaxLine ? FindPhrases(b[k].text) : 0);
    return found[k];
  };
  // Advertising labels and disclosures, disclaimers, above or below the
  // text: the site speaks to the reader about the page; not the article.
  size_t kept = 0;
  for (size_t k = 0; k < b.size(); ++k) {
    if (b.size() > 1 && b[k].kind != BlockKind::kImage && b[k].kind != BlockKind::kTableRow &&
        b[k].text.size() < 300 && (AdDisclosure(b[k].text, phrases(k)) || Disclaimer(b[k].text, phrases(k))))
      continue;
    if (kept != k) {
      b[kept] = std::move(b[k]);
      found[kept] = found[k];
    }
    ++kept;
  }
  b.resize(kept);
  found.resize(kept);
  auto drop_trailing = [&] {
    while (b.size() > 1 && b.back().kind != BlockKind::kImage && b.back().kind != BlockKind::kTableRow &&
           b.back().text.size() < 300 &&
           (SiteNote(b.back().text, phrases(b.size() - 1)) || TaxonomyLine(b.back().text, phrases(b.size() - 1)))) {
      b.pop_back();
      found.pop_back();
    }
  };
  drop_trailing();  // before measuring "the second half", and again after a cut
  // A comments heading in the second half of the text: the discussion (or
  // the ads the template puts where it would load) follows, not the article.
  size_t total = TextBlocksChars(b, 0, b.size()), seen = 0;
  for (size_t k = 0; k < b.size(); ++k) {
    if (k > 0 && seen * 2 > total) {
      // So does a "Related" / "Mehr zum Thema" label: teasers follow it.
      bool cut = b[k].kind == BlockKind::kHeading && IsCommentsHeading(b[k].text);
      cut = cut || (b[k].kind != BlockKind::kImage && IsRelatedLabel(b[k].text));
      // And a paywall's pitch: the offer and the perks below it are not the article.
      cut = cut || (b[k].kind != BlockKind::kImage && b[k].text.size() < 300 && PaywallNote(b[k].text, phrases(k)));
      if (cut) {
        b.resize(k);
        found.resize(k);
        break;
      }
    }
    if (b[k].kind != BlockKind::kImage) seen += b[k].text.size();
  }
  drop_trailing();
}

}  // namespace matn::extract
