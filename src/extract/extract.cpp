// Main-content extraction: flatten, score, select, prune, serialise.
// See include/matn/extract.h for the method; the "why" of each rule is next to it.
#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <memory>
#include <string>
#include <type_traits>
#include <string_view>
#include <unordered_set>
#include <vector>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "extract/internal.h"
#include "extract/lexicon.h"
#include "matn/extract.h"

namespace matn {
namespace extract {
namespace {

constexpr uint32_t kNone = UINT32_MAX;

enum : uint16_t {
  kFElem = 1 << 0,
  kFBlock = 1 << 1,
  kFInLink = 1 << 2,
  kFUnlikely = 1 << 3,  // inside a subtree whose class/tag says boilerplate (not scored)
  kFComment = 1 << 4,   // inside a reader-comments section
  kFHeading = 1 << 5,
  kFInFigure = 1 << 6,
  kFHashLink = 1 << 7,  // an <a> whose href is an in-page #anchor (or javascript:)
  kFDataTable = 1 << 8,
  kFInArticle = 1 << 9,  // below an <article> element
  kFArticleBody = 1 << 10,  // itemprop="articleBody" on this element
  kFClassUnlikely = 1 << 11,  // this element's own class/id says boilerplate
  kFCore = 1 << 12,  // the best-scored candidate and its ancestors (during one selection)
};
constexpr uint16_t kInherited = kFInLink | kFUnlikely | kFComment | kFHeading | kFInFigure | kFInArticle;

// One node of the flattened tree (elements and text nodes, in preorder; what
// can never be content is not in it). Subtree i is the index range [i, end).
struct Item {
  const Node* node;
  uint32_t parent;
  uint32_t end;
  uint32_t block;  // nearest block-level element (itself for blocks)
  uint32_t chars;  // non-space code points in the subtree
  uint32_t link_chars;
  uint32_t heading_chars;
  uint32_t own_chars;  // blocks: text not inside a nested block
  uint32_t own_link_chars;
  uint32_t commas;  // in the subtree
  uint32_t cats;
  uint16_t own_commas, own_stops;
  uint16_t n_p, n_img, n_li, n_input, n_embed, n_a, n_a_hash, n_table, n_tr, n_td, n_th, n_para;
  int16_t weight;
  uint16_t flags;
  Tag tag;
  float score;  // paragraph score flowed in from descendants (plus tag/class initial score)
  bool scored;
};

inline void SatAdd(uint16_t& a, uint32_t b) {
  uint32_t s = a + b;
  a = s > 0xFFFF ? 0xFFFF : static_cast<uint16_t>(s);
}

// ---------------------------------------------------------------- tag classes

bool IsSkippedTag(Tag t) {
  switch (t) {
    case Tag::kScript: case Tag::kStyle: case Tag::kNoscript: case Tag::kTemplate: case Tag::kHead:
    case Tag::kTitle: case Tag::kMeta: case Tag::kLink: case Tag::kBase: case Tag::kIframe:
    case Tag::kObject: case Tag::kEmbed: case Tag::kApplet: case Tag::kFrame: case Tag::kFrameset:
    case Tag::kNoframes: case Tag::kNoembed: case Tag::kSelect: case Tag::kOption: case Tag::kOptgroup:
    case Tag::kDatalist: case Tag::kTextarea: case Tag::kInput: case Tag::kButton: case Tag::kCanvas:
    case Tag::kAudio: case Tag::kVideo: case Tag::kMap: case Tag::kArea: case Tag::kParam:
    case Tag::kSource: case Tag::kTrack: case Tag::kKeygen: case Tag::kProgress: case Tag::kMeter:
    case Tag::kSvg: case Tag::kMath: case Tag::kBgsound: case Tag::kPlaintext:
    // Ruby annotations (furigana, pinyin) are read above the base text, not
    // in it: inline they would split every annotated word.
    case Tag::kRt: case Tag::kRp:
      return true;
    default:
      return false;
  }
}

bool IsControlTag(Tag t) {
  return t == Tag::kInput || t == Tag::kButton || t == Tag::kSelect || t == Tag::kTextarea;
}
bool IsEmbedTag(Tag t) {
  return t == Tag::kIframe || t == Tag::kObject || t == Tag::kEmbed || t == Tag::kVideo ||
         t == Tag::kAudio || t == Tag::kApplet;
}

// Inline elements: text flows through them into the enclosing block. Every
// other element, including unknown/custom ones, starts a block of its own.
bool IsInlineTag(Tag t) {
  switch (t) {
    case Tag::kA: case Tag::kAbbr: case Tag::kB: case Tag::kBdi: case Tag::kBdo: case Tag::kBig:
    case Tag::kBr: case Tag::kCite: case Tag::kCode: case Tag::kData: case Tag::kDel: case Tag::kDfn:
    case Tag::kEm: case Tag::kFont: case Tag::kI: case Tag::kImg: case Tag::kImage: case Tag::kIns:
    case Tag::kKbd: case Tag::kLabel: case Tag::kMark: case Tag::kNobr: case Tag::kQ: case Tag::kRb:
    case Tag::kRp: case Tag::kRt: case Tag::kRtc: case Tag::kRuby: case Tag::kS: case Tag::kSamp:
    case Tag::kSmall: case Tag::kSpan: case Tag::kStrike: case Tag::kStrong: case Tag::kSub:
    case Tag::kSup: case Tag::kTime: case Tag::kTt: case Tag::kU: case Tag::kVar: case Tag::kWbr:
    case Tag::kOutput: case Tag::kPicture: case Tag::kBlink: case Tag::kSlot:
      return true;
    default:
      return false;
  }
}

bool IsHeadingTag(Tag t) {
  return t == Tag::kH1 || t == Tag::kH2 || t == Tag::kH3 || t == Tag::kH4 || t == Tag::kH5 || t == Tag::kH6;
}
int HeadingLevel(Tag t) {
  switch (t) {
    case Tag::kH1: return 1;
    case Tag::kH2: return 2;
    case Tag::kH3: return 3;
    case Tag::kH4: return 4;
    case Tag::kH5: return 5;
    case Tag::kH6: return 6;
    default: return 0;
  }
}

// Blocks whose own text is scored on their parent (like Readability's <p>);
// other blocks (div, td, section, …) are containers and score themselves.
bool IsParagraphTag(Tag t) {
  return t == Tag::kP || t == Tag::kPre || t == Tag::kLi || t == Tag::kBlockquote || t == Tag::kDt ||
         t == Tag::kDd || t == Tag::kFigcaption || t == Tag::kCaption || t == Tag::kAddress ||
         IsHeadingTag(t);
}

int TagInitialScore(Tag t) {
  switch (t) {
    case Tag::kDiv: return 5;
    case Tag::kArticle: return 10;
    case Tag::kMain: return 5;
    case Tag::kPre: case Tag::kTd: case Tag::kBlockquote: return 3;
    case Tag::kAddress: case Tag::kOl: case Tag::kUl: case Tag::kDl: case Tag::kDd: case Tag::kDt:
    case Tag::kLi: case Tag::kForm: return -3;
    case Tag::kH1: case Tag::kH2: case Tag::kH3: case Tag::kH4: case Tag::kH5: case Tag::kH6:
    case Tag::kTh: return -5;
    default: return 0;
  }
}

// ---------------------------------------------------------------- text helpers

struct TextStats {
  uint32_t chars = 0, commas = 0, stops = 0;
};

// Byte classes for CountText: 0 not counted (white space, controls, UTF-8
// continuation bytes), 1 counted, 2 comma, 3 sentence end, 4 a lead byte that
// may start a comma/stop/NBSP of another script.
struct ByteClasses {
  uint8_t c[256];
  constexpr ByteClasses() : c() {
    for (int i = 0x21; i < 0x80; ++i) c[i] = 1;
    c[static_cast<int>(',')] = 2;
    c[static_cast<int>('.')] = c[static_cast<int>('!')] = c[static_cast<int>('?')] = 3;
    for (int i = 0xC0; i < 0x100; ++i) c[i] = 1;
    c[0xC2] = c[0xD8] = c[0xDB] = c[0xE3] = c[0xEF] = 4;
  }
};
constexpr ByteClasses kByteClass;

// The lead bytes of class 4 look at the bytes after them; everything else is a
// sum over single bytes, so CountText takes 16 bytes at a time and fixes up
// the (rare) class-4 bytes one by one.
inline void CountLead(const unsigned char* p, size_t i, size_t n, TextStats* t) {
  unsigned char c = p[i];
  unsigned char d = i + 1 < n ? p[i + 1] : 0;
  if (c == 0xC2) {
    if (d == 0xA0) --t->chars;  // NBSP: counted as a lead byte below, not a character
  } else if (c == 0xD8) {
    if (d == 0x8C) ++t->commas;       // U+060C Arabic comma
    else if (d == 0x9F) ++t->stops;   // U+061F Arabic question mark
  } else if (c == 0xDB) {
    if (d == 0x94) ++t->stops;        // U+06D4 Arabic full stop
  } else if (c == 0xE3 && d == 0x80 && i + 2 < n) {
    if (p[i + 2] == 0x81) ++t->commas;       // U+3001
    else if (p[i + 2] == 0x82) ++t->stops;   // U+3002
  } else if (c == 0xEF && d == 0xBC && i + 2 < n) {
    if (p[i + 2] == 0x8C) ++t->commas;                          // U+FF0C
    else if (p[i + 2] == 0x81 || p[i + 2] == 0x9F) ++t->stops;  // U+FF01, U+FF1F
  }
}

// (Inlined: most calls are a few bytes, where a call frame costs as much as the count.)
[[gnu::always_inline]] inline TextStats CountShortText(const unsigned char* p, size_t n);

// Strings of 16 bytes and more, 16 at a time (SSE2); shorter ones (most text
// nodes are a line break and an indent) take a loop that needs no set-up.
TextStats CountLongText(std::string_view s);

[[gnu::always_inline]] inline TextStats CountText(std::string_view s) {
#if defined(__SSE2__)
  if (s.size() >= 16) return CountLongText(s);
#endif
  return CountShortText(reinterpret_cast<const unsigned char*>(s.data()), s.size());
}

TextStats CountLongText(std::string_view s) {
  TextStats t;
  const unsigned char* p = reinterpret_cast<const unsigned char*>(s.data());
  size_t n = s.size();
  size_t i = 0;
#if defined(__SSE2__)
  // Byte counters (0 - mask per block) summed with SAD every 255 blocks; the
  // last partial block is the string's last 16 bytes with the lanes counted
  // already masked off.
  if (n >= 16) {
    const __m128i k20 = _mm_set1_epi8(0x20), kM65 = _mm_set1_epi8(-65), kZero = _mm_setzero_si128();
    const __m128i kComma = _mm_set1_epi8(','), kDot = _mm_set1_epi8('.'), kBang = _mm_set1_epi8('!'),
                  kQuest = _mm_set1_epi8('?');
    const __m128i kC2 = _mm_set1_epi8(static_cast<char>(0xC2)), kD8 = _mm_set1_epi8(static_cast<char>(0xD8)),
                  kDB = _mm_set1_epi8(static_cast<char>(0xDB)), kE3 = _mm_set1_epi8(static_cast<char>(0xE3)),
                  kEF = _mm_set1_epi8(static_cast<char>(0xEF));
    static constexpr unsigned char kTailMask[32] = {
        0,    0,    0,    0,    0,    0,    0,    0,    0,    0,    0,    0,    0,    0,    0,    0,
        0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF};
    uint64_t chars = 0, commas = 0, stops = 0;
    auto sum = [&](__m128i v) {
      __m128i s8 = _mm_sad_epu8(v, kZero);
      return static_cast<uint64_t>(_mm_cvtsi128_si32(s8)) + static_cast<uint64_t>(_mm_extract_epi16(s8, 4));
    };
    __m128i ac = kZero, am = kZero, as = kZero;
    // One block at `at` whose lanes outside `lanes` (a byte mask) were counted before.
    auto block = [&](size_t at, __m128i lanes) __attribute__((always_inline)) {
      __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + at));
      const unsigned high = static_cast<unsigned>(_mm_movemask_epi8(x));
      // 0x21..0x7F, or a lead byte 0xC0..0xFF (signed -64..-1).
      __m128i counted = _mm_cmpgt_epi8(x, k20);
      if (high) counted = _mm_or_si128(counted, _mm_and_si128(_mm_cmpgt_epi8(x, kM65), _mm_cmplt_epi8(x, kZero)));
      __m128i comma = _mm_cmpeq_epi8(x, kComma);
      __m128i stop = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(x, kDot), _mm_cmpeq_epi8(x, kBang)),
                                  _mm_cmpeq_epi8(x, kQuest));
      ac = _mm_sub_epi8(ac, _mm_and_si128(counted, lanes));
      am = _mm_sub_epi8(am, _mm_and_si128(comma, lanes));
      as = _mm_sub_epi8(as, _mm_and_si128(stop, lanes));
      if (high) {
        __m128i lead = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(x, kC2), _mm_cmpeq_epi8(x, kD8)),
                                    _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(x, kDB), _mm_cmpeq_epi8(x, kE3)),
                                                 _mm_cmpeq_epi8(x, kEF)));
        unsigned m = static_cast<unsigned>(_mm_movemask_epi8(_mm_and_si128(lead, lanes)));
        while (m) {
          CountLead(p, at + static_cast<size_t>(__builtin_ctz(m)), n, &t);
          m &= m - 1;
        }
      }
    };
    const __m128i all = _mm_set1_epi8(-1);
    while (i + 16 <= n) {
      for (int k = 0; k < 255 && i + 16 <= n; ++k, i += 16) block(i, all);
      chars += sum(ac);
      commas += sum(am);
      stops += sum(as);
      ac = am = as = kZero;
    }
    if (i < n) {
      block(n - 16, _mm_loadu_si128(reinterpret_cast<const __m128i*>(kTailMask + (n - i))));
      chars += sum(ac);
      commas += sum(am);
      stops += sum(as);
    }
    t.chars += static_cast<uint32_t>(chars);
    t.commas += static_cast<uint32_t>(commas);
    t.stops += static_cast<uint32_t>(stops);
    return t;
  }
