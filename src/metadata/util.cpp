#include "metadata/util.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <array>
#include <cstdint>
#include <cstring>
#include <vector>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace matn::metadata_internal {

namespace {

// Length of a Unicode space at s[i] (0 if none): ASCII space, NBSP, U+2000–200A,
// U+2028/2029, U+202F, U+205F, U+3000.
size_t SpaceLen(std::string_view s, size_t i) {
  unsigned char c = static_cast<unsigned char>(s[i]);
  if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') return 1;
  if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xA0) return 2;
  if (c == 0xE2 && i + 2 < s.size()) {
    unsigned char c1 = static_cast<unsigned char>(s[i + 1]), c2 = static_cast<unsigned char>(s[i + 2]);
    if (c1 == 0x80 && ((c2 >= 0x80 && c2 <= 0x8A) || c2 == 0xA8 || c2 == 0xA9 || c2 == 0xAF)) return 3;
    if (c1 == 0x81 && c2 == 0x9F) return 3;
  }
  if (c == 0xE3 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80 &&
      static_cast<unsigned char>(s[i + 2]) == 0x80)
    return 3;
  return 0;
}

bool IsInlineFormatting(const Node* n) {
  if (n->ns != Namespace::kHtml) return false;
  switch (n->tag) {
    case Tag::kB: case Tag::kI: case Tag::kEm: case Tag::kStrong: case Tag::kU: case Tag::kS:
    case Tag::kSup: case Tag::kSub: case Tag::kSmall: case Tag::kMark: case Tag::kFont:
    case Tag::kAbbr: case Tag::kWbr: case Tag::kBdi: case Tag::kBdo:
      return true;
    default:
      return false;
  }
}

bool IsSkipped(const Node* n) {
  return n->Is(Tag::kScript) || n->Is(Tag::kStyle) || n->Is(Tag::kTemplate) ||
         n->Is(Tag::kNoscript) || n->Is(Tag::kSelect) || n->Is(Tag::kTextarea);
}

}  // namespace

std::string CollapseWhitespace(std::string_view s) {
  std::string out;
  CollapseWhitespaceInto(s, &out);
  return out;
}

void CollapseWhitespaceInto(std::string_view s, std::string* out_string) {
  // Written in place: the result is never longer than s.
  std::string& out = *out_string;
  out.resize(s.size());
  char* const begin = out.data();
  char* w = begin;
  bool pending = false;
  const size_t n = s.size();
  size_t i = 0;
#if defined(__SSE2__)
  size_t scalar_until = 0;  // after a block the fast path refused, its bytes go the slow way
#endif
  while (i < n) {
#if defined(__SSE2__)
    // 16 bytes at once when they come out unchanged: no byte <= ' ' but single
    // ASCII spaces between other bytes (one at the end stays pending), and no
    // lead byte of a Unicode space.
    if (i >= scalar_until && n - i >= 16) {
      __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s.data() + i));
      __m128i low = _mm_cmpeq_epi8(_mm_min_epu8(x, _mm_set1_epi8(' ')), x);  // bytes <= ' '
      __m128i sp = _mm_cmpeq_epi8(x, _mm_set1_epi8(' '));
      __m128i lead = _mm_or_si128(_mm_cmpeq_epi8(x, _mm_set1_epi8(static_cast<char>(0xC2))),
                                  _mm_or_si128(_mm_cmpeq_epi8(x, _mm_set1_epi8(static_cast<char>(0xE2))),
                                               _mm_cmpeq_epi8(x, _mm_set1_epi8(static_cast<char>(0xE3)))));
      unsigned spaces = static_cast<unsigned>(_mm_movemask_epi8(sp));
      bool other = _mm_movemask_epi8(_mm_or_si128(_mm_andnot_si128(sp, low), lead)) != 0;
      bool first_ok = !(spaces & 1) || (!pending && w != begin);
      if (!other && !(spaces & (spaces >> 1)) && first_ok) {
        if (pending) *w++ = ' ';
        pending = false;
        _mm_storeu_si128(reinterpret_cast<__m128i*>(w), x);
        if (spaces & 0x8000) {
          w += 15;
          pending = true;
        } else {
          w += 16;
        }
        i += 16;
        continue;
      }
      scalar_until = i + 16;
    }
