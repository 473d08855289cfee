// src/html/tokenizer.cpp — the WHATWG HTML tokenizer.
//
// DESIGN NOTE (why it scans the way it does)
//
// The spec describes a state machine fed one code point at a time. Taken
// literally that costs a dispatch per byte, and on real pages most bytes sit
// in long stretches where nothing can happen: text between tags, attribute
// values, comment bodies, script. So every state that can loop on itself
// first skips, in bulk, all bytes it would merely copy — with SSE2 (16 bytes
// per step) for text-like states, with a 256-entry class table for tag and
// attribute names — and only the byte that stopped the scan goes through the
// spec's per-character rules. All special characters of the tokenizer are
// ASCII, so working on UTF-8 bytes instead of code points is exact: a byte of
// a multi-byte sequence always falls into the spec's "anything else" branch.
//
// Output strings are "accumulators" (Acc): as long as everything appended is
// the input's own bytes, contiguously, an Acc is just a view into the input
// (zero copy; the tree builder can keep it). The first time something differs
// from the input — a decoded character reference, CR LF → LF, NUL → U+FFFD, an
// uppercase letter in a name — the Acc copies what it has into an arena and
// continues there. The arena is chunked and only its newest allocation may
// grow, so a finished string never moves: finished attributes are stored
// directly as the TokenAttribute array the token hands out. Arenas, the
// attribute vector and the duplicate-name hash table keep their capacity
// between tokens, so the steady state does not allocate.
//
// The hot tag states jump to each other directly (goto) instead of looping
// through the state switch; `state` is still updated, so the machine can stop
// and resume anywhere.
//
// Most tags never reach those states: in the data state, FastTag reads a
// common tag (lowercase name, attributes whose values need at most reference
// decoding) in one pass over local pointers, all or nothing; anything rarer
// sends the tag, from its '<', through the state machine. The input always
// ends in a NUL sentinel (copied when the caller cannot promise one), so the
// byte loops need no bounds checks: the NUL stops them like any special byte.
//
// Character tokens are merged into maximal runs. Since Next() returns one
// token at a time, a tag that ends a run is queued while the run is returned;
// the tokenizer always stops right after a token's last byte, so state changes
// the tree builder makes in response (RCDATA after <title>, CDATA allowed in
// foreign content) apply from exactly the right position. The one place where
// the tree builder's view must be current *inside* a run is "<![CDATA[", so
// pending text is flushed before that decision.
//
// Character references are decoded by lookahead on the complete input (no
// resumable sub-states needed): named ones by narrowing a [lo, hi) range of
// the sorted entity table one character at a time — longest-prefix match,
// bounded by the longest name (32), so linear overall.
#include "html/tokenizer.h"

#include <algorithm>
#include <cstring>
#include <memory>
#include <string_view>

#include "html/entities.h"
#include "matn/html.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace matn::html {
namespace {

constexpr int kEof = -1;
constexpr char kReplacement[] = "\xEF\xBF\xBD";  // U+FFFD

inline bool IsUpper(int c) { return static_cast<unsigned>(c - 'A') < 26; }
inline bool IsAlpha(int c) { return static_cast<unsigned>((c | 0x20) - 'a') < 26; }
inline bool IsDigit(int c) { return static_cast<unsigned>(c - '0') < 10; }
inline bool IsAlnum(int c) { return IsAlpha(c) || IsDigit(c); }
inline bool IsHex(int c) { return IsDigit(c) || static_cast<unsigned>((c | 0x20) - 'a') < 6; }
// Whitespace after preprocessing; CR counts because it becomes LF.
inline bool IsWs(int c) { return c == ' ' || c == '\n' || c == '\t' || c == '\f' || c == '\r'; }
inline char Lower(char c) { return IsUpper(c) ? static_cast<char>(c | 0x20) : c; }

bool CaseEq(const char* s, const char* lower, size_t n) {
  for (size_t i = 0; i < n; ++i)
    if (Lower(s[i]) != lower[i]) return false;
  return true;
}

struct ByteSet {
  bool v[256] = {};
  bool operator[](char c) const { return v[static_cast<unsigned char>(c)]; }
};

template <size_t N>
constexpr ByteSet MakeSet(const char (&chars)[N], bool upper) {
  ByteSet s;
  for (size_t i = 0; i + 1 < N; ++i) s.v[static_cast<unsigned char>(chars[i])] = true;
  if (upper)
    for (int c = 'A'; c <= 'Z'; ++c) s.v[c] = true;
  return s;
}

// Bytes that end the bulk copy in the tag name, attribute name and unquoted
// attribute value states (the NUL is part of each set: "...\0" literal).
constexpr ByteSet kTagNameStop = MakeSet("\t\n\f\r />\0", true);
constexpr ByteSet kAttrNameStop = MakeSet("\t\n\f\r />=\"'<\0", true);
constexpr ByteSet kUnquotedStop = MakeSet("\t\n\f\r &>\"'<=`\0", false);
constexpr ByteSet kWhitespace = MakeSet("\t\n\f\r ", false);
constexpr ByteSet kAlnum = MakeSet("0123456789abcdefghijklmnopqrstuvwxyz", true);

#if defined(__SSE2__)
// Bytes of the 16 at q equal to one of A..D. A function that must inline, not
// a lambda: inside the big state machine GCC stopped inlining the lambda, and
// a call per 16 bytes costs more than the compares.
template <char A, char B, char C, char D>
[[gnu::always_inline]] inline __m128i Hits4(const char* q) {
  const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(q));
  return _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(x, _mm_set1_epi8(A)), _mm_cmpeq_epi8(x, _mm_set1_epi8(B))),
                      _mm_or_si128(_mm_cmpeq_epi8(x, _mm_set1_epi8(C)), _mm_cmpeq_epi8(x, _mm_set1_epi8(D))));
}
#endif

// First byte in [p, e) equal to one of A..D, or e.
template <char A, char B, char C, char D>
[[gnu::always_inline]] inline const char* Find4(const char* p, const char* e) {
#if defined(__SSE2__)
  // 32 bytes per step once past the first block: long runs (scripts, styles,
  // long text) pay one test and branch per 32 bytes.
  if (e - p >= 16) {
    unsigned mask = static_cast<unsigned>(_mm_movemask_epi8(Hits4<A, B, C, D>(p)));
    if (mask) return p + __builtin_ctz(mask);
    p += 16;
  }
  while (e - p >= 32) {
    __m128i h0 = Hits4<A, B, C, D>(p), h1 = Hits4<A, B, C, D>(p + 16);
    if (_mm_movemask_epi8(_mm_or_si128(h0, h1))) {
      unsigned mask = static_cast<unsigned>(_mm_movemask_epi8(h0)) |
                      static_cast<unsigned>(_mm_movemask_epi8(h1)) << 16;
      return p + __builtin_ctz(mask);
    }
    p += 32;
  }
  while (e - p >= 16) {
    unsigned mask = static_cast<unsigned>(_mm_movemask_epi8(Hits4<A, B, C, D>(p)));
    if (mask) return p + __builtin_ctz(mask);
    p += 16;
  }
#endif
  for (; p < e; ++p) {
    char ch = *p;
    if (ch == A || ch == B || ch == C || ch == D) return p;
  }
  return e;
}

// The input always ends in a NUL (see Impl), which every stop set holds, so
// the loop needs no bounds check.
// Unrolled by four: names are short, and the loop's own increment and branch
// were half its cost.
[[gnu::always_inline]] inline const char* SkipNot(const ByteSet& stop, const char* p) {
  for (;; p += 4) {
    if (stop[p[0]]) return p;
    if (stop[p[1]]) return p + 1;
    if (stop[p[2]]) return p + 2;
    if (stop[p[3]]) return p + 3;
  }
}

// The first (up to) 8 bytes of a name as a little-endian word, zero-padded:
// with the length it settles almost every comparison without a memcmp.
inline uint64_t NamePrefix(const char* s, size_t n) {
  uint64_t w = 0;
  std::memcpy(&w, s, n < 8 ? n : 8);
  return w;
}

