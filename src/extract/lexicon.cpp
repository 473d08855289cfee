// Class/id/role tokens → content or boilerplate categories.
//
// A class name is split into tokens on '-', '_', ':', '.', digits and camelCase
// boundaries ("shareButtons" → share, buttons; "post__content" → post,
// content), lowercased, and each token looked up in one table of common web
// vocabulary (English plus the German, French, Spanish, Portuguese and Italian
// words sites use in their templates). No whole class name of any one site is
// listed: only words.
#include "extract/lexicon.h"
#include "html/value_memo.h"

#include <algorithm>
#include <array>
#include <cstring>
#include <string>

namespace matn::extract {
namespace {

struct Entry {
  const char* word;
  uint32_t cats;
  bool prefix;  // also matches tokens that start with `word` ("comment" → "commentlist")
};

constexpr Entry kWords[] = {
    // content
    {"article", kCatContent, true},  // articles, articlebody
    {"artikel", kCatContent, true},
    {"articolo", kCatContent, false},
    {"articulo", kCatContent, false},
    {"beitrag", kCatContent, false},
    {"body", kCatContent, false},
    {"bodytext", kCatContent, false},
    {"content", kCatContent, true},  // contents, contentbody
    {"contenido", kCatContent, false},
    {"contenu", kCatContent, false},
    {"conteudo", kCatContent, false},
    {"contenuto", kCatContent, false},
    {"entry", kCatContent, false},
    {"hentry", kCatContent, false},
    {"inhalt", kCatContent, false},
    {"main", kCatContent, false},
    {"materia", kCatContent, false},
    {"noticia", kCatContent, false},
    {"post", kCatContent, false},
    {"postbody", kCatContent, false},
    {"prose", kCatContent, false},
    {"richtext", kCatContent, false},
    {"rte", kCatContent, false},
    {"story", kCatContent, false},
    {"storybody", kCatContent, false},
    {"text", kCatContent, false},
    {"texte", kCatContent, false},
    {"testo", kCatContent, false},
    {"wysiwyg", kCatContent, false},
    // navigation
    {"breadcrumb", kCatNav, true},
    {"brotkrumen", kCatNav, false},
    {"menu", kCatNav, true},  // menus, menubar, menuitem
    {"nav", kCatNav, false},
    {"navbar", kCatNav, false},
    {"navi", kCatNav, false},
    {"navigation", kCatNav, false},
    {"pager", kCatNav, false},
    {"pagination", kCatNav, false},
    {"paging", kCatNav, false},
    {"skip", kCatNav, false},
    {"skiplink", kCatNav, true},
    {"sitemap", kCatNav, false},
    {"toolbar", kCatNav, false},
    {"topbar", kCatNav, false},
    {"jump", kCatNav, false},
    // footer / header
    {"colophon", kCatFooter, false},
    {"copyright", kCatFooter, false},
    {"licence", kCatFooter, false},  // reuse terms under the text
    {"license", kCatFooter, false},
    {"foot", kCatFooter, false},
    {"footer", kCatFooter, true},
    {"footnote", 0, false},  // not a footer
    {"fusszeile", kCatFooter, false},
    {"header", kCatHeader, false},
    {"masthead", kCatHeader, false},
    {"banner", kCatHeader | kCatAds, false},
    // sidebars and widgets
    {"aside", kCatSidebar, false},
    {"rail", kCatSidebar, false},
    {"sidebar", kCatSidebar, true},
    {"sidebox", kCatSidebar, false},
    {"sidenav", kCatNav, false},
    {"seitenleiste", kCatSidebar, false},
    // Page builders call every content block a "widget": not evidence alone.
    {"widget", 0, true},
    {"skyscraper", kCatAds, false},
    // sharing and social
    {"addthis", kCatShare, false},
    {"addtoany", kCatShare, false},
    {"bookmark", kCatShare, true},
    {"compartilhar", kCatShare, false},
    {"compartir", kCatShare, false},
    {"condividi", kCatShare, false},
    {"facebook", kCatShare, false},
    {"follow", kCatShare, false},
    {"linkedin", kCatShare, false},
    {"partage", kCatShare, true},
    {"pinterest", kCatShare, false},
    {"reddit", kCatShare, false},
    // "share" is not a prefix: "shared", "shareholder" are content words.
    {"share", kCatShare, false},
    {"sharebar", kCatShare, false},
    {"sharebox", kCatShare, false},
    {"sharebuttons", kCatShare, false},
    {"sharelinks", kCatShare, false},
    {"sharer", kCatShare, false},
    {"shares", kCatShare, false},
    {"sharethis", kCatShare, false},
    {"sharetools", kCatShare, false},
    {"sharing", kCatShare, false},
    {"sns", kCatShare, false},
    {"social", kCatShare, true},
    {"sociable", kCatShare, false},
    {"teilen", kCatShare, false},
    {"telegram", kCatShare, false},
    {"tweet", kCatShare, false},
    {"twitter", kCatShare, false},
    {"whatsapp", kCatShare, false},
    // related, recommended, teasers
    {"correlati", kCatRelated, false},
    {"latest", kCatRelated, false},
    {"more", kCatRelated, false},
    {"mostread", kCatRelated, false},
    {"outbrain", kCatRelated | kCatAds, false},
    {"popular", kCatRelated, false},
    {"recommend", kCatRelated, true},  // recommended, recommendations
    {"recent", kCatRelated, false},
    {"relacionadas", kCatRelated, false},
    {"relacionados", kCatRelated, false},
    {"related", kCatRelated, true},  // relatedposts
    {"taboola", kCatRelated | kCatAds, false},
    {"trending", kCatRelated, false},
    {"verwandt", kCatRelated, false},
    {"weitere", kCatRelated, false},
    // ads and promotion
    {"ad", kCatAds, false},
    {"adblock", kCatAds, false},
    {"ads", kCatAds, false},
    {"adsense", kCatAds, false},
    {"adslot", kCatAds, false},
    {"adv", kCatAds, false},
    {"advert", kCatAds, true},  // advertisement, advertising
    {"affiliate", kCatAds, false},
    {"anzeige", kCatAds, true},
    {"commercial", kCatAds, false},
    {"dfp", kCatAds, false},
    {"publicidad", kCatAds, false},
    {"publicite", kCatAds, false},
    {"pubblicita", kCatAds, false},
    {"promo", kCatAds, true},  // promotion, promoted
    {"sponsor", kCatAds, true},
    {"werbung", kCatAds, false},
    // comments
    // "comment" is not a prefix: "commentary" is an article genre.
    {"comment", kCatComment, false},
    {"commentbox", kCatComment, false},
    {"commentform", kCatComment, false},
    {"commenting", kCatComment, false},
    {"commentlist", kCatComment, false},
    {"comments", kCatComment, false},
    {"commentsection", kCatComment, false},
    {"commentaire", kCatComment, true},
    {"commenti", kCatComment, false},
    {"comentario", kCatComment, true},
    {"disqus", kCatComment, false},
    {"discussion", kCatComment, false},
    {"kommentar", kCatComment, true},
    {"replies", kCatComment, false},
    {"respond", kCatComment, false},
    // cookie notices
    {"consent", kCatCookie, false},
    {"cookie", kCatCookie, true},
    {"gdpr", kCatCookie, false},
    // metadata lines
    {"author", kCatMeta, true},
    {"autor", kCatMeta, false},
    {"byline", kCatMeta, false},
    {"category", kCatMeta, false},
    {"categories", kCatMeta, false},
    {"date", kCatMeta, false},
    {"dateline", kCatMeta, false},
    {"keywords", kCatMeta, false},
    {"meta", kCatMeta, false},
    {"posted", kCatMeta, false},
    {"pubdate", kCatMeta, false},
    {"published", kCatMeta, false},
    {"updated", kCatMeta, false},
    {"tag", kCatMeta, false},
    {"tags", kCatMeta, false},
    {"tagcloud", kCatMeta, false},
    {"timestamp", kCatMeta, false},
    // misc non-content
    {"alert", kCatMisc, false},
    {"cta", kCatMisc, false},
    {"bio", kCatMisc, false},  // the author's box under the text ("mini-bio", "author-bio")
    {"biography", kCatMisc, false},
    {"disclosure", kCatMisc, false},  // affiliate/advertising disclosures         // call-to-action boxes ("subscribe", "write to us")
    {"disclaimer", kCatMisc, false},  // "the views expressed…", advertising notes
    {"btn", kCatMisc, false},
    {"button", kCatMisc, true},
    {"login", kCatMisc, false},
    {"logo", kCatMisc, false},
    {"modal", kCatMisc, false},
    {"newsletter", kCatMisc, false},
    {"overlay", kCatMisc, false},
    {"paywall", 0, false},  // often wraps the article itself
    {"popup", kCatMisc, false},
    {"print", 0, false},
    {"rss", kCatMisc, false},
    {"search", kCatMisc, false},
    {"signin", kCatMisc, false},
    {"signup", kCatMisc, false},
    {"subscribe", kCatMisc, false},
    {"subscription", kCatMisc, false},
    {"tooltip", kCatMisc, false},
    // captions
    {"caption", kCatCaption, false},
    {"credit", kCatCaption, true},
};

// Exact words in an open-addressing hash table (most tokens are not in the
// lexicon, and a miss ends at the first empty slot); the few prefix words per
// first letter, longest first, since a token takes its longest prefix word.
constexpr size_t kSlots = 1024;  // power of two, > 4x the words: short probe runs

inline uint32_t HashWord(const char* p, size_t n) {
  uint32_t h = 2166136261u;
  for (size_t i = 0; i < n; ++i) h = (h ^ static_cast<unsigned char>(p[i])) * 16777619u;
  return h;
}

struct Table {
  struct Slot {
    const char* word = nullptr;
    uint32_t len = 0;
    uint32_t cats = 0;
  };
  Slot slots[kSlots];
  // Prefix words by first letter ('a'..'z'), longest first.
  struct Prefix {
    std::string_view word;
    uint32_t cats;
  };
  std::array<std::array<Prefix, 8>, 26> prefixes{};
  std::array<uint8_t, 26> num_prefixes{};
  Table() {
    for (const Entry& e : kWords) {
      size_t n = std::strlen(e.word);
      for (uint32_t h = HashWord(e.word, n) & (kSlots - 1);; h = (h + 1) & (kSlots - 1)) {
        if (!slots[h].word) {
          slots[h] = Slot{e.word, static_cast<uint32_t>(n), e.cats};
          break;
        }
      }
      if (e.prefix) {
        int l = e.word[0] - 'a';
        auto& list = prefixes[l];
        uint8_t& k = num_prefixes[l];
        list[k++] = Prefix{std::string_view(e.word, n), e.cats};
        std::sort(list.begin(), list.begin() + k,
                  [](const Prefix& a, const Prefix& b) { return a.word.size() > b.word.size(); });
      }
    }
  }
};

const Table& GetTable() {
  static const Table t;
  return t;
}

// `tok` is lowercase ASCII letters (ClassifyName's tokens).
uint32_t LookupToken(std::string_view tok) {
  if (tok.size() < 2 || tok.size() > 24) return 0;
  const Table& t = GetTable();
  for (uint32_t h = HashWord(tok.data(), tok.size()) & (kSlots - 1);; h = (h + 1) & (kSlots - 1)) {
    const Table::Slot& s = t.slots[h];
    if (!s.word) break;
    if (s.len == tok.size() && std::memcmp(s.word, tok.data(), tok.size()) == 0) return s.cats;
  }
  if (tok[0] < 'a' || tok[0] > 'z') return 0;
  int l = tok[0] - 'a';
  for (uint8_t k = 0; k < t.num_prefixes[l]; ++k) {
    std::string_view w = t.prefixes[l][k].word;
    if (w.size() < tok.size() && std::memcmp(w.data(), tok.data(), w.size()) == 0) return t.prefixes[l][k].cats;
  }
  return 0;
}

char Lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c; }
bool IsUpper(char c) { return c >= 'A' && c <= 'Z'; }
bool IsLowerOrDigit(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); }
bool IsAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