#endif
    size_t k = SpaceLen(s, i);
    if (k) {
      pending = w != begin;
      i += k;
      continue;
    }
    // Copy the run up to the next byte that may start a space.
    size_t b = i++;
    while (i < n) {
      unsigned char c = static_cast<unsigned char>(s[i]);
      if (c <= ' ' || c == 0xC2 || c == 0xE2 || c == 0xE3) break;
      ++i;
    }
    if (pending) *w++ = ' ';
    pending = false;
    std::memcpy(w, s.data() + b, i - b);
    w += i - b;
  }
  out.resize(static_cast<size_t>(w - begin));
}

bool IsBlank(std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    size_t n = SpaceLen(s, i);
    if (!n) return false;
    i += n;
  }
  return true;
}

std::string NodeText(const Node* root, size_t max_bytes) {
  std::string raw;
  if (!root) return raw;
  if (root->IsText()) return CollapseWhitespace(root->data());
  for (const Node* n = NextInPreorder(root, root); n;) {
    if (raw.size() > max_bytes) break;
    if (n->IsElement()) {
      if (IsSkipped(n)) {
        n = NextInPreorder(n, root, true);
        continue;
      }
      if (!IsInlineFormatting(n)) raw.push_back(' ');
    } else if (n->IsText()) {
      // An element boundary just before this text (a closing tag) counts as a space.
      const Node* prev = n->prev_sibling();
      if (prev && prev->IsElement() && !IsInlineFormatting(prev)) raw.push_back(' ');
      raw.append(n->data());
    }
    n = NextInPreorder(n, root);
  }
  return CollapseWhitespace(raw);
}

std::string TrimChars(std::string_view s, std::initializer_list<std::string_view> chars) {
  bool changed = true;
  while (changed && !s.empty()) {
    changed = false;
    for (std::string_view p : chars) {  // first and last bytes before comparing
      if (s.size() >= p.size() && s[0] == p[0] && s.substr(0, p.size()) == p) s.remove_prefix(p.size()), changed = true;
      if (s.size() >= p.size() && s.back() == p.back() && s.substr(s.size() - p.size()) == p)
        s.remove_suffix(p.size()), changed = true;
    }
  }
  return CollapseWhitespace(s);
}