#endif
  return CountShortText(p, n);
}

inline TextStats CountShortText(const unsigned char* p, size_t n) {
  TextStats t;
  size_t i = 0;
  // 8 bytes at once while they are ASCII without , . ! ? (SWAR): only
  // bytes above ' ' count.
  constexpr uint64_t k01 = 0x0101010101010101ULL, k80 = 0x8080808080808080ULL;
  while (i + 8 <= n) {
    uint64_t x;
    std::memcpy(&x, p + i, 8);
    auto has = [x](unsigned char c) {
      uint64_t y = x ^ (k01 * c);
      return ((y - k01) & ~y & k80) != 0;
    };
    if ((x & k80) || has(',') || has('.') || has('!') || has('?')) break;
    uint64_t above_space = (x + 0x5F5F5F5F5F5F5F5FULL) & k80;
    t.chars += static_cast<uint32_t>(((above_space >> 7) * k01) >> 56);
    i += 8;
  }
  for (; i < n; ++i) {
    switch (kByteClass.c[p[i]]) {
      case 0: break;
      case 1: ++t.chars; break;
      case 2: ++t.chars; ++t.commas; break;
      case 3: ++t.chars; ++t.stops; break;
      default: ++t.chars; CountLead(p, i, n, &t); break;
    }
  }
  return t;
}

// Appends `s` to *out collapsing runs of ASCII white space and NBSP into one
// space; *pending carries a space across calls. Every other character is kept.
void AppendCollapsed(std::string_view s, std::string* out, bool* pending) {
  // Written in place into room for the worst case (one pending space plus s),
  // then cut back: one pass, no append per word.
  const size_t old = out->size();
  out->resize(old + s.size() + 1);
  char* const begin = out->data();
  char* w = begin + old;
  bool pend = *pending;
  const char* p = s.data();
  const char* e = p + s.size();
#if defined(__SSE2__)
  const char* scalar_until = p;  // after a block the fast path refused, its bytes go one by one
#endif
  while (p < e) {
#if defined(__SSE2__)
    // 16 bytes at once when they come out unchanged: no white space but
    // single ASCII spaces between other bytes (a space at the end stays
    // pending), no NBSP lead byte; the room reserved above covers the store.
    if (p >= scalar_until && e - p >= 16) {
      __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
      __m128i other = _mm_or_si128(
          _mm_or_si128(_mm_cmpeq_epi8(x, _mm_set1_epi8('\n')), _mm_cmpeq_epi8(x, _mm_set1_epi8('\t'))),
          _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(x, _mm_set1_epi8('\r')), _mm_cmpeq_epi8(x, _mm_set1_epi8('\f'))),
                       _mm_cmpeq_epi8(x, _mm_set1_epi8(static_cast<char>(0xC2)))));
      unsigned sp = static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(x, _mm_set1_epi8(' '))));
      bool first_space_ok = !(sp & 1) || (!pend && w != begin);
      if (_mm_movemask_epi8(other) == 0 && !(sp & (sp >> 1)) && first_space_ok) {
        if (pend) {
          if (w != begin) *w++ = ' ';
          pend = false;
        }
        _mm_storeu_si128(reinterpret_cast<__m128i*>(w), x);
        if (sp & 0x8000) {
          w += 15;
          pend = true;
        } else {
          w += 16;
        }
        p += 16;
        continue;
      }
      scalar_until = p + 16;
    }
#endif
    unsigned char c = static_cast<unsigned char>(*p);
    if (c <= ' ' || c == 0xC2) {
      if (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f') {
        pend = true;
        ++p;
        continue;
      }
      if (c == 0xC2 && p + 1 < e && static_cast<unsigned char>(p[1]) == 0xA0) {
        pend = true;
        p += 2;
        continue;
      }
    }
    if (pend) {
      if (w != begin) *w++ = ' ';
      pend = false;
    }
    *w++ = static_cast<char>(c);
    ++p;
  }
  *pending = pend;
  out->resize(static_cast<size_t>(w - begin));
}

// <pre> text: kept as written, CRs dropped.
void AppendPre(std::string_view s, std::string* out) {
  for (char c : s)
    if (c != '\r') out->push_back(c);
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\n')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\n')) s.remove_suffix(1);
  return s;
}