bool EqualsLower(std::string_view s, std::string_view lower) {
  if (s.size() != lower.size()) return false;
  for (size_t i = 0; i < s.size(); ++i)
    if (Lower(s[i]) != lower[i]) return false;
  return true;
}

bool StartsLower(std::string_view s, std::string_view lower) {
  return s.size() >= lower.size() && EqualsLower(s.substr(0, lower.size()), lower);
}

// Utility classes that hide an element, from common CSS frameworks.
bool IsHidingClass(std::string_view name) {
  static constexpr std::string_view kNames[] = {
      "hidden",         "hide",          "invisible",          "d-none",
      "sr-only",        "visually-hidden", "visuallyhidden",   "screen-reader-text",
      "screen-reader-only", "screenreader-only", "element-invisible", "is-hidden",
      "u-hidden",       "offscreen",     "hidden-visually",    "a11y-hidden",
  };
  static constexpr uint64_t kLengths = [] {  // bit n: some name has n bytes
    uint64_t m = 0;
    for (auto h : kNames) m |= 1ull << h.size();
    return m;
  }();
  if (name.size() >= 64 || !((kLengths >> name.size()) & 1)) return false;
  for (auto h : kNames)
    if (EqualsLower(name, h)) return true;
  return false;
}

bool IsNoPrintClass(std::string_view name) {
  static constexpr std::string_view kNames[] = {"noprint", "no-print", "d-print-none", "hidden-print",
                                                "print-hidden", "print-none", "not-print"};
  static constexpr uint64_t kLengths = [] {  // bit n: some name has n bytes
    uint64_t m = 0;
    for (auto h : kNames) m |= 1ull << h.size();
    return m;
  }();
  if (name.size() >= 64 || !((kLengths >> name.size()) & 1)) return false;
  for (auto h : kNames)
    if (EqualsLower(name, h)) return true;
  return false;
}

