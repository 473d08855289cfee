// src/html/tree_builder_impl.h — the tree builder's private class, shared by
// tree_builder*.cpp (one file per group of insertion modes). See the design
// note at the top of tree_builder.cpp.
#pragma once

#include <emmintrin.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "html/document_impl.h"
#include "html/node_writer.h"
#include "html/tag_lookup.h"
#include "html/tokenizer.h"
#include "matn/html.h"

namespace matn::html {

enum class Mode : uint8_t {
  kInitial, kBeforeHtml, kBeforeHead, kInHead, kInHeadNoscript, kAfterHead, kInBody, kText,
  kInTable, kInTableText, kInCaption, kInColumnGroup, kInTableBody, kInRow, kInCell,
  kInTemplate, kAfterBody, kInFrameset, kAfterFrameset, kAfterAfterBody, kAfterAfterFrameset
};

// Every element node is allocated as an Elem; the Node comes first, so a
// Node* of an element converts back. 16 bytes of parser state per element
// (the Noah's Ark signature is recomputed when needed: that is rare).
struct Elem {
  Node node;
  int32_t stack_index = -1;  // position in the stack of open elements, -1 when not on it
  uint32_t slot = 0;         // name slot: Tag id for known HTML tags, else an interned name
  uint32_t afe_depth = 0;    // number of markers before its entry in the formatting list
  uint8_t lists = 0;         // bit set of the boundary lists it belongs to (ListKind)
  bool in_afe : 1 = false;
  bool html_ip : 1 = false;      // HTML integration point (annotation-xml with text/html, svg fO/desc/title)
  bool noah_counted : 1 = false; // counted in noah_ (only while in the formatting list)
};
static_assert(sizeof(Elem) == sizeof(Node) + 16);
inline Elem* E(Node* n) { return reinterpret_cast<Elem*>(n); }

// Boundary kinds: for each, the topmost open element of that kind is tracked
// (list_top_), so "topmost element of kind K" is one load.
enum ListKind : uint8_t {
  kLScope,      // "has an element in scope" boundaries
  kLListItem,   // ... in list item scope
  kLButton,     // ... in button scope
  kLTable,      // ... in table scope
  kLSpecial,    // the special category
  kLSpecialLi,  // special except address, div, p (the li/dd/dt loops)
  kLReset,      // elements "reset the insertion mode appropriately" stops at
  kLHtml,       // every HTML element (foreign end tags walk down to the first one)
  kNumLists
};

// The tree builder's own view of a token (tags resolved to ids); synthesized
// tokens ("insert an HTML element for a 'tbody' start tag") are built on the stack.
struct Tok {
  TokenType type = TokenType::kEof;
  Tag tag = Tag::kUnknown;
  bool self_closing = false;
  std::string_view name;
  std::string_view data;  // characters / comment
  bool may_have_nul = true;  // characters: false when data certainly has no U+0000
  const TokenAttribute* attrs = nullptr;
  uint32_t num_attrs = 0;
  const Token* raw = nullptr;  // doctype fields

