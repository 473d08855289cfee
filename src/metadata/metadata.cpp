// ExtractMetadata: one pass over the tree collects the evidence (meta tags,
// JSON-LD, headings, <time>, microdata, byline and date containers); the
// fields are then chosen from it in order of trust.
#include "matn/metadata.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdint>
#include <cstring>
#include <deque>
#include <unordered_map>
#include <unordered_set>

#include "html/value_memo.h"
#include "matn/text.h"
#include "metadata/byline.h"
#include "metadata/dates.h"
#include "metadata/json_ld.h"
#include "metadata/util.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace matn {

namespace {

using namespace metadata_internal;

constexpr size_t kMaxCandidates = 400;  // per kind; bounds ancestor walks on hostile pages
constexpr int kMaxAncestorHops = 300;

struct MetaTag {
  // Lowercased property / name / itemprop / http-equiv: a view of the attribute
  // when that is the key already (most are), else of Evidence::owned_keys.
  std::string_view key;
  std::string_view content;
  bool property = false;  // from RDFa property=, which pages fill more carefully than name=
};

struct Located {
  const Node* node;
  uint32_t order;  // preorder index, for "before/after the headline"
};

struct Evidence {
  std::vector<MetaTag> metas;
  std::deque<std::string> owned_keys;  // keys that differ from their attribute text
  // IndexMetas: an open-addressing table from key to the first tag with it
  // (key_slots), and from each tag to the next one with the same key (key_next).
  std::vector<int32_t> key_slots, key_next;
  std::string title_tag;
  std::string canonical, base_href, html_lang, image_src;
  std::vector<Located> h1s, h2s, times, itemprops, date_boxes, bylines, rel_authors;
  JsonDoc ld;
};

// ---- Zones: where a node sits relative to the page's chrome. ------------------

enum Zone : unsigned {
  kInComment = 1,   // reader comments, replies
  kInRelated = 2,   // related / recommended / teaser lists, sidebars, widgets
  kInChrome = 4,    // nav, footer, site header, menus, clock/weather widgets
  kInArticle = 8,   // <article>, <main>, itemprop=articleBody …
};

constexpr unsigned kSiteHeader = 16;  // internal: under a <header> that is not the article's

// A computation over attribute values remembered for one page: every distinct
// value is computed once. The keys point into the page's tree (no copies), so
// Reset() must come before the next page; it is O(1) (entries of older rounds
// count as empty). Open addressing that grows, so no value is ever evicted.
class PageMemo {
 public:
  void Reset() {
    if (++round_ == 0) {  // wrapped: really empty every slot once
      for (Slot& e : slots_) e.round = 0;
      round_ = 1;
    }
    size_ = 0;
  }
  template <typename F>
  uint32_t Get(std::string_view v, F compute) {
    if (v.size() > UINT32_MAX) return compute(v);
    if (slots_.empty()) slots_.resize(256);
    size_t mask = slots_.size() - 1;
    for (size_t i = Hash(v) & mask, probes = 0;; i = (i + 1) & mask) {
      // Values crafted to collide would make probing quadratic: past a bound
      // they are computed without being remembered.
      if (++probes > kMaxProbes) return compute(v);
      Slot& e = slots_[i];
      if (e.round != round_) {
        uint32_t value = compute(v);
        e = {v.data(), static_cast<uint32_t>(v.size()), round_, value};
        if (++size_ * 2 > slots_.size()) Grow();
        return value;
      }
      if (e.size == v.size() && SameBytes(e.data, v.data(), v.size())) return e.value;
    }
  }

 private:
  static constexpr size_t kMaxProbes = 64;
  struct Slot {
    const char* data = nullptr;
    uint32_t size = 0, round = 0, value = 0;
  };
  // memcmp(a, b, n) == 0 inline, by machine words: nearly every lookup is a hit,
  // and a call per hit was a third of the memo's cost.
  static bool SameBytes(const char* a, const char* b, size_t n) {
    auto word = [](const char* p) {
      uint64_t w;
      std::memcpy(&w, p, 8);
      return w;
    };
    if (n < 8) {
      for (size_t i = 0; i < n; ++i)
        if (a[i] != b[i]) return false;
      return true;
    }
    for (size_t i = 0; i + 8 <= n; i += 8)
      if (word(a + i) != word(b + i)) return false;
    return word(a + n - 8) == word(b + n - 8);  // the tail, overlapping the last whole word
  }
  static size_t Hash(std::string_view v) { return static_cast<size_t>(html::HashAttrValue(v) >> 32); }
  void Grow() {
    std::vector<Slot> old(slots_.size() * 2);
    old.swap(slots_);
    size_t mask = slots_.size() - 1;
    size_ = 0;
    for (const Slot& e : old) {
      if (e.round != round_) continue;
      size_t i = Hash({e.data, e.size}) & mask, probes = 0;
      while (slots_[i].round == round_ && ++probes <= kMaxProbes) i = (i + 1) & mask;
      if (probes > kMaxProbes) continue;  // a memo: an entry may be forgotten
      slots_[i] = e;
      ++size_;
    }
  }
  std::vector<Slot> slots_;
  uint32_t round_ = 1;
  size_t size_ = 0;
};

thread_local PageMemo box_words_memo, zone_words_memo;  // class values; Reset by ExtractMetadata

// ASCII A-Z of v get 0x20 into out (v.size() bytes), 8 bytes at once (SWAR).
void LowerInto(std::string_view v, char* out) {
  const size_t n = v.size();
  size_t i = 0;
  for (; i + 8 <= n; i += 8) {
    uint64_t x;
    std::memcpy(&x, v.data() + i, 8);
    uint64_t h = x & 0x7F7F7F7F7F7F7F7FULL;
    uint64_t upper = (h + 0x3F3F3F3F3F3F3F3FULL) & ~(h + 0x2525252525252525ULL) & ~x & 0x8080808080808080ULL;
    x |= upper >> 2;
    std::memcpy(out + i, &x, 8);
  }
  for (; i < n; ++i) {
    char c = v[i];
    out[i] = static_cast<char>(c | (static_cast<unsigned char>(c - 'A') < 26u ? 0x20 : 0));
  }
}

// v lowercased, in a per-thread buffer valid until the next call.
std::string_view LowerBuffer(std::string_view v) {
  thread_local std::string buf;
  if (buf.size() < v.size()) buf.resize(v.size());
  LowerInto(v, buf.data());
  return {buf.data(), v.size()};
}

// What one class or id value says about the zone: bit 0 comment, 1 related,
// 2 chrome words. Components and tokens never span the class/id boundary, so
// the two values are read apart (and a page's repeated class values only once).
uint32_t ZoneWords(std::string_view v) {
  // Word i of kParts says kind kPartKind[i]: 5 comment, 10 related, 12 chrome words.
  static const TokenSet kParts({"comment", "reply", "respond", "disqus", "discussion",
                                "related", "recommend", "teaser", "sidebar", "widget", "popular",
                                "mostread", "trending", "newsletter", "more",
                                "clock", "weather", "today", "currentdate", "topbar", "masthead",
                                "navbar", "navigation", "breadcrumb", "cookie", "menu", "footer"});
  static const TokenSet kChromeTokens({"nav", "header", "site-header", "siteheader", "top", "top-bar"});
  std::string_view ci = LowerBuffer(v);
  uint32_t m = kParts.ComponentMask(ci), w = 0;
  if (m & 0x1Fu) w |= 1;
  if (m & (0x3FFu << 5)) w |= 2;
  if ((m & (0xFFFu << 15)) || kChromeTokens.HasToken(ci, true)) w |= 4;
  return w;
}

uint32_t ZoneWordsCached(std::string_view v) { return zone_words_memo.Get(v, ZoneWords); }

// A <header> with one of these words is the article's, not the site's.
bool ArticleHeaderWords(std::string_view v) {
  static const TokenSet kArticleHeader({"entry", "node", "article", "post", "story", "content"});
  return !v.empty() && kArticleHeader.ComponentStarts(LowerBuffer(v));
}

// What `p` itself adds to the zone of the nodes under it.
unsigned OwnZone(const Node* p, const std::unordered_set<const Node*>* headline_ancestors) {
  if (!p->IsElement() || p->Is(Tag::kBody) || p->Is(Tag::kHtml)) return 0;
  unsigned z = 0;
  if (p->Is(Tag::kArticle) || p->Is(Tag::kMain)) z |= kInArticle;
  // A box that holds the headline is the article's, whatever its class says
  // (body and wrapper classes list every widget the theme has).
  if (headline_ancestors && headline_ancestors->count(p)) return z;
  if (p->Is(Tag::kNav) || p->Is(Tag::kFooter) || p->Is(Tag::kAside)) z |= kInChrome;
  std::string_view cls = p->Attr("class"), id = p->Attr("id");
  uint32_t w = (cls.empty() ? 0 : ZoneWordsCached(cls)) | (id.empty() ? 0 : ZoneWords(id));
  if (p->Is(Tag::kHeader) && !ArticleHeaderWords(cls) && !ArticleHeaderWords(id)) z |= kSiteHeader;
  if (w & 1) z |= kInComment;
  if (w & 2) z |= kInRelated;
  if (w & 4) z |= kInChrome;
  return z;
}

unsigned FinishZone(unsigned z) {
  if ((z & kSiteHeader) && !(z & kInArticle)) z |= kInChrome;
  return z & ~kSiteHeader;
}

// Zones of the ancestor chains already walked, per document and headline set:
// the candidates of one page share most of their ancestors. The entry of a node
// is the OR of OwnZone over the whole chain from it to the root and the
// chain's length.
// Node → (zone, chain length): open addressing on the pointer, no allocation
// per entry; clear() is O(1) (entries of older rounds count as empty).
class NodeZoneMap {
 public:
  struct Entry {
    const Node* key = nullptr;
    uint32_t round = 0;
    std::pair<unsigned, uint32_t> value;
  };
  void clear() {
    if (++round_ == 0) {  // wrapped: really empty every slot once
      for (Entry& e : slots_) e.round = 0;
      round_ = 1;
    }
    size_ = 0;
  }
  const std::pair<unsigned, uint32_t>* find(const Node* k) const {
    if (slots_.empty()) return nullptr;
    for (size_t i = Hash(k);; i = (i + 1) & (slots_.size() - 1)) {
      const Entry& e = slots_[i];
      if (e.round != round_) return nullptr;
      if (e.key == k) return &e.value;
    }
  }
  // `k` must not be in the map.
  void insert(const Node* k, std::pair<unsigned, uint32_t> v) {
    if ((size_ + 1) * 2 > slots_.size()) Grow();
    size_t i = Hash(k);
    while (slots_[i].round == round_) i = (i + 1) & (slots_.size() - 1);
    slots_[i] = {k, round_, v};
    ++size_;
  }

