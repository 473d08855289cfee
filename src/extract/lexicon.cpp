// Class/id/role tokens → content or boilerplate categories.
//
// A class name is split into tokens on '-', '_', ':', '.', digits and camelCase
// boundaries ("shareButtons" → share, buttons; "post__content" → post,
// content), lowercased, and each token looked up in one table of common web
// vocabulary (English plus the German, French, Spanish, Portuguese and Italian
// words sites use in their templates). No whole class name of any one site is
// listed: only words.
#include "extract/lexicon.h"
#include "extract/internal.h"
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
// A token (at most 24 letters) is held as three zero-padded 8-byte words, so
// hashing and comparing it are a few word operations, not a loop per byte.
constexpr int kSlotBits = 10;
constexpr size_t kSlots = size_t{1} << kSlotBits;  // > 4x the words: short probe runs

struct Token {
  uint64_t w[3];
  uint32_t len;
};

inline uint64_t HashToken(const Token& t) {
  return t.w[0] * 0x9E3779B97F4A7C15ull + t.w[1] * 0xC2B2AE3D27D4EB4Full + t.w[2] * 0x165667B19E3779F9ull + t.len;
}
inline uint32_t SlotOf(uint64_t hash) { return static_cast<uint32_t>(hash >> (64 - kSlotBits)); }
// Other bits of the hash, never 0 (0 marks an empty slot).
inline uint16_t CheckOf(uint64_t hash) { return static_cast<uint16_t>((hash >> 32) | 1); }

Token MakeToken(std::string_view word) {
  Token t{{0, 0, 0}, static_cast<uint32_t>(word.size())};
  std::memcpy(t.w, word.data(), word.size() < 24 ? word.size() : 24);
  return t;
}

struct Table {
  struct Slot {
    uint64_t w[3] = {0, 0, 0};
    uint32_t len = 0;  // 0: empty
    uint32_t cats = 0;
  };
  Slot slots[kSlots];
  // The probe reads these 2 KB (they stay in L1), not the 32-byte slots: a
  // slot is read only when its check matches (a hit, almost always).
  uint16_t checks[kSlots] = {};
  // Prefix words by first letter ('a'..'z'), longest first, as two words
  // and masks (no prefix word is longer than 16 letters).
  struct Prefix {
    uint64_t w[2];
    uint64_t mask[2];
    uint32_t len;
    uint32_t cats;
  };
  std::array<std::array<Prefix, 8>, 26> prefixes{};
  std::array<uint8_t, 26> num_prefixes{};
  Table() {
    for (const Entry& e : kWords) {
      const std::string_view word(e.word);
      const Token t = MakeToken(word);
      const uint64_t hash = HashToken(t);
      for (uint32_t h = SlotOf(hash);; h = (h + 1) & (kSlots - 1)) {
        if (!checks[h]) {
          checks[h] = CheckOf(hash);
          slots[h] = Slot{{t.w[0], t.w[1], t.w[2]}, t.len, e.cats};
          break;
        }
      }
      if (e.prefix) {
        int l = e.word[0] - 'a';
        auto& list = prefixes[l];
        uint8_t& k = num_prefixes[l];
        Prefix p{{t.w[0], t.w[1]}, {0, 0}, t.len, e.cats};
        for (size_t i = 0; i < word.size(); ++i) p.mask[i / 8] |= uint64_t{0xFF} << (8 * (i % 8));
        list[k++] = p;
        std::sort(list.begin(), list.begin() + k, [](const Prefix& a, const Prefix& b) { return a.len > b.len; });
      }
    }
  }
};

const Table& GetTable() {
  static const Table t;
  return t;
}

// `tok` is lowercase ASCII letters (ClassifyName's tokens), zero-padded.
inline uint32_t LookupToken(const Table& t, const Token& tok) {
  if (tok.len < 2 || tok.len > 24) return 0;
  const uint64_t hash = HashToken(tok);
  const uint16_t check = CheckOf(hash);
  for (uint32_t h = SlotOf(hash);; h = (h + 1) & (kSlots - 1)) {
    if (!t.checks[h]) break;
    if (t.checks[h] != check) continue;
    const Table::Slot& s = t.slots[h];
    if (s.len == tok.len && s.w[0] == tok.w[0] && s.w[1] == tok.w[1] && s.w[2] == tok.w[2]) return s.cats;
  }
  const unsigned char first = static_cast<unsigned char>(tok.w[0] & 0xFF);
  if (first < 'a' || first > 'z') return 0;
  int l = first - 'a';
  for (uint8_t k = 0; k < t.num_prefixes[l]; ++k) {
    const Table::Prefix& p = t.prefixes[l][k];
    if (p.len < tok.len && (tok.w[0] & p.mask[0]) == p.w[0] && (tok.w[1] & p.mask[1]) == p.w[1]) return p.cats;
  }
  return 0;
}