// Adds the categories of one class name or id.
void ClassifyName(std::string_view name, uint32_t* cats) {
  if (name.empty() || name.size() > 80) return;
  if (IsHidingClass(name)) {
    *cats |= kCatHidden;
    return;
  }
  if (IsNoPrintClass(name)) {
    *cats |= kCatNoPrint;
    return;
  }
  // BEM modifiers ("section--ads", "teaser--large") qualify the element named
  // before them; the element name says what it is.
  if (size_t mod = name.find("--"); mod != std::string_view::npos && mod > 0) name = name.substr(0, mod);
  // State/modifier names describe the page, not the element: "has-sidebar", "no-comments".
  switch (Lower(name[0])) {  // the first letters of these prefixes
    case 'h': case 'n': case 'w': case 's': case 'i': case 'j':
      for (std::string_view p : {"has-", "no-", "with-", "without-", "show-", "is-", "js-", "hide-"})
        if (StartsLower(name, p)) return;
      break;
    default: break;
  }
  char buf[32];
  size_t len = 0;
  uint32_t name_cats = 0;
  auto flush = [&] {
    if (len) name_cats |= LookupToken(std::string_view(buf, len));
    len = 0;
  };
  for (size_t i = 0; i < name.size(); ++i) {
    char c = name[i];
    if (!IsAlpha(c)) {
      flush();
      continue;
    }
    // camelCase boundary: lower→Upper ("shareBar"), or the last capital of a run ("URLList").
    if (IsUpper(c) && len > 0 && i > 0 &&
        (IsLowerOrDigit(name[i - 1]) || (i + 1 < name.size() && name[i + 1] >= 'a' && name[i + 1] <= 'z' &&
                                         IsUpper(name[i - 1]))))
      flush();
    if (len < sizeof buf) buf[len++] = Lower(c);
    else len = sizeof buf;  // too long to be a word: poison it (never matches, since > 24)
  }
  flush();
  // In a compound name the content word is usually a namespace ("entry-author",
  // "article-footer", "post-meta", "sidebar-content"): any other word wins.
  if ((name_cats & kCatContent) && (name_cats & ~kCatContent)) name_cats &= ~kCatContent;
  *cats |= name_cats;
}

