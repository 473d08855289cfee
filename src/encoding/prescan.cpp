// The HTML Standard's "prescan a byte stream to determine its encoding"
// (§13.2.3.2), with its helpers "get an attribute", "algorithm for extracting
// a character encoding from a meta element" and "get an XML encoding",
// followed step by step. Running out of bytes anywhere ends the scan without
// a result: a <meta> counts only once its closing '>' has been read.
#include <string>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "encoding/encoding_internal.h"
#include "matn/encoding.h"

namespace matn::encoding {
namespace {

inline bool IsSpace(unsigned char c) { return c == 0x09 || c == 0x0A || c == 0x0C || c == 0x0D || c == 0x20; }
inline bool IsAlpha(unsigned char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }
inline char Lower(unsigned char c) { return static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c); }

bool StartsWithNoCase(std::string_view s, size_t pos, std::string_view lower_prefix) {
  if (s.size() - pos < lower_prefix.size()) return false;
  for (size_t i = 0; i < lower_prefix.size(); ++i)
    if (Lower(static_cast<unsigned char>(s[pos + i])) != lower_prefix[i]) return false;
  return true;
}

// "Get an attribute". Returns false when there is no attribute (a '>' was
// reached) or the input ran out (*eof set). Names and values are lowercased
// as the algorithm says; non-ASCII bytes are kept as bytes (isomorphic).
// Only the attributes of <meta> are read: kKeep = false walks over those of
// every other tag (long inline styles, data URIs, JSON) without copying them.
template <bool kKeep>
bool GetAttribute(std::string_view b, size_t* pos, std::string* name, std::string* value, bool* eof) {
  const size_t n = b.size();
  size_t p = *pos;
  if constexpr (kKeep) {
    name->clear();
    value->clear();
  }
  auto at = [&](size_t i) { return static_cast<unsigned char>(b[i]); };
  auto out_of_bytes = [&] {
    *eof = true;
    *pos = n;
    return false;
  };
  while (p < n && (IsSpace(at(p)) || at(p) == '/')) ++p;
  if (p >= n) return out_of_bytes();
  if (at(p) == '>') {
    *pos = p;
    return false;
  }
  // Name.
  for (const size_t name_start = p;; ++p) {
    if (p >= n) return out_of_bytes();
    const unsigned char c = at(p);
    if (c == '=' && p > name_start) {
      ++p;
      goto value;
    }
    if (IsSpace(c)) break;
    if (c == '/' || c == '>') {
      *pos = p;
      return true;
    }
    if constexpr (kKeep) name->push_back(Lower(c));
  }
  // Spaces after the name: an '=' may still follow.
  while (p < n && IsSpace(at(p))) ++p;
  if (p >= n) return out_of_bytes();
  if (at(p) != '=') {
    *pos = p;
    return true;
  }
  ++p;
value:
  while (p < n && IsSpace(at(p))) ++p;
  if (p >= n) return out_of_bytes();
  if (at(p) == '"' || at(p) == '\'') {
    const char quote = b[p];
    const size_t close = b.find(quote, p + 1);
    if (close == std::string_view::npos) return out_of_bytes();
    if constexpr (kKeep)
      for (size_t i = p + 1; i < close; ++i) value->push_back(Lower(at(i)));
    *pos = close + 1;
    return true;
  }
  if (at(p) == '>') {
    *pos = p;
    return true;
  }
  for (;; ++p) {
    if (p >= n) return out_of_bytes();
    const unsigned char c = at(p);
    if (IsSpace(c) || c == '>') {
      *pos = p;
      return true;
    }
    if constexpr (kKeep) value->push_back(Lower(c));
  }
}

// "Algorithm for extracting a character encoding from a meta element".
std::optional<Enc> EncodingFromContent(std::string_view s) {
  size_t pos = 0;
  for (;;) {
    const size_t found = [&] {
      for (size_t i = pos; i + 7 <= s.size(); ++i)
        if (StartsWithNoCase(s, i, "charset")) return i;
      return std::string_view::npos;
    }();
    if (found == std::string_view::npos) return std::nullopt;
    size_t p = found + 7;
    while (p < s.size() && IsSpace(static_cast<unsigned char>(s[p]))) ++p;
    if (p >= s.size() || s[p] != '=') {
      pos = p;  // "move position to point just before that next character"
      continue;
    }
    ++p;
    while (p < s.size() && IsSpace(static_cast<unsigned char>(s[p]))) ++p;
    if (p >= s.size()) return std::nullopt;
    if (s[p] == '"' || s[p] == '\'') {
      const size_t close = s.find(s[p], p + 1);
      if (close == std::string_view::npos) return std::nullopt;
      return LookupLabel(s.substr(p + 1, close - p - 1));
    }
    size_t end = p;
    while (end < s.size() && !IsSpace(static_cast<unsigned char>(s[end])) && s[end] != ';') ++end;
    return LookupLabel(s.substr(p, end - p));
  }
}

// "Get an XML encoding": the encoding="…" of a leading <?xml … ?>.
std::optional<Enc> XmlEncoding(std::string_view b) {
  if (b.substr(0, 5) != "<?xml") return std::nullopt;
  const size_t decl_end = b.find('>');
  if (decl_end == std::string_view::npos) return std::nullopt;
  const std::string_view decl = b.substr(0, decl_end);
  const size_t enc = decl.find("encoding");
  if (enc == std::string_view::npos) return std::nullopt;
  size_t p = enc + 8;
  while (p < decl.size() && static_cast<unsigned char>(decl[p]) <= 0x20) ++p;
  if (p >= decl.size() || decl[p] != '=') return std::nullopt;
  ++p;
  while (p < decl.size() && static_cast<unsigned char>(decl[p]) <= 0x20) ++p;
  if (p >= decl.size() || (decl[p] != '"' && decl[p] != '\'')) return std::nullopt;
  const size_t close = decl.find(decl[p], p + 1);
  if (close == std::string_view::npos) return std::nullopt;
  const std::string_view label = decl.substr(p + 1, close - p - 1);
  for (unsigned char c : label)
    if (c <= 0x20) return std::nullopt;
  auto e = LookupLabel(label);
  if (e == Enc::kUtf16Be || e == Enc::kUtf16Le) return Enc::kUtf8;
  if (e == Enc::kXUserDefined) return Enc::kWindows1252;
  return e;
}

// True when `b` contains "charset" in any case. Both ways a <meta> declares
// an encoding (a charset attribute, or "charset=" in a content value) spell
// it out, so without it the tag-by-tag walk cannot find anything; pages that
// declare nothing would otherwise be walked for their whole 64 KB window.
bool MentionsCharset(std::string_view b) {
  const size_t n = b.size();
  size_t i = 0;
#ifdef __SSE2__
  // Candidates are "ch" pairs in any case, 16 at a time.
  const __m128i case_bit = _mm_set1_epi8(0x20);
  for (; i + 17 <= n; i += 16) {
    const __m128i c = _mm_loadu_si128(reinterpret_cast<const __m128i*>(b.data() + i));
    const __m128i h = _mm_loadu_si128(reinterpret_cast<const __m128i*>(b.data() + i + 1));
    unsigned m = static_cast<unsigned>(_mm_movemask_epi8(_mm_and_si128(
        _mm_cmpeq_epi8(_mm_or_si128(c, case_bit), _mm_set1_epi8('c')),
        _mm_cmpeq_epi8(_mm_or_si128(h, case_bit), _mm_set1_epi8('h')))));
    for (; m != 0; m &= m - 1)
      if (StartsWithNoCase(b, i + static_cast<size_t>(__builtin_ctz(m)), "charset")) return true;
  }
#endif
  for (; i < n; ++i)
    if (StartsWithNoCase(b, i, "charset")) return true;
  return false;
}

std::optional<Enc> ScanMetas(std::string_view b) {
  if (!MentionsCharset(b)) return std::nullopt;
  const size_t n = b.size();
  auto at = [&](size_t i) { return static_cast<unsigned char>(b[i]); };
  std::string name, value;
  std::string seen[3];  // the only attribute names that matter; others need no dedup
  for (size_t pos = 0; pos < n; ++pos) {
    pos = b.find('<', pos);  // memchr: text between tags is skipped in bulk
    if (pos == std::string_view::npos) break;
    if (b.compare(pos, 4, "<!--") == 0) {
      // The '>' of the first "-->" after "<!" ("<!-->" closes itself).
      const size_t end = b.find("-->", pos + 2);
      if (end == std::string_view::npos) return std::nullopt;
      pos = end + 2;
      continue;
    }
    if (StartsWithNoCase(b, pos, "<meta") && pos + 5 < n && (IsSpace(at(pos + 5)) || at(pos + 5) == '/')) {
      size_t p = pos + 6;
      bool got_pragma = false, eof = false;
      enum { kNull, kTrue, kFalse } need_pragma = kNull;
      std::optional<Enc> charset;
      bool charset_failed = false;
      for (auto& s : seen) s.clear();
      while (GetAttribute<true>(b, &p, &name, &value, &eof)) {
        int slot = name == "http-equiv" ? 0 : name == "content" ? 1 : name == "charset" ? 2 : -1;
        if (slot < 0) continue;
        if (!seen[slot].empty()) continue;  // a repeated attribute is ignored
        seen[slot] = name;
        if (slot == 0) {
          if (value == "content-type") got_pragma = true;
        } else if (slot == 1) {
          auto e = EncodingFromContent(value);
          if (e && !charset && !charset_failed) {
            charset = e;
            need_pragma = kTrue;
          }
        } else {
          charset = LookupLabel(value);
          charset_failed = !charset;
          need_pragma = kFalse;
        }
      }
      if (eof) return std::nullopt;
      pos = p;  // at the '>'
      if (need_pragma == kNull || (need_pragma == kTrue && !got_pragma) || !charset) continue;
      if (*charset == Enc::kUtf16Be || *charset == Enc::kUtf16Le) return Enc::kUtf8;
      if (*charset == Enc::kXUserDefined) return Enc::kWindows1252;
      return charset;
    }
    if (pos + 1 < n && (IsAlpha(at(pos + 1)) || (at(pos + 1) == '/' && pos + 2 < n && IsAlpha(at(pos + 2))))) {
      size_t p = pos + 1;
      while (p < n && !IsSpace(at(p)) && at(p) != '>') ++p;
      if (p >= n) return std::nullopt;
      bool eof = false;
      while (GetAttribute<false>(b, &p, nullptr, nullptr, &eof)) {
      }
      if (eof) return std::nullopt;
      pos = p;
      continue;
    }
    if (pos + 1 < n && (at(pos + 1) == '!' || at(pos + 1) == '/' || at(pos + 1) == '?')) {
      const size_t end = b.find('>', pos + 1);
      if (end == std::string_view::npos) return std::nullopt;
      pos = end;
    }
  }
  return std::nullopt;
}

}  // namespace

std::optional<Enc> Prescan(std::string_view bytes, size_t window) {
  const std::string_view b = bytes.substr(0, window);
  // "Prescan for UTF-16 XML declarations": <?x in UTF-16 without a BOM.
  if (b.size() >= 6 && b.compare(0, 6, std::string_view("<\0?\0x\0", 6)) == 0) return Enc::kUtf16Le;
  if (b.size() >= 6 && b.compare(0, 6, std::string_view("\0<\0?\0x", 6)) == 0) return Enc::kUtf16Be;
  if (auto e = ScanMetas(b)) return e;
  return XmlEncoding(b);
}

}  // namespace matn::encoding

namespace matn {

std::string PrescanMetaCharset(std::string_view bytes) {
  auto e = encoding::Prescan(bytes, 1024);
  return e ? std::string(encoding::EncName(*e)) : std::string();
}

}  // namespace matn