std::string LowerAscii(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

// The lowercased "class id" of an element, in a per-thread buffer: these
// checks run for every element on every ancestor walk, and a fresh string per
// call was most of their cost. nullptr when the element has neither.
const std::string* ClassAndId(const Node* n) {
  if (!n || !n->IsElement()) return nullptr;
  return LowerClassAndId(n->Attr("class"), n->Attr("id"));
}

const std::string* LowerClassAndId(std::string_view cls, std::string_view id) {
  if (cls.empty() && id.empty()) return nullptr;
  thread_local std::string buf;
  buf.resize(cls.size() + id.size() + 1);
  char* out = buf.data();
  auto lower = [](char c) {
    return static_cast<char>(c | (static_cast<unsigned char>(c - 'A') < 26u ? 0x20 : 0));
  };
  for (char c : cls) *out++ = lower(c);
  *out++ = ' ';
  for (char c : id) *out++ = lower(c);
  return &buf;
}

bool ClassOrIdContains(const Node* n, std::initializer_list<std::string_view> words) {
  const std::string* all = ClassAndId(n);
  if (!all) return false;
  for (std::string_view w : words)
    if (all->find(w) != std::string::npos) return true;
  return false;
}

bool ClassComponentStarts(const Node* n, std::initializer_list<std::string_view> words) {
  const std::string* p = ClassAndId(n);
  return p && ComponentStarts(*p, words);
}

bool ComponentStarts(std::string_view all, std::initializer_list<std::string_view> words) {
  size_t i = 0;
  while (i < all.size()) {
    while (i < all.size() && (all[i] == ' ' || all[i] == '-' || all[i] == '_' || all[i] == '\t' || all[i] == '\n')) ++i;
    size_t b = i;
    while (i < all.size() && !(all[i] == ' ' || all[i] == '-' || all[i] == '_' || all[i] == '\t' || all[i] == '\n')) ++i;
    std::string_view comp(all.data() + b, i - b);
    if (comp.empty()) continue;
    for (std::string_view w : words)
      if ((w.empty() || comp[0] == w[0]) && StartsWith(comp, w)) return true;
  }
  return false;
}

bool HasClassToken(const Node* n, std::initializer_list<std::string_view> words, bool exact) {
  const std::string* p = ClassAndId(n);
  return p && HasToken(*p, words, exact);
}

bool HasToken(std::string_view all, std::initializer_list<std::string_view> words, bool exact) {
  size_t i = 0;
  while (i < all.size()) {
    while (i < all.size() && (all[i] == ' ' || all[i] == '\t' || all[i] == '\n')) ++i;
    size_t b = i;
    while (i < all.size() && !(all[i] == ' ' || all[i] == '\t' || all[i] == '\n')) ++i;
    std::string_view tok(all.data() + b, i - b);
    if (tok.empty()) continue;
    for (std::string_view w : words) {
      if (tok == w) return true;
      if (exact || tok.size() <= w.size()) continue;
      // Separator first: it rules out most tokens without comparing strings.
      char after = tok[w.size()];
      if ((after == '-' || after == '_') && tok.compare(0, w.size(), w) == 0) return true;
      // BEM-style "post__date", "entry-date": the word as the last part.
      char before = tok[tok.size() - w.size() - 1];
      if ((before == '-' || before == '_') && tok.compare(tok.size() - w.size(), w.size(), w) == 0) return true;
    }
  }
  return false;
}

TokenSet::TokenSet(std::initializer_list<std::string_view> words) {
  uint32_t i = 0;
  for (std::string_view w : words) {
    if (i == 32 || w.empty()) break;
    words_[i] = w;
    by_first_[static_cast<unsigned char>(w[0])] |= 1u << i;
    by_last_[static_cast<unsigned char>(w.back())] |= 1u << i;
    if (w.size() == 1) {
      one_byte_ |= 1u << i;
      for (uint32_t& b : by_second_) b |= 1u << i;
      for (uint32_t& b : by_before_last_) b |= 1u << i;
    } else {
      by_second_[static_cast<unsigned char>(w[1])] |= 1u << i;
      by_before_last_[static_cast<unsigned char>(w[w.size() - 2])] |= 1u << i;
    }
    ++i;
  }
}

namespace {

inline bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n'; }
inline bool IsJoiner(char c) { return c == '-' || c == '_'; }
constexpr auto kComponentEnd = [] {  // IsSpace or IsJoiner
  std::array<bool, 256> t{};
  t[' '] = t['\t'] = t['\n'] = t['-'] = t['_'] = true;
  return t;
}();
inline bool EndsComponent(char c) { return kComponentEnd[static_cast<unsigned char>(c)]; }

// The words among `cand` equal to s.
inline uint32_t Matching(const std::string_view* words, uint32_t cand, std::string_view s) {
  uint32_t hit = 0;
  for (; cand; cand &= cand - 1) {
    int i = __builtin_ctz(cand);
    std::string_view w = words[i];
    if (w.size() == s.size() && std::char_traits<char>::compare(w.data(), s.data(), w.size()) == 0) hit |= 1u << i;
  }
  return hit;
}

}  // namespace

uint32_t TokenSet::ComponentMask(std::string_view all) const {
  uint32_t hit = 0;
  size_t i = 0, n = all.size();
  while (i < n) {
    char c = all[i];
    if (EndsComponent(c)) { ++i; continue; }
    size_t b = i;
    while (i < n && !EndsComponent(all[i])) ++i;
    std::string_view comp = all.substr(b, i - b);
    uint32_t cand = by_first_[static_cast<unsigned char>(c)];
    if (!cand) continue;
    cand &= comp.size() >= 2 ? by_second_[static_cast<unsigned char>(comp[1])] : one_byte_;
    for (; cand; cand &= cand - 1) {
      int k = __builtin_ctz(cand);
      std::string_view w = words_[k];
      if (w.size() <= comp.size() && std::char_traits<char>::compare(w.data(), comp.data(), w.size()) == 0)
        hit |= 1u << k;
    }
  }
  return hit;
}

uint32_t TokenSet::TokenMask(std::string_view all, bool exact) const {
  uint32_t hit = 0;
  size_t i = 0, n = all.size();
  while (i < n) {
    if (IsSpace(all[i])) { ++i; continue; }
    size_t b = i;
    while (i < n) {  // bytes above ' ' first: the only separators are space, tab and newline
      if (i + 8 <= n) {  // 8 bytes at once when none is <= ' ' (SWAR "has byte less than 0x21")
        uint64_t x;
        std::memcpy(&x, all.data() + i, 8);
        if (!((x - 0x2121212121212121ULL) & ~x & 0x8080808080808080ULL)) {
          i += 8;
          continue;
        }
      }
      if (static_cast<unsigned char>(all[i]) > ' ') ++i;
      else if (IsSpace(all[i])) break;
      else ++i;
    }
    std::string_view tok = all.substr(b, i - b);
    if (uint32_t cand = by_first_[static_cast<unsigned char>(tok[0])] &
                        (tok.size() >= 2 ? by_second_[static_cast<unsigned char>(tok[1])] : one_byte_)) {
      hit |= Matching(words_, cand, tok);
      if (!exact)  // "entry-date": the word, a joiner, more
        for (; cand; cand &= cand - 1) {
          int k = __builtin_ctz(cand);
          std::string_view w = words_[k];
          if (tok.size() > w.size() && IsJoiner(tok[w.size()]) &&
              std::char_traits<char>::compare(w.data(), tok.data(), w.size()) == 0)
            hit |= 1u << k;
        }
    }
    if (exact || tok.size() < 2) continue;
    // "post__date", "entry-date": the word as the last part.
    for (uint32_t cand = by_last_[static_cast<unsigned char>(tok.back())] &
                         by_before_last_[static_cast<unsigned char>(tok[tok.size() - 2])];
         cand; cand &= cand - 1) {
      int k = __builtin_ctz(cand);
      std::string_view w = words_[k];
      if (tok.size() > w.size() && IsJoiner(tok[tok.size() - w.size() - 1]) &&
          std::char_traits<char>::compare(w.data(), tok.data() + tok.size() - w.size(), w.size()) == 0)
        hit |= 1u << k;
    }
  }
  return hit;
}

bool HasClassToken(const Node* n, const TokenSet& words, bool exact) {
  const std::string* p = ClassAndId(n);
  return p && words.HasToken(*p, exact);
}

bool StartsWith(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    char x = a[i], y = b[i];
    if (x >= 'A' && x <= 'Z') x = static_cast<char>(x - 'A' + 'a');
    if (y >= 'A' && y <= 'Z') y = static_cast<char>(y - 'A' + 'a');
    if (x != y) return false;
  }
  return true;
}