// Loose comparison of a heading with the page title: case-insensitive for
// ASCII, ignoring spaces and punctuation-only differences at the ends.
bool SameTitle(std::string_view a, std::string_view b) {
  auto norm = [](std::string_view s) {
    std::string o;
    o.reserve(s.size());
    for (char c : s) {
      unsigned char u = static_cast<unsigned char>(c);
      if (u <= ' ') continue;
      if (u < 0x80 && !((u >= '0' && u <= '9') || (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z'))) continue;
      o.push_back((u >= 'A' && u <= 'Z') ? static_cast<char>(u + 32) : c);
    }
    return o;
  };
  std::string x = norm(a), y = norm(b);
  if (x.empty() || y.empty()) return false;
  if (x == y) return true;
  // Titles often carry the site name: "Headline | Site", "Site - Headline".
  if (x.size() >= 15 && y.find(x) != std::string::npos) return true;
  // A headline with a kicker the title leaves out: "Kicker: Headline".
  if (y.size() >= 15 && x.size() > y.size() && x.compare(x.size() - y.size(), y.size(), y) == 0) return true;
  return false;
}

// ---------------------------------------------------------------- context

// The flattened items. Items are trivially copyable, so a plain buffer that
// grows by copying keeps the append in Flatten's loop small enough to inline.
class ItemVec {
 public:
  size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  Item& operator[](size_t i) { return data_[i]; }
  const Item& operator[](size_t i) const { return data_[i]; }
  Item* begin() { return data_.get(); }
  Item* end() { return data_.get() + size_; }
  const Item* begin() const { return data_.get(); }
  const Item* end() const { return data_.get() + size_; }
  Item& back() { return data_[size_ - 1]; }
  void pop_back() { --size_; }
  void clear() { size_ = 0; }
  void reserve(size_t n) {
    if (n > cap_) Grow(n);
  }
  // A zeroed item at the end.
  Item& AppendBlank() {
    if (size_ == cap_) Grow(cap_ * 2 + 256);
    Item& it = data_[size_++];
    std::memset(static_cast<void*>(&it), 0, sizeof(Item));  // (assigning Item{} built a temporary at -O3)
    return it;
  }

 private:
  void Grow(size_t n) {
    std::unique_ptr<Item[]> d(new Item[n]);
    if (size_) std::memcpy(static_cast<void*>(d.get()), data_.get(), size_ * sizeof(Item));
    data_ = std::move(d);
    cap_ = n;
  }
  std::unique_ptr<Item[]> data_;
  size_t size_ = 0, cap_ = 0;
};
static_assert(std::is_trivially_copyable_v<Item>);

struct Ctx {
  ItemVec items;
  std::vector<uint32_t> scored;  // the items Score gave a score, in the order it did
  std::vector<uint32_t> scoring;  // blocks whose own text Score counts (in any mode), in order
  bool any_article_body = false;  // some item has kFArticleBody
  const ExtractOptions* opt = nullptr;
};

Ctx& ScratchCtx() {
  thread_local Ctx ctx;
  return ctx;
}

Item& NewItem(Ctx& c) { return c.items.AppendBlank(); }

// `parent`: the item of the nearest element above that is kept (kNone for the root).
// AddElement and AddText run once per node: inlined into Flatten's loop, they
// spare a call frame each (GCC would not inline them on its own).
[[gnu::always_inline]] inline void AddElement(Ctx& c, const Node* n, const ElementAttrs& attrs, uint32_t parent) {
  uint32_t idx = static_cast<uint32_t>(c.items.size());
  Item& it = NewItem(c);
  it.node = n;
  it.parent = parent;
  it.end = idx + 1;
  Tag t = n->tag;
  it.tag = t;
  it.flags = kFElem | (parent != kNone ? (c.items[parent].flags & kInherited) : 0);
  if (parent != kNone && c.items[parent].tag == Tag::kArticle && (c.items[parent].flags & kFElem))
    it.flags |= kFInArticle;
  bool block = !IsInlineTag(t) || parent == kNone;
  if (block) {
    it.flags |= kFBlock;
    it.block = idx;
  } else {
    it.block = c.items[parent].block;
  }
  it.cats = attrs.sig.cats;  // zero for body and html (not classified)
  it.weight = static_cast<int16_t>(attrs.sig.weight);
  switch (t) {
    case Tag::kA: {
      it.flags |= kFInLink;
      it.n_a = 1;
      std::string_view href = attrs.href;
      if ((!href.empty() && href[0] == '#') ||
          (href.size() >= 11 && (href[0] | 0x20) == 'j' && EqualsLower(href.substr(0, 11), "javascript:"))) {
        it.flags |= kFHashLink;
        it.n_a_hash = 1;
      }
      break;
    }
    case Tag::kP: it.n_p = 1; break;
    case Tag::kDiv: case Tag::kSection: case Tag::kArticle: case Tag::kMain: case Tag::kUnknown:
      if (attrs.article_body) {
        it.flags |= kFArticleBody;
        c.any_article_body = true;
      }
      break;
    case Tag::kImg: case Tag::kImage: it.n_img = 1; break;
    case Tag::kLi: it.n_li = 1; break;
    case Tag::kTable: it.n_table = 1; break;
    case Tag::kTr: it.n_tr = 1; break;
    case Tag::kTd: it.n_td = 1; break;
    case Tag::kTh: it.n_td = 1; it.n_th = 1; break;
    case Tag::kFigure: it.flags |= kFInFigure; break;
    case Tag::kNav: case Tag::kAside: case Tag::kFooter: case Tag::kMenu:
      it.flags |= kFUnlikely;
      break;
    default:
      if (IsHeadingTag(t)) it.flags |= kFHeading;
      break;
  }
  // Readability's "unlikely candidates", by tokens rather than substrings; a
  // content word in the same attribute (e.g. "main-content sidebar-left") saves it.
  if ((it.cats & (kCatStrongBoiler | kCatComment)) && !(it.cats & kCatContent) && t != Tag::kBody &&
      t != Tag::kArticle && t != Tag::kMain && t != Tag::kA)
    it.flags |= kFUnlikely | kFClassUnlikely;
  if ((it.cats & kCatComment) && !(it.cats & kCatContent)) it.flags |= kFComment;
}

[[gnu::always_inline]] inline void AddText(Ctx& c, const Node* n, uint32_t parent) {
  uint32_t idx = static_cast<uint32_t>(c.items.size());
  Item& it = NewItem(c);
  Item& p = c.items[parent];
  it.node = n;
  it.parent = parent;
  it.end = idx + 1;
  it.block = p.block;
  it.flags = p.flags & kInherited;
  TextStats ts = CountText(n->data());
  it.chars = ts.chars;
  it.commas = ts.commas;
  if (it.flags & kFInLink) it.link_chars = ts.chars;
  if (it.flags & kFHeading) it.heading_chars = ts.chars;
  // The parent's sums take the text now; Flatten's bottom-up pass then
  // carries only elements.
  p.chars += ts.chars;
  p.link_chars += it.link_chars;
  p.heading_chars += it.heading_chars;
  p.commas += ts.commas;
  Item& b = c.items[it.block];
  b.own_chars += ts.chars;
  if (it.flags & kFInLink) b.own_link_chars += ts.chars;
  SatAdd(b.own_commas, ts.commas);
  SatAdd(b.own_stops, ts.stops);
}

// SatAdd of the twelve counters n_p … n_para of `from` into `to`: they are
// adjacent uint16_t fields, so SSE2's saturating 16-bit add does 8 + 4 at once.
inline void SatAddCounts(Item& to, const Item& from) {
#if defined(__SSE2__)
  static_assert(offsetof(Item, n_para) - offsetof(Item, n_p) == 11 * sizeof(uint16_t), "counters must be adjacent");
  char* d = reinterpret_cast<char*>(&to) + offsetof(Item, n_p);
  const char* f = reinterpret_cast<const char*>(&from) + offsetof(Item, n_p);
  __m128i a = _mm_adds_epu16(_mm_loadu_si128(reinterpret_cast<const __m128i*>(d)),
                             _mm_loadu_si128(reinterpret_cast<const __m128i*>(f)));
  __m128i b = _mm_adds_epu16(_mm_loadl_epi64(reinterpret_cast<const __m128i*>(d + 16)),
                             _mm_loadl_epi64(reinterpret_cast<const __m128i*>(f + 16)));
  _mm_storeu_si128(reinterpret_cast<__m128i*>(d), a);
  _mm_storel_epi64(reinterpret_cast<__m128i*>(d + 16), b);
#else
  SatAdd(to.n_p, from.n_p);
  SatAdd(to.n_img, from.n_img);
  SatAdd(to.n_li, from.n_li);
  SatAdd(to.n_input, from.n_input);
  SatAdd(to.n_embed, from.n_embed);
  SatAdd(to.n_a, from.n_a);
  SatAdd(to.n_a_hash, from.n_a_hash);
  SatAdd(to.n_table, from.n_table);
  SatAdd(to.n_tr, from.n_tr);
  SatAdd(to.n_td, from.n_td);
  SatAdd(to.n_th, from.n_th);
  SatAdd(to.n_para, from.n_para);
#endif
}

// Pass 1: flatten the tree under `root`, dropping never-content subtrees, and
// sum the statistics bottom-up.
void Flatten(Ctx& c, const Node* root) {
  c.items.clear();
  c.scored.clear();
  c.any_article_body = false;
  AddElement(c, root, ReadElementAttrs(root, root->tag != Tag::kBody && root->tag != Tag::kHtml), kNone);
  if (!root->first_child) return;
  // The open elements are the parent chain of `open` (no stack of their own).
  uint32_t open = 0;
  const Node* n = root->first_child;
  for (;;) {
    bool descend = false;
    if (n->type == NodeType::kText) {
      AddText(c, n, open);
    } else if (n->type == NodeType::kElement) {
      Item& parent = c.items[open];
      if (n->ns != Namespace::kHtml || IsSkippedTag(n->tag)) {
        if (IsControlTag(n->tag)) SatAdd(parent.n_input, 1);
        else if (IsEmbedTag(n->tag)) SatAdd(parent.n_embed, 1);
        // <dialog open> is visible; closed dialogs, like the rest, are not.
      } else if (const ElementAttrs attrs = ReadElementAttrs(n, n->tag != Tag::kBody && n->tag != Tag::kHtml);
                 attrs.hidden || (n->tag == Tag::kDialog && !n->FindAttr("open"))) {
        // hidden: skip
      } else {
        uint32_t idx = static_cast<uint32_t>(c.items.size());
        AddElement(c, n, attrs, open);
        if (c.items[idx].cats & kCatHidden) {
          c.items.pop_back();
        } else if (n->first_child) {
          open = idx;
          descend = true;
        }
      }
    }
    if (descend) {
      n = n->first_child;
      continue;
    }
    while (!n->next_sibling) {
      n = n->parent;
      c.items[open].end = static_cast<uint32_t>(c.items.size());
      open = c.items[open].parent;
      if (n == root || open == kNone) {
        c.items[0].end = static_cast<uint32_t>(c.items.size());
        goto done;
      }
    }
    n = n->next_sibling;
  }
done:
  // Data tables (rows of short cells, no nested table) are kept as tables;
  // other tables are layout and their cells are read as blocks.
  auto mark_data_table = [](Item& it) {
    if (it.tag != Tag::kTable || !(it.flags & kFElem)) return;
    bool data = it.n_table == 1 && it.n_tr >= 2 && it.n_td >= 4 && it.n_td <= 4000 &&
                it.chars / std::max<uint32_t>(it.n_td, 1) < 200 && it.link_chars * 2 < it.chars + 1;
    if (EqualsLower(it.node->Attr("role"), "presentation")) data = false;
    if (data) it.flags |= kFDataTable;
  };
  // Bottom-up sums: children come after their parents in preorder, so an
  // item's sums are complete when the loop reaches it.
  for (size_t i = c.items.size(); i-- > 1;) {
    Item& it = c.items[i];
    if (!(it.flags & kFElem)) continue;  // added to its parent by AddText
    mark_data_table(it);
    if ((it.flags & kFBlock) && it.own_chars >= 80 && it.own_link_chars * 10 <= it.own_chars * 3 &&
        !(it.flags & kFHeading))
      SatAdd(it.n_para, 1);
    Item& p = c.items[it.parent];
    p.chars += it.chars;
    p.link_chars += it.link_chars;
    p.heading_chars += it.heading_chars;
    p.commas += it.commas;
    SatAddCounts(p, it);
  }
  // A class that says "sidebar" on the box holding most of the page's
  // paragraphs misnames the main column ("sidebar_content", "widget-area"
  // around the post): it is not stripped as boilerplate.
  const uint32_t total_para = c.items[0].n_para;
  bool rescued = false;
  c.scoring.clear();
  for (uint32_t i = 0; i < c.items.size(); ++i) {
    Item& it = c.items[i];
    if ((it.flags & kFBlock) && !(it.flags & kFComment) && it.own_chars >= 25) c.scoring.push_back(i);
    if ((it.flags & kFClassUnlikely) && !(it.cats & (kCatComment | kCatNav | kCatFooter)) && it.n_para >= 3 &&
        it.n_para * 2 > total_para && it.link_chars * 10 < it.chars * 3) {
      it.flags &= ~kFClassUnlikely;
      rescued = true;
    }
  }
  if (rescued) {
    for (size_t i = 1; i < c.items.size(); ++i) {
      Item& it = c.items[i];
      bool own = (it.flags & kFClassUnlikely) ||
                 ((it.flags & kFElem) && (it.tag == Tag::kNav || it.tag == Tag::kAside ||
                                          it.tag == Tag::kFooter || it.tag == Tag::kMenu));
      bool inherited = (c.items[it.parent].flags & kFUnlikely) != 0;
      if (own || inherited) it.flags |= kFUnlikely;
      else it.flags &= ~kFUnlikely;
    }
  }
  mark_data_table(c.items[0]);
}

double LinkDensity(const Item& it) {
  return it.chars ? static_cast<double>(it.link_chars) / it.chars : 0.0;
}

// ---------------------------------------------------------------- scoring

struct Mode {
  bool strip_unlikely = true;
  bool weight_classes = true;
  bool clean_conditionally = true;
};

void Score(Ctx& c, const Mode& m) {
  // Only the items scored last time carry a score (Flatten makes them zero).
  for (uint32_t i : c.scored) {
    c.items[i].score = 0;
    c.items[i].scored = false;
  }
  c.scored.clear();
  auto init = [&](Item& it, uint32_t idx) {
    if (it.scored) return;
    it.scored = true;
    it.score = static_cast<float>(TagInitialScore(it.tag) + (m.weight_classes ? it.weight : 0));
    c.scored.push_back(idx);
  };
  for (const uint32_t i : c.scoring) {  // blocks, not in comments, with 25 characters of their own
    Item& it = c.items[i];
    if (m.strip_unlikely && (it.flags & kFUnlikely)) continue;
    double ld = static_cast<double>(it.own_link_chars) / it.own_chars;
    double s = 1.0 + it.own_commas + std::min(it.own_chars / 85.0, 3.0);
    s *= (1.0 - ld);
    if (s <= 0) continue;
    uint32_t a = IsParagraphTag(it.tag) ? it.parent : static_cast<uint32_t>(i);
    for (int level = 0; level < 5 && a != kNone; ++level) {
      Item& anc = c.items[a];
      init(anc, a);
      double div = level == 0 ? 1 : level == 1 ? 2 : level * 3;
      anc.score += static_cast<float>(s / div);
      a = anc.parent;
    }
  }
  for (uint32_t i : c.scored) c.items[i].score *= static_cast<float>(1.0 - LinkDensity(c.items[i]));
}

// ---------------------------------------------------------------- selection

struct Region {
  uint32_t top = 0;
  uint32_t core = kNone;        // the best-scored candidate, before widening
  std::vector<uint32_t> roots;  // top and sibling roots, in document order
};

bool IsAncestor(const Ctx& c, uint32_t a, uint32_t d) { return a < d && d < c.items[a].end; }

// A widget announces itself with a heading classed "related-title",
// "more-stories", … before any paragraph.
bool OpensWithBoilerHeading(const Ctx& c, uint32_t i) {
  const auto& items = c.items;
  uint32_t end = std::min<uint32_t>(items[i].end, i + 60);
  for (uint32_t j = i + 1; j < end; ++j) {
    const Item& it = items[j];
    if (!(it.flags & kFElem)) continue;
    if (IsHeadingTag(it.tag) || (it.flags & kFHeading)) {
      if ((it.cats & (kCatRelated | kCatShare | kCatAds | kCatComment | kCatNav)) && !(it.cats & kCatContent))
        return true;
      if (it.tag != Tag::kA && IsHeadingTag(it.tag)) {
        // Also look at the heading's own children (a span classed "related").
        continue;
      }
    }
    if (it.tag == Tag::kP && it.own_chars >= 25) return false;
  }
  return false;
}

// The <article> that holds the page's headline (an h1/h2 equal to the
// title), on pages that show several articles one after another (infinite
// scroll, "next story" appended below): kNone when there is no such heading.
// The page's headline: the first h1/h2 equal to the title (kNone if none).
uint32_t TitleHeading(const Ctx& c, std::string_view title) {
  if (title.empty() || title.size() > 1024) return kNone;
  const auto& items = c.items;
  int checked = 0;
  std::string buf;
  for (uint32_t i = 0; i < items.size() && checked < 40; ++i) {
    const Item& h = items[i];
    if (!(h.flags & kFElem) || (h.tag != Tag::kH1 && h.tag != Tag::kH2) || h.chars > 1024) continue;
    ++checked;
    buf.clear();
    bool p = false;
    for (uint32_t j = i + 1; j < h.end; ++j)
      if (!(items[j].flags & kFElem)) AppendCollapsed(items[j].node->data(), &buf, &p);
    if (SameTitle(buf, title)) return i;
  }
  return kNone;
}

// Whether subtree i holds an image that is not inside a <figure>. Looks at
// most at 2000 nodes (then answers yes, as if it had found one).
bool HasImageOutsideFigure(const Ctx& c, uint32_t i) {
  const uint32_t end = std::min<uint32_t>(c.items[i].end, i + 2000);
  for (uint32_t j = i; j < end; ++j) {
    const Item& it = c.items[j];
    if ((it.flags & kFElem) && it.n_img > 0 && !(it.flags & kFInFigure) && (it.tag == Tag::kImg || it.tag == Tag::kImage))
      return true;
  }
  return end < c.items[i].end;
}

uint32_t TitleArticle(const Ctx& c, uint32_t heading) {
  if (heading == kNone) return kNone;
  for (uint32_t a = c.items[heading].parent; a != kNone; a = c.items[a].parent)
    if (c.items[a].tag == Tag::kArticle && (c.items[a].flags & kFElem)) return a;
  return kNone;
}

Region Select(const Ctx& c, const Mode& m, std::string* explain, uint32_t title_article = kNone) {
  const auto& items = c.items;
  Region r;
  // Top five candidates.
  uint32_t best[5];
  int nbest = 0;
  uint32_t from = 0, to = static_cast<uint32_t>(items.size());
  uint32_t bound = kNone;
  // Several articles on the page and the best-scored one is not the headline's:
  // the headline's article is the page's.
  for (int pass = 0; pass < 2; ++pass) {
  nbest = 0;
  for (uint32_t i = from; i < to; ++i) {
    const Item& it = items[i];
    if (!it.scored || it.score <= 0) continue;
    if (m.strip_unlikely && (it.flags & kFUnlikely)) continue;
    if (it.flags & kFComment) continue;
    int pos = nbest;
    while (pos > 0 && items[best[pos - 1]].score < it.score) --pos;
    if (pos >= 5) continue;
    for (int k = std::min(nbest, 4); k > pos; --k) best[k] = best[k - 1];
    best[pos] = i;
    if (nbest < 5) ++nbest;
  }
  if (pass == 0 && nbest > 0 && title_article != kNone) {
    uint32_t b = best[0], ta = title_article;
    bool apart = b != ta && !IsAncestor(c, ta, b) && !IsAncestor(c, b, ta);
    if (apart && (items[b].flags & kFInArticle || items[b].tag == Tag::kArticle) && items[ta].n_para >= 1) {
      from = ta;
      to = items[ta].end;
      bound = ta;
      if (explain) *explain += "  headline's article #" + std::to_string(ta) + "\n";
      continue;
    }
  }
  break;
  }
  if (nbest == 0) {
    r.top = 0;
    r.roots.push_back(0);
    if (explain) *explain += "no candidate: whole body\n";
    return r;
  }
  uint32_t top = best[0];
  r.core = top;
  float top_score = items[top].score;
  // Several strong candidates under one ancestor: the article is split across them.
  {
    uint32_t alts[4];
    int nalt = 0;
    for (int k = 1; k < nbest; ++k)
      if (items[best[k]].score >= 0.75f * top_score) alts[nalt++] = best[k];
    if (nalt >= 3) {
      for (uint32_t p = items[top].parent; p != kNone && p != 0; p = items[p].parent) {
        int containing = 0;
        for (int k = 0; k < nalt; ++k) containing += IsAncestor(c, p, alts[k]) || p == alts[k];
        if (containing >= 3) {
          top = p; if (explain) *explain += "  split -> #" + std::to_string(p) + "\n";
          break;
        }
      }
    }
  }
  // Parents whose own score rises above the candidate's hold more of the article.
  {
    float last = items[top].score;
    float threshold = last / 3;
    for (uint32_t p = items[top].parent; p != kNone && p != 0; p = items[p].parent) {
      if (!items[p].scored) continue;
      if (items[p].score < threshold) break;
      if (items[p].score > last) {
        top = p; if (explain) *explain += "  parent-rises -> #" + std::to_string(p) + "\n";
        break;
      }
      last = items[p].score;
    }
  }
  // An only child stands for its parent.
  for (;;) {
    uint32_t p = items[top].parent;
    if (p == kNone || p == 0) break;
    int elems = 0;
    for (uint32_t j = p + 1; j < items[p].end; j = items[j].end)
      if ((items[j].flags & kFElem) || items[j].chars > 0) ++elems;
    if (elems != 1) break;
    top = p; if (explain) *explain += "  only-child -> #" + std::to_string(p) + "\n";
  }
  // The page marks its body in several parts (itemprop=articleBody on each
  // section): the region is what holds them all.
  {
    uint32_t parts[16];
    int nparts = 0;
    bool top_in_part = false;
    for (uint32_t i = 0; c.any_article_body && i < items.size() && nparts < 16;) {
      if ((items[i].flags & kFArticleBody) && items[i].chars >= 100) {
        parts[nparts++] = i;
        if (i == top || IsAncestor(c, i, top) || IsAncestor(c, top, i)) top_in_part = true;
        i = items[i].end;
      } else {
        ++i;
      }
    }
    if (nparts >= 2 && top_in_part) {
      uint32_t lca = parts[0];
      for (int k = 1; k < nparts; ++k)
        while (lca != kNone && !IsAncestor(c, lca, parts[k])) lca = items[lca].parent;
      if (lca != kNone && lca != 0 && IsAncestor(c, lca, top)) top = lca;
    }
  }
  // Widen to ancestors whose extra text is more article (a lead paragraph
  // beside the body, a subheading block) rather than links; pruning removes
  // the share bars and bylines that come along.
  for (int up = 0; up < 3; ++up) {
    uint32_t p = items[top].parent;
    if (p == kNone || p == 0) break;
    const Item& a = items[p];
    const Item& t = items[top];
    if ((a.flags & (kFUnlikely | kFComment)) && m.strip_unlikely) break;
    uint32_t extra = a.chars - t.chars, extra_link = a.link_chars - t.link_chars;
    int extra_para = static_cast<int>(a.n_para) - static_cast<int>(t.n_para);
    if (extra_para < 1 || extra_link * 100 > extra * 35 || extra > t.chars) break;
    top = p; if (explain) *explain += "  widen -> #" + std::to_string(p) + "\n";
  }
  // Widening stops at the headline's article, and the other articles are not its siblings.
  if (bound != kNone && IsAncestor(c, top, bound)) top = bound;
  r.top = top;
  if (explain) {
    *explain += "candidates:";
    for (int k = 0; k < nbest; ++k) {
      *explain += " #" + std::to_string(best[k]) + "<" + std::string(TagName(items[best[k]].tag)) + " " +
                  std::string(items[best[k]].node->Attr("class")).substr(0, 40) + ">=" +
                  std::to_string(static_cast<int>(items[best[k]].score));
    }
    *explain += "\n";
  }
  // Siblings that look like more of the article.
  uint32_t parent = items[top].parent;
  if (parent == kNone) {
    r.roots.push_back(top);
    return r;
  }
  float threshold = std::max(10.0f, items[top].score * 0.2f);
  std::string_view top_class = items[top].node->Attr("class");
  for (uint32_t j = parent + 1; j < items[parent].end; j = items[j].end) {
    const Item& s = items[j];
    if (j == top) {
      r.roots.push_back(j);
      continue;
    }
    if (!(s.flags & kFElem)) continue;
    if (m.strip_unlikely && (s.flags & kFUnlikely)) continue;
    if (s.flags & kFComment) continue;
    if (OpensWithBoilerHeading(c, j)) continue;
    if (bound != kNone && (s.tag == Tag::kArticle || items[top].tag == Tag::kArticle)) continue;
    float bonus = 0;
    if (!top_class.empty() && s.node->Attr("class") == top_class) bonus = items[top].score * 0.2f;
    bool append = false;
    if (s.scored && s.score + bonus >= threshold) {
      append = true;
    } else if (s.n_para >= 1 && LinkDensity(s) < 0.2 && !(s.cats & (kCatStrongBoiler | kCatMeta | kCatHeader)) &&
               !IsHeadingTag(s.tag) && s.tag != Tag::kP) {
      append = true;  // a box of article text beside the body ("tips", a list of steps)
    } else if (s.tag == Tag::kP) {
      double ld = LinkDensity(s);
      if (s.chars > 70 && ld < 0.25) append = true;
      else if (s.chars > 0 && s.chars <= 70 && s.link_chars == 0 && s.own_stops > 0) append = true;
    }
    if (append) r.roots.push_back(j);
  }
  return r;
}

// ---------------------------------------------------------------- pruning

// Should element i (inside the selected region, not its top) be left out?
bool ShouldDrop(const Ctx& c, uint32_t i, uint32_t region_chars, const Mode& m, const ExtractOptions& opt,
                bool comment_mode = false) {
  const Item& it = c.items[i];
  const Tag t = it.tag;
  const uint32_t cats = it.cats;
  const double ld = LinkDensity(it);
  const Favor favor = opt.favor;
  // Photo captions and credits are not article text to the people who made
  // the benchmarks' gold (117 of 120 figcaptions absent from scrapinghub's);
  // kept, once, only on request.
  if (!opt.captions && (t == Tag::kFigcaption || ((cats & kCatCaption) && !(cats & kCatContent)) ||
                        (t == Tag::kFigure && it.n_p == 0 && it.n_img > 0 && it.chars < 400)))
    return true;
  // Comments are collected separately.
  if ((cats & kCatComment) && !(cats & kCatContent) && !comment_mode) return true;
  // Tags that are boilerplate by definition.
  if (t == Tag::kNav || t == Tag::kMenu) return true;
  if (t == Tag::kAside || t == Tag::kFooter) {
    // Unless it is really where the text is (some templates misuse them).
    if (!(it.n_para >= 3 && it.chars * 2 > region_chars && ld < 0.2) || !(it.flags & kFCore)) return true;
  }
  // An <article> inside an article, holding a small part of the region, is a teaser.
  if (t == Tag::kArticle && (it.flags & kFInArticle) && m.clean_conditionally && it.chars * 3 < region_chars)
    return true;
  if (t == Tag::kForm && !(it.n_para >= 2 && it.n_input * 3 <= it.n_p)) return true;
  // Skip links, "top", javascript: buttons; but a word of running text that
  // opens a glossary popup (a paragraph mostly not linked) is part of the sentence.
  if (it.flags & kFHashLink && it.chars < 60) {
    const Item& b = c.items[it.block];
    if (!(it.tag == Tag::kA && b.own_chars >= 3 * b.own_link_chars && b.own_chars >= 40)) return true;
    return false;
  }
  // Class tokens.
  if (cats & kCatStrongBoiler) {
    bool content_heavy = it.n_para >= 3 && it.chars * 2 > region_chars && ld < 0.25;
    if (!(cats & kCatContent) && !content_heavy) return true;
    if ((cats & kCatContent) && (ld > 0.3 || it.n_para == 0)) return true;
  }
  if ((cats & (kCatMeta | kCatNoPrint | kCatHeader)) && !(cats & kCatContent) && it.n_para == 0 &&
      it.chars < 300)
    return true;
  // A byline box with a sentence or two about the author (under the text).
  if ((cats & kCatMeta) && !(cats & kCatContent) && it.n_para <= 1 && it.chars < 600 && !(it.flags & kFCore) &&
      t != Tag::kP && t != Tag::kLi && !IsHeadingTag(t))
    return true;
  if ((t == Tag::kHeader) && it.n_para == 0 && !(cats & kCatContent)) return true;
  // Blocks made of in-page links only: skip links, tables of contents, "back to top".
  if (it.n_a > 0 && it.n_a_hash == it.n_a && it.link_chars * 10 >= it.chars * 9) return true;
  // Lists of links: "latest news", "related articles", tag lists.
  if ((t == Tag::kUl || t == Tag::kOl) && it.n_li >= 2 && ld > (favor == Favor::kRecall ? 0.7 : 0.5))
    return true;
  if (!m.clean_conditionally) return false;
  // The selection was widened around the best-scored block: the cleaning
  // below, made for what came along, must not throw out that block itself.
  if (it.flags & kFCore) return false;
  // Readability's conditional cleaning of containers.
  bool container = t == Tag::kDiv || t == Tag::kSection || t == Tag::kTable || t == Tag::kUl ||
                   t == Tag::kOl || t == Tag::kDl || t == Tag::kFieldset || t == Tag::kCenter ||
                   t == Tag::kHeader || t == Tag::kFigure || t == Tag::kUnknown;
  if (!container) {
    // A short paragraph that is all link: "Read more", "Related: …".
    if ((t == Tag::kP || t == Tag::kLi) && it.n_a > 0 && it.chars < 120 && it.link_chars * 10 >= it.chars * 9 &&
        !(it.flags & kFInLink) && favor != Favor::kRecall)
      return true;
    return false;
  }
  if (it.flags & kFDataTable) return false;
  if (it.commas >= 10) return false;
  bool is_list = t == Tag::kUl || t == Tag::kOl;
  int weight = m.weight_classes ? it.weight : 0;
  bool in_figure = (it.flags & kFInFigure) != 0;
  if (it.n_img > 1 && it.n_p * 2 < it.n_img && !in_figure) return true;
  if (it.n_input > 0 && it.n_input * 3 > it.n_p) return true;
  double heading_density = it.chars ? static_cast<double>(it.heading_chars) / it.chars : 0;
  if (!is_list && heading_density < 0.9 && it.chars < 25 && (it.n_img == 0 || it.n_img > 2) && !in_figure &&
      it.chars > 0)
    return true;
  double ld_limit = favor == Favor::kRecall ? 0.35 : favor == Favor::kPrecision ? 0.15 : 0.25;
  if (!is_list && weight < 25 && ld > ld_limit && it.n_para < 2) return true;
  if (weight >= 25 && ld > 0.5) return true;
  if ((it.n_embed == 1 && it.chars < 75) || it.n_embed > 1) {
    if (it.n_para == 0) return true;
  }
  return false;
}

// ---------------------------------------------------------------- serialising

bool IsTinyRow(std::string_view s);

// A photo credit line: "Foto: dpa", "(Photo: AP)", "Crédits photos : X",
// "Bildquelle: Y" — a short line opened by the word for picture or credit in
// one of the languages the bench covers, then a colon.
bool IsCreditLine(std::string_view t) {
  if (t.size() > 90) return false;
  if (!t.empty() && t.front() == '(') t.remove_prefix(1);
  size_t colon = t.find(':');
  std::string_view label = Trim(t.substr(0, colon == std::string_view::npos ? t.size() : colon));
  if (label.size() > 24) return false;
  if (colon == std::string_view::npos && label.size() != t.size()) return false;
  std::string low;
  for (char ch : label) low.push_back((ch >= 'A' && ch <= 'Z') ? static_cast<char>(ch + 32) : ch);
  static constexpr std::string_view kWords[] = {
      "foto",  "fotos",  "photo",   "photos",  "bild",    "bilder",   "bildquelle", "fotoquelle",
      "image", "images", "credit",  "credits", "photo credit", "crédit", "crédits", "crédits photos",
      "crédito", "créditos", "crédito foto", "quelle", "source", "fuente", "fonte", "abbildung",
      "titelbild", "beitragsbild", "headerbild", "grafik", "illustration", "copyright", "©",
      "fotografía", "fotografia", "zdjęcie", "fot.", "foto/video", "symbolbild", "teaserbild", "picture"};
  for (std::string_view w : kWords)
    if (low == w) return true;
  return false;
}

class Serializer {
 public:
  Serializer(const Ctx& c, const ExtractOptions& opt, const Mode& m, std::vector<Block>* out,
             std::vector<Link>* links, std::vector<Image>* images, bool comment_mode = false)
      : c_(c), opt_(opt), m_(m), out_(out), links_(links), images_(images), comment_mode_(comment_mode) {}

  void Run(uint32_t root, bool prune_root, uint32_t region_chars) {
    const auto& items = c_.items;
    region_chars_ = region_chars;
    if (prune_root && ShouldDrop(c_, root, region_chars_, m_, opt_, comment_mode_)) return;
    emitted_at_run_ = out_->size();
    uint32_t end = items[root].end;
    stack_.clear();
    for (uint32_t i = root; i < end;) {
      while (!stack_.empty() && items[stack_.back()].end <= i) {
        Exit(stack_.back());
        stack_.pop_back();
      }
      const Item& it = items[i];
      if (!(it.flags & kFElem)) {
        Text(it.node->data());
        ++i;
        continue;
      }
      if (i != root && ShouldDrop(c_, i, region_chars_, m_, opt_, comment_mode_)) {
        // A heading right before a dropped list of links introduced it
        // ("Mehr zum Thema", "Read next"): it goes too. An empty ad slot after
        // a subheading says nothing about the subheading.
        if (it.chars >= 20 && it.link_chars * 2 >= it.chars) {
          Flush();
          if (!out_->empty() && out_->back().kind == BlockKind::kHeading && out_->size() > emitted_at_run_)
            out_->pop_back();
        }
        i = it.end;
        continue;
      }
      Enter(i);
      if (it.end == i + 1) Exit(i);
      else stack_.push_back(i);
      ++i;
    }
    while (!stack_.empty()) {
      Exit(stack_.back());
      stack_.pop_back();
    }
    Flush();
  }

 private:
  void Text(std::string_view s) {
    if (pre_ > 0) {
      AppendPre(s, &text_);
      if (opt_.markdown) AppendPre(s, &md_);
      return;
    }
    bool p = pending_;
    size_t before = text_.size();
    AppendCollapsed(s, &text_, &pending_);
    if (opt_.markdown) AppendCollapsed(s, &md_, &p);
    if (link_depth_ > 0) {
      AppendCollapsed(s, &link_text_, &link_pending_);
      if (first_link_at_ == std::string::npos) first_link_at_ = before;
      linked_bytes_ += text_.size() - before;
    }
  }

  static bool IsCaptionish(const Item& it) { return it.tag == Tag::kFigure || (it.cats & kCatCaption); }

  void Enter(uint32_t i) {
    const Item& it = c_.items[i];
    const Tag t = it.tag;
    if (IsCaptionish(it)) ++caption_ctx_;
    if (t == Tag::kBr) {
      if (pre_ > 0) {
        text_ += '\n';
        if (opt_.markdown) md_ += '\n';
      } else if (cell_depth_ > 0 || heading_ > 0) {
        pending_ = true;  // a heading is one line, however the template wraps it
      } else {
        Flush();
      }
      return;
    }
    if (t == Tag::kImg || t == Tag::kImage) {
      if (opt_.images) EmitImage(it);
      return;
    }
    if (t == Tag::kA) {
      ++link_depth_;
      if (link_depth_ == 1) {
        link_text_.clear();
        link_pending_ = false;
        link_md_start_ = md_.size();
        if (opt_.markdown && opt_.links) {
          if (pending_ && !md_.empty()) {
            md_ += ' ';
            pending_ = false;
            text_ += text_.empty() ? "" : " ";
          }
          md_ += '[';
          link_md_start_ = md_.size();
        }
      }
      return;
    }
    if (t == Tag::kCode && pre_ == 0 && opt_.markdown) {
      if (pending_ && !md_.empty()) {
        md_ += ' ';
        text_ += ' ';
        pending_ = false;
      }
      md_ += '`';
      return;
    }
    if (!(it.flags & kFBlock)) return;
    if (t == Tag::kTable && (it.flags & kFDataTable)) {
      Flush();
      ++table_depth_;
      return;
    }
    if (table_depth_ > 0 && (t == Tag::kTd || t == Tag::kTh)) {
      Flush();
      ++cell_depth_;
      if (t == Tag::kTh) row_header_ = true;
      return;
    }
    if (table_depth_ > 0 && t == Tag::kTr) {
      Flush();
      row_.clear();
      row_md_.clear();
      row_header_ = false;
      return;
    }
    if (cell_depth_ > 0) {
      pending_ = true;  // nested blocks inside a data cell read as one line
      return;
    }
    Flush();
    if (IsHeadingTag(t)) heading_ = HeadingLevel(t);
    else if (t == Tag::kLi) ++li_;
    else if (t == Tag::kUl || t == Tag::kMenu) list_stack_.push_back(false);
    else if (t == Tag::kOl) list_stack_.push_back(true);
    else if (t == Tag::kBlockquote) ++quote_;
    else if (t == Tag::kPre) ++pre_;
    else if (t == Tag::kFigcaption || t == Tag::kCaption) ++caption_;
  }

  void Exit(uint32_t i) {
    const Item& it = c_.items[i];
    const Tag t = it.tag;
    if (IsCaptionish(it)) {
      Flush();  // the caption's text is judged inside its context
      --caption_ctx_;
    }
    if (t == Tag::kA) {
      if (link_depth_ > 0 && --link_depth_ == 0) {
        std::string_view href = it.node->Attr("href");
        std::string_view lt = Trim(link_text_);
        bool usable = !href.empty() && !(it.flags & kFHashLink);
        if (opt_.markdown && opt_.links) {
          if (md_.size() == link_md_start_) {
            md_.pop_back();  // an empty link: drop the '['
          } else if (usable) {
            md_ += "](";
            md_ += ResolveUrl(opt_.base_url, href);
            md_ += ')';
          } else {
            md_ += ']';
          }
        }
        if (opt_.links && usable && !lt.empty() && links_)
          links_->push_back(Link{std::string(lt), ResolveUrl(opt_.base_url, href)});
      }
      return;
    }
    if (t == Tag::kCode && pre_ == 0 && opt_.markdown) {
      md_ += '`';
      return;
    }
    if (!(it.flags & kFBlock)) return;
    if (t == Tag::kTable && (it.flags & kFDataTable)) {
      if (table_depth_ > 0) --table_depth_;
      return;
    }
    if (table_depth_ > 0 && (t == Tag::kTd || t == Tag::kTh)) {
      if (cell_depth_ > 0) --cell_depth_;
      row_.emplace_back(CellText(text_));
      if (opt_.markdown) row_md_.emplace_back(CellText(md_));
      text_.clear();
      md_.clear();
      pending_ = false;
      return;
    }
    if (table_depth_ > 0 && t == Tag::kTr) {
      EmitRow();
      return;
    }
    if (cell_depth_ > 0) {
      pending_ = true;
      return;
    }
    Flush();
    if (IsHeadingTag(t)) heading_ = 0;
    else if (t == Tag::kLi) { if (li_ > 0) --li_; }
    else if ((t == Tag::kUl || t == Tag::kMenu || t == Tag::kOl) && !list_stack_.empty()) list_stack_.pop_back();
    else if (t == Tag::kBlockquote) { if (quote_ > 0) --quote_; }
    else if (t == Tag::kPre) { if (pre_ > 0) --pre_; }
    else if (t == Tag::kFigcaption || t == Tag::kCaption) { if (caption_ > 0) --caption_; }
  }

  // A row is one line: the line breaks a <pre> inside a cell keeps become spaces.
  static std::string CellText(std::string_view s) {
    std::string cell(Trim(s));
    for (char& c : cell)
      if (c == '\n') c = ' ';
    return cell;
  }

  void EmitRow() {
    bool any = false;
    for (auto& cell : row_) any = any || !cell.empty();
    if (any && opt_.tables) {
      Block b;
      b.kind = BlockKind::kTableRow;
      b.level = row_header_ ? 1 : 0;
      for (size_t k = 0; k < row_.size(); ++k) {
        if (k) b.text += " | ";
        b.text += row_[k];
      }
      b.cells = opt_.markdown ? row_md_ : row_;
      if (opt_.markdown) {
        b.markdown = b.text;
        b.cells = row_md_;
      }
      out_->push_back(std::move(b));
    }
    row_.clear();
    row_md_.clear();
    row_header_ = false;
  }

  void EmitImage(const Item& it) {
    std::string_view src = it.node->Attr("src");
    if (src.empty() || src.substr(0, 5) == "data:") {
      src = it.node->Attr("data-src");
      if (src.empty()) return;
    }
    Flush();
    Block b;
    b.kind = BlockKind::kImage;
    b.src = ResolveUrl(opt_.base_url, src);
    bool p = false;
    AppendCollapsed(it.node->Attr("alt"), &b.text, &p);
    if (images_) images_->push_back(Image{b.src, b.text});
    if (opt_.markdown) b.markdown = "![" + b.text + "](" + b.src + ")";
    out_->push_back(std::move(b));
  }

  void Flush() {
    pending_ = false;
    struct Reset {
      Serializer* s;
      ~Reset() {
        s->first_link_at_ = std::string::npos;
        s->linked_bytes_ = 0;
      }
    } reset{this};
    if (text_.empty()) {
      md_.clear();
      return;
    }
    std::string_view t = pre_ > 0 ? std::string_view(text_) : Trim(text_);
    // A <pre> keeps its inner layout but not blank lines around it.
    if (pre_ > 0) {
      while (!t.empty() && t.front() == '\n') t.remove_prefix(1);
      while (!t.empty() && (t.back() == '\n' || t.back() == ' ')) t.remove_suffix(1);
    }
    if (t.empty() || (table_depth_ > 0 && cell_depth_ == 0 && false)) {
      text_.clear();
      md_.clear();
      return;
    }
    if (!IsTinyRow(t) && !IsLabelledLink(t) && !(!opt_.captions && (IsCreditLine(t) || IsCaptionLine(t)))) {
      Block b;
      b.kind = pre_ > 0 ? BlockKind::kCode
               : heading_ > 0 ? BlockKind::kHeading
               : caption_ > 0 ? BlockKind::kCaption
               : li_ > 0 ? BlockKind::kListItem
               : quote_ > 0 ? BlockKind::kQuote
               : BlockKind::kParagraph;
      if (b.kind == BlockKind::kHeading) b.level = static_cast<uint8_t>(heading_);
      if (b.kind == BlockKind::kListItem) {
        b.level = static_cast<uint8_t>(std::min<size_t>(std::max<size_t>(list_stack_.size(), 1), 255));
        b.ordered = !list_stack_.empty() && list_stack_.back();
      }
      if (b.kind == BlockKind::kQuote) b.level = static_cast<uint8_t>(std::min(quote_, 255));
      b.text.assign(t);
      if (opt_.markdown) b.markdown.assign(pre_ > 0 ? std::string_view(md_) : Trim(md_));
      if (Keep(b)) {
        if (linked_bytes_ * 10 >= text_.size() * 8 && t.size() < 100) link_lines_.push_back(out_->size());
        out_->push_back(std::move(b));
      }
    }
    text_.clear();
    md_.clear();
  }

  // "Read more: <link>", "VEA TAMBIÉN: <link>", "Lesen Sie auch: <link>": a
  // short label and a colon, then a link that is most of the line.
  bool IsLabelledLink(std::string_view t) const {
    if (first_link_at_ == std::string::npos || t.size() > 300) return false;
    if (linked_bytes_ * 10 < text_.size() * 6) return false;
    std::string_view label = Trim(std::string_view(text_).substr(0, first_link_at_));
    if (label.empty() || label.size() > 40) return false;
    return label.back() == ':' || label.substr(label.size() >= 3 ? label.size() - 3 : 0) == "\xEF\xBC\x9A";
  }

  // Every block once (captions repeated by galleries and lightboxes, alt
  // texts echoed in figcaptions); the headline (already the record's title) not again.
  bool Keep(const Block& b) {
    // Only the first few headings can be "the headline", and no real title is
    // kilobytes long: comparing every heading with any title was quadratic.
    if (b.kind == BlockKind::kHeading && !seen_text_ && !opt_.title.empty() && title_checks_ < 8 &&
        opt_.title.size() <= 4096 && b.text.size() <= 4096) {
      ++title_checks_;
      if (SameTitle(b.text, opt_.title)) return false;
    }
    // Long paragraphs may repeat on purpose (refrains, quoted passages); captions,
    // headings and short lines repeat by accident of templates.
    // Short lines do repeat in real articles (ingredients of several recipes),
    // so a plain paragraph is only dropped when it repeats the block before it.
    bool dedupe = b.kind == BlockKind::kCaption || b.kind == BlockKind::kHeading || caption_ctx_ > 0;
    if (!dedupe && b.kind != BlockKind::kCode && b.kind != BlockKind::kTableRow && !out_->empty() &&
        b.text.size() < 100 && out_->back().text == b.text)
      return false;
    if (dedupe && b.kind != BlockKind::kCode && b.kind != BlockKind::kTableRow) {
      uint64_t h = 1469598103934665603ull;
      for (unsigned char ch : b.text) h = (h ^ ch) * 1099511628211ull;
      if (!seen_hashes_.insert(h).second) return false;
    }
    if (b.kind != BlockKind::kHeading) seen_text_ = true;
    return true;
  }

  const Ctx& c_;
  const ExtractOptions& opt_;
  const Mode& m_;
  std::vector<Block>* out_;
  std::vector<Link>* links_;
  std::vector<Image>* images_;
  bool comment_mode_;
  std::vector<uint32_t> stack_;
  uint32_t region_chars_ = 0;
  std::string text_, md_, link_text_;
  bool pending_ = false, link_pending_ = false;
  size_t link_md_start_ = 0;
  int link_depth_ = 0;
  int heading_ = 0, li_ = 0, quote_ = 0, pre_ = 0, caption_ = 0;
  std::vector<bool> list_stack_;
  int table_depth_ = 0, cell_depth_ = 0;
  bool row_header_ = false;
  std::vector<std::string> row_, row_md_;
  std::unordered_set<uint64_t> seen_hashes_;  // a scan per block was quadratic (100,000 captions)
  int title_checks_ = 0;
  int caption_ctx_ = 0;
  size_t first_link_at_ = std::string::npos, linked_bytes_ = 0;
  size_t emitted_at_run_ = 0;
  bool seen_text_ = false;
  std::vector<size_t> link_lines_;  // indexes in *out_ of short lines that are (almost) all link

 public:
  const std::vector<size_t>& link_lines() const { return link_lines_; }
};

bool IsTinyRow(std::string_view s) { return IsTinyTokenRow(s); }

// CountText(s).chars alone: the counted bytes less one per NBSP.
size_t CountChars(std::string_view s) {
#if defined(__SSE2__)
  const unsigned char* p = reinterpret_cast<const unsigned char*>(s.data());
  const size_t n = s.size();
  if (n >= 16) {
    const __m128i k20 = _mm_set1_epi8(0x20), kM65 = _mm_set1_epi8(-65), kZero = _mm_setzero_si128(),
                  kC2 = _mm_set1_epi8(static_cast<char>(0xC2));
    size_t chars = 0, nbsp = 0;
    // `lanes`: the lanes not counted before, as a bit mask and as 1 bytes.
    auto block = [&](size_t at, unsigned lanes, __m128i lane_ones) __attribute__((always_inline)) {
      const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + at));
      __m128i counted = _mm_cmpgt_epi8(x, k20);
      if (_mm_movemask_epi8(x)) {
        counted = _mm_or_si128(counted, _mm_and_si128(_mm_cmpgt_epi8(x, kM65), _mm_cmplt_epi8(x, kZero)));
        for (unsigned m = static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(x, kC2))) & lanes; m; m &= m - 1) {
          const size_t k = at + static_cast<size_t>(__builtin_ctz(m));
          nbsp += k + 1 < n && p[k + 1] == 0xA0;
        }
      }
      // Summed by SAD: baseline x86-64 has no popcount instruction.
      const __m128i sums = _mm_sad_epu8(_mm_and_si128(counted, lane_ones), kZero);
      chars += static_cast<size_t>(_mm_cvtsi128_si32(sums)) + static_cast<size_t>(_mm_extract_epi16(sums, 4));
    };
    size_t i = 0;
    for (; i + 16 <= n; i += 16) block(i, 0xFFFF, _mm_set1_epi8(1));
    if (i < n) {
      const int rest = static_cast<int>(n - i);  // the last `rest` lanes of the block at n - 16
      const __m128i index = _mm_setr_epi8(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15);
      const __m128i tail = _mm_cmpgt_epi8(index, _mm_set1_epi8(static_cast<char>(15 - rest)));
      block(n - 16, 0xFFFFu << (16 - rest) & 0xFFFF, _mm_and_si128(tail, _mm_set1_epi8(1)));
    }
    return chars - nbsp;
  }