 private:
  size_t Hash(const Node* k) const {
    return static_cast<size_t>((reinterpret_cast<uintptr_t>(k) >> 3) * 0x9E3779B97F4A7C15ull >> 32) &
           (slots_.size() - 1);
  }
  void Grow() {
    std::vector<Entry> old;
    old.swap(slots_);
    slots_.assign(old.empty() ? 256 : old.size() * 2, Entry{});
    uint32_t r = round_;
    size_ = 0;
    for (const Entry& e : old)
      if (e.round == r) insert(e.key, e.value);
  }
  std::vector<Entry> slots_;
  uint32_t round_ = 1;
  size_t size_ = 0;
};

struct ZoneMemo {
  uint64_t generation = 0;
  const std::unordered_set<const Node*>* headline = nullptr;
  NodeZoneMap chain;
};

thread_local ZoneMemo zone_memo[2];  // [0]: no headline set, [1]: the dates' one
thread_local uint64_t zone_generation = 1;
// Called whenever the tree or the headline set may have changed.
void ResetZoneMemo() { ++zone_generation; }

unsigned ZoneOf(const Node* n, const std::unordered_set<const Node*>* headline_ancestors) {
  ZoneMemo& memo = zone_memo[headline_ancestors ? 1 : 0];
  if (memo.generation != zone_generation || memo.headline != headline_ancestors) {
    memo.chain.clear();
    memo.generation = zone_generation;
    memo.headline = headline_ancestors;
  }
  thread_local std::vector<const Node*> path;
  path.clear();
  unsigned z = 0;
  uint32_t len = 0;
  const Node* p = n;
  for (; p; p = p->parent) {
    if (const std::pair<unsigned, uint32_t>* hit = memo.chain.find(p)) {
      z = hit->first;
      len = hit->second;
      break;
    }
    path.push_back(p);
  }
  for (size_t i = path.size(); i-- > 0;) {
    z |= OwnZone(path[i], headline_ancestors);
    memo.chain.insert(path[i], std::make_pair(z, ++len));
  }
  if (len <= static_cast<uint32_t>(kMaxAncestorHops)) return FinishZone(z);
  // Deeper than the walk limit: only the nearest kMaxAncestorHops nodes count.
  z = 0;
  p = n;
  for (int hops = 0; p && hops < kMaxAncestorHops; p = p->parent, ++hops) z |= OwnZone(p, headline_ancestors);
  return FinishZone(z);
}

// ---- Collection. -----------------------------------------------------------

bool IsLdScript(const Node* n) {
  constexpr std::string_view kLd = "application/ld+json";
  std::string_view t = n->Attr("type");
  // Without leading white space the collapsed value starts as the raw one does
  // up to its first space, and kLd holds none: compare the raw value.
  unsigned char c0 = t.empty() ? 0 : static_cast<unsigned char>(t[0]);
  if (c0 > ' ' && c0 != 0xC2 && c0 != 0xE2 && c0 != 0xE3)
    return t.size() >= kLd.size() && EqualsIgnoreCase(t.substr(0, kLd.size()), kLd);
  return StartsWith(LowerAscii(CollapseWhitespace(t)), kLd);
}

// EqualsIgnoreCase(CollapseWhitespace(v), word) for a word without spaces.
bool IsWordIgnoringSpace(std::string_view v, std::string_view word) {
  for (char c : v)
    if (static_cast<unsigned char>(c) <= ' ' || static_cast<unsigned char>(c) >= 0x80)
      return EqualsIgnoreCase(CollapseWhitespace(v), word);
  return EqualsIgnoreCase(v, word);  // nothing to collapse
}

std::string ScriptText(const Node* n) {
  std::string s;
  for (const Node* c = n->first_child; c; c = c->next_sibling)
    if (c->IsText()) s.append(c->data());
  return s;
}

// "dc:title", "DC.Title", "dcterm:title" and "dcterms.title" name the same thing.
void NormalizeMetaKey(std::string* k) {
  if (StartsWith(*k, "dcterm:") || StartsWith(*k, "dcterm.")) k->replace(0, 7, "dcterms.");
  else if (StartsWith(*k, "dcterms:")) (*k)[7] = '.';
  else if (StartsWith(*k, "dc:")) (*k)[2] = '.';
}

// property="og:title article:tag" is legal RDFa: one entry per term, lowercased.
// `bounded`: stop at the evidence limit between terms too.
void AddMetaKeys(std::string_view keys, std::string_view content, bool property, bool bounded, Evidence* ev) {
  size_t i = 0;
  while (i < keys.size() && (!bounded || ev->metas.size() < 4 * kMaxCandidates)) {
    while (i < keys.size() && keys[i] == ' ') ++i;
    size_t b = i;
    while (i < keys.size() && keys[i] != ' ') ++i;
    if (i > b) {
      std::string_view raw = keys.substr(b, i - b);
      bool as_is = !StartsWith(raw, "dc:") && !StartsWith(raw, "dcterm");
      for (char c : raw) as_is &= !(c >= 'A' && c <= 'Z');
      if (as_is) {  // already lowercase, nothing to normalize: no copy
        ev->metas.push_back({raw, content, property});
        continue;
      }
      std::string k = LowerAscii(raw);
      NormalizeMetaKey(&k);
      ev->owned_keys.push_back(std::move(k));
      ev->metas.push_back({ev->owned_keys.back(), content, property});
    }
  }
}

// True when "date", "datum", "publish", "posted", "fecha", "byline",
// "timestamp" or "zeit" starts at s[i] (s[i + 1] is already known to be the
// word's second byte).
bool DateishAt(std::string_view s, size_t i) {
  auto at = [&](std::string_view w) { return s.compare(i, w.size(), w) == 0; };
  switch (s[i]) {
    case 'd': return s[i + 2] == 't' && (s[i + 3] == 'e' || (s[i + 3] == 'u' && at("datum")));
    case 'p': return at("publish") || at("posted");
    case 'f': return at("fecha");
    case 'b': return at("byline");
    case 't': return at("timestamp");
    case 'z': return at("zeit");
    default: return false;
  }
}

#if defined(__SSE2__)
inline __m128i Eq(__m128i x, char c) { return _mm_cmpeq_epi8(x, _mm_set1_epi8(c)); }
inline __m128i Pair(__m128i a, __m128i b, char x, char y) { return _mm_and_si128(Eq(a, x), Eq(b, y)); }
#endif

// What one class or id value says about its element: bits 0-10 a byline box,
// 11-16 a date box (kBoxWords), bit 17 a date-ish substring.
uint32_t BoxWords(std::string_view v) {
  static const TokenSet kBoxWords({"byline", "author", "autor", "writer", "by", "creator", "author-name",
                                   "authors", "byline-name", "article-author", "post-author",
                                   "time", "meta", "data", "info", "details", "submitted"});
  if (v.empty()) return 0;
  // The lowercased value at buf[1..n], a space before it and zeros after it,
  // so that 16-byte windows at offsets -1, 0 and +1 can be read anywhere in it.
  thread_local std::string buf;
  const size_t n = v.size();
  if (buf.size() < n + 34) buf.resize(n + 34);
  buf[0] = ' ';
  char* low_data = buf.data() + 1;
  LowerInto(v, low_data);
  std::memset(low_data + n, 0, 33);
  std::string_view low(low_data, n);
  size_t i = 0;
  // Every word of kBoxWords starts a token or follows a joiner, so its first two
  // bytes stand there; a value with none of those pairs there matches none.
  // The date-ish words are substrings: their first two bytes anywhere.
  bool may_token = false, dateish = false;
#if defined(__SSE2__)
  for (i = 0; i < n && !(dateish && may_token); i += 16) {
    __m128i prev = _mm_loadu_si128(reinterpret_cast<const __m128i*>(low_data + i - 1));
    __m128i a = _mm_loadu_si128(reinterpret_cast<const __m128i*>(low_data + i));
    __m128i b = _mm_loadu_si128(reinterpret_cast<const __m128i*>(low_data + i + 1));
    __m128i e = Eq(b, 'e');
    unsigned dm = static_cast<unsigned>(_mm_movemask_epi8(_mm_or_si128(
        _mm_or_si128(_mm_or_si128(Pair(a, b, 'd', 'a'), _mm_and_si128(Eq(a, 'p'), _mm_or_si128(Eq(b, 'u'), Eq(b, 'o')))),
                     _mm_or_si128(_mm_and_si128(Eq(a, 'f'), e), Pair(a, b, 'b', 'y'))),
        _mm_or_si128(Pair(a, b, 't', 'i'), _mm_and_si128(Eq(a, 'z'), e)))));
    for (dm = dateish ? 0 : dm; dm; dm &= dm - 1) {
      size_t k = i + static_cast<size_t>(__builtin_ctz(dm));
      if (k + 4 <= n && DateishAt(low, k)) { dateish = true; break; }
    }
    if (may_token) continue;
    __m128i start = _mm_or_si128(_mm_or_si128(Eq(prev, ' '), Eq(prev, '-')),
                                 _mm_or_si128(_mm_or_si128(Eq(prev, '_'), Eq(prev, '\t')), Eq(prev, '\n')));
    __m128i pairs = _mm_or_si128(
        _mm_or_si128(_mm_or_si128(Pair(a, b, 'b', 'y'), Pair(a, b, 'a', 'u')),
                     _mm_or_si128(Pair(a, b, 'w', 'r'), Pair(a, b, 'c', 'r'))),
        _mm_or_si128(
            _mm_or_si128(_mm_or_si128(Pair(a, b, 't', 'i'), Pair(a, b, 'm', 'e')),
                         _mm_or_si128(Pair(a, b, 'd', 'a'), Pair(a, b, 'i', 'n'))),
            _mm_or_si128(_mm_or_si128(_mm_and_si128(Eq(a, 'd'), e), Pair(a, b, 's', 'u')),
                         _mm_or_si128(Pair(a, b, 'a', 'r'), Pair(a, b, 'p', 'o')))));
    may_token = _mm_movemask_epi8(_mm_and_si128(start, pairs)) != 0;
  }
#else
  may_token = true;
  for (i = 0; i + 4 <= n && !dateish; ++i) dateish = DateishAt(low, i);
#endif
  uint32_t m = may_token ? kBoxWords.TokenMask(low) : 0;
  if (dateish) m |= 1u << 17;
  return m;
}

// Pages repeat the same class value on hundreds of elements: BoxWords once per value.
uint32_t BoxWordsCached(std::string_view v) { return box_words_memo.Get(v, BoxWords); }

// NextInPreorder(n, root), inlined: Collect steps through every node of the page.
inline const Node* NextNode(const Node* n, const Node* root) {
  if (n->first_child) return n->first_child;
  for (; n && n != root; n = n->parent)
    if (n->next_sibling) return n->next_sibling;
  return nullptr;
}

void Collect(const Document& doc, Evidence* ev) {
  const Node* root = doc.root();
  if (!root) return;
  if (const Node* html = doc.html()) ev->html_lang = CollapseWhitespace(html->Attr("lang"));
  uint32_t order = 0;
  auto record = [&](std::vector<Located>* v, const Node* n) {
    if (v->size() >= kMaxCandidates) return;
    v->push_back({n, order});
  };
  ev->metas.reserve(64);
  for (const Node* n = root; n; n = NextNode(n, root)) {
    ++order;
    if (!n->IsElement()) continue;
    if (n->ns != Namespace::kHtml) continue;
    switch (n->tag) {
      case Tag::kMeta: {
        // One pass over the attributes: the first of each name counts (as Attr's).
        enum { kContent, kDatetime, kProperty, kName, kItemprop, kHttpEquiv, kNum };
        const Attribute* at[kNum] = {};
        for (uint32_t k = 0; k < n->num_attrs(); ++k) {
          const Attribute& a = n->attrs()[k];
          if (a.ns() != AttrNamespace::kNone) continue;
          int slot = -1;
          auto is = [&](const auto& lit) { return std::memcmp(a.name().data(), lit, sizeof lit - 1) == 0; };
          switch (a.name().size()) {
            case 4: if (is("name")) slot = kName; break;
            case 7: if (is("content")) slot = kContent; break;
            case 8: slot = is("datetime") ? kDatetime : is("property") ? kProperty : is("itemprop") ? kItemprop : -1; break;
            case 10: if (is("http-equiv")) slot = kHttpEquiv; break;
            default: break;
          }
          if (slot >= 0 && !at[slot]) at[slot] = &a;
        }
        auto value = [&](int i) { return at[i] ? at[i]->value() : std::string_view(); };
        std::string_view content = value(kContent);
        if (!at[kContent]) {
          // <meta itemprop=datePublished datetime=…> appears in the wild too.
          content = value(kDatetime);
          if (content.empty()) continue;
        }
        for (int i : {kProperty, kName, kItemprop, kHttpEquiv})
          if (!value(i).empty()) AddMetaKeys(value(i), content, i == kProperty, true, ev);
        if (!value(kItemprop).empty()) record(&ev->itemprops, n);
        continue;
      }
      case Tag::kTitle:
        if (ev->title_tag.empty()) ev->title_tag = NodeText(n, 2000);
        continue;
      case Tag::kLink: {
        std::string_view rel = n->Attr("rel");  // most links are stylesheets and icons: no copy
        if (EqualsIgnoreCase(rel, "canonical") && ev->canonical.empty()) ev->canonical = std::string(n->Attr("href"));
        if (EqualsIgnoreCase(rel, "image_src") && ev->image_src.empty()) ev->image_src = std::string(n->Attr("href"));
        continue;
      }
      case Tag::kBase:
        if (ev->base_href.empty()) ev->base_href = CollapseWhitespace(n->Attr("href"));
        continue;
      case Tag::kScript:
        if (IsLdScript(n)) ParseJsonLenient(ScriptText(n), &ev->ld);
        continue;
      case Tag::kH1: record(&ev->h1s, n); break;
      case Tag::kH2: record(&ev->h2s, n); break;
      case Tag::kTime: record(&ev->times, n); break;
      default: break;
    }
    // One pass over the attributes rather than a lookup per name.
    const Attribute *itemprop = nullptr, *property = nullptr, *content = nullptr, *rel = nullptr,
                    *cls = nullptr, *id = nullptr;
    for (uint32_t k = 0; k < n->num_attrs(); ++k) {
      const Attribute& a = n->attrs()[k];
      if (a.ns() != AttrNamespace::kNone) continue;
      const Attribute** slot = nullptr;
      // The length is known in each case: constant-size memcmp, inlined.
      auto is = [&](const auto& lit) { return std::memcmp(a.name().data(), lit, sizeof lit - 1) == 0; };
      switch (a.name().size()) {
        case 2: if (is("id")) slot = &id; break;
        case 3: if (is("rel")) slot = &rel; break;
        case 5: if (is("class")) slot = &cls; break;
        case 7: if (is("content")) slot = &content; break;
        case 8: slot = is("itemprop") ? &itemprop : is("property") ? &property : nullptr; break;
        default: break;
      }
      if (slot && !*slot) *slot = &a;
    }
    if (itemprop) record(&ev->itemprops, n);
    // RDFa on ordinary elements: <span property="dc:date" content="2019-07-07T18:44:31+02:00">.
    if (property && content && ev->metas.size() < 4 * kMaxCandidates)
      AddMetaKeys(property->value(), content->value(), true, false, ev);
    if (n->Is(Tag::kA) && rel && IsWordIgnoringSpace(rel->value(), "author"))
      record(&ev->rel_authors, n);
    // Tokens and substrings never span the class/id boundary, so the two
    // values are read apart and a page's repeated class values only once.
    uint32_t m = (cls ? BoxWordsCached(cls->value()) : 0) | (id ? BoxWords(id->value()) : 0);
    if (m & 0x7FFu) record(&ev->bylines, n);
    if (m >> 11) record(&ev->date_boxes, n);
  }
}

// The fields ask for some 80 keys: each is found by hashing, not by a scan of every tag.
// Its slot (empty or holding k), or npos after more than max_probes probes.
size_t MetaKeySlot(const Evidence& ev, std::string_view k, size_t max_probes = SIZE_MAX) {
  size_t mask = ev.key_slots.size() - 1;
  uint64_t h = k.size();  // short keys ("og:title", "article:published_time"): a few multiplies
  for (size_t j = 0; j < k.size(); j += 8) {
    uint64_t w = 0;
    std::memcpy(&w, k.data() + j, std::min<size_t>(8, k.size() - j));
    h = (h ^ w) * 0x9E3779B97F4A7C15ull;
  }
  size_t i = static_cast<size_t>(h >> 40) & mask;
  for (size_t probes = 0; ev.key_slots[i] >= 0 && ev.metas[ev.key_slots[i]].key != k; i = (i + 1) & mask)
    if (++probes > max_probes) return std::string_view::npos;
  return i;
}

void IndexMetas(Evidence* ev) {
  size_t n = 64;
  while (n < 2 * ev->metas.size()) n *= 2;
  ev->key_slots.assign(n, -1);
  ev->key_next.assign(ev->metas.size(), -1);
  std::vector<int32_t> tail(n, -1);
  for (size_t m = 0; m < ev->metas.size(); ++m) {
    // Keys crafted to collide would make this quadratic: then no index, and
    // the lookups scan the tags (as they all did before the index).
    size_t i = MetaKeySlot(*ev, ev->metas[m].key, 64);
    if (i == std::string_view::npos) {
      ev->key_slots.clear();
      return;
    }
    if (ev->key_slots[i] < 0) ev->key_slots[i] = static_cast<int32_t>(m);
    else ev->key_next[tail[i]] = static_cast<int32_t>(m);
    tail[i] = static_cast<int32_t>(m);
  }
}

// The first tag with key k (the others follow through key_next, in page order), or -1.
int32_t FirstMeta(const Evidence& ev, std::string_view k) {
  return ev.key_slots.empty() ? -1 : ev.key_slots[MetaKeySlot(ev, k)];
}

std::string_view MetaValue(const Evidence& ev, std::initializer_list<std::string_view> keys) {
  if (ev.key_slots.empty()) {  // no index
    for (std::string_view k : keys)
      for (bool property : {true, false})
        for (const MetaTag& m : ev.metas)
          if (m.property == property && m.key == k && !IsBlank(m.content)) return m.content;
    return {};
  }
  for (std::string_view k : keys) {
    int32_t first = FirstMeta(ev, k);
    for (bool property : {true, false})
      for (int32_t i = first; i >= 0; i = ev.key_next[i]) {
        const MetaTag& m = ev.metas[i];
        if (m.property == property && !IsBlank(m.content)) return m.content;
      }
  }
  return {};
}

std::vector<std::string_view> MetaValues(const Evidence& ev, std::string_view key) {
  std::vector<std::string_view> out;
  if (ev.key_slots.empty()) {  // no index
    for (const MetaTag& m : ev.metas)
      if (m.key == key && !m.content.empty()) out.push_back(m.content);
    return out;
  }
  for (int32_t i = FirstMeta(ev, key); i >= 0; i = ev.key_next[i])
    if (!ev.metas[i].content.empty()) out.push_back(ev.metas[i].content);
  return out;
}

// ---- JSON-LD. -------------------------------------------------------------

std::string LdText(std::string_view s) { return CollapseWhitespace(DecodeEntities(s)); }

std::string_view StripSchemaPrefix(std::string_view t) {
  for (std::string_view p : {"http://schema.org/", "https://schema.org/", "schema:"})
    if (StartsWith(t, p)) return t.substr(p.size());
  return t;
}

// 1: article types, 2: other creative works with a date, 3: web pages; 0: other.
int TypeTier(std::string_view t) {
  t = StripSchemaPrefix(t);
  static constexpr std::string_view kArticle[] = {
      "BlogPosting", "LiveBlogPosting", "SocialMediaPosting", "DiscussionForumPosting",
      "Report", "ReportageNews", "Review", "Posting"};
  if (t.size() >= 7 && t.substr(t.size() - 7) == "Article") return 1;
  for (std::string_view a : kArticle)
    if (t == a) return 1;
  static constexpr std::string_view kWork[] = {"Recipe", "VideoObject", "Event", "CreativeWork",
                                               "PodcastEpisode", "Episode", "Book", "Course",
                                               "HowTo", "QAPage", "Question", "Chapter"};
  for (std::string_view a : kWork)
    if (t == a) return 2;
  if (t.size() >= 7 && t.substr(t.size() - 7) == "WebPage") return 3;
  if (t == "ItemPage" || t == "AboutPage" || t == "ProfilePage" || t == "CollectionPage") return 3;
  return 0;
}

std::vector<std::string_view> LdTypes(const JsonDoc& d, int32_t obj) {
  std::vector<std::string_view> out;
  int32_t t = d.Member(obj, "@type");
  if (t < 0) return out;
  if (d.nodes[t].type == JsonNode::kString) {
    out.emplace_back(StripSchemaPrefix(d.nodes[t].value));
  } else if (d.nodes[t].type == JsonNode::kArray) {
    for (int32_t c = d.nodes[t].first_child; c >= 0; c = d.nodes[c].next_sibling)
      if (d.nodes[c].type == JsonNode::kString) out.emplace_back(StripSchemaPrefix(d.nodes[c].value));
  }
  return out;
}

struct LdFacts {
  int32_t article = -1;
  int tier = 0;
  int article_objects = 0;  // tier-1 objects anywhere: many of them = a listing
  bool item_list = false;
  std::string headline, date_published, date_modified, description, image, url, lang, body;
  std::vector<std::string> authors, keywords, sections;
  std::string publisher, website_name;
};

// Nesting below the top level or @graph; an article under mainEntity counts as top level.
int LdDepth(const JsonDoc& d, int32_t obj) {
  int depth = 0, hops = 0;
  for (int32_t cur = obj; hops < 100; ++hops) {
    int32_t p = d.nodes[cur].parent;
    if (p < 0) break;
    const std::string& via = d.nodes[cur].key;
    if (d.nodes[p].type == JsonNode::kObject && via != "mainEntity" && via != "@graph") ++depth;
    cur = p;
  }
  return depth;
}

// @id → the first object with that @id and a name; the keys point into the JsonDoc.
// Built when a reference first needs it (most pages name their authors inline).
class LdIds {
 public:
  explicit LdIds(const JsonDoc& d) : d_(d) {}
  int32_t Find(std::string_view id) const {
    if (id.empty()) return -1;  // no key is empty
    if (!built_) {
      built_ = true;
      for (size_t i = 0; i < d_.nodes.size(); ++i) {
        if (d_.nodes[i].type != JsonNode::kObject) continue;
        std::string_view k = d_.MemberString(static_cast<int32_t>(i), "@id");
        if (!k.empty() && d_.Member(static_cast<int32_t>(i), "name") >= 0) ids_.emplace(k, static_cast<int32_t>(i));
      }
    }
    auto it = ids_.find(id);
    return it == ids_.end() ? -1 : it->second;
  }