bool IsUrlLike(std::string_view s) {
  std::string l = LowerAscii(s.substr(0, 8));
  return StartsWith(l, "http://") || StartsWith(l, "https://") || StartsWith(l, "//") ||
         StartsWith(l, "www.") || StartsWith(l, "/");
}

namespace {

std::string_view SchemeOf(std::string_view u) {
  for (size_t i = 0; i < u.size(); ++i) {
    char c = u[i];
    if (c == ':') return i > 0 ? u.substr(0, i) : std::string_view();
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
              (i > 0 && ((c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.'));
    if (!ok) return {};
  }
  return {};
}

std::string RemoveDotSegments(std::string_view path) {
  std::vector<std::string_view> segs;
  size_t i = 0;
  bool leading = !path.empty() && path[0] == '/';
  if (leading) i = 1;
  bool trailing_dir = false;
  while (i <= path.size()) {
    size_t e = path.find('/', i);
    if (e == std::string_view::npos) e = path.size();
    std::string_view seg = path.substr(i, e - i);
    trailing_dir = false;
    if (seg == "..") {
      if (!segs.empty()) segs.pop_back();
      trailing_dir = true;
    } else if (seg == ".") {
      trailing_dir = true;
    } else {
      segs.push_back(seg);
    }
    i = e + 1;
  }
  std::string out = leading ? "/" : "";
  for (size_t k = 0; k < segs.size(); ++k) {
    if (k) out.push_back('/');
    out.append(segs[k]);
  }
  if (trailing_dir && (segs.empty() || !segs.back().empty())) out.push_back('/');
  return out;
}

}  // namespace

std::string ResolveUrl(std::string_view base, std::string_view ref) {
  std::string r = CollapseWhitespace(ref);
  if (base.empty() || r.empty()) return r;
  if (!SchemeOf(r).empty()) return r;
  std::string_view scheme = SchemeOf(base);
  if (scheme.empty()) return r;
  std::string_view rest = base.substr(scheme.size() + 1);
  std::string_view authority;
  if (StartsWith(rest, "//")) {
    size_t e = rest.find_first_of("/?#", 2);
    if (e == std::string_view::npos) e = rest.size();
    authority = rest.substr(0, e);
    rest = rest.substr(e);
  }
  std::string prefix = std::string(scheme) + ":" + std::string(authority);
  if (StartsWith(r, "//")) return std::string(scheme) + ":" + r;
  size_t q = rest.find_first_of("?#");
  std::string_view base_path = rest.substr(0, q == std::string_view::npos ? rest.size() : q);
  if (r[0] == '#') {
    size_t h = base.find('#');
    return std::string(base.substr(0, h)) + r;
  }
  if (r[0] == '?') return prefix + std::string(base_path) + r;
  size_t rq = r.find_first_of("?#");
  std::string rpath = r.substr(0, rq == std::string::npos ? r.size() : rq);
  std::string rtail = rq == std::string::npos ? "" : r.substr(rq);
  std::string merged;
  if (rpath[0] == '/') {
    merged = rpath;
  } else {
    size_t slash = base_path.rfind('/');
    merged = slash == std::string_view::npos ? "/" + rpath
                                            : std::string(base_path.substr(0, slash + 1)) + rpath;
  }
  return prefix + RemoveDotSegments(merged) + rtail;
}

std::string DecodeEntities(std::string_view s) {
  if (s.find('&') == std::string_view::npos) return std::string(s);
  static constexpr struct { std::string_view name; uint32_t cp; } kNamed[] = {
      {"amp", '&'},      {"quot", '"'},     {"apos", '\''},    {"lt", '<'},       {"gt", '>'},
      {"nbsp", 0xA0},    {"ndash", 0x2013}, {"mdash", 0x2014}, {"hellip", 0x2026}, {"rsquo", 0x2019},
      {"lsquo", 0x2018}, {"rdquo", 0x201D}, {"ldquo", 0x201C}, {"bdquo", 0x201E}, {"laquo", 0xAB},
      {"raquo", 0xBB},   {"auml", 0xE4},    {"ouml", 0xF6},    {"uuml", 0xFC},    {"Auml", 0xC4},
      {"Ouml", 0xD6},    {"Uuml", 0xDC},    {"szlig", 0xDF},   {"eacute", 0xE9},  {"egrave", 0xE8},
      {"aacute", 0xE1},  {"oacute", 0xF3},  {"iacute", 0xED},  {"uacute", 0xFA},  {"ntilde", 0xF1},
      {"ccedil", 0xE7},  {"zwnj", 0x200C},  {"zwj", 0x200D},   {"shy", 0xAD},     {"copy", 0xA9},
  };
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    if (s[i] != '&') {
      out.push_back(s[i++]);
      continue;
    }
    size_t semi = s.find(';', i + 1);
    if (semi == std::string_view::npos || semi - i > 10) {
      out.push_back(s[i++]);
      continue;
    }
    std::string_view ent = s.substr(i + 1, semi - i - 1);
    uint32_t cp = 0;
    bool ok = false;
    if (!ent.empty() && ent[0] == '#') {
      bool hex = ent.size() > 1 && (ent[1] == 'x' || ent[1] == 'X');
      std::string_view digits = ent.substr(hex ? 2 : 1);
      ok = !digits.empty();
      for (char c : digits) {
        int v = (c >= '0' && c <= '9') ? c - '0'
                : hex && (c >= 'a' && c <= 'f') ? c - 'a' + 10
                : hex && (c >= 'A' && c <= 'F') ? c - 'A' + 10 : -1;
        if (v < 0 || cp > 0x10FFFF) { ok = false; break; }
        cp = cp * (hex ? 16 : 10) + static_cast<uint32_t>(v);
      }
      if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) ok = false;
    } else {
      for (const auto& e : kNamed)
        if (e.name == ent) { cp = e.cp; ok = true; break; }
    }
    if (!ok) {
      out.push_back(s[i++]);
      continue;
    }
    char buf[4];
    int32_t len = 0;
    UBool err = false;
    U8_APPEND(reinterpret_cast<uint8_t*>(buf), len, 4, static_cast<UChar32>(cp), err);
    if (!err) out.append(buf, static_cast<size_t>(len));
    i = semi + 1;
  }
  return out;
}

std::string FoldKey(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool pending = false;
  int32_t i = 0, n = static_cast<int32_t>(s.size());
  const uint8_t* p = reinterpret_cast<const uint8_t*>(s.data());
  while (i < n) {
    if (p[i] < 0x80) {  // ASCII without ICU: letters and digits fold to themselves, lowercased
      char c = static_cast<char>(p[i++]);
      bool lower = c >= 'a' && c <= 'z', upper = c >= 'A' && c <= 'Z', digit = c >= '0' && c <= '9';
      if (!(lower || upper || digit)) {
        pending = true;
        continue;
      }
      if (pending && !out.empty()) out.push_back(' ');
      pending = false;
      out.push_back(upper ? static_cast<char>(c - 'A' + 'a') : c);
      continue;
    }
    UChar32 c;
    U8_NEXT(p, i, n, c);
    if (c < 0) continue;
    int8_t type = u_charType(c);
    if (type == U_FORMAT_CHAR) continue;  // ZWNJ, bidi marks: invisible, never separators
    if (u_isalnum(c) || type == U_NON_SPACING_MARK || type == U_COMBINING_SPACING_MARK) {
      if (pending && !out.empty()) out.push_back(' ');
      pending = false;
      UChar32 f = u_foldCase(c, U_FOLD_CASE_DEFAULT);
      char buf[4];
      int32_t len = 0;
      UBool err = false;
      U8_APPEND(reinterpret_cast<uint8_t*>(buf), len, 4, f, err);
      if (!err) out.append(buf, static_cast<size_t>(len));
    } else {
      pending = true;
    }
  }
  return out;
}

}  // namespace matn::metadata_internal