// Exact lookup of a whole entity name (with its ';') in a hash table built on
// first use; `readable` bytes from name.data() may be read (8 or more lets the
// prefix load be one word).
const NamedEntity* FindNamedEntity(std::string_view name, size_t readable = 0) {
  constexpr int kBits = 13;
  constexpr size_t kSlots = size_t{1} << kBits;  // > 3x the table
  static_assert(kNumNamedEntities * 3 < kSlots);
  struct Slot {
    uint64_t prefix;
    uint16_t index;  // entity index + 1; 0 = empty
  };
  auto hash = [](uint64_t prefix, size_t n) {
    return static_cast<size_t>(((prefix + n) * 0x9E3779B97F4A7C15ull) >> (64 - kBits));
  };
  static const std::unique_ptr<Slot[]> table = [&] {
    auto t = std::make_unique<Slot[]>(kSlots);
    for (size_t i = 0; i < kNumNamedEntities; ++i) {
      const uint64_t w = NamePrefix(kNamedEntities[i].name, kNamedEntities[i].name_len);
      size_t h = hash(w, kNamedEntities[i].name_len);
      while (t[h].index) h = (h + 1) & (kSlots - 1);
      t[h] = {w, static_cast<uint16_t>(i + 1)};
    }
    return t;
  }();
  const size_t n = name.size();
  uint64_t w;
  if (readable >= 8) {
    std::memcpy(&w, name.data(), 8);
    if (n < 8) w &= (uint64_t{1} << (8 * n)) - 1;
  } else {
    w = NamePrefix(name.data(), n);
  }
  for (size_t h = hash(w, n); table[h].index; h = (h + 1) & (kSlots - 1)) {
    if (table[h].prefix != w) continue;
    const NamedEntity& e = kNamedEntities[table[h].index - 1];
    if (e.name_len == n && (n <= 8 || std::memcmp(e.name + 8, name.data() + 8, n - 8) == 0)) return &e;
  }
  return nullptr;
}

// The longest name without a ';' (the legacy ones: "frac12", "middot", …).
size_t MaxLegacyEntityLength() {
  static const size_t n = [] {
    size_t m = 0;
    for (size_t i = 0; i < kNumNamedEntities; ++i)
      if (kNamedEntities[i].name[kNamedEntities[i].name_len - 1] != ';') m = std::max<size_t>(m, kNamedEntities[i].name_len);
    return m;
  }();
  return n;
}

size_t EncodeUtf8(uint32_t cp, char* out) {
  if (cp < 0x80) {
    out[0] = static_cast<char>(cp);
    return 1;
  }
  if (cp < 0x800) {
    out[0] = static_cast<char>(0xC0 | (cp >> 6));
    out[1] = static_cast<char>(0x80 | (cp & 0x3F));
    return 2;
  }
  if (cp < 0x10000) {
    out[0] = static_cast<char>(0xE0 | (cp >> 12));
    out[1] = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out[2] = static_cast<char>(0x80 | (cp & 0x3F));
    return 3;
  }
  out[0] = static_cast<char>(0xF0 | (cp >> 18));
  out[1] = static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
  out[2] = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
  out[3] = static_cast<char>(0x80 | (cp & 0x3F));
  return 4;
}

inline bool IsNoncharacter(uint32_t cp) { return (cp >= 0xFDD0 && cp <= 0xFDEF) || (cp & 0xFFFE) == 0xFFFE; }
inline bool IsControl(uint32_t cp) { return cp <= 0x1F || (cp >= 0x7F && cp <= 0x9F); }

// The spec's replacement table for numeric references to C1 controls
// (windows-1252 meanings); 0 = no replacement.
constexpr uint16_t kC1Replacement[32] = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0,      0x017D, 0,      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};

// Storage for the strings of one token that differ from the input. Chunked,
// so a finished string never moves (its view stays valid until Reset()); only
// the most recent allocation grows, and when its block is full it moves alone
// to the next block. Blocks are kept across tokens: no allocation in the
// steady state.
class Arena {
 public:
  void Reset() {
    block_ = 0;
    used_ = 0;
  }
  // Makes room for `extra` more bytes after the most recent allocation
  // [start, start + len) (start == nullptr: begin a new one); returns its
  // possibly moved start.
  char* Grow(char* start, size_t len, size_t extra) {
    if (blocks_.empty()) blocks_.push_back(Block{std::make_unique<char[]>(kMinBlock), kMinBlock});
    Block* b = &blocks_[block_];
    size_t off = start ? static_cast<size_t>(start - b->mem.get()) : used_;
    if (off + len + extra <= b->cap) {
      used_ = off + len + extra;
      return b->mem.get() + off;
    }
    const size_t need = len + extra;
    if (block_ + 1 == blocks_.size() || blocks_[block_ + 1].cap < need) {
      size_t cap = std::max(need * 2, b->cap * 2);
      blocks_.insert(blocks_.begin() + static_cast<std::ptrdiff_t>(block_ + 1), Block{std::make_unique<char[]>(cap), cap});
    }
    b = &blocks_[++block_];
    if (len) std::memcpy(b->mem.get(), start, len);
    used_ = need;
    return b->mem.get();
  }

 private:
  static constexpr size_t kMinBlock = 4096;
  struct Block {
    std::unique_ptr<char[]> mem;
    size_t cap;
  };
  std::vector<Block> blocks_;
  size_t block_ = 0;
  size_t used_ = 0;
};

// A string being built for a token: a view into the input while possible,
// else an allocation in an arena (see the design note). Only the most recently
// started Acc of an arena may be appended to.
class Acc {
 public:
  void Clear() {
    ptr_ = nullptr;
    n_ = 0;
    owned_ = false;
  }
  // Becomes exactly the input bytes [s, s + n).
  void Set(const char* s, size_t n) {
    ptr_ = s;
    n_ = n;
    owned_ = false;
  }
  bool empty() const { return n_ == 0; }
  // `s` points into the input.
  void Add(Arena& arena, const char* s, size_t n) {
    if (!owned_) {
      if (n_ == 0) {
        ptr_ = s;
        n_ = n;
        return;
      }
      if (ptr_ + n_ == s) {
        n_ += n;
        return;
      }
    }
    AddBytes(arena, s, n);
  }
  // Bytes that are not the input's own.
  void AddBytes(Arena& arena, const char* s, size_t n) {
    char* buf;
    if (owned_) {
      buf = arena.Grow(const_cast<char*>(ptr_), n_, n);
    } else {
      buf = arena.Grow(nullptr, 0, n_ + n);
      if (n_) std::memcpy(buf, ptr_, n_);
      owned_ = true;
    }
    std::memcpy(buf + n_, s, n);
    ptr_ = buf;
    n_ += n;
  }
  void AddByte(Arena& arena, char c) { AddBytes(arena, &c, 1); }
  std::string_view view() const { return std::string_view(ptr_, n_); }
  // Keeps at most n bytes, cut before a UTF-8 continuation byte.
  void Truncate(size_t n) {
    if (n >= n_) return;
    while (n > 0 && (static_cast<unsigned char>(ptr_[n]) & 0xC0) == 0x80) --n;
    n_ = n;
  }

 private:
  const char* ptr_ = nullptr;
  size_t n_ = 0;
  bool owned_ = false;
};

enum class S : uint8_t {
  kData, kRcdata, kRawtext, kScriptData, kPlaintext, kTagOpen, kEndTagOpen, kTagName,
  kScriptEscapeStart, kScriptEscapeStartDash, kScriptEscaped, kScriptEscapedDash,
  kScriptEscapedDashDash, kScriptDoubleEscaped, kScriptDoubleEscapedDash,
  kScriptDoubleEscapedDashDash, kBeforeAttrName, kAttrName, kAfterAttrName, kBeforeAttrValue,
  kAttrValueDq, kAttrValueSq, kAttrValueUnquoted, kAfterAttrValueQuoted, kSelfClosingStartTag,
  kBogusComment, kMarkupDeclOpen, kCommentStart, kCommentStartDash, kComment, kCommentLt,
  kCommentLtBang, kCommentLtBangDash, kCommentLtBangDashDash, kCommentEndDash, kCommentEnd,
  kCommentEndBang, kDoctype, kBeforeDoctypeName, kDoctypeName, kAfterDoctypeName,
  kAfterDoctypePublicKw, kBeforeDoctypePublicId, kDoctypePublicIdDq, kDoctypePublicIdSq,
  kAfterDoctypePublicId, kBetweenDoctypeIds, kAfterDoctypeSystemKw, kBeforeDoctypeSystemId,
  kDoctypeSystemIdDq, kDoctypeSystemIdSq, kAfterDoctypeSystemId, kBogusDoctype, kCdataSection,
  kCdataBracket, kCdataEnd, kEofReached,
};

// Attribute counts up to this use a linear duplicate scan; beyond, a hash table.
constexpr uint32_t kLinearDupLimit = 16;

}  // namespace

struct Tokenizer::Impl {
  Impl(std::string_view in, bool nul_terminated) {
    // The byte at `end` is always a readable NUL: scans stop there without a
    // bounds check per byte. Input that does not promise one is copied.
    if (!nul_terminated || !in.data()) {
      own.assign(in);
      in = own;
    }
    begin = pos = in.data();
    end = in.data() + in.size();
    attrs.resize(kLinearDupLimit);
    // FastTag takes names from the input as they are; only the state machine
    // cuts those over Attribute::kMaxNameSize, which a smaller input cannot hold.
    slow_tags = in.size() > Attribute::kMaxNameSize;
    text_tok.type = TokenType::kCharacters;
    comment_tok.type = TokenType::kComment;
    doctype_tok.type = TokenType::kDoctype;
  }

