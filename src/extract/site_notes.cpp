// Notes the site appends to every article (subscribe, follow us, get the app,
// reprint terms) and the comment section's heading: both end the article,
// whatever the template calls their boxes.
#include <string>
#include <string_view>
#include <vector>

#include "internal.h"

namespace matn::extract {
namespace {

std::string LowerAscii(std::string_view s) {
  std::string out(s);
  for (char& ch : out)
    if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch + 32);
  return out;
}

bool Contains(std::string_view hay, std::string_view needle) { return hay.find(needle) != std::string_view::npos; }

size_t TextBlocksChars(const std::vector<Block>& b, size_t from, size_t to) {
  size_t n = 0;
  for (size_t k = from; k < to; ++k)
    if (b[k].kind != BlockKind::kImage) n += b[k].text.size();
  return n;
}

}  // namespace

bool IsSiteNote(std::string_view text) {
  // Only a short line can be a standing note; a paragraph that mentions an app
  // or a newsletter in passing is longer than this.
  if (text.size() >= 300) return false;
  // Calls to act on the site itself, in the languages of the bench and of
  // right-to-left news sites (Arabic, Persian).
  static constexpr std::string_view kCalls[] = {
      "subscrib", "newsletter", "follow us", "follow the", "download our", "download the",
      "sign up", "written permission", "reprint",
      "abonnieren sie", "folgen sie uns", "folge uns",                        // de
      "suscrib", "suscríb", "síguenos", "siguenos", "únete", "Únete",          // es
      "abonnez", "suivez-nous", "inscrivez-vous",                              // fr
      "iscriviti", "seguici",                                                  // it
      "subskrybuj", "obserwuj nas",                                            // pl
      "siga-nos", "inscreva-se",                                               // pt
      "\xD8\xA7\xD8\xB4\xD8\xAA\xD8\xB1\xD9\x83",                              // ar اشترك subscribe
      "\xD8\xAA\xD8\xA7\xD8\xA8\xD8\xB9\xD9\x88\xD9\x86\xD8\xA7",              // ar تابعونا follow us
      "\xD8\xAA\xD8\xA7\xD8\xA8\xD8\xB9\xD9\x86\xD8\xA7",                      // ar تابعنا follow us
      "\xD8\xA7\xD9\x84\xD9\x86\xD8\xB4\xD8\xB1\xD8\xA9",                      // ar النشرة newsletter
      "\xD8\xAE\xD8\xA8\xD8\xB1\xD9\x86\xD8\xA7\xD9\x85\xD9\x87",              // fa خبرنامه newsletter
      "\xD8\xAF\xD9\x86\xD8\xA8\xD8\xA7\xD9\x84 \xDA\xA9\xD9\x86\xDB\x8C\xD8\xAF",  // fa دنبال کنید follow
  };
  std::string low = LowerAscii(text);
  for (std::string_view w : kCalls)
    if (Contains(low, w)) return true;
  // A messenger's name is news as often as it is a call ("Telegram did not
  // respond"): it marks a note only beside a word that asks to join it.
  static constexpr std::string_view kMessengers[] = {
      "telegram", "whatsapp",
      "\xD8\xAA\xD9\x84\xDA\xAF\xD8\xB1\xD8\xA7\xD9\x85",  // fa تلگرام Telegram
      "\xD9\x88\xD8\xA7\xD8\xAA\xD8\xB3\xD8\xA7\xD9\xBE",  // fa واتساپ WhatsApp
  };
  static constexpr std::string_view kJoinWords[] = {
      "channel", "join", "canal", "kanal",
      "\xDA\xA9\xD8\xA7\xD9\x86\xD8\xA7\xD9\x84",              // fa کانال channel
      "\xD8\xA8\xD9\xBE\xDB\x8C\xD9\x88\xD9\x86\xD8\xAF\xDB\x8C\xD8\xAF",  // fa بپیوندید join
      "\xD9\x82\xD9\x86\xD8\xA7\xD8\xA9",                      // ar قناة channel
  };
  for (std::string_view m : kMessengers)
    if (Contains(low, m))
      for (std::string_view w : kJoinWords)
        if (Contains(low, w)) return true;
  return false;
}