#endif
  return CountText(s).chars;
}

size_t BlocksChars(const std::vector<Block>& blocks) {
  size_t n = 0;
  for (const auto& b : blocks)
    if (b.kind != BlockKind::kImage) n += CountChars(b.text);
  return n;
}

struct Attempt {
  std::vector<Block> blocks;
  std::vector<Link> links;
  std::vector<Image> images;
  size_t chars = 0;
  uint32_t top = 0;
};

// A heading followed by no text before the next heading of the same or a
// higher rank (or the end) titles a widget whose body was not served
// ("Related content" over an empty, script-filled box).
void DropOrphanHeadings(std::vector<Block>* blocks) {
  std::vector<Block>& b = *blocks;
  bool any_text = false;
  for (const Block& x : b) any_text = any_text || (x.kind != BlockKind::kHeading && x.kind != BlockKind::kImage);
  if (!any_text) return;
  size_t out = 0;
  for (size_t i = 0; i < b.size(); ++i) {
    if (b[i].kind == BlockKind::kHeading) {
      size_t j = i + 1;
      while (j < b.size() && b[j].kind == BlockKind::kImage) ++j;
      bool orphan = j == b.size() || (b[j].kind == BlockKind::kHeading && b[j].level <= b[i].level);
      // A sentence set as a heading (a lead in <h3>) is text, not a widget's title.
      if (orphan && CountText(b[i].text).chars < 80) continue;
    }
    if (out != i) b[out] = std::move(b[i]);
    ++out;
  }
  b.resize(out);
}