  std::string own;
  const char* begin;
  const char* pos;
  const char* end;
  S state = S::kData;
  bool allow_cdata = false;
  bool collect = false;
  bool slow_tags = false;  // no FastTag: collecting errors, or a huge input
  std::vector<std::string> errors;

  // One token object per type: the fields of the other types stay empty in
  // each for good, so emitting a token sets only its own fields (and a view
  // of another type can never be stale).
  Token text_tok, tag_tok, comment_tok, doctype_tok, eof_tok;
  const Token* ready = &eof_tok;  // what Next() returns
  const Token* queued = nullptr;  // the token that ended the text in `ready`

  Arena text_arena;
  Acc text;
  bool text_nul = false;  // `text` may hold a NUL (data state and CDATA pass it through)

  // Tag or comment under construction (never both at once).
  Arena tag_arena;
  Acc tag_name;
  Acc comment;
  bool is_end_tag = false;
  bool self_closing = false;
  bool had_attrs = false;
  // Finished attributes (first num_attrs; the rest is reusable capacity) and
  // the one being read, committed by CommitAttr() unless it is a duplicate.
  std::vector<TokenAttribute> attrs;
  uint32_t num_attrs = 0;
  Acc attr_name, attr_value;
  bool attr_open = false, attr_dup = false;
  std::vector<uint64_t> dup_slots;  // open addressing, see IsDuplicate(); 0 = empty
  uint32_t dup_count = 0;
  bool dup_hashed = false;
  // One bit per name checked in this tag (by length and end bytes): a name
  // whose bit is clear cannot be a duplicate, so most checks skip the search.
  uint64_t dup_bloom = 0;

  std::string dt_name, dt_public, dt_system;
  bool dt_has_name = false, dt_has_public = false, dt_has_system = false, dt_quirks = false;
  std::string* dt_id = nullptr;  // public or system identifier being read

  std::string last_start_tag;
  std::string_view last_start_view;  // not yet copied into last_start_tag
  bool has_last_start_tag = false;

  bool fast_arena_used = false;  // FastTag has reset tag_arena for this tag
  char ref[8];  // decoded character reference
  size_t ref_len = 0;

  void Err(const char* code) {
    if (collect) errors.emplace_back(code);
  }

  int Cur() const {
    unsigned char c = static_cast<unsigned char>(*pos);
    if (c > '\r') [[likely]] return c;
    if (c == '\r') return '\n';
    return c == 0 && pos == end ? kEof : c;
  }
  void Adv() { pos += (*pos == '\r' && pos[1] == '\n') ? 2 : 1; }
  void SkipWs() {
    while (kWhitespace[*pos]) ++pos;
  }
  // Appends the current input character (after CR normalisation) and consumes it.
  void TakeCur(Acc& a) {
    if (*pos == '\r') {
      a.AddByte(text_arena, '\n');
      Adv();
    } else {
      a.Add(text_arena, pos++, 1);
    }
  }
  // Appends a literal that the caller expects to find at `src` in the input;
  // stays zero-copy when it does.
  void AddLit(Arena& arena, Acc& a, const char* lit, size_t n, const char* src) {
    if (src >= begin && src + n <= end && std::memcmp(src, lit, n) == 0)
      a.Add(arena, src, n);
    else
      a.AddBytes(arena, lit, n);
  }

  // ---- token emission: Run() returns right after one of these ----
  void FillText() {
    text_tok.data = text.view();
    text_tok.may_have_nul = text_nul;
    text_nul = false;
    text.Clear();
    ready = &text_tok;
  }
  void FillTag() {
    tag_tok.name = tag_name.view();
    tag_tok.self_closing = self_closing;
    if (is_end_tag) {
      tag_tok.type = TokenType::kEndTag;
      tag_tok.attrs = nullptr;
      tag_tok.num_attrs = 0;
      return;
    }
    tag_tok.type = TokenType::kStartTag;
    tag_tok.attrs = attrs.data();
    tag_tok.num_attrs = num_attrs;
  }
  void FillDoctype() {
    doctype_tok.name = dt_name;
    doctype_tok.has_name = dt_has_name;
    doctype_tok.force_quirks = dt_quirks;
    doctype_tok.has_public_id = dt_has_public;
    doctype_tok.has_system_id = dt_has_system;
    doctype_tok.public_id = dt_public;
    doctype_tok.system_id = dt_system;
  }
  // `t` is filled; pending text goes first.
  void Emit(const Token* t) {
    if (!text.empty()) {
      FillText();
      queued = t;
      return;
    }
    ready = t;
  }
  void EmitTag() {
    state = S::kData;
    CommitAttr();
    if (is_end_tag) {
      if (had_attrs) Err("end-tag-with-attributes");
      if (self_closing) Err("end-tag-with-trailing-solidus");
    } else {
      // Copied only if the tree builder switches to a text state (SetState),
      // the one time it is needed; the view lives until the next tag begins.
      last_start_view = tag_name.view();
      has_last_start_tag = true;
    }
    FillTag();
    Emit(&tag_tok);
  }
  void EmitComment() {
    comment_tok.data = comment.view();
    Emit(&comment_tok);
  }
  void EmitDoctype() {
    FillDoctype();
    Emit(&doctype_tok);
  }
  void EmitEof() {
    state = S::kEofReached;
    if (!text.empty()) {
      FillText();
      return;
    }
    ready = &eof_tok;
  }
  void EofInComment() {
    Err("eof-in-comment");
    state = S::kEofReached;
    EmitComment();
  }
  void EofInDoctype() {
    Err("eof-in-doctype");
    dt_quirks = true;
    state = S::kEofReached;
    EmitDoctype();
  }

  // ---- token construction ----
  void BeginTag(bool end_tag) {
    tag_arena.Reset();
    tag_name.Clear();
    is_end_tag = end_tag;
    self_closing = false;
    had_attrs = attr_open = false;
    num_attrs = 0;
    dup_hashed = false;
    dup_bloom = 0;
  }
  void BeginComment() {
    tag_arena.Reset();
    comment.Clear();
  }
  void BeginDoctype() {
    dt_name.clear();
    dt_public.clear();
    dt_system.clear();
    dt_has_name = dt_has_public = dt_has_system = dt_quirks = false;
  }
  void NewAttr() {
    CommitAttr();
    attr_name.Clear();
    attr_value.Clear();
    attr_open = had_attrs = true;
    attr_dup = false;
  }
  // Inline: runs for every tag and attribute; the rare parts are out of line.
  void CommitAttr() {
    if (!attr_open) return;
    attr_open = false;
    if (attr_dup) return;
    if (num_attrs == attrs.size() || dup_hashed) return CommitAttrSlow();
    attrs[num_attrs++] = {attr_name.view(), attr_value.view()};
  }
  void CommitAttrSlow();
  // The spec compares names when leaving the attribute name state; the current
  // attribute is only committed later (its value still has to be read), which
  // is the same thing since nothing can be added in between.
  void CheckDuplicate() {
    if (attr_name.view().size() > Attribute::kMaxNameSize) [[unlikely]] {  // the DOM's limit (html.h)
      attr_name.Truncate(Attribute::kMaxNameSize);
      Err("attribute-name-too-long");
    }
    const std::string_view n = attr_name.view();
    const uint64_t bit = uint64_t{1} << ((n.size() * 7 + (n.empty() ? 0 : n[0] + n.back() * 3)) & 63);
    const bool maybe = dup_bloom & bit;
    dup_bloom |= bit;
    if (maybe && IsDuplicate(n)) {
      attr_dup = true;
      Err("duplicate-attribute");
    }
  }
  bool IsDuplicate(std::string_view name);
  void HashInsert(uint32_t i);
  void AddLower(Acc& a, const char* s, size_t n) {
    size_t i = 0;
    while (i < n && !IsUpper(s[i])) ++i;
    a.Add(tag_arena, s, i);
    for (; i < n; ++i) a.AddByte(tag_arena, Lower(s[i]));
  }

  // ---- lookahead helpers ----
  size_t CharRef(const char* p, bool in_attr);
  bool TryEndTag();
  void ScriptLessThan(bool double_escaped);
  void CharRefIn(Arena& arena, Acc& a, bool in_attr) {
    size_t n = CharRef(pos + 1, in_attr);
    if (n == 0) {
      a.Add(arena, pos++, 1);
    } else {
      a.AddBytes(arena, ref, ref_len);
      pos += 1 + n;
    }
  }
  // NUL or CR met by a bulk scan in a state that replaces NUL with U+FFFD.
  void NulOrCr(Arena& arena, Acc& a) {
    if (*pos == '\0') {
      Err("unexpected-null-character");
      a.AddBytes(arena, kReplacement, 3);
      ++pos;
    } else {
      a.AddByte(arena, '\n');
      Adv();
    }
  }
  void InputStreamErrors();
  bool FastTag();
  [[gnu::noinline]] const char* FastValueRefs(const char* v, const char* p, char quote);
  std::string_view fast_value;  // FastValueRefs' result