 private:
  const JsonDoc& d_;
  mutable bool built_ = false;
  mutable std::unordered_map<std::string_view, int32_t> ids_;
};

std::string NameOf(const JsonDoc& d, int32_t v, const LdIds& ids) {
  const JsonNode& n = d.nodes[v];
  if (n.type == JsonNode::kString) return LdText(n.value);
  if (n.type != JsonNode::kObject) return {};
  std::string name = LdText(d.MemberString(v, "name"));
  if (name.empty()) {
    std::string g = LdText(d.MemberString(v, "givenName")), f = LdText(d.MemberString(v, "familyName"));
    name = CollapseWhitespace(g + " " + f);
  }
  if (name.empty()) {
    int32_t target = ids.Find(d.MemberString(v, "@id"));
    if (target >= 0 && target != v) {
      std::string_view nm = d.MemberString(target, "name");
      name = LdText(nm);
    }
  }
  return name;
}

std::vector<int32_t> ValuesOf(const JsonDoc& d, int32_t v) {
  std::vector<int32_t> out;
  if (v < 0) return out;
  if (d.nodes[v].type == JsonNode::kArray) {
    for (int32_t c = d.nodes[v].first_child; c >= 0 && out.size() < 50; c = d.nodes[c].next_sibling)
      out.push_back(c);
  } else {
    out.push_back(v);
  }
  return out;
}

std::string UrlOf(const JsonDoc& d, int32_t v) {
  for (int32_t x : ValuesOf(d, v)) {
    const JsonNode& n = d.nodes[x];
    if (n.type == JsonNode::kString && !n.value.empty()) return LdText(n.value);
    if (n.type == JsonNode::kObject) {
      for (std::string_view k : {"url", "contentUrl", "@id"}) {
        std::string_view u = d.MemberString(x, k);
        if (!u.empty()) return LdText(u);
      }
    }
  }
  return {};
}

void AppendList(const JsonDoc& d, int32_t v, std::vector<std::string>* out, bool split_commas) {
  for (int32_t x : ValuesOf(d, v)) {
    if (d.nodes[x].type != JsonNode::kString) continue;
    std::string s = LdText(d.nodes[x].value);
    if (!split_commas) {
      if (!s.empty()) out->push_back(s);
      continue;
    }
    size_t i = 0;
    while (i <= s.size()) {
      size_t e = s.find(',', i);
      if (e == std::string::npos) e = s.size();
      std::string part = CollapseWhitespace(std::string_view(s).substr(i, e - i));
      if (!part.empty()) out->push_back(part);
      i = e + 1;
    }
  }
}

LdFacts ReadJsonLd(const JsonDoc& d) {
  LdFacts f;
  LdIds ids(d);
  int best_rank = 1 << 30;
  for (size_t i = 0; i < d.nodes.size(); ++i) {
    int32_t o = static_cast<int32_t>(i);
    if (d.nodes[i].type != JsonNode::kObject) continue;
    int tier = 0;
    for (std::string_view t : LdTypes(d, o)) {
      int x = TypeTier(t);
      if (x && (!tier || x < tier)) tier = x;
      if (t == "ItemList") f.item_list = true;
      if ((t == "WebSite") && f.website_name.empty()) f.website_name = LdText(d.MemberString(o, "name"));
    }
    if (!tier) continue;
    if (tier == 1) ++f.article_objects;
    int depth = LdDepth(d, o);
    bool has_headline = d.Member(o, "headline") >= 0;
    int rank = tier * 10 + std::min(depth, 5) * 100 + (has_headline ? 0 : 1);
    if (rank < best_rank) {
      best_rank = rank;
      f.article = o;
      f.tier = tier + (depth > 0 ? 10 : 0);
    }
  }
  if (f.article < 0) return f;
  int32_t a = f.article;
  f.headline = LdText(d.MemberString(a, "headline"));
  if (f.headline.empty() && f.tier % 10 <= 2) f.headline = LdText(d.MemberString(a, "name"));
  for (std::string_view k : {"datePublished", "dateCreated", "uploadDate", "startDate"}) {
    f.date_published = LdText(d.MemberString(a, k));
    if (!f.date_published.empty()) break;
  }
  f.date_modified = LdText(d.MemberString(a, "dateModified"));
  f.description = LdText(d.MemberString(a, "description"));
  f.image = UrlOf(d, d.Member(a, "image"));
  if (f.image.empty()) f.image = UrlOf(d, d.Member(a, "thumbnailUrl"));
  f.url = LdText(d.MemberString(a, "url"));
  if (f.url.empty()) f.url = UrlOf(d, d.Member(a, "mainEntityOfPage"));
  f.lang = LdText(d.MemberString(a, "inLanguage"));
  f.body = std::string(d.MemberString(a, "articleBody"));
  for (std::string_view k : {"author", "creator"}) {
    for (int32_t v : ValuesOf(d, d.Member(a, k))) {
      std::string name = NameOf(d, v, ids);
      if (!name.empty() && !IsUrlLike(name)) f.authors.push_back(name);
    }
    if (!f.authors.empty()) break;
  }
  AppendList(d, d.Member(a, "keywords"), &f.keywords, true);
  AppendList(d, d.Member(a, "articleSection"), &f.sections, false);
  int32_t pub = d.Member(a, "publisher");
  if (pub >= 0) f.publisher = NameOf(d, ValuesOf(d, pub).front(), ids);
  return f;
}

// ---- Title. ---------------------------------------------------------------

// Pieces of a composite title split at separators (" | ", " - ", " » ", ": " …).
// With `colon`, ": " separates too (a kicker before the headline).
std::vector<std::string> SplitTitle(std::string_view t, bool colon, bool cjk_joins = false) {
  static constexpr std::string_view kSeps[] = {
      " | ", " - ", " \xe2\x80\x93 ", " \xe2\x80\x94 ", " :: ", " \xc2\xbb ", " \xc2\xab ",
      " \xc2\xb7 ", " \xe2\x80\xa2 ", " / ", " ~ ", " \xef\xbd\x9c ", " : ", "|", " \xd8\x8c ", ": "};
  std::vector<std::string> out;
  size_t i = 0, start = 0;
  while (i < t.size() && out.size() < 16) {
    size_t len = 0;
    // The first bytes of kSeps; after a space, the second bytes (most spaces precede a word).
    static constexpr auto kAfterSpace = [] {
      std::array<bool, 256> a{};
      for (std::string_view s : kSeps)
        if (s[0] == ' ') a[static_cast<unsigned char>(s[1])] = true;
      return a;
    }();
    if (t[i] == '|' || t[i] == ':' ||
        (t[i] == ' ' && i + 1 < t.size() && kAfterSpace[static_cast<unsigned char>(t[i + 1])]))
      for (std::string_view s : kSeps)
        if ((colon || s != ": ") && t.substr(i, s.size()) == s) { len = s.size(); break; }
    // Chinese titles join their parts with '_' or a full-width bar, without spaces
    // ("标题_新闻频道_示例网"); an '_' between ASCII letters or digits is part of a word.
    auto word = [&](size_t j) { return j < t.size() && std::isalnum(static_cast<unsigned char>(t[j])); };
    if (cjk_joins && !len && t[i] == '_' && i > 0 && !(word(i - 1) && word(i + 1))) len = 1;
    if (cjk_joins && !len && t.substr(i, 3) == "\xef\xbd\x9c") len = 3;
    if (len) {
      std::string piece = CollapseWhitespace(t.substr(start, i - start));
      if (!piece.empty()) out.push_back(piece);
      i += len;
      start = i;
    } else {
      ++i;
    }
  }
  std::string piece = CollapseWhitespace(t.substr(start));
  if (!piece.empty()) out.push_back(piece);
  return out;
}

size_t WordCount(std::string_view s) {
  size_t n = 0;
  bool in = false;
  for (char c : s) {
    bool sp = c == ' ';
    if (!sp && !in) ++n;
    in = !sp;
  }
  return n;
}

std::string Squash(std::string_view key) {
  std::string s(key);
  s.erase(std::remove(s.begin(), s.end(), ' '), s.end());
  return s;
}

// The fold keys of the texts a page compares again and again (title pieces,
// headings, site names, authors), computed once per page. A deque: references
// to its entries stay valid while it grows.
struct FoldMemo {
  struct Entry {
    std::string text, key, squashed;
  };
  std::deque<Entry> entries;
  const Entry& Get(std::string_view s) {
    if (entries.size() <= 256)  // bounds the search on hostile pages; later texts are folded anew
      for (const Entry& e : entries)
        if (e.text == s) return e;
    std::string k = FoldKey(s);
    std::string sq = Squash(k);
    entries.push_back({std::string(s), std::move(k), std::move(sq)});
    return entries.back();
  }
};
thread_local FoldMemo fold_memo;  // emptied by ExtractMetadata
const std::string& Fold(std::string_view s) { return fold_memo.Get(s).key; }
const std::string& FoldSquashed(std::string_view s) { return fold_memo.Get(s).squashed; }

struct SiteNames {
  std::vector<std::string> keys;  // squashed fold keys of known site names
  std::string host_label;         // "tagesschau" for www.tagesschau.de