// Byte classes for ClassifyName's tokenizer.
enum : uint8_t { kChLower = 1, kChUpper = 2, kChDigit = 4 };
struct CharClasses {
  uint8_t c[256];
  constexpr CharClasses() : c() {
    for (int i = 'a'; i <= 'z'; ++i) c[i] = kChLower;
    for (int i = 'A'; i <= 'Z'; ++i) c[i] = kChUpper;
    for (int i = '0'; i <= '9'; ++i) c[i] = kChDigit;
  }
};
constexpr CharClasses kCharClass;

bool IsAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// Utility classes from common CSS frameworks that hide an element
// (kCatHidden) or keep it off paper (kCatNoPrint), bucketed by length.
uint32_t UtilityClassCats(std::string_view name) {
  struct Buckets {
    struct Name {
      std::string_view name;
      uint32_t cat;
    };
    std::array<std::array<Name, 6>, 32> by_len{};
    std::array<uint8_t, 32> n{};
    Buckets() {
      for (std::string_view h : {"hidden", "hide", "invisible", "d-none", "sr-only", "visually-hidden",
                                 "visuallyhidden", "screen-reader-text", "screen-reader-only", "screenreader-only",
                                 "element-invisible", "is-hidden", "u-hidden", "offscreen", "hidden-visually",
                                 "a11y-hidden"})
        by_len[h.size()][n[h.size()]++] = Name{h, kCatHidden};
      for (std::string_view h :
           {"noprint", "no-print", "d-print-none", "hidden-print", "print-hidden", "print-none", "not-print"})
        by_len[h.size()][n[h.size()]++] = Name{h, kCatNoPrint};
    }
  };
  static const Buckets buckets;
  if (name.size() >= 32) return 0;
  for (uint8_t k = 0; k < buckets.n[name.size()]; ++k)
    if (EqualsLower(name, buckets.by_len[name.size()][k].name)) return buckets.by_len[name.size()][k].cat;
  return 0;
}

// Adds the categories of one class name or id.
void ClassifyName(std::string_view name, uint32_t* cats) {
  if (name.empty() || name.size() > 80) return;
  if (uint32_t u = UtilityClassCats(name)) {
    *cats |= u;
    return;
  }
  // BEM modifiers ("section--ads", "teaser--large") qualify the element named
  // before them; the element name says what it is.
  if (size_t mod = name.find("--"); mod != std::string_view::npos && mod > 0) name = name.substr(0, mod);
  // State/modifier names describe the page, not the element: "has-sidebar", "no-comments".
  switch (Lower(name[0])) {
    case 'h': if (StartsLower(name, "has-") || StartsLower(name, "hide-")) return; break;
    case 'n': if (StartsLower(name, "no-")) return; break;
    case 'w': if (StartsLower(name, "with-") || StartsLower(name, "without-")) return; break;
    case 's': if (StartsLower(name, "show-")) return; break;
    case 'i': if (StartsLower(name, "is-")) return; break;
    case 'j': if (StartsLower(name, "js-")) return; break;
    default: break;
  }
  const Table& table = GetTable();
  // Tokens are runs of letters, split before a capital that follows a
  // lowercase letter ("shareBar") or precedes one (the last capital of a run:
  // "URLList"); one longer than any word (24 letters) is not looked up.
  const unsigned char* p = reinterpret_cast<const unsigned char*>(name.data());
  const size_t n = name.size();
  uint32_t name_cats = 0;
  size_t i = 0;
  for (;;) {
    while (i < n && !(kCharClass.c[p[i]] & (kChLower | kChUpper))) ++i;
    if (i >= n) break;
    // The token is lowercased into its key as it is scanned (| 0x20: it is
    // letters only), eight bytes gathered in a register per word: byte
    // stores read back as a word would stall store forwarding.
    Token t{{0, 0, 0}, 0};
    uint64_t word = 0;
    unsigned shift = 0, filled = 0;  // bit position in `word`; words of `t` stored
    auto take = [&](unsigned char ch) {
      word |= static_cast<uint64_t>(ch | 0x20) << shift;
      if ((shift += 8) == 64) {
        if (filled < 3) t.w[filled] = word;
        ++filled;
        word = 0;
        shift = 0;
      }
    };
    const size_t start = i;
    take(p[i++]);
    for (; i < n; ++i) {
      const uint8_t k = kCharClass.c[p[i]];
      if (!(k & kChLower)) {
        if (!(k & kChUpper)) break;
        if ((kCharClass.c[p[i - 1]] & kChLower) || (i + 1 < n && (kCharClass.c[p[i + 1]] & kChLower))) break;
      }
      take(p[i]);
    }
    const size_t len = i - start;
    if (len < 2 || len > 24) continue;
    if (shift) t.w[filled] = word;  // filled < 3 here: len <= 24
    t.len = static_cast<uint32_t>(len);
    name_cats |= LookupToken(table, t);
  }
  // In a compound name the content word is usually a namespace ("entry-author",
  // "article-footer", "post-meta", "sidebar-content"): any other word wins.
  if ((name_cats & kCatContent) && (name_cats & ~kCatContent)) name_cats &= ~kCatContent;
  *cats |= name_cats;
}