  void Run();
};

void Tokenizer::Impl::CommitAttrSlow() {
  if (num_attrs == attrs.size()) attrs.resize(attrs.size() * 2 + 8);
  attrs[num_attrs] = {attr_name.view(), attr_value.view()};
  if (dup_hashed) {
    if ((dup_count + 1) * 2 > dup_slots.size()) {
      dup_slots.assign(dup_slots.size() * 2, 0);
      dup_count = 0;
      for (uint32_t j = 0; j < num_attrs; ++j) HashInsert(j);
    }
    HashInsert(num_attrs);
  }
  ++num_attrs;
}

// Slots hold (32 hash bits << 32) | (attribute index + 1), so a probe only
// reads an attribute when the hash bits agree.
void Tokenizer::Impl::HashInsert(uint32_t i) {
  const uint64_t h = std::hash<std::string_view>()(attrs[i].name);
  const size_t mask = dup_slots.size() - 1;
  for (size_t s = h & mask;; s = (s + 1) & mask) {
    if (dup_slots[s] == 0) {
      dup_slots[s] = (h >> 32 << 32) | (uint64_t{i} + 1);
      ++dup_count;
      return;
    }
  }
}

bool Tokenizer::Impl::IsDuplicate(std::string_view name) {
  if (num_attrs <= kLinearDupLimit) {
    // Length and first byte settle almost every comparison without a memcmp call.
    const size_t n = name.size();
    for (uint32_t j = 0; j < num_attrs; ++j) {
      std::string_view o = attrs[j].name;
      if (o.size() == n && (n == 0 || (o[0] == name[0] && std::memcmp(o.data(), name.data(), n) == 0))) return true;
    }
    return false;
  }
  if (!dup_hashed) {  // sized for this tag, whatever an earlier tag needed
    size_t cap = 64;
    while (cap < 4 * size_t{num_attrs}) cap *= 2;
    dup_slots.assign(cap, 0);
    dup_count = 0;
    dup_hashed = true;
    for (uint32_t j = 0; j < num_attrs; ++j) HashInsert(j);
  }
  const uint64_t h = std::hash<std::string_view>()(name);
  const size_t mask = dup_slots.size() - 1;
  for (size_t s = h & mask; dup_slots[s] != 0; s = (s + 1) & mask)
    if ((dup_slots[s] >> 32) == (h >> 32) && attrs[(dup_slots[s] & 0xFFFFFFFFu) - 1].name == name) return true;
  return false;
}

// `p` is just after '&'. Returns how many bytes after the '&' the reference
// spans (its decoded form is then in ref/ref_len), or 0 when the '&' is a
// literal character.
size_t Tokenizer::Impl::CharRef(const char* p, bool in_attr) {
  if (p == end) return 0;
  if (*p == '#') {
    const char* q = p + 1;
    bool hex = q < end && (*q == 'x' || *q == 'X');
    if (hex) ++q;
    const char* digits = q;
    uint32_t v = 0;
    for (; q < end && (hex ? IsHex(*q) : IsDigit(*q)); ++q) {
      uint32_t d = IsDigit(*q) ? *q - '0' : (*q | 0x20) - 'a' + 10;
      v = v * (hex ? 16 : 10) + d;
      if (v > 0x10FFFF) v = 0x110000;  // saturate: only "too big" matters
    }
    if (q == digits) {
      Err("absence-of-digits-in-numeric-character-reference");
      return 0;
    }
    if (q < end && *q == ';')
      ++q;
    else
      Err("missing-semicolon-after-character-reference");
    if (v == 0) {
      Err("null-character-reference");
      v = 0xFFFD;
    } else if (v > 0x10FFFF) {
      Err("character-reference-outside-unicode-range");
      v = 0xFFFD;
    } else if (v >= 0xD800 && v <= 0xDFFF) {
      Err("surrogate-character-reference");
      v = 0xFFFD;
    } else if (IsNoncharacter(v)) {
      Err("noncharacter-character-reference");
    } else if (v == 0x0D || (IsControl(v) && v != 0x09 && v != 0x0A && v != 0x0C && v != 0x20)) {
      Err("control-character-reference");
      if (v >= 0x80 && v <= 0x9F && kC1Replacement[v - 0x80]) v = kC1Replacement[v - 0x80];
    }
    ref_len = EncodeUtf8(v, ref);
    return static_cast<size_t>(q - p);
  }
  // "&amp;" and "&quot;" (URLs in attributes, quoted text) are most of the
  // references on real pages: settled before the scan and hash below. A name
  // ending in ';' is always the longest match. The byte compares stop at the
  // NUL sentinel at the latest.
  if (p[0] == 'a' && p[1] == 'm' && p[2] == 'p' && p[3] == ';') {
    ref[0] = '&';
    ref_len = 1;
    return 4;
  }
  if (p[0] == 'q' && p[1] == 'u' && p[2] == 'o' && p[3] == 't' && p[4] == ';') {
    ref[0] = '"';
    ref_len = 1;
    return 5;
  }
  if (!IsAlnum(*p)) return 0;
  // Fast path: "name;" whole. A match ending at ';' is the longest possible
  // (no name has ';' inside), so an exact lookup settles the common case.
  // (The run is read whole: it holds no '&', so each byte is read here at
  // most once besides the state's own scan.)
  const char* q = p;
  while (kAlnum[*q]) ++q;
  if (*q == ';' && static_cast<size_t>(q + 1 - p) <= kMaxNamedEntityLength) {
    if (const NamedEntity* e = FindNamedEntity(std::string_view(p, static_cast<size_t>(q + 1 - p)),
                                               static_cast<size_t>(end - p))) {
      for (size_t i = 0; i < e->value_len; ++i) ref[i] = e->value[i];
      ref_len = e->value_len;
      return e->name_len;
    }
  }
  // No name in the table has ';' inside, so with "run;" not a name the match
  // can only be a legacy name (no ';') that is a prefix of the alphanumeric
  // run [p, q): try the lengths from the longest down, each an exact lookup.
  // In an attribute value a match shorter than the run is followed by an
  // alphanumeric and stays literal anyway, so only the whole run can count
  // (the error report below needs the shorter ones, hence `collect`).
  const size_t run = static_cast<size_t>(q - p);
  const size_t shortest = in_attr && !collect ? run : 1;
  size_t best_len = std::min(run, MaxLegacyEntityLength());
  const NamedEntity* best = nullptr;
  for (; best_len >= shortest && best_len > 0; --best_len)
    if ((best = FindNamedEntity(std::string_view(p, best_len)))) break;
  if (!best) {
    if (collect) {  // the ambiguous ampersand state reports "&word;"
      const char* t = q;
      while (t < end && IsAlnum(*t)) ++t;
      if (t < end && *t == ';') Err("unknown-named-character-reference");
    }
    return 0;
  }
  if (best->name[best_len - 1] != ';') {
    // Legacy rule: in attribute values "&amp=" and "&ampx" stay literal.
    if (in_attr && p + best_len < end && (p[best_len] == '=' || IsAlnum(p[best_len]))) return 0;
    Err("missing-semicolon-after-character-reference");
  }
  std::memcpy(ref, best->value, best->value_len);
  ref_len = best->value_len;
  return best_len;
}

// At '<' in RCDATA, RAWTEXT or (escaped) script data: if "</name" follows with
// name the last start tag and then whitespace, '/' or '>', starts that end tag
// and moves to the tag name state (which treats the terminator exactly as the
// spec's "... end tag name" states do). Otherwise the '<' is just text: the
// characters the spec would have buffered are all plain in those states.
bool Tokenizer::Impl::TryEndTag() {
  if (!has_last_start_tag || end - pos < 2 || pos[1] != '/') return false;
  const char* name = pos + 2;
  const size_t n = last_start_tag.size();
  const char* q = name;
  while (q < end && static_cast<size_t>(q - name) <= n && IsAlpha(*q)) ++q;
  if (static_cast<size_t>(q - name) != n || q == end) return false;
  if (!(IsWs(*q) || *q == '/' || *q == '>')) return false;
  if (!CaseEq(name, last_start_tag.data(), n)) return false;
  BeginTag(true);
  AddLower(tag_name, name, n);
  pos = q;
  state = S::kTagName;
  return true;
}