  static Tok Start(Tag t) { Tok k; k.type = TokenType::kStartTag; k.tag = t; k.name = TagName(t); return k; }
  static Tok End(Tag t) { Tok k; k.type = TokenType::kEndTag; k.tag = t; k.name = TagName(t); return k; }
  bool IsStart(Tag t) const { return type == TokenType::kStartTag && tag == t; }
  bool IsEnd(Tag t) const { return type == TokenType::kEndTag && tag == t; }
};

inline bool IsWs(char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\f' || c == '\r'; }
// Length of the leading run of whitespace.
inline size_t WsPrefix(std::string_view s) {
  size_t i = 0;
  while (i < s.size() && IsWs(s[i])) ++i;
  return i;
}
inline bool AllWs(std::string_view s) { return WsPrefix(s) == s.size(); }

// kListMasks.lanes[m]: lane k is all ones when bit k of the list mask m is set.
struct ListMasks {
  alignas(16) int32_t lanes[256][kNumLists];
  constexpr ListMasks() : lanes() {
    for (int m = 0; m < 256; ++m)
      for (int k = 0; k < kNumLists; ++k) lanes[m][k] = (m >> k) & 1 ? -1 : 0;
  }
};
inline constexpr ListMasks kListMasks;
static_assert(kNumLists == 8);
inline constexpr unsigned kSpecialBit = 1u << kLSpecial;

class TreeBuilder {
 public:
  TreeBuilder(Document::Impl* doc, const ParseOptions& options);
  Status Run(const std::string_view* fragment_context);

  // --- tree_builder.cpp: driver, DOM, stack, scopes, formatting list ---
  void Dispatch(Tok& t);
  void ProcessInMode(Mode m, Tok& t);
  // Inline test for the common case (current node is HTML), then the rest.
  bool UseForeignRules(const Tok& t) const {
    const Elem* acn = AdjustedCurrentNode();
    return acn && acn->node.ns != Namespace::kHtml && UseForeignRulesSlow(t);
  }
  bool UseForeignRulesSlow(const Tok& t) const;

  // An end tag naming the current (known HTML) element, the common case: its
  // tag id is the element's, without the hash lookup. Known names are 1..16
  // bytes, which two overlapping word loads compare whole (no memcmp call).
  bool EndTagClosesCurrent(const Token& raw) const {
    if (raw.type != TokenType::kEndTag || stack_.empty()) return false;
    const Node& c = stack_.back()->node;
    const size_t n = raw.name.size();
    if (c.ns != Namespace::kHtml || c.tag == Tag::kUnknown) return false;
    const std::string_view name = tag_lookup::kNames[static_cast<size_t>(c.tag)];
    if (name.size() != n) return false;
    const tag_lookup::Key a = tag_lookup::LoadKey(name.data(), n), b = tag_lookup::LoadKey(raw.name.data(), n);
    return a.lo == b.lo && a.hi == b.hi;
  }
  Elem* CurrentNode() const { return stack_.empty() ? nullptr : stack_.back(); }
  Elem* AdjustedCurrentNode() const {
    return (context_ && stack_.size() == 1) ? context_ : CurrentNode();
  }
  bool CurrentIs(Tag t) const { Elem* c = CurrentNode(); return c && c->node.Is(t); }

  Elem* NewElem();
  Elem* CreateElement(const Tok& t, Namespace ns);
  Elem* CreateForeignElement(const Tok& t, Namespace ns);
  Elem* CloneElement(const Elem* e);
  Node* NewNode(NodeType type) { return doc_->NewNode(type); }
  // A token's views lie wholly in the input or wholly outside it (the
  // tokenizer's scratch), so where the view starts decides.
  bool InInput(std::string_view s) const {
    return reinterpret_cast<uintptr_t>(s.data()) - reinterpret_cast<uintptr_t>(input_begin_) <
           static_cast<uintptr_t>(input_end_ - input_begin_);
  }
  // s itself when it lies in the input (which outlives the tree), else an arena copy.
  std::string_view Keep(std::string_view s) { return InInput(s) ? s : doc_->arena.Copy(s); }
  // Capacity of attribute arrays grown by merging repeated <html>/<body> tags
  // (only those two elements ever merge), so merging grows them geometrically.
  // `names` makes the "already there?" check O(1) (a scan per attribute was quadratic in time).
  struct MergedAttrs { const Node* node = nullptr; uint32_t capacity = 0; std::unordered_set<std::string_view> names; };
  MergedAttrs merged_attrs_[2];

  static void Append(Node* parent, Node* child) { NodeWriter::Append(parent, child); }
  static void InsertBefore(Node* parent, Node* child, Node* ref) { NodeWriter::InsertBefore(parent, child, ref); }
  static void Detach(Node* n) { NodeWriter::Detach(n); }
  // Moves all children of `from` to the end of `to` (to == nullptr: drops them).
  static void MoveChildren(Node* from, Node* to);

  struct Place { Node* parent; Node* before; };
  Place AppropriatePlace(Node* override_target = nullptr) {
    if (!foster_ && !override_target) {  // the common case, inline: the current node
      Node* t = &CurrentNode()->node;
      Node* c = t->template_contents();
      return {c ? c : t, nullptr};
    }
    return AppropriatePlaceSlow(override_target);
  }
  Place AppropriatePlaceSlow(Node* override_target);
  void InsertAt(Place p, Node* n) { p.before ? InsertBefore(p.parent, n, p.before) : Append(p.parent, n); }
  Elem* InsertHtml(const Tok& t);
  Elem* InsertForeign(const Tok& t, Namespace ns);
  // Inline: it runs for every character token. AppendText and foster
  // parenting (AppropriatePlaceSlow) stay out of line.
  void InsertText(std::string_view s) {
    if (s.empty()) return;
    Place p = AppropriatePlace();
    if (p.parent->type == NodeType::kDocument) return;
    Node* prev = p.before ? p.before->prev_sibling() : p.parent->last_child();
    if (prev && prev->type == NodeType::kText) return AppendText(prev, s);
    Node* n = NewNode(NodeType::kText);
    NodeWriter::SetData(n, Keep(s));
    InsertAt(p, n);
  }
  void AppendText(Node* text, std::string_view s);
  void InsertComment(std::string_view data, Node* parent = nullptr);

  // Push and Pop are inline (one per element each); see the design note.
  void Push(Elem* e) {
    stack_.push_back(e);
    Save(stack_.size() - 1, e);
  }
  void Pop() {
    Elem* e = stack_.back();
    if (__builtin_expect(!selects_.empty(), 0) && e->node.Is(Tag::kOption)) OptionPopped(e);
    Restore(stack_.size() - 1, e);
    stack_.pop_back();
  }
  // Bookkeeping of e = stack_[i] when it becomes the top / stops being it.
  void Save(size_t i, Elem* e) {
    const int32_t idx = static_cast<int32_t>(i);
    e->stack_index = idx;
    if (__builtin_expect(i >= saved_.size(), 0)) saved_.resize(std::max<size_t>(64, saved_.size() * 2));
    Saved& s = saved_[i];
    __m128i lo = _mm_load_si128(reinterpret_cast<const __m128i*>(list_top_));
    __m128i hi = _mm_load_si128(reinterpret_cast<const __m128i*>(list_top_ + 4));
    _mm_store_si128(reinterpret_cast<__m128i*>(s.tops), lo);
    _mm_store_si128(reinterpret_cast<__m128i*>(s.tops + 4), hi);
    const int32_t* m = kListMasks.lanes[e->lists];
    const __m128i mlo = _mm_load_si128(reinterpret_cast<const __m128i*>(m));
    const __m128i mhi = _mm_load_si128(reinterpret_cast<const __m128i*>(m + 4));
    const __m128i v = _mm_set1_epi32(idx);
    lo = _mm_or_si128(_mm_andnot_si128(mlo, lo), _mm_and_si128(mlo, v));
    hi = _mm_or_si128(_mm_andnot_si128(mhi, hi), _mm_and_si128(mhi, v));
    _mm_store_si128(reinterpret_cast<__m128i*>(list_top_), lo);
    _mm_store_si128(reinterpret_cast<__m128i*>(list_top_ + 4), hi);
    int32_t& top = slot_top_[e->slot];
    s.slot_prev = top;
    top = idx;
    top_foreign_ = e->node.ns != Namespace::kHtml;
    if (e->lists & kSpecialBit) special_.push_back(e);
  }
  void Restore(size_t i, Elem* e) {
    const Saved& s = saved_[i];
    _mm_store_si128(reinterpret_cast<__m128i*>(list_top_), _mm_load_si128(reinterpret_cast<const __m128i*>(s.tops)));
    _mm_store_si128(reinterpret_cast<__m128i*>(list_top_ + 4),
                    _mm_load_si128(reinterpret_cast<const __m128i*>(s.tops + 4)));
    slot_top_[e->slot] = s.slot_prev;
    if (e->lists & kSpecialBit) special_.pop_back();
    e->stack_index = -1;
    top_foreign_ = i > 0 && stack_[i - 1]->node.ns != Namespace::kHtml;
  }
  void PopUntil(Tag t);               // pops until an HTML element `t` has been popped
  void PopUntilOneOf(const Tag* tags, int n);
  void PopUntilElem(Elem* e);
  void RemoveFromStack(Elem* e);
  void InsertIntoStack(Elem* e, int pos);
  void Track(size_t i);     // bookkeeping for stack_[i], pushed on top of saved_
  void Untrack(size_t pos); // undoes Track for stack_[pos..], newest first

  int SlotTop(uint32_t slot) const { return slot_top_[slot]; }
  int TagTop(Tag t) const { return SlotTop(static_cast<uint32_t>(t)); }
  int ListTop(ListKind k) const { return list_top_[k]; }
  bool InScope(Tag t, ListKind k) const { int i = TagTop(t); return i >= 0 && i >= ListTop(k); }
  bool InScope(Tag t) const { return InScope(t, kLScope); }
  bool ElemInScope(const Elem* e, ListKind k) const { return e->stack_index >= 0 && e->stack_index >= ListTop(k); }
  bool HasOpen(Tag t) const { return TagTop(t) >= 0; }
  Elem* TopOf(Tag t) const { int i = TagTop(t); return i < 0 ? nullptr : stack_[static_cast<size_t>(i)]; }
  bool AnyHeadingInScope() const;
  bool AnyInTableScope(std::initializer_list<Tag> tags) const;
  uint32_t HtmlSlot(std::string_view lowercase_name, Tag tag, bool create) {
    return tag != Tag::kUnknown ? static_cast<uint32_t>(tag) : InternHtmlName(lowercase_name, create);
  }
  uint32_t InternHtmlName(std::string_view lowercase_name, bool create);
  uint32_t ForeignSlot(std::string_view lowercase_name, bool create);

  void GenerateImpliedEndTags(Tag except = Tag::kUnknown);
  void GenerateAllImpliedEndTagsThoroughly();
  void ClosePElement();
  void ClosePIfInButtonScope() { if (InScope(Tag::kP, kLButton)) ClosePElement(); }
  void ResetInsertionMode();

  // Active formatting elements.
  void AfePush(Elem* e);
  void NoahCount(Elem* e);
  void AfePushMarker() { afe_.push_back(nullptr); ++markers_; }
  void AfeClearToMarker();
  int AfeIndexOf(const Elem* e) const;
  void AfeRemoveAt(int i);
  void AfeRemove(Elem* e) { if (e->in_afe) AfeRemoveAt(AfeIndexOf(e)); }
  void AfeReplaceAt(int i, Elem* repl);
  void AfeInsertAt(int i, Elem* e);
  Elem* AfeFindAfterMarker(Tag t) const;
  // Nothing to reopen unless the last entry is an element off the stack.
  void ReconstructAfe() {
    if (!afe_.empty() && afe_.back() && afe_.back()->stack_index < 0) ReconstructAfeSlow();
  }
  void ReconstructAfeSlow();
  bool AdoptionAgency(const Tok& t);  // false: act as "any other end tag"
  void AnyOtherEndTagInBody(const Tok& t);

  // --- tree_builder_modes_head.cpp ---
  void ModeInitial(Tok& t);
  void ModeBeforeHtml(Tok& t);
  void ModeBeforeHead(Tok& t);
  void ModeInHead(Tok& t);
  void ModeInHeadNoscript(Tok& t);
  void ModeAfterHead(Tok& t);
  void ModeText(Tok& t);
  void ModeAfterBody(Tok& t);
  void ModeInFrameset(Tok& t);
  void ModeAfterFrameset(Tok& t);
  void ModeAfterAfterBody(Tok& t);
  void ModeAfterAfterFrameset(Tok& t);
  void HandleDoctype(const Tok& t);
  void GenericText(const Tok& t, TokenizerState state);
  // Splits a character token into its whitespace prefix and the rest: runs
  // `ws` on the prefix, returns the rest (possibly empty) in t.data.
  template <class F> bool SplitLeadingWs(Tok& t, F ws) {
    size_t n = WsPrefix(t.data);
    if (n) { Tok w = t; w.data = t.data.substr(0, n); ws(w); }
    t.data.remove_prefix(n);
    return !t.data.empty();
  }

  // --- tree_builder_body.cpp ---
  void ModeInBody(Tok& t);
  void BodyStartTag(Tok& t);
  void BodyEndTag(Tok& t);
  void BodyCharacters(std::string_view s, bool may_have_nul = true);
  void BodyCharactersWithNul(std::string_view s);

  // <selectedcontent> (2025 customizable select): when an <option> is popped
  // and is its select's selected option, its contents are cloned into the
  // select's first <selectedcontent>.
  struct SelectState { Elem* selectedcontent = nullptr; bool has_selected = false; };
  void NoteSelectedContent(Elem* e);
  void OptionPopped(Elem* option);
  std::unordered_map<const Elem*, SelectState> selects_;

  // --- tree_builder_tables.cpp ---
  void ModeInTable(Tok& t);
  void ModeInTableText(Tok& t);
  void ModeInCaption(Tok& t);
  void ModeInColumnGroup(Tok& t);
  void ModeInTableBody(Tok& t);
  void ModeInRow(Tok& t);
  void ModeInCell(Tok& t);
  void ModeInTemplate(Tok& t);
  void TableAnythingElse(Tok& t);
  void ClearStackBackTo(std::initializer_list<Tag> tags);
  void CloseCell();
  void FlushTableText();

  // --- tree_builder_foreign.cpp ---
  void ForeignContent(Tok& t);
  // The element's attribute array, with its hidden slot when it needs one
  // (unknown tag, HTML template: see node.cpp).
  void MakeAttrs(const Tok& t, Namespace ns, Node* n);
  static std::string_view AdjustSvgTagName(std::string_view lowercase);
  static bool IsMathTextIntegrationPoint(const Elem* e);

  // --- state ---
  Document::Impl* doc_;
  Tokenizer tok_;
  const char* input_begin_;
  const char* input_end_;
  Node* root_ = nullptr;
  Mode mode_ = Mode::kInitial;
  uint32_t max_depth_ = 0;  // ParseOptions::max_depth; 0 = unlimited
  Mode orig_mode_ = Mode::kInitial;
  std::vector<Mode> template_modes_;
  Elem* head_ = nullptr;
  Elem* form_ = nullptr;
  Elem* context_ = nullptr;
  bool fragment_ = false;
  bool frameset_ok_ = true;
  bool foster_ = false;
  bool skip_lf_ = false;
  bool done_ = false;
  QuirksMode quirks_ = QuirksMode::kNoQuirks;

  std::vector<Elem*> stack_;
  // Stack index of the topmost open element of each boundary kind / name slot
  // (-1: none); saved_[i] holds their values from before stack_[i] was pushed,
  // so Pop restores them in O(1) without per-list vectors. saved_ only grows:
  // entries at and above stack_.size() are stale.
  alignas(16) int32_t list_top_[kNumLists];
  std::vector<int32_t> slot_top_;
  struct alignas(16) Saved { int32_t tops[kNumLists]; int32_t slot_prev; };
  std::vector<Saved> saved_;
  std::vector<Elem*> special_;
  bool top_foreign_ = false;  // the current node is not an HTML element (kept by Save/Restore)  // open special elements in stack order (the furthest-block search)
  struct SvHash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>()(s); }
  };
  std::unordered_map<std::string, uint32_t, SvHash, std::equal_to<>> html_names_, foreign_names_;
  struct SlotCache { std::string_view name; uint32_t slot = 0; };
  SlotCache foreign_cache_[16];  // see ForeignSlot

  std::vector<Elem*> afe_;  // nullptr = marker
  uint32_t markers_ = 0;
  std::vector<std::vector<Elem*>> afe_by_tag_;
  std::unordered_map<uint64_t, uint32_t> noah_;

  // Pending table character tokens.
  std::string table_text_;
  bool table_text_nonws_ = false;

  // Text nodes whose data lives in a growable arena buffer: capacity by node.
  Node* grow_node_ = nullptr;
  size_t grow_cap_ = 0;
  std::unordered_map<Node*, size_t> grow_caps_;
};

// ListMask(Namespace::kHtml, tag), readable inline.
inline constexpr size_t kNumTagIds = static_cast<size_t>(Tag::kXmp) + 1;
extern const std::array<uint16_t, kNumTagIds> kHtmlListMasks;

// Per-tag properties of HTML elements, and list membership by namespace.
uint16_t ListMask(Namespace ns, Tag tag);
bool IsSpecial(Namespace ns, Tag tag);
bool IsFormatting(Tag tag);

}  // namespace matn::html