uint32_t ClassifyNameCached(std::string_view name);

// `whole_memoized`: the caller remembers the categories of `v` itself, so a
// value that is one name is not remembered again as a name.
void ClassifyList(std::string_view v, uint32_t* cats, bool whole_memoized = false) {
  size_t i = 0;
  while (i < v.size()) {
    while (i < v.size() && (v[i] == ' ' || v[i] == '\t' || v[i] == '\n' || v[i] == '\r' || v[i] == '\f')) ++i;
    size_t j = i;
    // 8 bytes at once while none is <= ' ' (every separator is): SWAR "has a byte < 0x21".
    while (j + 8 <= v.size()) {
      uint64_t x;
      std::memcpy(&x, v.data() + j, 8);
      // The lowest flagged byte is the first one below '!' (a borrow only
      // flags bytes above a real one).
      if (uint64_t m = (x - 0x2121212121212121ULL) & ~x & 0x8080808080808080ULL) {
        j += static_cast<size_t>(__builtin_ctzll(m)) / 8;
        break;
      }
      j += 8;
    }
    while (j < v.size() && !(v[j] == ' ' || v[j] == '\t' || v[j] == '\n' || v[j] == '\r' || v[j] == '\f')) ++j;
    if (whole_memoized && i == 0 && j == v.size()) {
      ClassifyName(v, cats);
      return;
    }
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
    ClassifyList(x, &c, /*whole_memoized=*/true);
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
  // Looks for "display" ":" "none" and "visibility" ":" "hidden", ignoring
  // case and spaces: from each colon back to the property and on to the value.
  if (style.size() < 12) return false;
  auto is_space = [](char ch) { return ch == ' ' || ch == '\t' || ch == '\n'; };
  auto prop_ends_at = [&](size_t e, std::string_view prop) {
    if (e < prop.size() || !EqualsLower(style.substr(e - prop.size(), prop.size()), prop)) return false;
    const size_t i = e - prop.size();
    return i == 0 || !(IsAlpha(style[i - 1]) || style[i - 1] == '-');  // not "max-display"
  };
  const char* const base = style.data();
  for (size_t c = 0; c < style.size(); ++c) {
    const void* hit = std::memchr(base + c, ':', style.size() - c);
    if (!hit) break;
    c = static_cast<size_t>(static_cast<const char*>(hit) - base);
    size_t e = c;
    while (e > 0 && is_space(style[e - 1])) --e;
    size_t j = c + 1;
    while (j < style.size() && is_space(style[j])) ++j;
    std::string_view value = style.substr(j);
    if ((prop_ends_at(e, "display") && StartsLower(value, "none")) ||
        (prop_ends_at(e, "visibility") && StartsLower(value, "hidden")))
      return true;
  }
  return false;
}

ClassSignal ClassifyElement(const Node* n) { return ReadElementAttrs(n, true).sig; }

ElementAttrs ReadElementAttrs(const Node* n, bool classify) {
  ElementAttrs out;
  ClassSignal& sig = out.sig;
  uint32_t cats = 0;
  for (uint32_t a = 0; a < n->num_attrs(); ++a) {
    const Attribute& at = n->attrs()[a];
    const AttrName kind = KindOfAttr(at.name());
    if (kind == AttrName::kOther) continue;
    std::string_view v = at.value();
    // Hidden or not, and the link and body markers, whatever `classify` says.
    if (kind == AttrName::kHidden) {
      // hidden="until-found" content is findable in page: keep it.
      if (!EqualsLower(v, "until-found")) out.hidden = true;
      continue;
    } else if (kind == AttrName::kAriaHidden) {
      if (EqualsLower(v, "true")) out.hidden = true;
      continue;
    } else if (kind == AttrName::kStyle) {
      if (!out.hidden && StyleHides(v)) out.hidden = true;
      continue;
    } else if (kind == AttrName::kHref) {
      out.href = v;
      continue;
    } else if (kind == AttrName::kItemprop) {
      if (EqualsLower(v, "articlebody")) out.article_body = true;
    }
    if (!classify) continue;
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
  return out;
}

}  // namespace matn::extract