bool IsCommentsHeading(std::string_view text) {
  // "Comments", "3 Comments", "Kommentare (12)", "Leave a Reply:".
  std::string low = LowerAscii(text);
  std::string_view s = low;
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
    if (s == w) return true;
  return false;
}

bool IsRelatedLabel(std::string_view text) {
  if (text.size() > 80) return false;
  std::string low = LowerAscii(text);
  std::string_view s = low;
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
    if (s == w) return true;
  return false;
}

bool IsAdDisclosure(std::string_view text) {
  if (text.size() >= 200) return false;
  std::string low = LowerAscii(text);
  std::string_view s = low;
  // A label alone or opening the line: "Anzeige", "*Werbung.", "Advertisement".
  while (!s.empty() && (s.front() == '*' || s.front() == ' ' || s.front() == '[' || s.front() == '(')) s.remove_prefix(1);
  static constexpr std::string_view kLabels[] = {"werbung", "anzeige", "advertisement", "sponsored", "publicidad",
                                                 "publicité", "reklama"};
  for (std::string_view w : kLabels) {
    if (s.substr(0, w.size()) != w) continue;
    std::string_view rest = s.substr(w.size());
    if (rest.empty() || std::string_view(".,:;/|*-)]").find(rest.front()) != std::string_view::npos) return true;
  }
  // A disclosure sentence anywhere in the line.
  static constexpr std::string_view kPhrases[] = {
      "affiliate-link", "affiliate link", "enthält werbung", "unbezahlte werbung", "bezahlte partnerschaft",
      "in freundlicher zusammenarbeit", "sponsored post", "contains affiliate", "enlaces de afiliado",
      "liens affiliés"};
  for (std::string_view w : kPhrases)
    if (Contains(low, w)) return true;
  return false;
}