Attempt RunRegion(const Ctx& c, const ExtractOptions& opt, const Mode& m, const std::vector<uint32_t>& roots,
                  uint32_t top) {
  Attempt a;
  a.top = top;
  uint32_t region_chars = 0, caption_chars = 0;
  for (uint32_t r : roots) {
    region_chars += c.items[r].chars;
    for (uint32_t j = r; j < c.items[r].end;) {
      if (c.items[j].tag == Tag::kFigcaption && (c.items[j].flags & kFElem)) {
        caption_chars += c.items[j].chars;
        j = c.items[j].end;
      } else {
        ++j;
      }
    }
  }
  // A gallery or slideshow tells its story in the captions: there they are the text.
  ExtractOptions gallery;
  const ExtractOptions* o = &opt;
  if (!opt.captions && caption_chars >= 200 && caption_chars * 2 > region_chars) {
    gallery = opt;
    gallery.captions = true;
    o = &gallery;
  }
  Serializer s(c, *o, m, &a.blocks, &a.links, &a.images);
  for (uint32_t r : roots) s.Run(r, r != top, region_chars);
  // After the text, short lines that are only a link ("back to the list",
  // "Topics: x y", "Read part 2") lead elsewhere.
  const auto& ll = s.link_lines();
  for (size_t k = ll.size(); k-- > 0 && a.blocks.size() > 1 && ll[k] == a.blocks.size() - 1;) a.blocks.pop_back();
  DropOrphanHeadings(&a.blocks);
  a.chars = BlocksChars(a.blocks);
  return a;
}