uint32_t ClassifyNameCached(std::string_view name);

void ClassifyList(std::string_view v, uint32_t* cats) {
  size_t i = 0;
  while (i < v.size()) {
    while (i < v.size() && (v[i] == ' ' || v[i] == '\t' || v[i] == '\n' || v[i] == '\r' || v[i] == '\f')) ++i;
    size_t j = i;
    // 8 bytes at once while none is <= ' ' (every separator is): SWAR "has a byte < 0x21".
    while (j + 8 <= v.size()) {
      uint64_t x;
      std::memcpy(&x, v.data() + j, 8);
      if ((x - 0x2121212121212121ULL) & ~x & 0x8080808080808080ULL) break;
      j += 8;
    }
    while (j < v.size() && !(v[j] == ' ' || v[j] == '\t' || v[j] == '\n' || v[j] == '\r' || v[j] == '\f')) ++j;
    if (j > i) *cats |= ClassifyNameCached(v.substr(i, j - i));
    i = j;
  }
}

// Class attributes and class names repeat across a page's elements: their
// categories are remembered per thread (html/value_memo.h).
using ClassCache = html::ValueMemo;

uint32_t ClassifyNameCached(std::string_view name) {
  thread_local ClassCache cache;
  return cache.Get(name, [](std::string_view v) {
    uint32_t c = 0;
    ClassifyName(v, &c);
    return c;
  });
}

uint32_t ClassifyClassAttr(std::string_view v) {
  thread_local ClassCache cache;
  return cache.Get(v, [](std::string_view x) {
    uint32_t c = 0;
    ClassifyList(x, &c);
    return c;
  });
}