// "<" in the script data (double) escaped states. Escaped: an appropriate end
// tag, "<script" + terminator entering double escape, or text. Double escaped:
// "</script" + terminator returns to escaped. The letters are emitted as text
// either way, as the spec's double escape start/end states do.
void Tokenizer::Impl::ScriptLessThan(bool double_escaped) {
  if (!double_escaped && TryEndTag()) return;
  text.Add(text_arena, pos++, 1);
  state = double_escaped ? S::kScriptDoubleEscaped : S::kScriptEscaped;
  if (double_escaped) {
    if (pos == end || *pos != '/') return;
    text.Add(text_arena, pos++, 1);
  }
  const char* q = pos;
  while (q < end && IsAlpha(*q)) ++q;
  if (q - pos == 6 && q < end && CaseEq(pos, "script", 6) && (IsWs(*q) || *q == '/' || *q == '>'))
    state = double_escaped ? S::kScriptEscaped : S::kScriptDoubleEscaped;
  if (q != pos) text.Add(text_arena, pos, static_cast<size_t>(q - pos));
  pos = q;
}

void Tokenizer::Impl::InputStreamErrors() {
  // Control characters and noncharacters are reported by the input stream, not
  // by a state; they are only needed for tests, so a separate pass is fine.
  for (const char* p = pos; p < end;) {
    unsigned char b = static_cast<unsigned char>(*p);
    uint32_t cp;
    int len;
    if (b < 0x80) cp = b, len = 1;
    else if (b < 0xE0) cp = b & 0x1F, len = 2;
    else if (b < 0xF0) cp = b & 0x0F, len = 3;
    else cp = b & 0x07, len = 4;
    if (end - p < len) break;
    for (int i = 1; i < len; ++i) cp = (cp << 6) | (static_cast<unsigned char>(p[i]) & 0x3F);
    p += len;
    if (IsNoncharacter(cp)) Err("noncharacter-in-input-stream");
    else if (IsControl(cp) && cp != 0 && cp != 0x09 && cp != 0x0A && cp != 0x0C && cp != 0x0D)
      Err("control-character-in-input-stream");
  }
}

// A quoted attribute value that starts at `v` and has its first '&' at `p`,
// rebuilt in tag_arena with its references decoded (into fast_value). Returns
// the position of the byte that ended it (quote, CR, NUL). Only for FastTag:
// tag_arena belongs to the tag being read.
const char* Tokenizer::Impl::FastValueRefs(const char* v, const char* p, char quote) {
  // The whole value first: decoded, it never needs more than twice its bytes
  // (the longest expansion is "&nGt;", 5 bytes to 6), so one allocation.
  const char* e = quote == '"' ? Find4<'"', '\r', '\0', '\0'>(p, end) : Find4<'\'', '\r', '\0', '\0'>(p, end);
  if (*e != quote) return e;  // CR, NUL or EOF: FastTag gives up
  if (!fast_arena_used) {
    tag_arena.Reset();
    fast_arena_used = true;
  }
  char* const out = tag_arena.Grow(nullptr, 0, 2 * static_cast<size_t>(e - v) + 8);
  char* o = out;
  std::memcpy(o, v, static_cast<size_t>(p - v));
  o += p - v;
  while (p < e) {  // at a '&'
    const size_t n = CharRef(p + 1, true);  // stops before the quote
    if (n == 0) {
      *o++ = *p++;
    } else {
      for (size_t i = 0; i < ref_len; ++i) *o++ = ref[i];
      p += 1 + n;
    }
    const char* amp = static_cast<const char*>(std::memchr(p, '&', static_cast<size_t>(e - p)));
    const char* stop = amp ? amp : e;
    std::memcpy(o, p, static_cast<size_t>(stop - p));
    o += stop - p;
    p = stop;
  }
  fast_value = std::string_view(out, static_cast<size_t>(o - out));
  return e;
}

// The common tag — lowercase name, attribute values without references, CR or
// NUL — read in one pass over local pointers, with `pos` at its '<'. All or
// nothing: anything that needs the spec's finer rules (an uppercase letter,
// '&', CR or NUL in a value, EOF, a stray quote, '=' or solidus, an end tag
// with attributes, many attributes) returns false with nothing consumed, and
// the state machine reads the tag from its '<' instead; so each tag is read at
// most twice. Parse errors are not reported here (callers skip it while
// collecting them); the tokens are the same either way.
[[gnu::always_inline]] inline bool Tokenizer::Impl::FastTag() {
  const char* p = pos + 1;
  fast_arena_used = false;
  const bool end_tag = *p == '/';
  p += end_tag;
  if (static_cast<unsigned>(*p - 'a') >= 26) return false;
  const char* name = p;
  p = SkipNot(kTagNameStop, p + 1);
  const size_t name_len = static_cast<size_t>(p - name);
  if (!kWhitespace[*p] && *p != '>' && *p != '/') return false;  // uppercase, NUL, EOF
  uint32_t n = 0;
  uint64_t bloom = 0;
  bool closing = false;
  for (;;) {
    while (kWhitespace[*p]) ++p;
    char c = *p;
    if (c == '>') {
      ++p;
      break;
    }
    if (c == '/') {
      if (p[1] != '>') return false;
      p += 2;
      closing = true;
      break;
    }
    if (end_tag) return false;
    const char* an = p;
    p = SkipNot(kAttrNameStop, p);
    if (p == an) return false;  // '=', a quote, '<', uppercase, NUL, EOF
    const std::string_view aname(an, static_cast<size_t>(p - an));
    std::string_view aval;
    while (kWhitespace[*p]) ++p;
    c = *p;
    bool tag_done = false;
    if (c == '=') {
      ++p;
      while (kWhitespace[*p]) ++p;
      c = *p;
      if (c == '"' || c == '\'') {
        const char* v = ++p;
        p = c == '"' ? Find4<'"', '&', '\r', '\0'>(p, end) : Find4<'\'', '&', '\r', '\0'>(p, end);
        if (*p == '&') [[unlikely]] {
          p = FastValueRefs(v, p, c);
          aval = fast_value;
        } else {
          aval = std::string_view(v, static_cast<size_t>(p - v));
        }
        if (*p != c) return false;  // CR, NUL, EOF
        ++p;
      } else if (c == '>') {  // "a=>": empty value, and the tag ends
        ++p;
        tag_done = true;
      } else {
        const char* v = p;
        p = SkipNot(kUnquotedStop, p);
        if (!kWhitespace[*p] && *p != '>') return false;
        aval = std::string_view(v, static_cast<size_t>(p - v));
      }
    } else if (c != '/' && c != '>' && p == an + aname.size()) {
      return false;  // a quote or '<' right after the name
    }
    // Duplicates: first wins (see CheckDuplicate).
    const uint64_t bit = uint64_t{1} << ((static_cast<unsigned char>(aname[0]) ^ (aname.size() << 3)) & 63);
    bool dup = false;
    if (bloom & bit) {
      for (uint32_t j = 0; j < n && !dup; ++j) dup = attrs[j].name == aname;
    }
    bloom |= bit;
    if (!dup) {
      if (n == kLinearDupLimit) return false;
      attrs[n++] = {aname, aval};  // the constructor made room for kLinearDupLimit
    }
    if (tag_done) break;
  }
  is_end_tag = end_tag;
  tag_name.Set(name, name_len);
  self_closing = closing;
  num_attrs = n;
  pos = p;
  if (!end_tag) {
    last_start_view = tag_name.view();
    has_last_start_tag = true;
  }
  FillTag();
  Emit(&tag_tok);
  return true;
}