bool IsTaxonomyLine(std::string_view text) {
  if (text.size() >= 300) return false;
  std::string low = LowerAscii(text);
  std::string_view s = low;
  while (!s.empty() && (s.front() == ' ' || s.front() == '#')) s.remove_prefix(1);
  // "Tags: a, b", "Themen: x y", "Filed under: z" — a label, then a colon.
  static constexpr std::string_view kLabels[] = {
      "tag", "tags", "filed under", "posted in", "category", "categories", "topics", "schlagworte", "schlagwörter",
      "stichworte", "stichwörter", "themen", "kategorie", "kategorien", "etiquetas", "categorías", "mots-clés",
      "catégories", "tagi", "kategorie wpisu", "\xD8\xA8\xD8\xB1\xDA\x86\xD8\xB3\xD8\xA8\xE2\x80\x8C\xD9\x87\xD8\xA7",  // fa برچسب‌ها
      "\xD8\xA7\xD9\x84\xD9\x88\xD8\xB3\xD9\x88\xD9\x85"};  // ar الوسوم
  for (std::string_view w : kLabels) {
    if (s.substr(0, w.size()) != w) continue;
    std::string_view rest = s.substr(w.size());
    while (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
    if (!rest.empty() && rest.front() == ':') return true;
  }
  // WordPress's "This entry was posted in X. Bookmark the permalink." and a
  // "Category : X" after a date on the same line (not a wiki link "Kategorie:X").
  return Contains(low, "this entry was posted") || Contains(low, "category : ") || Contains(low, "category: ");
}

bool IsDisclaimer(std::string_view text) {
  if (text.size() >= 300) return false;
  std::string low = LowerAscii(text);
  // "The views expressed are the author's…", "NOW X is not responsible for
  // the opinions of contributors", "(Alle Angaben ohne Gewähr)".
  static constexpr std::string_view kPhrases[] = {
      "not responsible for the opinions", "not responsible for the content", "not necessarily reflect",
      "not necessarily represent", "views expressed", "opinions expressed", "meinung des autors",
      "nicht notwendigerweise", "ohne gewähr", "no se hace responsable", "n'engage que",
      "\xD9\x84\xD8\xA7 \xD8\xAA\xD8\xB9\xD8\xA8\xD8\xB1 \xD8\xA8\xD8\xA7\xD9\x84\xD8\xB6\xD8\xB1\xD9\x88\xD8\xB1\xD8\xA9",  // ar لا تعبر بالضرورة
      "\xD9\x84\xD8\xB2\xD9\x88\xD9\x85\xD8\xA7 \xD8\xA8\xDB\x8C\xD8\xA7\xD9\x86\xDA\xAF\xD8\xB1",  // fa لزوما بیانگر
      "\xD9\x84\xD8\xB2\xD9\x88\xD9\x85\xD8\xA7\xD9\x8B \xD8\xA8\xDB\x8C\xD8\xA7\xD9\x86\xDA\xAF\xD8\xB1",  // fa لزوماً بیانگر
  };
  for (std::string_view w : kPhrases)
    if (Contains(low, w)) return true;
  return false;
}

bool IsCaptionLine(std::string_view text) {
  if (text.size() >= 250) return false;
  std::string low = LowerAscii(text);
  std::string_view s = low;
  // "Abbildung 4: …", "Figure 2. …", "Abb. 3: …": a numbered figure's caption.
  static constexpr std::string_view kFigure[] = {"abbildung", "abb.", "figure", "fig.", "bild", "grafik", "tabelle",
                                                 "figura", "ilustración", "rysunek", "rys."};
  for (std::string_view w : kFigure) {
    if (s.substr(0, w.size()) != w) continue;
    std::string_view rest = s.substr(w.size());
    while (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
    size_t digits = 0;
    while (digits < rest.size() && rest[digits] >= '0' && rest[digits] <= '9') ++digits;
    if (digits == 0) continue;
    rest.remove_prefix(digits);
    if (!rest.empty() && rest.front() >= 'a' && rest.front() <= 'z') rest.remove_prefix(1);  // "3b"
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
    if (inner.substr(0, w.size()) == w) return true;
  return false;
}

bool IsPaywallNote(std::string_view text) {
  if (text.size() >= 300) return false;
  std::string low = LowerAscii(text);
  static constexpr std::string_view kPhrases[] = {
      "to view the full story", "to read the full story", "to read the full article", "for the full story",
      "continue reading", "already a subscriber", "subscribe to read", "subscribe to continue", "um weiterzulesen",
      "weiterlesen mit", "exklusiv für abonnenten", "nur für abonnenten", "réservé aux abonnés",
      "exclusivo para suscriptores",
      // The same pitch for donations or membership.
      "if you enjoyed reading this", "if you enjoyed this", "support our work", "support our journalism",
      "support independent journalism", "become a member", "become a patron", "become a supporter",
      "unterstützen sie unsere arbeit", "unterstütze unsere arbeit", "jetzt spenden", "jetzt unterstützen",
      "werden sie mitglied", "apoya nuestro periodismo", "soutenez-nous"};
  for (std::string_view w : kPhrases)
    if (Contains(low, w)) return true;
  return false;
}

void DropTrailingSiteNotes(std::vector<Block>* blocks) {
  std::vector<Block>& b = *blocks;
  // Advertising labels and disclosures, disclaimers, above or below the
  // text: the site speaks to the reader about the page; not the article.
  size_t kept = 0;
  for (size_t k = 0; k < b.size(); ++k) {
    if (b.size() > 1 && b[k].kind != BlockKind::kImage && b[k].kind != BlockKind::kTableRow &&
        (IsAdDisclosure(b[k].text) || IsDisclaimer(b[k].text)))
      continue;
    if (kept != k) b[kept] = std::move(b[k]);
    ++kept;
  }
  b.resize(kept);
  auto drop_trailing = [&b] {
    while (b.size() > 1 && b.back().kind != BlockKind::kImage && b.back().kind != BlockKind::kTableRow &&
           (IsSiteNote(b.back().text) || IsTaxonomyLine(b.back().text)))
      b.pop_back();
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
      cut = cut || (b[k].kind != BlockKind::kImage && IsPaywallNote(b[k].text));
      if (cut) {
        b.resize(k);
        break;
      }
    }
    if (b[k].kind != BlockKind::kImage) seen += b[k].text.size();
  }
  drop_trailing();
}

}  // namespace matn::extract