// The element that best holds the JSON-LD articleBody: blocks whose own text
// is mostly made of the articleBody's shingles vote for their ancestors; the
// deepest element holding 85% of the votes wins. kNone when nothing matches.
uint32_t LocateByEvidence(const Ctx& c, const std::vector<uint64_t>& ld) {
  const auto& items = c.items;
  std::vector<uint32_t> votes(items.size(), 0);
  std::string buf;
  uint32_t total = 0;
  for (uint32_t b = 0; b < items.size(); ++b) {
    const Item& it = items[b];
    if (!(it.flags & kFBlock) || it.own_chars < 20) continue;
    buf.clear();
    bool p = false;
    for (uint32_t j = b + 1; j < it.end; ++j)
      if (!(items[j].flags & kFElem) && items[j].block == b) AppendCollapsed(items[j].node->data(), &buf, &p);
    auto sh = ShingleHashes(buf);
    if (sh.empty()) continue;
    if (ShingleCoverage(sh, ld) >= 0.5) {
      votes[b] += it.own_chars;
      total += it.own_chars;
    }
  }
  if (total == 0) return kNone;
  for (size_t i = items.size(); i-- > 1;) votes[items[i].parent] += votes[i];
  uint32_t best = kNone;
  for (uint32_t i = 0; i < items.size(); ++i)
    if ((items[i].flags & kFElem) && votes[i] * 20 >= total * 17) best = i;  // deepest in preorder chain
  // `best` is the last in preorder meeting the bar; walk up to make sure it holds the bar (it does).
  return best;
}