void Tokenizer::Impl::Run() {
  for (;;) {
    switch (state) {
      // ---------------- text states ----------------
      case S::kData: {
        const char* p = Find4<'<', '&', '\r', '\0'>(pos, end);
        if (p != pos) text.Add(text_arena, pos, static_cast<size_t>(p - pos));
        pos = p;
        if (p == end) return EmitEof();
        if (*p == '<') {
          if (!slow_tags && FastTag()) return;
          ++pos;
          state = S::kTagOpen;
          goto tag_open;
        } else if (*p == '&') {
          CharRefIn(text_arena, text, false);
        } else if (*p == '\r') {
          text.AddByte(text_arena, '\n');
          Adv();
        } else {  // NUL goes to the tree builder as is
          Err("unexpected-null-character");
          text_nul = true;
          text.Add(text_arena, pos++, 1);
        }
        break;
      }
      case S::kRcdata: {
        const char* p = Find4<'<', '&', '\r', '\0'>(pos, end);
        if (p != pos) text.Add(text_arena, pos, static_cast<size_t>(p - pos));
        pos = p;
        if (p == end) return EmitEof();
        if (*p == '<') {
          if (!TryEndTag()) text.Add(text_arena, pos++, 1);
        } else if (*p == '&') {
          CharRefIn(text_arena, text, false);
        } else {
          NulOrCr(text_arena, text);
        }
        break;
      }
      case S::kRawtext:
      case S::kScriptData: {
        const char* p = Find4<'<', '\r', '\0', '\0'>(pos, end);
        if (p != pos) text.Add(text_arena, pos, static_cast<size_t>(p - pos));
        pos = p;
        if (p == end) return EmitEof();
        if (*p != '<') {
          NulOrCr(text_arena, text);
        } else if (!TryEndTag()) {
          if (state == S::kScriptData && end - pos >= 2 && pos[1] == '!') {
            text.Add(text_arena, pos, 2);
            pos += 2;
            state = S::kScriptEscapeStart;
          } else {
            text.Add(text_arena, pos++, 1);
          }
        }
        break;
      }
      case S::kPlaintext: {
        const char* p = Find4<'\r', '\0', '\0', '\0'>(pos, end);
        if (p != pos) text.Add(text_arena, pos, static_cast<size_t>(p - pos));
        pos = p;
        if (p == end) return EmitEof();
        NulOrCr(text_arena, text);
        break;
      }
      case S::kCdataSection: {
        const char* p = Find4<']', '\r', '\r', '\r'>(pos, end);
        if (p != pos) text.Add(text_arena, pos, static_cast<size_t>(p - pos));
        pos = p;
        if (p == end) {
          Err("eof-in-cdata");
          return EmitEof();
        }
        if (*p == ']') {
          ++pos;
          state = S::kCdataBracket;
        } else {
          text.AddByte(text_arena, '\n');
          Adv();
        }
        break;
      }
      case S::kCdataBracket:
        if (Cur() == ']') {
          ++pos;
          state = S::kCdataEnd;
        } else {
          AddLit(text_arena, text, "]", 1, pos - 1);
          state = S::kCdataSection, text_nul = true;
        }
        break;
      case S::kCdataEnd: {
        int c = Cur();
        if (c == ']') {
          AddLit(text_arena, text, "]", 1, pos - 2);
          ++pos;
        } else if (c == '>') {
          ++pos;
          state = S::kData;
        } else {
          AddLit(text_arena, text, "]]", 2, pos - 2);
          state = S::kCdataSection, text_nul = true;
        }
        break;
      }

      // ---------------- script data escapes ----------------
      case S::kScriptEscapeStart:
      case S::kScriptEscapeStartDash:
        if (Cur() == '-') {
          text.Add(text_arena, pos++, 1);
          state = state == S::kScriptEscapeStart ? S::kScriptEscapeStartDash : S::kScriptEscapedDashDash;
        } else {
          state = S::kScriptData;
        }
        break;
      case S::kScriptEscaped:
      case S::kScriptDoubleEscaped: {
        const bool dbl = state == S::kScriptDoubleEscaped;
        const char* p = Find4<'-', '<', '\r', '\0'>(pos, end);
        if (p != pos) text.Add(text_arena, pos, static_cast<size_t>(p - pos));
        pos = p;
        if (p == end) {
          Err("eof-in-script-html-comment-like-text");
          return EmitEof();
        }
        if (*p == '-') {
          text.Add(text_arena, pos++, 1);
          state = dbl ? S::kScriptDoubleEscapedDash : S::kScriptEscapedDash;
        } else if (*p == '<') {
          ScriptLessThan(dbl);
        } else {
          NulOrCr(text_arena, text);
        }
        break;
      }
      case S::kScriptEscapedDash:
      case S::kScriptEscapedDashDash:
      case S::kScriptDoubleEscapedDash:
      case S::kScriptDoubleEscapedDashDash: {
        const bool dbl = state == S::kScriptDoubleEscapedDash || state == S::kScriptDoubleEscapedDashDash;
        const bool dashdash = state == S::kScriptEscapedDashDash || state == S::kScriptDoubleEscapedDashDash;
        int c = Cur();
        if (c == kEof) {
          Err("eof-in-script-html-comment-like-text");
          return EmitEof();
        }
        if (c == '-') {
          text.Add(text_arena, pos++, 1);
          state = dbl ? S::kScriptDoubleEscapedDashDash : S::kScriptEscapedDashDash;
          break;
        }
        if (c == '<') {
          ScriptLessThan(dbl);
          break;
        }
        if (c == '>' && dashdash) {
          text.Add(text_arena, pos++, 1);
          state = S::kScriptData;
          break;
        }
        if (c == 0) {
          NulOrCr(text_arena, text);
        } else {
          TakeCur(text);
        }
        state = dbl ? S::kScriptDoubleEscaped : S::kScriptEscaped;
        break;
      }

      // ---------------- tags ----------------
      // The hot transitions jump straight to the next state's code instead of
      // going back through the switch (one well-predicted direct branch each
      // instead of a shared indirect one); `state` is still kept current, so
      // every state remains a valid resumption point.
#define MATN_GOTO(st, label) \
  do {                       \
    state = S::st;           \
    goto label;              \
  } while (0)
      case S::kTagOpen:
      tag_open: {
        int c = Cur();
        if (IsAlpha(c)) {
          BeginTag(false);
          MATN_GOTO(kTagName, tag_name);
        } else if (c == '/') {
          ++pos;
          state = S::kEndTagOpen;
        } else if (c == '!') {
          ++pos;
          state = S::kMarkupDeclOpen;
        } else if (c == '?') {
          Err("unexpected-question-mark-instead-of-tag-name");
          BeginComment();
          state = S::kBogusComment;
        } else if (c == kEof) {
          Err("eof-before-tag-name");
          text.Add(text_arena, pos - 1, 1);
          return EmitEof();
        } else {
          Err("invalid-first-character-of-tag-name");
          text.Add(text_arena, pos - 1, 1);
          state = S::kData;
        }
        break;
      }
      case S::kEndTagOpen: {
        int c = Cur();
        if (IsAlpha(c)) {
          BeginTag(true);
          MATN_GOTO(kTagName, tag_name);
        } else if (c == '>') {
          Err("missing-end-tag-name");
          ++pos;
          state = S::kData;
        } else if (c == kEof) {
          Err("eof-before-tag-name");
          text.Add(text_arena, pos - 2, 2);
          return EmitEof();
        } else {
          Err("invalid-first-character-of-tag-name");
          BeginComment();
          state = S::kBogusComment;
        }
        break;
      }
      case S::kTagName:
      tag_name: {
        const char* p = SkipNot(kTagNameStop, pos);
        if (p != pos) tag_name.Add(tag_arena, pos, static_cast<size_t>(p - pos));
        pos = p;
        if (p == end) {
          Err("eof-in-tag");
          return EmitEof();
        }
        char c = *p;
        if (IsWs(c)) {
          Adv();
          MATN_GOTO(kBeforeAttrName, before_attr_name);
        } else if (c == '>') {
          ++pos;
          return EmitTag();
        } else if (c == '/') {
          ++pos;
          MATN_GOTO(kSelfClosingStartTag, self_closing_start_tag);
        } else if (c == '\0') {
          Err("unexpected-null-character");
          tag_name.AddBytes(tag_arena, kReplacement, 3);
          ++pos;
        } else {
          tag_name.AddByte(tag_arena, Lower(c));
          ++pos;
        }
        goto tag_name;
      }
      case S::kBeforeAttrName:
      before_attr_name: {
        SkipWs();
        int c = Cur();
        if (c == '/' || c == '>' || c == kEof) MATN_GOTO(kAfterAttrName, after_attr_name);
        if (c == '=') {
          Err("unexpected-equals-sign-before-attribute-name");
          NewAttr();
          attr_name.Add(tag_arena, pos++, 1);
        } else {
          NewAttr();
        }
        MATN_GOTO(kAttrName, attr_name);
      }
      case S::kAttrName:
      attr_name: {
        Acc& name = attr_name;
        const char* p = SkipNot(kAttrNameStop, pos);
        if (p != pos) name.Add(tag_arena, pos, static_cast<size_t>(p - pos));
        pos = p;
        int c = Cur();
        if (c == '=') {
          CheckDuplicate();
          ++pos;
          MATN_GOTO(kBeforeAttrValue, before_attr_value);
        } else if (c == kEof || IsWs(c) || c == '/' || c == '>') {
          CheckDuplicate();
          MATN_GOTO(kAfterAttrName, after_attr_name);
        } else if (c == 0) {
          Err("unexpected-null-character");
          name.AddBytes(tag_arena, kReplacement, 3);
          ++pos;
        } else if (IsUpper(c)) {
          name.AddByte(tag_arena, static_cast<char>(c | 0x20));
          ++pos;
        } else {  // " ' <
          Err("unexpected-character-in-attribute-name");
          name.Add(tag_arena, pos++, 1);
        }
        goto attr_name;
      }
      case S::kAfterAttrName:
      after_attr_name: {
        SkipWs();
        int c = Cur();
        if (c == '>') {
          ++pos;
          return EmitTag();
        } else if (c == '=') {
          ++pos;
          MATN_GOTO(kBeforeAttrValue, before_attr_value);
        } else if (c == '/') {
          ++pos;
          MATN_GOTO(kSelfClosingStartTag, self_closing_start_tag);
        } else if (c == kEof) {
          Err("eof-in-tag");
          return EmitEof();
        }
        NewAttr();
        MATN_GOTO(kAttrName, attr_name);
      }
      case S::kBeforeAttrValue:
      before_attr_value: {
        SkipWs();
        int c = Cur();
        if (c == '"') {
          ++pos;
          MATN_GOTO(kAttrValueDq, attr_value_quoted);
        } else if (c == '\'') {
          ++pos;
          MATN_GOTO(kAttrValueSq, attr_value_quoted);
        } else if (c == '>') {
          Err("missing-attribute-value");
          ++pos;
          return EmitTag();
        }
        MATN_GOTO(kAttrValueUnquoted, attr_value_unquoted);
      }
      case S::kAttrValueDq:
      case S::kAttrValueSq:
      attr_value_quoted: {
        Acc& value = attr_value;
        const char quote = state == S::kAttrValueDq ? '"' : '\'';
        const char* p = quote == '"' ? Find4<'"', '&', '\r', '\0'>(pos, end) : Find4<'\'', '&', '\r', '\0'>(pos, end);
        if (p != pos) value.Add(tag_arena, pos, static_cast<size_t>(p - pos));
        pos = p;
        if (p == end) {
          Err("eof-in-tag");
          return EmitEof();
        }
        if (*p == quote) {
          ++pos;
          MATN_GOTO(kAfterAttrValueQuoted, after_attr_value_quoted);
        } else if (*p == '&') {
          CharRefIn(tag_arena, value, true);
        } else {
          NulOrCr(tag_arena, value);
        }
        goto attr_value_quoted;
      }
      case S::kAttrValueUnquoted:
      attr_value_unquoted: {
        Acc& value = attr_value;
        const char* p = SkipNot(kUnquotedStop, pos);
        if (p != pos) value.Add(tag_arena, pos, static_cast<size_t>(p - pos));
        pos = p;
        if (p == end) {
          Err("eof-in-tag");
          return EmitEof();
        }
        char c = *p;
        if (IsWs(c)) {
          Adv();
          MATN_GOTO(kBeforeAttrName, before_attr_name);
        } else if (c == '>') {
          ++pos;
          return EmitTag();
        } else if (c == '&') {
          CharRefIn(tag_arena, value, true);
        } else if (c == '\0') {
          NulOrCr(tag_arena, value);
        } else {  // " ' < = `
          Err("unexpected-character-in-unquoted-attribute-value");
          value.Add(tag_arena, pos++, 1);
        }
        goto attr_value_unquoted;
      }
      case S::kAfterAttrValueQuoted:
      after_attr_value_quoted: {
        int c = Cur();
        if (c == '>') {
          ++pos;
          return EmitTag();
        } else if (IsWs(c)) {
          Adv();
        } else if (c == '/') {
          ++pos;
          MATN_GOTO(kSelfClosingStartTag, self_closing_start_tag);
        } else if (c == kEof) {
          Err("eof-in-tag");
          return EmitEof();
        } else {
          Err("missing-whitespace-between-attributes");
        }
        MATN_GOTO(kBeforeAttrName, before_attr_name);
      }
      case S::kSelfClosingStartTag:
      self_closing_start_tag: {
        int c = Cur();
        if (c == '>') {
          ++pos;
          self_closing = true;
          return EmitTag();
        }
        if (c == kEof) {
          Err("eof-in-tag");
          return EmitEof();
        }
        Err("unexpected-solidus-in-tag");
        MATN_GOTO(kBeforeAttrName, before_attr_name);
      }
#undef MATN_GOTO

      // ---------------- comments ----------------
      case S::kMarkupDeclOpen: {
        const size_t left = static_cast<size_t>(end - pos);
        if (left >= 2 && pos[0] == '-' && pos[1] == '-') {
          pos += 2;
          BeginComment();
          state = S::kCommentStart;
        } else if (left >= 7 && CaseEq(pos, "doctype", 7)) {
          pos += 7;
          BeginDoctype();
          state = S::kDoctype;
        } else if (left >= 7 && std::memcmp(pos, "[CDATA[", 7) == 0) {
          if (!text.empty()) {  // let the tree builder catch up first; come back here
            FillText();
            return;
          }
          if (allow_cdata) {
            pos += 7;
            state = S::kCdataSection, text_nul = true;
          } else {
            Err("cdata-in-html-content");
            BeginComment();
            comment.Add(tag_arena, pos, 7);
            pos += 7;
            state = S::kBogusComment;
          }
        } else {
          Err("incorrectly-opened-comment");
          BeginComment();
          state = S::kBogusComment;
        }
        break;
      }
      case S::kBogusComment: {
        const char* p = Find4<'>', '\r', '\0', '\0'>(pos, end);
        if (p != pos) comment.Add(tag_arena, pos, static_cast<size_t>(p - pos));
        pos = p;
        if (p == end) {
          state = S::kEofReached;
          return EmitComment();
        }
        if (*p == '>') {
          ++pos;
          state = S::kData;
          return EmitComment();
        }
        NulOrCr(tag_arena, comment);
        break;
      }
      case S::kCommentStart:
      case S::kCommentStartDash: {
        int c = Cur();
        if (c == '-') {
          ++pos;
          state = state == S::kCommentStart ? S::kCommentStartDash : S::kCommentEnd;
        } else if (c == '>') {
          Err("abrupt-closing-of-empty-comment");
          ++pos;
          state = S::kData;
          return EmitComment();
        } else if (c == kEof && state == S::kCommentStartDash) {
          return EofInComment();
        } else {
          if (state == S::kCommentStartDash) AddLit(tag_arena, comment, "-", 1, pos - 1);
          state = S::kComment;
        }
        break;
      }
      case S::kComment: {
        const char* p = Find4<'<', '-', '\r', '\0'>(pos, end);
        if (p != pos) comment.Add(tag_arena, pos, static_cast<size_t>(p - pos));
        pos = p;
        if (p == end) return EofInComment();
        if (*p == '<') {
          comment.Add(tag_arena, pos++, 1);
          state = S::kCommentLt;
        } else if (*p == '-') {
          ++pos;
          state = S::kCommentEndDash;
        } else {
          NulOrCr(tag_arena, comment);
        }
        break;
      }
      case S::kCommentLt: {
        int c = Cur();
        if (c == '!') {
          comment.Add(tag_arena, pos++, 1);
          state = S::kCommentLtBang;
        } else if (c == '<') {
          comment.Add(tag_arena, pos++, 1);
        } else {
          state = S::kComment;
        }
        break;
      }
      case S::kCommentLtBang:
        if (Cur() == '-') {
          ++pos;
          state = S::kCommentLtBangDash;
        } else {
          state = S::kComment;
        }
        break;
      case S::kCommentLtBangDash:
        if (Cur() == '-') {
          ++pos;
          state = S::kCommentLtBangDashDash;
        } else {
          state = S::kCommentEndDash;
        }
        break;
      case S::kCommentLtBangDashDash: {
        int c = Cur();
        if (c != '>' && c != kEof) Err("nested-comment");
        state = S::kCommentEnd;
        break;
      }
      case S::kCommentEndDash: {
        int c = Cur();
        if (c == '-') {
          ++pos;
          state = S::kCommentEnd;
        } else if (c == kEof) {
          return EofInComment();
        } else {
          AddLit(tag_arena, comment, "-", 1, pos - 1);
          state = S::kComment;
        }
        break;
      }
      case S::kCommentEnd: {
        int c = Cur();
        if (c == '>') {
          ++pos;
          state = S::kData;
          return EmitComment();
        } else if (c == '!') {
          ++pos;
          state = S::kCommentEndBang;
        } else if (c == '-') {
          AddLit(tag_arena, comment, "-", 1, pos - 2);
          ++pos;
        } else if (c == kEof) {
          return EofInComment();
        } else {
          AddLit(tag_arena, comment, "--", 2, pos - 2);
          state = S::kComment;
        }
        break;
      }
      case S::kCommentEndBang: {
        int c = Cur();
        if (c == '-') {
          AddLit(tag_arena, comment, "--!", 3, pos - 3);
          ++pos;
          state = S::kCommentEndDash;
        } else if (c == '>') {
          Err("incorrectly-closed-comment");
          ++pos;
          state = S::kData;
          return EmitComment();
        } else if (c == kEof) {
          return EofInComment();
        } else {
          AddLit(tag_arena, comment, "--!", 3, pos - 3);
          state = S::kComment;
        }
        break;
      }

      // ---------------- DOCTYPE ----------------
      case S::kDoctype: {
        int c = Cur();
        if (c == kEof) return EofInDoctype();
        if (IsWs(c)) {
          Adv();
        } else if (c != '>') {
          Err("missing-whitespace-before-doctype-name");
        }
        state = S::kBeforeDoctypeName;
        break;
      }
      case S::kBeforeDoctypeName: {
        int c = Cur();
        if (c == kEof) return EofInDoctype();
        if (IsWs(c)) {
          Adv();
          break;
        }
        if (c == '>') {
          Err("missing-doctype-name");
          dt_quirks = true;
          ++pos;
          state = S::kData;
          return EmitDoctype();
        }
        dt_has_name = true;
        state = S::kDoctypeName;
        break;
      }
      case S::kDoctypeName: {
        int c = Cur();
        if (c == kEof) return EofInDoctype();
        if (IsWs(c)) {
          Adv();
          state = S::kAfterDoctypeName;
        } else if (c == '>') {
          ++pos;
          state = S::kData;
          return EmitDoctype();
        } else if (c == 0) {
          Err("unexpected-null-character");
          dt_name.append(kReplacement, 3);
          ++pos;
        } else {
          dt_name.push_back(Lower(static_cast<char>(c)));
          ++pos;
        }
        break;
      }
      case S::kAfterDoctypeName: {
        int c = Cur();
        if (c == kEof) return EofInDoctype();
        if (IsWs(c)) {
          Adv();
        } else if (c == '>') {
          ++pos;
          state = S::kData;
          return EmitDoctype();
        } else if (end - pos >= 6 && CaseEq(pos, "public", 6)) {
          pos += 6;
          state = S::kAfterDoctypePublicKw;
        } else if (end - pos >= 6 && CaseEq(pos, "system", 6)) {
          pos += 6;
          state = S::kAfterDoctypeSystemKw;
        } else {
          Err("invalid-character-sequence-after-doctype-name");
          dt_quirks = true;
          state = S::kBogusDoctype;
        }
        break;
      }
      case S::kAfterDoctypePublicKw:
      case S::kBeforeDoctypePublicId:
      case S::kAfterDoctypeSystemKw:
      case S::kBeforeDoctypeSystemId: {
        const bool pub = state == S::kAfterDoctypePublicKw || state == S::kBeforeDoctypePublicId;
        const bool after_kw = state == S::kAfterDoctypePublicKw || state == S::kAfterDoctypeSystemKw;
        int c = Cur();
        if (c == kEof) return EofInDoctype();
        if (IsWs(c)) {
          Adv();
          if (after_kw) state = pub ? S::kBeforeDoctypePublicId : S::kBeforeDoctypeSystemId;
        } else if (c == '"' || c == '\'') {
          if (after_kw)
            Err(pub ? "missing-whitespace-after-doctype-public-keyword"
                    : "missing-whitespace-after-doctype-system-keyword");
          (pub ? dt_has_public : dt_has_system) = true;
          ++pos;
          state = pub ? (c == '"' ? S::kDoctypePublicIdDq : S::kDoctypePublicIdSq)
                      : (c == '"' ? S::kDoctypeSystemIdDq : S::kDoctypeSystemIdSq);
        } else if (c == '>') {
          Err(pub ? "missing-doctype-public-identifier" : "missing-doctype-system-identifier");
          dt_quirks = true;
          ++pos;
          state = S::kData;
          return EmitDoctype();
        } else {
          Err(pub ? "missing-quote-before-doctype-public-identifier"
                  : "missing-quote-before-doctype-system-identifier");
          dt_quirks = true;
          state = S::kBogusDoctype;
        }
        break;
      }
      case S::kDoctypePublicIdDq:
      case S::kDoctypePublicIdSq:
      case S::kDoctypeSystemIdDq:
      case S::kDoctypeSystemIdSq: {
        const bool pub = state == S::kDoctypePublicIdDq || state == S::kDoctypePublicIdSq;
        const char quote = (state == S::kDoctypePublicIdDq || state == S::kDoctypeSystemIdDq) ? '"' : '\'';
        std::string& id = pub ? dt_public : dt_system;
        int c = Cur();
        if (c == kEof) return EofInDoctype();
        if (c == quote) {
          ++pos;
          state = pub ? S::kAfterDoctypePublicId : S::kAfterDoctypeSystemId;
        } else if (c == 0) {
          Err("unexpected-null-character");
          id.append(kReplacement, 3);
          ++pos;
        } else if (c == '>') {
          Err(pub ? "abrupt-doctype-public-identifier" : "abrupt-doctype-system-identifier");
          dt_quirks = true;
          ++pos;
          state = S::kData;
          return EmitDoctype();
        } else {
          id.push_back(static_cast<char>(c));
          Adv();
        }
        break;
      }
      case S::kAfterDoctypePublicId:
      case S::kBetweenDoctypeIds: {
        const bool after = state == S::kAfterDoctypePublicId;
        int c = Cur();
        if (c == kEof) return EofInDoctype();
        if (IsWs(c)) {
          Adv();
          state = S::kBetweenDoctypeIds;
        } else if (c == '>') {
          ++pos;
          state = S::kData;
          return EmitDoctype();
        } else if (c == '"' || c == '\'') {
          if (after) Err("missing-whitespace-between-doctype-public-and-system-identifiers");
          dt_has_system = true;
          ++pos;
          state = c == '"' ? S::kDoctypeSystemIdDq : S::kDoctypeSystemIdSq;
        } else {
          Err("missing-quote-before-doctype-system-identifier");
          dt_quirks = true;
          state = S::kBogusDoctype;
        }
        break;
      }
      case S::kAfterDoctypeSystemId: {
        int c = Cur();
        if (c == kEof) return EofInDoctype();
        if (IsWs(c)) {
          Adv();
        } else if (c == '>') {
          ++pos;
          state = S::kData;
          return EmitDoctype();
        } else {
          Err("unexpected-character-after-doctype-system-identifier");
          state = S::kBogusDoctype;  // not force-quirks
        }
        break;
      }
      case S::kBogusDoctype: {
        const char* p = Find4<'>', '\0', '\0', '\0'>(pos, end);
        pos = p;
        if (p == end) {
          state = S::kEofReached;
          return EmitDoctype();
        }
        ++pos;
        if (*p == '>') {
          state = S::kData;
          return EmitDoctype();
        }
        Err("unexpected-null-character");
        break;
      }

      case S::kEofReached:
        return EmitEof();
    }
  }
}