  bool Matches(std::string_view text) const {
    const std::string& k = FoldSquashed(text);
    if (k.empty()) return false;
    for (const std::string& s : keys)
      if (!s.empty() && (k == s || (k.size() <= s.size() + 12 && k.find(s) != std::string::npos)))
        return true;
    return host_label.size() >= 3 && WordCount(text) <= 4 && k.find(host_label) != std::string::npos;
  }
};

std::string HostLabel(std::string_view url) {
  size_t p = url.find("://");
  if (p == std::string_view::npos) return {};
  std::string_view host = url.substr(p + 3);
  host = host.substr(0, host.find_first_of("/?#:"));
  std::vector<std::string_view> labels;
  size_t i = 0;
  while (i <= host.size()) {
    size_t e = host.find('.', i);
    if (e == std::string_view::npos) e = host.size();
    labels.push_back(host.substr(i, e - i));
    i = e + 1;
  }
  if (labels.size() < 2) return {};
  // The label before the public suffix; two-part suffixes like co.uk handled roughly.
  size_t k = labels.size() - 2;
  if (k > 0 && labels[k].size() <= 3 && labels.back().size() == 2) --k;
  return Squash(FoldKey(labels[k]));
}

// SplitTitle, also at '_' and '｜' when a part so cut off is the site's name
// ("标题_新闻频道_示例网" with og:site_name 示例网). Only then: Readability and the
// pages' own <title> keep "标题_频道_网" whole, and so does matn without that evidence.
std::vector<std::string> SplitTitleFor(std::string_view t, bool colon, const SiteNames& site) {
  if (t.find('_') != std::string_view::npos || t.find("\xef\xbd\x9c") != std::string_view::npos) {
    std::vector<std::string> p = SplitTitle(t, colon, true);
    for (const std::string& x : p)
      if (site.Matches(x)) return p;
  }
  return SplitTitle(t, colon);
}

// "Site » Blog Archive » Post", the title of WordPress's long-time default theme:
// the label is page chrome like the site's name.
bool ArchiveLabel(std::string_view piece) {
  const std::string& k = Fold(piece);
  return k == "blog archive" || k == "blog archiv";
}

// Removes site-name pieces from the ends of a composite title.
std::string StripSiteNameUncached(std::string_view title, const SiteNames& site);

// ChooseTitle strips the same few titles several times: once per page each.
// (The page has one SiteNames; the memo is emptied with the fold memo.)
thread_local std::deque<std::pair<std::string, std::string>> strip_memo;
const std::string& StripSiteName(std::string_view title, const SiteNames& site) {
  for (const auto& [in, out] : strip_memo)
    if (in == title) return out;
  strip_memo.emplace_back(std::string(title), StripSiteNameUncached(title, site));
  return strip_memo.back().second;
}

std::string StripSiteNameUncached(std::string_view title, const SiteNames& site) {
  std::vector<std::string> pieces = SplitTitleFor(title, false, site);
  if (pieces.size() < 2) return CollapseWhitespace(title);
  size_t b = 0, e = pieces.size();
  bool changed = false;
  while (e - b > 1 && site.Matches(pieces[e - 1])) { --e; changed = true; }
  while (e - b > 1 && (site.Matches(pieces[b]) || ArchiveLabel(pieces[b]))) { ++b; changed = true; }
  if (!changed) return CollapseWhitespace(title);
  // Rebuild from the original text so inner separators survive.
  std::string t = CollapseWhitespace(title);
  size_t from = t.find(pieces[b]);
  size_t to = t.rfind(pieces[e - 1]);
  if (from == std::string::npos || to == std::string::npos || to + pieces[e - 1].size() <= from)
    return pieces[b];
  return t.substr(from, to + pieces[e - 1].size() - from);
}

// The site's name when only the <title> gives it: "<headline> | Beispiel-Zeitung",
// "<headline> - صحيفة المثال", "<headline>_频道_示例网". Conservative: the headline must be
// the title's first part and the last part short (at most four words, no digits).
std::string SiteFromTitle(std::string_view title_tag, std::string_view headline, const SiteNames& site) {
  std::vector<std::string> pieces = SplitTitleFor(title_tag, false, site);
  if (pieces.size() < 2 || pieces.size() > 4 || Fold(pieces.front()) != Fold(headline)) return {};
  const std::string& last = pieces.back();
  if (WordCount(last) > 4 || last.size() > 60 || Fold(last) == Fold(headline)) return {};
  for (char c : last)
    if (c >= '0' && c <= '9') return {};
  return last;
}

// Drops separators and spaces at both ends.
std::string TrimSeparators(std::string_view s) {
  return TrimChars(s, {" ", "|", "-", ":", "/", "~", "\xe2\x80\x93", "\xe2\x80\x94", "\xc2\xbb", "\xc2\xab",
                       "\xc2\xb7", "\xe2\x80\xa2", "\xef\xbd\x9c", "\xd8\x8c"});
}

// The text of an h1's parts when it is built from several elements
// ("<span>Kicker</span><span>Headline</span>").
std::vector<std::string> HeadingParts(const Node* h) {
  std::vector<std::string> parts;
  for (const Node* c = h->first_child; c && parts.size() < 8; c = c->next_sibling) {
    std::string t = c->IsText() ? CollapseWhitespace(c->data()) : c->IsElement() ? NodeText(c, 1000) : "";
    if (!t.empty()) parts.push_back(t);
  }
  if (parts.size() < 2) parts.clear();
  return parts;
}

bool GenericHeading(std::string_view text) {
  const std::string& k = Fold(text);
  static constexpr std::string_view kGeneric[] = {"menu", "navigation", "search", "suche", "menü",
                                                  "main navigation", "page", "user", "quicklink"};
  for (std::string_view g : kGeneric)
    if (k == g) return true;
  return k.empty();
}

// "Word: more words": a colon right after a word and before more text (not the
// " : " that joins a kicker's element to the headline's).
bool ColonJoined(std::string_view t) {
  for (size_t i = 1; i + 2 < t.size(); ++i)
    if (t[i] == ':' && t[i - 1] != ' ' && t[i + 1] == ' ') return true;
  return false;
}

struct TitleChoice {
  std::string text;
  const Node* heading = nullptr;  // the h1 it came from, if any
};

TitleChoice ChooseTitle(const Evidence& ev, const LdFacts& ld, const SiteNames& site,
                        std::string_view og_title, std::string_view tw_title,
                        std::string_view dc_title) {
  const std::string_view metas[] = {ld.headline, dc_title, og_title, tw_title};
  // What the metadata calls the document, whole or without its site name ...
  std::vector<std::string> full;
  // ... and runs of its pieces that outweigh the rest ("Kicker: Headline | Site"
  // yields "Headline" only when no other piece is longer).
  // A run shorter than another piece ("Blog Name: Post title") confirms only an
  // h1 outside the page chrome: in a header it is the site's logo.
  std::vector<std::string> runs, weak_runs;
  std::vector<std::string_view> added;  // the lists are only asked what they contain: one add per text
  auto add = [&](std::string_view s) {
    if (s.empty() || std::find(added.begin(), added.end(), s) != added.end()) return;
    added.push_back(s);
    full.push_back(Fold(s));
    full.push_back(Fold(StripSiteName(s, site)));
    std::vector<std::string> p = SplitTitleFor(s, true, site);
    std::vector<size_t> words;
    std::vector<std::string> keys;  // FoldKey of a run is its pieces' keys joined by a space
    for (const std::string& x : p) words.push_back(WordCount(x)), keys.push_back(Fold(x));
    for (size_t i = 0; i < p.size(); ++i) {
      std::string run;
      size_t run_words = 0;
      for (size_t j = i; j < p.size(); ++j) {
        if (!run.empty() && !keys[j].empty()) run += ' ';
        run += keys[j];
        run_words += words[j];
        size_t rest = 0;
        for (size_t k = 0; k < p.size(); ++k)
          if (k < i || k > j) rest = std::max(rest, words[k]);
        if (i == j && site.Matches(p[j])) continue;
        (run_words >= rest ? runs : weak_runs).push_back(run);
      }
    }
  };
  for (std::string_view s : metas) add(s);
  add(ev.title_tag);
  auto in = [](const std::vector<std::string>& v, const std::string& key) {
    return !key.empty() && std::find(v.begin(), v.end(), key) != v.end();
  };

  // 1. A headline the page shows that its metadata confirms: whole h1s before
  // their parts, whole titles before runs.
  struct Heading {
    const Node* node;
    std::string text, key;
    std::vector<std::string> parts, part_keys;
  };
  std::vector<Heading> heads;
  for (const Located& h : ev.h1s) {
    if (heads.size() >= 12) break;
    std::string text = NodeText(h.node, 2000);
    if (GenericHeading(text) || (site.Matches(text) && WordCount(text) <= 4)) continue;
    std::vector<std::string> parts, part_keys;
    for (std::string& part : HeadingParts(h.node))
      if (WordCount(part) >= 2 && !site.Matches(part)) part_keys.push_back(Fold(part)), parts.push_back(std::move(part));
    std::string key = Fold(text);
    heads.push_back({h.node, std::move(text), std::move(key), std::move(parts), std::move(part_keys)});
  }
  for (const std::vector<std::string>* refs : {&full, &runs, &weak_runs}) {
    bool weak = refs == &weak_runs;
    for (const Heading& h : heads) {
      if (!in(*refs, h.key) || (weak && (ZoneOf(h.node, nullptr) & kInChrome))) continue;
      // "<h1><span>Kicker</span> <span>Headline</span></h1>" with a title
      // "Kicker: Headline": the metadata splits where the markup does, and
      // the longer part (the later one on a tie) is the headline.
      const std::string* best = nullptr;
      // "Frauen im THW: Vergangenheit …" as the metadata writes it too: the
      // colon belongs to the title, it does not follow a separate kicker.
      bool one_title = refs == &full && ColonJoined(h.text);
      for (size_t k = 0; k < h.parts.size() && !one_title; ++k) {
        const std::string& part = h.parts[k];
        if ((in(runs, h.part_keys[k]) || in(weak_runs, h.part_keys[k])) && (!best || part.size() >= best->size()))
          best = &part;
      }
      if (best) return {*best, h.node};
      return {refs == &full ? StripSiteName(h.text, site) : h.text, h.node};
    }
    for (const Heading& h : heads)
      for (size_t k = 0; k < h.parts.size(); ++k)
        if (in(*refs, h.part_keys[k]) && !(weak && (ZoneOf(h.node, nullptr) & kInChrome))) return {h.parts[k], h.node};
  }
  // 2. The metadata's own headline.
  for (std::string_view s : metas) {
    std::string t = StripSiteName(s, site);
    if (!t.empty()) return {t, nullptr};
  }
  // 3. <title> without the site name. When no piece is known to be the site
  // name, drop the last piece, or the first when too little would remain; a
  // title that would shrink to four words or fewer stays whole (short titles
  // are rarely "Headline | Site").
  std::string t = StripSiteName(ev.title_tag, site);
  std::vector<std::string> pieces = SplitTitle(t, false);
  if (pieces.size() >= 2 && t == CollapseWhitespace(ev.title_tag)) {
    std::string cut = TrimSeparators(t.substr(0, t.rfind(pieces.back())));
    if (WordCount(cut) < 3) cut = TrimSeparators(t.substr(t.find(pieces.front()) + pieces.front().size()));
    if (WordCount(cut) > 4) t = cut;
  }
  if (!t.empty()) return {t, nullptr};
  // 4. No title at all: the h1 inside the article, or the only one.
  const Node* only = nullptr;
  int count = 0;
  for (const Heading& h : heads) {
    unsigned z = ZoneOf(h.node, nullptr);
    if (z & (kInComment | kInRelated)) continue;
    if (z & kInArticle) { only = h.node; count = 1; break; }
    if (!only) only = h.node;
    ++count;
  }
  if (only && count == 1) return {NodeText(only, 2000), only};
  return {};
}

// ---- Authors. ---------------------------------------------------------------

bool PlausibleAuthor(std::string_view a, const SiteNames& site) {
  if (a.empty() || a.size() > 100 || IsUrlLike(a) || a.find('@') != std::string_view::npos) return false;
  if (WordCount(a) > 7) return false;
  if (Fold(a).empty()) return false;
  const std::string& k = FoldSquashed(a);
  for (const std::string& s : site.keys)
    if (!s.empty() && k == s) return false;
  return true;
}

void AddAuthors(std::string_view raw, const SiteNames& site, std::vector<std::string>* out) {
  for (std::string& a : BylineNames(raw)) {
    if (!PlausibleAuthor(a, site)) continue;
    bool dup = false;
    for (const std::string& o : *out)
      if (Fold(o) == Fold(a)) dup = true;
    if (!dup && out->size() < 10) out->push_back(a);
  }
}

std::vector<std::string> ChooseAuthors(const Evidence& ev, const LdFacts& ld, const SiteNames& site) {
  std::vector<std::string> out;
  for (const std::string& a : ld.authors) AddAuthors(a, site, &out);
  if (!out.empty()) return out;
  for (std::string_view k : {"author", "article:author", "dc.creator", "dcterms.creator",
                             "parsely-author", "sailthru.author", "byl", "citation_author",
                             "og:article:author", "book:author"}) {
    for (std::string_view v : MetaValues(ev, k)) AddAuthors(v, site, &out);
    if (!out.empty()) return out;
  }
  // Microdata: itemprop=author, its itemprop=name when present.
  for (const Located& l : ev.itemprops) {
    if (LowerAscii(l.node->Attr("itemprop")).find("author") == std::string::npos) continue;
    if (ZoneOf(l.node, nullptr) & (kInComment | kInRelated)) continue;
    const Node* name = nullptr;
    for (const Node* n = NextInPreorder(l.node, l.node); n; n = NextInPreorder(n, l.node))
      if (n->IsElement() && n->Attr("itemprop") == "name") { name = n; break; }
    std::string_view content = (name ? name : l.node)->Attr("content");
    AddAuthors(!content.empty() ? std::string(content) : NodeText(name ? name : l.node, 300), site, &out);
    if (!out.empty()) return out;
  }
  // Visible bylines.
  static const TokenSet kNameWords({"name", "author-name"});
  auto from_nodes = [&](const std::vector<Located>& nodes) {
    for (const Located& l : nodes) {
      if (ZoneOf(l.node, nullptr) & (kInComment | kInRelated | kInChrome)) continue;
      std::string text = NodeText(l.node, 400);
      if (text.size() > 120) {
        // A byline box with more in it: the link or name inside is the author.
        for (const Node* n = NextInPreorder(l.node, l.node); n; n = NextInPreorder(n, l.node)) {
          if (n->Is(Tag::kA) || HasClassToken(n, kNameWords)) {
            text = NodeText(n, 200);
            break;
          }
        }
      }
      if (text.size() > 120) continue;
      AddAuthors(text, site, &out);
      if (!out.empty()) return;
    }
  };
  from_nodes(ev.rel_authors);
  if (out.empty()) from_nodes(ev.bylines);
  return out;
}

// ---- Dates. -----------------------------------------------------------------

struct DateCand {
  DateTime value;
  int priority;  // lower wins
};

// Days since 1970-01-01 (Howard Hinnant's days-from-civil).
long long DayNumber(const DateTime& d) {
  int y = d.year - (d.month <= 2);
  long long era = (y >= 0 ? y : y - 399) / 400;
  long long yoe = y - era * 400;
  long long doy = (153 * (d.month + (d.month > 2 ? -3 : 9)) + 2) / 5 + d.day - 1;
  long long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

// Minutes since an epoch, for "same instant" comparisons; nullopt without an offset.
std::optional<long long> Instant(const DateTime& d) {
  if (!d.has_time() || !d.has_offset) return std::nullopt;
  return DayNumber(d) * 1440 + d.hour * 60 + d.minute - d.offset_minutes;
}

bool SameDay(const DateTime& a, const DateTime& b) {
  return a.year == b.year && a.month == b.month && a.day == b.day;
}

bool ModifiedLabel(std::string_view text_before) {
  std::string low = LowerAscii(text_before);
  for (std::string_view w : {"update", "modified", "aktualisiert", "ge\xc3\xa4ndert", "mis \xc3\xa0 jour",
                             "actualizado", "\xd8\xa8\xd8\xb1\xd9\x88\xd8\xb2" /* بروز */})
    if (low.find(w) != std::string::npos) return true;
  return false;
}

// A dateline is mostly date, or opens its paragraph; a date inside a sentence
// of the body ("… regelt ab dem 13. Januar 2022 …") is about something else.
bool MostlyDate(std::string_view text, const DateMatch& m) {
  // "29.11.2022 – Mehrfach hatte …": a paragraph that opens with its date.
  if (m.begin <= 2) return true;
  size_t rest = 0;
  for (size_t i = 0; i < text.size(); ++i)
    if ((i < m.begin || i >= m.end) && (static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++rest;
  return rest <= 40;
}

// The first plausible date phrase in the visible text, preferring text outside
// page chrome and related lists; never in comments. Bounded by kMaxScanBytes.
std::optional<DateTime> FirstDateInPage(const Node* root, const DateContext& ctx) {
  constexpr size_t kMaxScanBytes = 200000;
  std::optional<DateTime> in_chrome, in_sentence;
  size_t bytes = 0;
  for (const Node* n = root; n && bytes < kMaxScanBytes;) {
    if (n->IsElement() && (n->Is(Tag::kScript) || n->Is(Tag::kStyle) || n->Is(Tag::kTemplate) ||
                           n->Is(Tag::kNoscript) || n->Is(Tag::kHead))) {
      n = NextInPreorder(n, root, true);
      continue;
    }
    if (n->IsText() && n->data().size() >= 6) {
      bytes += n->data().size();
      std::string_view raw = std::string_view(n->data()).substr(0, 1000);
      // Only relative dates ("yesterday", "دیروز") can be found without a digit,
      // and they are skipped below: a node without one is skipped before the
      // copy and the tokenizing.
      bool digit = MayHoldDigit(raw);
      if (!digit) {
        n = NextInPreorder(n, root);
        continue;
      }
      std::string text = CollapseWhitespace(raw);
      for (const DateMatch& m : FindDatesInText(text, ctx)) {
        if (!PlausibleDate(m.value, ctx) || m.relative) continue;
        unsigned z = ZoneOf(n, nullptr);
        if (z & kInComment) break;
        // "… bei St. Moritz vom 31.05.2021 (links) …" dates a picture, not the page.
        if (!MostlyDate(text, m)) {
          if (!in_sentence && !(z & (kInChrome | kInRelated))) in_sentence = m.value;
          continue;
        }
        if (!(z & (kInChrome | kInRelated))) return m.value;
        if (!in_chrome) in_chrome = m.value;
        break;
      }
    }
    n = NextInPreorder(n, root);
  }
  return in_chrome ? in_chrome : in_sentence;
}

struct DateChoice {
  std::string published, modified;
  bool from_page = false;  // found in markup or text, not only in the URL
};

DateChoice ChooseDates(const Node* doc_root, const Evidence& ev, const LdFacts& ld,
                       const DateContext& ctx, const Node* headline, std::string_view url) {
  std::vector<DateCand> pub, mod;
  auto add = [&](std::vector<DateCand>* v, std::string_view s, int prio) {
    if (s.empty()) return;
    std::optional<DateTime> d = ParseDateValue(s, ctx);
    if (d && PlausibleDate(*d, ctx)) v->push_back({*d, prio});
  };
  bool ld_article = ld.tier == 1 || ld.tier == 11;
  add(&pub, ld.date_published, ld_article ? 10 : 50);
  add(&mod, ld.date_modified, ld_article ? 10 : 50);
  // Meta tags: strong publication keys, then generic ones.
  int p = 20;
  for (std::string_view k : {"article:published_time", "og:article:published_time", "article:published",
                             "og:published_time", "datepublished", "published_time", "publication_date",
                             "publish_date", "publish-date", "publishdate", "pubdate", "pub_date",
                             "parsely-pub-date", "sailthru.date", "article.published",
                             "article_date_original", "originalpublicationdate", "dc.date.issued",
                             "dcterms.issued", "citation_publication_date", "citation_date",
                             "cxenseparse:recs:publishtime", "date_published", "release_date",
                             "datecreated"}) {
    add(&pub, MetaValue(ev, {k}), p);
    ++p;
  }
  // Generic "date" metas are often the crawl or build time: below a visible dateline.
  p = 80;
  for (std::string_view k : {"date", "dc.date", "dcterms.date", "dc.date.created", "dcterms.created",
                             "created", "creation_date", "dc.date.available"}) {
    add(&pub, MetaValue(ev, {k}), p);
    ++p;
  }
  p = 20;
  for (std::string_view k : {"article:modified_time", "og:updated_time", "article:modified",
                             "datemodified", "dcterms.modified", "dc.date.modified", "modified_time",
                             "last-modified", "lastmod", "sailthru.lastmodified"}) {
    add(&mod, MetaValue(ev, {k}), p);
    ++p;
  }
  // What the head's metadata says (JSON-LD and meta tags, either kind), to
  // confirm a dateline the page shows.
  std::vector<DateTime> head_dates;
  for (const std::vector<DateCand>* v : {&pub, &mod})
    for (const DateCand& c : *v) head_dates.push_back(c.value);

  std::unordered_set<const Node*> headline_anc;
  for (const Node* a = headline; a && headline_anc.size() < 400; a = a->parent) headline_anc.insert(a);
  ResetZoneMemo();
  uint32_t headline_order = 0;
  if (headline) {
    // The headline is one of the recorded h1s or h2s.
    for (const std::vector<Located>* v : {&ev.h1s, &ev.h2s})
      for (const Located& l : *v)
        if (l.node == headline && !headline_order) headline_order = l.order;
  }
  // The container the headline sits in: dates inside it, before the headline, are datelines.
  const Node* article_box = nullptr;
  for (const Node* a = headline; a; a = a->parent)
    if (a->Is(Tag::kArticle) || a->Is(Tag::kMain)) { article_box = a; break; }
  auto inside = [](const Node* n, const Node* box) {
    int hops = 0;
    for (const Node* a = n; a && hops < kMaxAncestorHops; a = a->parent, ++hops)
      if (a == box) return true;
    return false;
  };
  // Where a visible date may come from: not chrome, comments or related lists;
  // after the headline or inside its article.
  auto usable = [&](const Located& l, bool need_near) {
    unsigned z = ZoneOf(l.node, headline ? &headline_anc : nullptr);
    if (z & (kInComment | kInRelated | kInChrome)) return false;
    if (!headline || !need_near) return true;
    if (l.order >= headline_order) return true;
    return article_box && inside(l.node, article_box);
  };

  // Microdata.
  for (const Located& l : ev.itemprops) {
    std::string prop = LowerAscii(l.node->Attr("itemprop"));
    bool is_pub = prop.find("datepublished") != std::string::npos;
    bool is_created = prop.find("datecreated") != std::string::npos;
    bool is_mod = prop.find("datemodified") != std::string::npos;
    if (!is_pub && !is_mod && !is_created) continue;
    if (ZoneOf(l.node, &headline_anc) & (kInComment | kInRelated)) continue;
    std::string_view v = l.node->Attr("content");
    if (v.empty()) v = l.node->Attr("datetime");
    if (v.empty() && l.node->Is(Tag::kAbbr)) v = l.node->Attr("title");  // microformats' abbr pattern
    std::string text = v.empty() ? NodeText(l.node, 200) : std::string(v);
    add(is_mod ? &mod : &pub, text, is_created ? 45 : 30);
  }
  // <time> elements.
  for (const Located& l : ev.times) {
    const Node* t = l.node;
    bool pubdate = t->FindAttr("pubdate") != nullptr;
    if (!pubdate && !usable(l, true)) continue;
    if (pubdate && (ZoneOf(t, &headline_anc) & (kInComment | kInRelated))) continue;
    std::string_view v = t->Attr("datetime");
    std::string value = v.empty() ? NodeText(t, 200) : std::string(v);
    const Node* par = t->parent;
    static const TokenSet kModifiedWords({"updated", "modified", "update"});
    static const TokenSet kPublishedWords({"published", "pub", "publish", "pubdate", "entry-date", "posted", "created"});
    bool modified = HasClassToken(t, kModifiedWords) || (par && HasClassToken(par, kModifiedWords));
    bool published = HasClassToken(t, kPublishedWords) || (par && HasClassToken(par, kPublishedWords));
    if (modified && !pubdate) {
      add(&mod, value, 40);
      continue;
    }
    add(&pub, value, pubdate || published ? 30 : 55);
  }
  // Visible text: date containers near the headline, then the text right after it.
  int boxes = 0;
  std::optional<DateTime> box_date;
  bool box_updated = false;
  for (const Located& l : ev.date_boxes) {
    if (boxes > 60) break;
    if (!usable(l, true)) continue;
    ++boxes;
    std::string text = NodeText(l.node, 300);
    if (text.empty() || text.size() > 250) continue;
    std::vector<DateMatch> found = FindDatesInText(text, ctx);
    for (const DateMatch& m : found) {
      if (!PlausibleDate(m.value, ctx)) continue;
      bool is_mod = ModifiedLabel(text.substr(0, m.begin)) &&
                    !(text.substr(0, m.begin).find("ublish") != std::string::npos);
      (is_mod ? &mod : &pub)->push_back({m.value, 70});
      if (!box_date) { box_date = m.value; box_updated = is_mod; }
      break;
    }
  }
  // The dateline a reader sees under (or just above) the headline, whatever its label.
  std::optional<DateTime> visible;
  bool visible_updated = false;  // labelled "Updated", "Aktualisiert", "Stand" …
  if (headline) {
    // The first date in the text right after the headline: the dateline.
    int texts = 0;
    size_t bytes = 0;
    std::string prev_text, text;
    const Node* n = NextInPreorder(headline, doc_root);  // the headline's own small print too
    while (n && texts < 40 && bytes < 3000) {
      if (n->IsElement() && (n->Is(Tag::kScript) || n->Is(Tag::kStyle) || n->Is(Tag::kNav) ||
                             n->Is(Tag::kAside) || n->Is(Tag::kFooter) || n->Is(Tag::kForm) ||
                             n->Is(Tag::kTemplate))) {
        n = NextInPreorder(n, doc_root, true);
        continue;
      }
      if (n->IsText()) {
        CollapseWhitespaceInto(n->data(), &text);
        if (!text.empty()) {
          ++texts;
          bytes += text.size();
          if (text.size() <= 250 && !(ZoneOf(n, &headline_anc) & (kInComment | kInRelated | kInChrome))) {
            bool got = false;
            for (const DateMatch& m : FindDatesInText(text, ctx)) {
              if (!PlausibleDate(m.value, ctx) || !MostlyDate(text, m)) continue;
              bool updated = ModifiedLabel(prev_text + " " + text.substr(0, m.begin));
              (updated ? &mod : &pub)->push_back({m.value, 68});
              if (!visible) { visible = m.value; visible_updated = updated; }
              got = true;
              break;
            }
            if (got) break;
          }
          // A label in its own element ("<span>Updated:</span> <time>…") still labels the date.
          prev_text = text.size() <= 40 ? text : "";
        }
      }
      n = NextInPreorder(n, doc_root);
    }
  }
  if (headline) {
    // A dateline just above the headline, in the box the headline sits in.
    const Node* box = headline;
    for (int up = 0; up < 3 && box->parent && box->parent->IsElement() && !box->parent->Is(Tag::kBody); ++up)
      box = box->parent;
    std::optional<DateTime> last;
    int texts = 0;
    std::string prev_text;  // "<span>Updated:</span> <time>…": the label in its own element
    std::string text;
    for (const Node* n = NextInPreorder(box, box); n && n != headline && texts < 80;) {
      if (n->IsElement() && (n->Is(Tag::kScript) || n->Is(Tag::kStyle) || n->Is(Tag::kTemplate))) {
        n = NextInPreorder(n, box, true);
        continue;
      }
      if (n->IsText()) {
        CollapseWhitespaceInto(n->data(), &text);
        if (!text.empty() && text.size() <= 250 && ++texts &&
            !(ZoneOf(n, &headline_anc) & (kInComment | kInRelated | kInChrome))) {
          for (const DateMatch& m : FindDatesInText(text, ctx))
            if (PlausibleDate(m.value, ctx) && MostlyDate(text, m) &&
                !ModifiedLabel(prev_text + " " + text.substr(0, m.begin)))
              last = m.value;
        }
        if (!text.empty()) prev_text = text.size() <= 40 ? text : "";
      }
      n = NextInPreorder(n, box);
    }
    if (last) pub.push_back({*last, 69});
    if (last && !visible) visible = last;
  }
  if (!visible && box_date) { visible = box_date; visible_updated = box_updated; }
  DateChoice out;
  std::optional<DateTime> from_url = DateFromUrl(url);
  auto best = [](std::vector<DateCand>& v) -> const DateCand* {
    if (v.empty()) return nullptr;
    std::stable_sort(v.begin(), v.end(), [](const DateCand& a, const DateCand& b) { return a.priority < b.priority; });
    return &v.front();
  };
  const DateCand* bp = best(pub);
  const DateCand* bm = best(mod);
  std::optional<DateTime> published;
  if (bp) {
    published = bp->value;
    // A weak page date that contradicts the URL's date loses to it.
    if (from_url && bp->priority >= 60 && !SameDay(*published, *from_url)) {
      published = *from_url;
      for (const DateCand& c : pub)
        if (SameDay(c.value, *from_url)) { published = c.value; break; }
    }
    // The page's metadata against what it shows under the headline: a shown
    // day a little earlier is the same instant in local time (UTC metadata),
    // a later one is the revision the page presents as current; readers and
    // archivists date the page by what it shows.
    if (visible && bp->priority < 60 && !SameDay(*visible, *published)) {
      long long days = DayNumber(*visible) - DayNumber(*published);
      bool same_instant = false;
      if (std::optional<long long> inst = Instant(*published); inst && visible->has_time() && !visible->has_offset) {
        long long shown = DayNumber(*visible) * 1440 + visible->hour * 60 + visible->minute;
        long long shift = shown - *inst;  // the page's UTC offset, if it is the same instant
        same_instant = shift % 15 == 0 && shift >= -12 * 60 && shift <= 14 * 60;
      }
      if (same_instant || (visible_updated && days > 0)) published = *visible;
      // The shown date is one the metadata also gives (a meta tag against
      // JSON-LD, or its dateModified): the page presents that one as its date.
      for (const DateTime& h : head_dates)
        if (!SameDay(*published, *visible) && SameDay(h, *visible)) published = h;
    }
    // The same instant written in the page's local time beats its UTC form.
    std::optional<long long> inst = Instant(*published);
    if (inst && published->offset_minutes == 0) {
      for (const DateCand& c : pub) {
        std::optional<long long> ci = Instant(c.value);
        if (ci && *ci == *inst && c.value.offset_minutes != 0) { published = c.value; break; }
      }
    }
    out.from_page = true;
  } else if (from_url) {
    published = from_url;
  } else if (bm) {
    // A page that only says when it changed was at least there then; a date it
    // shows from before that change is when it appeared.
    published = bm->value;
    std::optional<DateTime> shown = FirstDateInPage(doc_root, ctx);
    if (shown && DayNumber(*shown) < DayNumber(bm->value)) published = shown;
    out.from_page = true;
  } else {
    // Nothing marked up and no dateline by the headline: the first date
    // anywhere in the page's text (a dateline in an unusual place, a "last
    // changed" line), outside comments; chrome only when nothing else has one.
    published = FirstDateInPage(doc_root, ctx);
    out.from_page = published.has_value();
  }
  if (published) out.published = FormatIso(*published);
  if (bm) out.modified = FormatIso(bm->value);
  return out;
}

std::string LangFrom(const Evidence& ev, const LdFacts& ld) {
  if (!ev.html_lang.empty()) return ev.html_lang;
  std::string_view v = MetaValue(ev, {"content-language", "language", "dc.language", "og:locale"});
  std::string s = CollapseWhitespace(v);
  std::replace(s.begin(), s.end(), '_', '-');
  if (!s.empty()) return s;
  return ld.lang;
}

// `keys` holds FoldKey of each entry of *out, so that a long list is not folded again per item.
void AddUnique(std::vector<std::string>* out, std::vector<std::string>* keys, std::string_view raw, bool split) {
  std::vector<std::string> items;
  if (split) {
    std::string s(raw);
    size_t i = 0;
    while (i <= s.size()) {
      size_t e = s.find_first_of(",;", i);
      if (e == std::string::npos) e = s.size();
      items.push_back(CollapseWhitespace(std::string_view(s).substr(i, e - i)));
      i = e + 1;
    }
  } else {
    items.push_back(CollapseWhitespace(raw));
  }
  for (std::string& it : items) {
    if (it.empty() || it.size() > 100 || out->size() >= 50) continue;
    std::string key = FoldKey(it);
    if (std::find(keys->begin(), keys->end(), key) != keys->end()) continue;
    out->push_back(std::move(it));
    keys->push_back(std::move(key));
  }
}

// CleanText, except that every ZWNJ the page wrote stays: a title or a name is
// quoted as written, and CleanText drops a ZWNJ next to a space. A private-use
// placeholder carries the ZWNJ through.
std::string CleanKeepingZwnj(const std::string& s) {
  static constexpr std::string_view kZwnj = "\xe2\x80\x8c", kMark = "\xee\x80\x80";
  // Printable ASCII with single inner spaces is what CleanText returns it as
  // (nothing to drop, collapse or normalize): most titles, names and tags.
  bool clean = !s.empty() && s.front() != ' ' && s.back() != ' ';
  for (size_t i = 0; i < s.size() && clean; ++i)
    clean = (s[i] > ' ' && s[i] < 0x7F) || (s[i] == ' ' && s[i + 1] != ' ');
  if (clean) return s;
  if (s.find(kZwnj) == std::string::npos || s.find(kMark) != std::string::npos) return CleanText(s);
  std::string t;
  for (size_t i = 0; i < s.size();) {
    if (s.compare(i, kZwnj.size(), kZwnj) == 0) { t.append(kMark); i += kZwnj.size(); }
    else t.push_back(s[i++]);
  }
  t = CleanText(t);
  std::string out;
  for (size_t i = 0; i < t.size();) {
    if (t.compare(i, kMark.size(), kMark) == 0) { out.append(kZwnj); i += kMark.size(); }
    else out.push_back(t[i++]);
  }
  return out;
}

}  // namespace

Metadata ExtractMetadata(const Document& doc, const MetadataOptions& options) {
  Metadata md;
  Evidence ev;
  ResetZoneMemo();
  fold_memo.entries.clear();
  strip_memo.clear();
  box_words_memo.Reset();
  zone_words_memo.Reset();
  Collect(doc, &ev);
  IndexMetas(&ev);
  LdFacts ld = ReadJsonLd(ev.ld);

  std::string page_url(options.url);
  std::string base = page_url;
  if (!ev.base_href.empty()) base = ResolveUrl(page_url, ev.base_href);

  // Site name first: title cleaning and author filtering need it.
  md.sitename = CollapseWhitespace(MetaValue(ev, {"og:site_name", "application-name", "al:android:app_name"}));
  if (md.sitename.empty()) md.sitename = ld.publisher;
  if (md.sitename.empty()) md.sitename = ld.website_name;
  SiteNames site;
  for (const std::string& s : {md.sitename, ld.publisher, ld.website_name,
                               CollapseWhitespace(MetaValue(ev, {"application-name"})),
                               CollapseWhitespace(MetaValue(ev, {"og:site_name"}))})
    if (!s.empty()) site.keys.push_back(FoldSquashed(s));
  std::string_view tw_site = MetaValue(ev, {"twitter:site"});
  if (StartsWith(tw_site, "@") && tw_site.size() > 3) site.keys.push_back(FoldSquashed(tw_site.substr(1)));
  std::string canonical = ev.canonical.empty() ? "" : ResolveUrl(base, ev.canonical);
  std::string og_url = CollapseWhitespace(MetaValue(ev, {"og:url"}));
  site.host_label = HostLabel(!page_url.empty() ? page_url : !canonical.empty() ? canonical : og_url);

  std::string og_title = CollapseWhitespace(MetaValue(ev, {"og:title"}));
  std::string tw_title = CollapseWhitespace(MetaValue(ev, {"twitter:title"}));
  std::string dc_title = CollapseWhitespace(MetaValue(ev, {"dc.title", "dcterms.title", "citation_title", "parsely-title", "sailthru.title", "headline"}));
  TitleChoice title = ChooseTitle(ev, ld, site, og_title, tw_title, dc_title);
  md.title = title.text;
  const Node* headline = title.heading;
  if (!headline) {
    // The h1 (or h2) whose text the chosen title contains still anchors the dateline search.
    std::string tk = Fold(md.title);
    std::vector<Located> heads = ev.h1s;
    heads.insert(heads.end(), ev.h2s.begin(), ev.h2s.begin() + std::min<size_t>(ev.h2s.size(), 20));
    for (const Located& h : heads) {
      const std::string& hk = Fold(NodeText(h.node, 1000));
      if (!hk.empty() && !tk.empty() && (hk.find(tk) != std::string::npos || tk.find(hk) != std::string::npos)) {
        headline = h.node;
        break;
      }
    }
  }

  if (md.sitename.empty()) md.sitename = SiteFromTitle(ev.title_tag, md.title, site);
  md.authors = ChooseAuthors(ev, ld, site);
  if (md.authors.empty())  // "作者：李明", "By Jane Doe" under the headline, in no byline box
    for (const std::string& a : LabelledBylineAfter(headline, doc.root())) AddAuthors(a, site, &md.authors);

  DateContext dctx;
  std::string lang = LangFrom(ev, ld);
  dctx.lang = lang;
  dctx.reference = options.reference;
  std::string date_url = !page_url.empty() ? page_url : !canonical.empty() ? canonical : og_url;
  DateChoice dates = ChooseDates(doc.root(), ev, ld, dctx, headline, date_url);
  md.date_published = dates.published;
  md.date_modified = dates.modified;

  md.description = CollapseWhitespace(MetaValue(ev, {"og:description", "description", "twitter:description", "dc.description"}));
  if (md.description.empty()) md.description = ld.description;

  if (!canonical.empty()) md.url = canonical;
  else if (!og_url.empty()) md.url = ResolveUrl(base, og_url);
  else if (!ld.url.empty()) md.url = ResolveUrl(base, ld.url);
  else md.url = page_url;

  std::string image = CollapseWhitespace(MetaValue(ev, {"og:image", "og:image:url", "og:image:secure_url", "twitter:image", "twitter:image:src"}));
  if (image.empty()) image = ld.image;
  if (image.empty()) image = CollapseWhitespace(MetaValue(ev, {"image", "thumbnail", "thumbnailurl"}));
  if (image.empty()) image = ev.image_src;
  md.image = image.empty() ? "" : ResolveUrl(!base.empty() ? base : md.url, image);

  std::vector<std::string> tag_keys, category_keys;
  for (std::string_view t : MetaValues(ev, "article:tag")) AddUnique(&md.tags, &tag_keys, t, false);
  for (const std::string& t : ld.keywords) AddUnique(&md.tags, &tag_keys, t, false);
  for (std::string_view k : {"news_keywords", "keywords", "parsely-tags"})
    for (std::string_view t : MetaValues(ev, k)) AddUnique(&md.tags, &tag_keys, t, true);
  for (std::string_view t : MetaValues(ev, "article:section")) AddUnique(&md.categories, &category_keys, t, false);
  for (const std::string& t : ld.sections) AddUnique(&md.categories, &category_keys, t, false);
  for (std::string_view t : MetaValues(ev, "parsely-section")) AddUnique(&md.categories, &category_keys, t, false);

  md.lang = lang;
  md.json_ld_article_body = ld.body;

  // Unicode hygiene (NFC, invisible junk, whitespace) on everything a reader sees.
  for (std::string* s : {&md.title, &md.sitename, &md.description}) *s = CleanKeepingZwnj(*s);
  for (auto* list : {&md.authors, &md.tags, &md.categories}) {
    for (std::string& s : *list) s = CleanKeepingZwnj(s);
    list->erase(std::remove(list->begin(), list->end(), std::string()), list->end());
  }

  // Page type.
  std::string og_type = LowerAscii(CollapseWhitespace(MetaValue(ev, {"og:type"})));
  bool ld_article = ld.tier == 1;
  bool many_articles = ld.article_objects >= 3 || (ld.item_list && !ld_article);
  if (many_articles && !ld_article) md.page_type = "listing";
  else if (ld_article || og_type == "article" || StartsWith(og_type, "article") || og_type == "blog" ||
           og_type == "news")
    md.page_type = "article";
  else if (og_type == "website" && (md.date_published.empty() || !dates.from_page))
    md.page_type = "listing";
  else if (headline && dates.from_page)
    md.page_type = "article";
  else
    md.page_type = "other";
  return md;
}

}  // namespace matn