void CollectComments(const Ctx& c, const ExtractOptions& opt, std::vector<Block>* out) {
  const auto& items = c.items;
  Mode m;
  m.clean_conditionally = false;
  ExtractOptions o = opt;
  o.title = {};
  for (uint32_t i = 0; i < items.size();) {
    const Item& it = items[i];
    if ((it.flags & kFElem) && (it.cats & kCatComment) && !(it.cats & kCatContent) && it.chars >= 20) {
      // Inside the section, comment-classed elements are the comments themselves.
      Serializer s(c, o, m, out, nullptr, nullptr, /*comment_mode=*/true);
      for (uint32_t j = i + 1; j < it.end; j = items[j].end) {
        if (!(items[j].flags & kFElem)) continue;
        if (items[j].tag == Tag::kForm || items[j].tag == Tag::kNav) continue;
        s.Run(j, false, it.chars);
      }
      i = it.end;
      continue;
    }
    ++i;
  }
}

}  // namespace

// ---------------------------------------------------------------- shared helpers

std::vector<uint64_t> ShingleHashes(std::string_view text) {
  // Words: maximal runs of bytes that are not ASCII space/punctuation. Non-ASCII
  // bytes count as word bytes (letters of any script), except NBSP.
  std::vector<uint64_t> words;
  words.reserve(text.size() / 4 + 1);
  uint64_t h = 1469598103934665603ull;
  bool in = false;
  auto end_word = [&]() __attribute__((always_inline)) {
    if (in) words.push_back(h);
    in = false;
    h = 1469598103934665603ull;
  };
  for (size_t i = 0; i < text.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    bool word = c >= 0x80 || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    if (c == 0xC2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0xA0) {
      end_word();
      ++i;
      continue;
    }
    if (!word) {
      end_word();
      continue;
    }
    if (c >= 'A' && c <= 'Z') c = static_cast<unsigned char>(c + 32);
    h = (h ^ c) * 1099511628211ull;
    in = true;
  }
  end_word();
  std::vector<uint64_t> out;
  if (words.size() < 3) {
    if (!words.empty()) {
      uint64_t x = 0;
      for (uint64_t w : words) x = x * 0x9E3779B97F4A7C15ull + w;
      out.push_back(x);
    }
    return out;
  }
  out.reserve(words.size() - 2);
  for (size_t i = 0; i + 2 < words.size(); ++i)
    out.push_back((words[i] * 0x9E3779B97F4A7C15ull) ^ (words[i + 1] * 0xC2B2AE3D27D4EB4Full) ^
                  (words[i + 2] + 0x165667B19E3779F9ull));
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

double ShingleCoverage(const std::vector<uint64_t>& a, const std::vector<uint64_t>& b) {
  if (a.empty()) return 0;
  size_t hit = 0, j = 0;
  for (uint64_t x : a) {
    while (j < b.size() && b[j] < x) ++j;
    if (j < b.size() && b[j] == x) ++hit;
  }
  return static_cast<double>(hit) / a.size();
}

bool IsTinyTokenRow(std::string_view s) {
  int tokens = 0;
  size_t i = 0;
  bool letter = false;
  while (i < s.size()) {
    while (i < s.size() && s[i] == ' ') ++i;
    if (i >= s.size()) break;
    size_t j = i;
    while (j < s.size() && s[j] != ' ') ++j;
    std::string_view tok = s.substr(i, j - i);
    if (tok.size() > 3) return false;
    for (char ch : tok) {
      if (ch >= 'A' && ch <= 'Z') letter = true;
      else if (ch != '+' && ch != '-') return false;
    }
    ++tokens;
    i = j;
  }
  return tokens >= 2 && tokens <= 8 && letter;
}

// The whole pipeline, with an optional account of the decisions.
Article Run(const Document& doc, const ExtractOptions& opt, std::string* explain) {
  Article art;
  const Node* root = doc.body() ? doc.body() : doc.root();
  if (!root) return art;
  Ctx& c = ScratchCtx();
  c.items.clear();
  c.items.reserve(doc.node_count());  // an upper bound: Flatten never regrows it
  Flatten(c, root);
  if (c.items.empty()) return art;
  const size_t threshold = opt.favor == Favor::kRecall ? 700 : opt.favor == Favor::kPrecision ? 250 : 500;
  Mode modes[4];
  modes[1].strip_unlikely = false;
  modes[2].strip_unlikely = false;
  modes[2].weight_classes = false;
  modes[3] = modes[2];
  modes[3].clean_conditionally = false;
  Attempt best;
  const uint32_t title_heading = TitleHeading(c, opt.title);
  const uint32_t title_article = TitleArticle(c, title_heading);
  for (int k = 0; k < 4; ++k) {
    Score(c, modes[k]);
    Region r = Select(c, modes[k], explain, title_article);
    for (uint32_t p = r.core; p != kNone; p = c.items[p].parent) c.items[p].flags |= kFCore;
    Attempt a = RunRegion(c, opt, modes[k], r.roots, r.top);
    for (uint32_t p = r.core; p != kNone; p = c.items[p].parent) c.items[p].flags &= ~kFCore;
    if (explain) {
      *explain += "mode " + std::to_string(k) + ": top #" + std::to_string(r.top) + " <" +
                  std::string(TagName(c.items[r.top].tag)) + " class=\"" +
                  std::string(c.items[r.top].node->Attr("class")) + "\" id=\"" +
                  std::string(c.items[r.top].node->Attr("id")) + "\"> roots " + std::to_string(r.roots.size()) +
                  ", " + std::to_string(a.chars) + " chars\n";
    }
    // A relaxed mode must find clearly more text to win: a short post is
    // still better than the longest sidebar widget.
    if (k == 0 || a.chars > best.chars + best.chars / 2 + 100) best = std::move(a);
    if (best.chars >= threshold) break;
  }
  // JSON-LD articleBody as evidence: when the chosen text covers little of it,
  // the element that holds it is a better region.
  if (opt.json_ld_body.size() >= 200) {
    auto ld = ShingleHashes(opt.json_ld_body);
    std::string text = BlocksToText(best.blocks);
    auto got = ShingleHashes(text);
    double recall = ShingleCoverage(ld, got);
    if (explain) *explain += "json-ld recall " + std::to_string(recall) + "\n";
    if (recall < 0.6 && ld.size() >= 20) {
      uint32_t where = LocateByEvidence(c, ld);
      if (where != kNone) {
        Mode m;
        Score(c, m);
        Attempt a = RunRegion(c, opt, m, {where}, where);
        double r2 = ShingleCoverage(ld, ShingleHashes(BlocksToText(a.blocks)));
        if (explain)
          *explain += "evidence region #" + std::to_string(where) + " <" + std::string(TagName(c.items[where].tag)) +
                      "> recall " + std::to_string(r2) + "\n";
        uint32_t top = best.top;
        bool apart = where != top && !IsAncestor(c, where, top) && !IsAncestor(c, top, where);
        if (r2 > recall + 0.2 && apart && a.chars * 2 < best.chars) {
          // A JSON-LD articleBody that is only the lead (a teaser set apart
          // above the body): the lead joins the chosen body, in page order.
          if (explain) *explain += "evidence is a lead: joined\n";
          auto at = where < top ? best.blocks.begin() : best.blocks.end();
          best.blocks.insert(at, std::make_move_iterator(a.blocks.begin()), std::make_move_iterator(a.blocks.end()));
          best.links.insert(best.links.end(), a.links.begin(), a.links.end());
          best.images.insert(best.images.end(), a.images.begin(), a.images.end());
        } else if (r2 > recall + 0.2) {
          best = std::move(a);
        }
      }
    }
  }
  // The standfirst: paragraphs between the headline and the chosen body
  // (a lead in the article header, an intro box above the text) belong to
  // the article, whatever their classes are called.
  if (title_heading != kNone && title_heading < best.top && !IsAncestor(c, title_heading, best.top)) {
    const auto& items = c.items;
    uint32_t leads[3];
    int nlead = 0;
    uint32_t range_chars = 0;
    bool ok = true;
    for (uint32_t j = items[title_heading].end; j < best.top && ok; ++j) {
      const Item& it = items[j];
      if (!(it.flags & kFElem) || IsAncestor(c, j, best.top)) continue;
      range_chars += it.own_chars;
      if (range_chars > 3000) ok = false;
      if (!(it.flags & kFBlock) || it.own_chars < 80 || it.own_link_chars * 10 > it.own_chars * 3) continue;
      if (it.flags & (kFUnlikely | kFComment | kFInFigure | kFHeading)) continue;
      if (it.cats & (kCatMeta | kCatCaption | kCatStrongBoiler | kCatComment)) continue;
      // Text beside a picture is its caption (a picture in its own <figure>,
      // with its own caption, is not beside it).
      if (it.n_img > 0 || (items[it.parent].n_img > 0 && HasImageOutsideFigure(c, it.parent))) continue;
      if (nlead == 3) ok = false;
      else leads[nlead++] = j;
    }
    if (ok && nlead > 0) {
      std::vector<Block> lead;
      Mode m;
      Serializer s(c, opt, m, &lead, nullptr, nullptr);
      for (int k = 0; k < nlead; ++k) s.Run(leads[k], true, items[leads[k]].chars);
      // Not when the body (or the JSON-LD lead) already has it.
      size_t look = std::min<size_t>(best.blocks.size(), 8);
      lead.erase(std::remove_if(lead.begin(), lead.end(),
                                [&](const Block& b) {
                                  for (size_t k = 0; k < look; ++k)
                                    if (best.blocks[k].text == b.text) return true;
                                  return false;
                                }),
                 lead.end());
      if (explain && !lead.empty()) *explain += "standfirst: " + std::to_string(lead.size()) + " blocks\n";
      best.blocks.insert(best.blocks.begin(), std::make_move_iterator(lead.begin()),
                         std::make_move_iterator(lead.end()));
    }
  }
  DropTrailingSiteNotes(&best.blocks);
  art.blocks = std::move(best.blocks);
  art.links = std::move(best.links);
  art.images = std::move(best.images);
  if (opt.comments) CollectComments(c, opt, &art.comments);
  return art;
}

std::string Explain(const Document& doc, const ExtractOptions& options) {
  std::string out;
  Run(doc, options, &out);
  return out;
}

}  // namespace extract

std::string BlocksToText(const std::vector<Block>& blocks) {
  size_t size = 0;
  for (const auto& b : blocks)
    if (b.kind != BlockKind::kImage) size += b.text.size() + 1;
  std::string out;
  out.reserve(size);  // one allocation, not one per doubling
  for (const auto& b : blocks) {
    if (b.kind == BlockKind::kImage) continue;
    if (!out.empty()) out += '\n';
    out += b.text;
  }
  return out;
}

std::string Article::Text() const { return BlocksToText(blocks); }
std::string Article::CommentsText() const { return BlocksToText(comments); }

Article ExtractArticle(const Document& doc, const ExtractOptions& options) {
  return extract::Run(doc, options, nullptr);
}

}  // namespace matn