Tokenizer::Tokenizer(std::string_view utf8_input, bool nul_terminated)
    : impl_(std::make_unique<Impl>(utf8_input, nul_terminated)) {}
Tokenizer::~Tokenizer() = default;

const Token& Tokenizer::Next() {
  Impl& m = *impl_;
  if (m.queued) {
    m.ready = m.queued;
    m.queued = nullptr;
    return *m.ready;
  }
  m.text_arena.Reset();  // the previous character token is gone
  m.Run();
  return *m.ready;
}

void Tokenizer::SetState(TokenizerState state) {
  static constexpr S kMap[] = {S::kData, S::kRcdata, S::kRawtext, S::kScriptData, S::kPlaintext, S::kCdataSection};
  if (impl_->last_start_view.data()) {
    impl_->last_start_tag.assign(impl_->last_start_view);
    impl_->last_start_view = {};
  }
  if (impl_->state != S::kEofReached) impl_->state = kMap[static_cast<int>(state)];
  if (state == TokenizerState::kCdataSection) impl_->text_nul = true;
}

void Tokenizer::SetLastStartTag(std::string_view name) {
  impl_->last_start_tag.assign(name);
  impl_->last_start_view = {};
  impl_->has_last_start_tag = !name.empty();
}

void Tokenizer::SetAllowCdata(bool allow) { impl_->allow_cdata = allow; }

bool Tokenizer::PointsIntoInput(std::string_view s) const {
  return s.data() != nullptr && s.data() >= impl_->begin && s.data() + s.size() <= impl_->end;
}

void Tokenizer::CollectErrors(bool on) {
  if (on && !impl_->collect) {
    impl_->collect = true;
    impl_->InputStreamErrors();
  }
  impl_->collect = on;
  impl_->slow_tags = on || impl_->end - impl_->begin > static_cast<ptrdiff_t>(Attribute::kMaxNameSize);
}

const std::vector<std::string>& Tokenizer::errors() const { return impl_->errors; }

}  // namespace matn::html