bool ContainsLower(std::string_view hay, std::string_view needle) {
  if (needle.size() > hay.size()) return false;
  for (size_t i = 0; i + needle.size() <= hay.size(); ++i)
    if (EqualsLower(hay.substr(i, needle.size()), needle)) return true;
  return false;
}

}  // namespace

bool StyleHides(std::string_view style) {
  // Looks for "display" ":" "none" and "visibility" ":" "hidden", ignoring case and spaces.
  auto check = [&](std::string_view prop, std::string_view value) {
    for (size_t i = 0; i + prop.size() <= style.size(); ++i) {
      if (!EqualsLower(style.substr(i, prop.size()), prop)) continue;
      if (i > 0 && (IsAlpha(style[i - 1]) || style[i - 1] == '-')) continue;  // "max-display"
      size_t j = i + prop.size();
      while (j < style.size() && (style[j] == ' ' || style[j] == '\t' || style[j] == '\n')) ++j;
      if (j >= style.size() || style[j] != ':') continue;
      ++j;
      while (j < style.size() && (style[j] == ' ' || style[j] == '\t' || style[j] == '\n')) ++j;
      if (StartsLower(style.substr(j), value)) return true;
    }
    return false;
  };
  if (style.size() < 12) return false;
  return check("display", "none") || check("visibility", "hidden");
}

ClassSignal ClassifyElement(const Node* n) {
  ClassSignal sig;
  uint32_t cats = 0;
  for (uint32_t a = 0; a < n->num_attrs(); ++a) {
    const Attribute& at = n->attrs()[a];
    const AttrName kind = KindOfAttr(at.name());
    if (kind == AttrName::kOther) continue;
    std::string_view v = at.value();
    if (kind == AttrName::kClass) {
      cats |= ClassifyClassAttr(v);
    } else if (kind == AttrName::kId) {
      // A heading's id is usually a slug of its own words ("nav_nur_die_folie",
      // "related-work"): not a statement about the element.
      bool heading = n->Is(Tag::kH1) || n->Is(Tag::kH2) || n->Is(Tag::kH3) || n->Is(Tag::kH4) ||
                     n->Is(Tag::kH5) || n->Is(Tag::kH6);
      if (!heading) ClassifyName(v, &cats);
    } else if (kind == AttrName::kRole) {
      if (EqualsLower(v, "navigation") || EqualsLower(v, "menu") || EqualsLower(v, "menubar") ||
          EqualsLower(v, "toolbar") || EqualsLower(v, "tablist"))
        cats |= kCatNav;
      else if (EqualsLower(v, "contentinfo"))
        cats |= kCatFooter;
      else if (EqualsLower(v, "banner"))
        cats |= kCatHeader;
      else if (EqualsLower(v, "complementary"))
        cats |= kCatSidebar;
      else if (EqualsLower(v, "search") || EqualsLower(v, "dialog") || EqualsLower(v, "alertdialog") ||
               EqualsLower(v, "alert"))
        cats |= kCatMisc;
      else if (EqualsLower(v, "main") || EqualsLower(v, "article"))
        cats |= kCatContent;
    } else if (kind == AttrName::kItemprop) {
      if (ContainsLower(v, "articlebody") || EqualsLower(v, "text") || ContainsLower(v, "reviewbody"))
        cats |= kCatContent;
      else if (ContainsLower(v, "comment"))
        cats |= kCatComment;
    } else if (kind == AttrName::kItemtype) {
      if (ContainsLower(v, "schema.org/comment")) cats |= kCatComment;
    } else if (kind == AttrName::kAriaLabel) {
      // Landmarks sometimes name themselves ("Share", "Breadcrumb").
      if (v.size() < 40) {
        uint32_t c = 0;
        ClassifyList(v, &c);
        cats |= c & (kCatNav | kCatShare | kCatComment);
      }
    }
  }
  // An embedded post ("twitter-tweet") quotes what someone said: a quotation,
  // not a share button.
  if (n->Is(Tag::kBlockquote)) cats &= ~kCatShare;
  sig.cats = cats;
  int w = 0;
  if (cats & kCatContent) w += 25;
  if (cats & kCatStrongBoiler) w -= 50;
  if (cats & kCatComment) w -= 50;
  // A post's container lists its taxonomy in its classes ("post category-news
  // tag-x"): a meta word beside a content word labels the article, not a byline.
  uint32_t weak = kCatHeader | kCatMeta | kCatNoPrint;
  if (cats & kCatContent) weak &= ~kCatMeta;
  if (cats & weak) w -= 25;
  sig.weight = w;
  return sig;
}

}  // namespace matn::extract
