// src/html/tree_builder.cpp — WHATWG tree construction: driver, stack of open
// elements, scope tracking, active formatting elements, adoption agency.
//
// DESIGN NOTE (why the data structures look the way they do)
//
// The spec phrases most decisions as walks over the stack of open elements
// ("has a p element in button scope": walk down until a p or a boundary).
// Taken literally these are O(depth) per token, so 200,000 nested elements
// cost 4·10^10 steps. Instead every question a walk answers is reduced to
// comparing two stack positions:
//   * slot_top_[s] is, per element name, the stack index of the topmost open
//     element with that name (HTML names by Tag id, other HTML names and
//     foreign names interned);
//   * list_top_[k] is the same per boundary kind k (scope, list item scope,
//     button scope, table scope, special, special-minus-address/div/p, the
//     elements "reset the insertion mode" looks for, all HTML elements).
// "X in scope" is then position(topmost X) >= position(topmost boundary); the
// "any other end tag" walk (which stops at special elements), the li/dd/dt
// loops, the foreign-content end-tag walk (which stops at the first HTML
// element) and reset-the-insertion-mode are the same comparison. Each element
// records its stack index. A push saves the eight boundary tops and the slot's
// top beside the stack (saved_) and updates them with two SSE blends; a pop
// copies them back: O(1), no per-list vectors. The open special elements are
// also kept in stack order (special_) for the adoption agency's furthest block.
// Removing or inserting in the middle of the stack (the adoption agency,
// </form>, after-head's pushed head) unwinds and redoes the bookkeeping of the
// elements above, which costs O(elements above), as shifting them does; only the
// adoption agency does it repeatedly, and its furthest-block walk is bounded
// by the spec's own loop counters.
//
// The list of active formatting elements keeps, per formatting tag, the
// entries in list order (afe_by_tag_), so finding "the last <b> after the last
// marker" is O(1). The Noah's Ark clause counts entries per (tag+attributes
// hash, marker depth) in a hash map and only walks the list when a fourth
// identical entry arrives, stopping at the third match.
//
// Text appended to an existing text node goes into a growable arena buffer
// recorded per node (capacity doubling), so appending is amortised O(1) even
// when insertion alternates between text nodes (foster parenting); text made
// of one run of input keeps pointing into the input. Nothing here recurses.
#include "html/tree_builder.h"

#include <algorithm>
#include <cstring>
#include <emmintrin.h>

#include "html/tree_builder_impl.h"

namespace matn::html {
namespace {

constexpr uint32_t kNoSlot = UINT32_MAX;

void EraseFromBack(std::vector<Elem*>& v, const Elem* e) {
  for (size_t i = v.size(); i-- > 0;)
    if (v[i] == e) {
      v.erase(v.begin() + static_cast<ptrdiff_t>(i));
      return;
    }
}

void ReplaceFromBack(std::vector<Elem*>& v, const Elem* old, Elem* repl) {
  for (size_t i = v.size(); i-- > 0;)
    if (v[i] == old) {
      v[i] = repl;
      return;
    }
}


// Eight bytes per step: attribute values (long hrefs) are hashed for every
// formatting element, so this is on the hot path.
uint64_t HashBytes(std::string_view s, uint64_t h) {
  const char* p = s.data();
  size_t n = s.size();
  constexpr uint64_t kMul = 0x9E3779B97F4A7C15ull;
  for (; n >= 8; p += 8, n -= 8) {
    uint64_t w;
    std::memcpy(&w, p, 8);
    h = (h ^ w) * kMul;
    h ^= h >> 32;
  }
  uint64_t w = 0;
  for (size_t i = 0; i < n; ++i) w |= uint64_t{static_cast<unsigned char>(p[i])} << (8 * i);
  h = (h ^ w ^ (uint64_t{s.size()} << 56)) * kMul;
  return h ^ (h >> 29);
}

uint64_t Signature(const Node& n) {
  const Attribute* a = n.attrs();
  const uint32_t na = n.num_attrs();
  uint64_t sig = HashBytes(n.name(), 0xCBF29CE484222325ull) * 31 + na;
  for (uint32_t i = 0; i < na; ++i) {  // order-independent: a sum of per-attribute hashes
    uint64_t h = HashBytes(a[i].name(), 0xCBF29CE484222325ull + static_cast<int>(a[i].ns()));
    h = HashBytes(a[i].value(), h * 0x9E3779B97F4A7C15ull);
    sig += h ^ (h >> 29);
  }
  return sig;
}

bool SameAttr(const Attribute& x, const Attribute& y) {
  return x.name() == y.name() && x.ns() == y.ns() && x.value() == y.value();
}

bool SameAttrs(const Node& a, const Node& b) {
  const uint32_t n = a.num_attrs();
  if (n != b.num_attrs()) return false;
  const Attribute *aa = a.attrs(), *ba = b.attrs();
  if (aa == ba) return true;
  bool in_order = true;
  for (uint32_t i = 0; i < n && in_order; ++i) in_order = SameAttr(aa[i], ba[i]);
  if (in_order) return true;
  for (uint32_t i = 0; i < n; ++i) {
    bool found = false;
    for (uint32_t j = 0; j < n && !found; ++j) found = SameAttr(aa[i], ba[j]);
    if (!found) return false;
  }
  return true;
}

uint64_t NoahKey(const Elem* e) { return Signature(e->node) ^ (uint64_t{e->afe_depth} * 0x9E3779B97F4A7C15ull); }

bool IsImpliedEndTag(Tag t) {
  switch (t) {
    case Tag::kDd: case Tag::kDt: case Tag::kLi: case Tag::kOptgroup: case Tag::kOption:
    case Tag::kP: case Tag::kRb: case Tag::kRp: case Tag::kRt: case Tag::kRtc:
      return true;
    default:
      return false;
  }
}

// Elements opened even at ParseOptions::max_depth; see InsertForeign.
bool OpenedPastDepthLimit(Tag t) {
  switch (t) {
    case Tag::kArea: case Tag::kBase: case Tag::kBasefont: case Tag::kBgsound: case Tag::kBr:
    case Tag::kCol: case Tag::kEmbed: case Tag::kFrame: case Tag::kHr: case Tag::kImg:
    case Tag::kInput: case Tag::kKeygen: case Tag::kLink: case Tag::kMeta: case Tag::kParam:
    case Tag::kSource: case Tag::kTrack: case Tag::kWbr:
    case Tag::kScript: case Tag::kStyle: case Tag::kTitle: case Tag::kTextarea: case Tag::kXmp:
    case Tag::kIframe: case Tag::kNoembed: case Tag::kNoframes:
    case Tag::kHtml: case Tag::kHead: case Tag::kBody: case Tag::kFrameset:
    case Tag::kCaption: case Tag::kColgroup: case Tag::kTbody: case Tag::kThead: case Tag::kTfoot:
    case Tag::kTr: case Tag::kTd: case Tag::kTh:
      return true;
    default:
      return false;
  }
}

}  // namespace

TreeBuilder::TreeBuilder(Document::Impl* doc, const ParseOptions& options)
    : doc_(doc),
      tok_(doc->input, true),
      input_begin_(doc->input.data()),
      input_end_(doc->input.data() + doc->input.size()),
      max_depth_(options.max_depth) {
  constexpr size_t kTags = static_cast<size_t>(Tag::kXmp) + 1;
  slot_top_.assign(kTags, -1);
  for (int32_t& t : list_top_) t = -1;
  afe_by_tag_.resize(kTags);
}

// ---------------------------------------------------------------- DOM

// Walks the sibling chain once instead of detaching first_child until none is
// left: that loop never ends if a child's parent link is ever wrong, and a
// build of an earlier version did hang that way on a real page.
void TreeBuilder::MoveChildren(Node* from, Node* to) {
  Node* c = from->first_child;
  NodeWriter::ClearChildren(from);
  while (c) {
    Node* next = c->next_sibling;
    if (to) {
      Append(to, c);
    } else {
      NodeWriter::Unlink(c);
    }
    c = next;
  }
}

[[gnu::always_inline]] inline Elem* TreeBuilder::NewElem() {
  Elem* e = doc_->arena.NewZeroed<Elem>();
  e->node.type = NodeType::kElement;
  e->stack_index = -1;
  ++doc_->node_count;
  return e;
}

// HTML elements (nearly all of a page) take this short path; the namespace
// byte stays 0 (kHtml) from NewElem.
Elem* TreeBuilder::CreateElement(const Tok& t, Namespace ns) {
  if (ns != Namespace::kHtml) return CreateForeignElement(t, ns);
  Elem* e = NewElem();
  Node& n = e->node;
  n.tag = t.tag;
  const uint32_t na = t.num_attrs;
  const bool hidden = t.tag == Tag::kUnknown || t.tag == Tag::kTemplate;
  if (na | hidden) {
    Attribute* a = NodeWriter::AllocAttrs(doc_->arena, &n, na, hidden);
    for (uint32_t i = 0; i < na; ++i) new (a + i) Attribute(NodeWriter::RawAttr(Keep(t.attrs[i].name), Keep(t.attrs[i].value)));
  }
  if (t.tag != Tag::kUnknown) {
    e->slot = static_cast<uint32_t>(t.tag);
    if (t.tag == Tag::kTemplate) NodeWriter::SetTemplateContents(&n, NewNode(NodeType::kDocumentFragment));
  } else {
    NodeWriter::SetHiddenName(&n, Keep(t.name));
    e->slot = InternHtmlName(t.name, true);
    if (t.name == "selectedcontent") NoteSelectedContent(e);
  }
  e->lists = static_cast<uint8_t>(kHtmlListMasks[static_cast<size_t>(t.tag)]);
  return e;
}

Elem* TreeBuilder::CreateForeignElement(const Tok& t, Namespace ns) {
  Elem* e = NewElem();
  Node& n = e->node;
  n.ns = ns;
  n.tag = t.tag;
  MakeAttrs(t, ns, &n);
  if (t.tag == Tag::kUnknown) {
    std::string_view adj = ns == Namespace::kSvg ? AdjustSvgTagName(t.name) : t.name;
    NodeWriter::SetHiddenName(&n, adj.data() != t.name.data() ? adj : Keep(t.name));
  }
  if (ns == Namespace::kHtml) {
    e->slot = HtmlSlot(t.name, t.tag, true);
    if (t.tag == Tag::kUnknown && t.name == "selectedcontent") NoteSelectedContent(e);
    if (t.tag == Tag::kTemplate) NodeWriter::SetTemplateContents(&n, NewNode(NodeType::kDocumentFragment));
  } else {
    e->slot = ForeignSlot(t.name, true);
    if (ns == Namespace::kSvg)
      e->html_ip = t.tag == Tag::kForeignObject || t.tag == Tag::kDesc || t.tag == Tag::kTitle;
    else if (t.tag == Tag::kAnnotationXml)
      for (uint32_t i = 0; i < n.num_attrs(); ++i) {
        const Attribute& a = n.attrs()[i];
        if (a.name() != "encoding" || a.ns() != AttrNamespace::kNone) continue;
        std::string v(a.value());
        for (char& c : v) c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c | 0x20) : c;
        e->html_ip = v == "text/html" || v == "application/xhtml+xml";
      }
  }
  e->lists = static_cast<uint8_t>(ListMask(ns, t.tag));
  return e;
}

Elem* TreeBuilder::CloneElement(const Elem* src) {
  Elem* e = NewElem();
  e->node.ns = src->node.ns;
  e->node.tag = src->node.tag;
  // Attribute arrays (with the hidden name slot) are never mutated once
  // shared. A template gets its own array: its hidden slot is its contents.
  const Node& s = src->node;
  if (s.Is(Tag::kTemplate)) {
    Attribute* a = NodeWriter::AllocAttrs(doc_->arena, &e->node, s.num_attrs(), true);
    for (uint32_t i = 0; i < s.num_attrs(); ++i) a[i] = s.attrs()[i];
    NodeWriter::SetTemplateContents(&e->node, nullptr);
  } else {
    NodeWriter::SetAttrs(&e->node, const_cast<Attribute*>(s.attrs()), s.num_attrs());
  }
  e->slot = src->slot;
  e->lists = src->lists;
  e->html_ip = src->html_ip;
  return e;
}

uint32_t TreeBuilder::InternHtmlName(std::string_view name, bool create) {
  auto it = html_names_.find(name);
  if (it != html_names_.end()) return it->second;
  if (!create) return kNoSlot;
  uint32_t s = static_cast<uint32_t>(slot_top_.size());
  slot_top_.push_back(-1);
  html_names_.emplace(std::string(name), s);
  return s;
}

uint32_t TreeBuilder::ForeignSlot(std::string_view name, bool create) {
  // SVG repeats a few names (path, g, use, circle): a small cache of interned
  // names spares most hash lookups. Its views are the map's keys, whose bytes
  // never move (node-based map, never erased from).
  SlotCache& c = foreign_cache_[(name.size() * 7 + static_cast<unsigned char>(name.empty() ? 0 : name.back())) & 15];
  if (!name.empty() && c.name == name) return c.slot;
  auto it = foreign_names_.find(name);
  if (it == foreign_names_.end()) {
    if (!create) return kNoSlot;
    uint32_t s = static_cast<uint32_t>(slot_top_.size());
    slot_top_.push_back(-1);
    it = foreign_names_.emplace(std::string(name), s).first;
  }
  c = {it->first, it->second};
  return it->second;
}

TreeBuilder::Place TreeBuilder::AppropriatePlaceSlow(Node* override_target) {
  Node* target = override_target ? override_target : &CurrentNode()->node;
  Place p{target, nullptr};
  if (foster_ && target->ns == Namespace::kHtml && target->type == NodeType::kElement &&
      (target->tag == Tag::kTable || target->tag == Tag::kTbody || target->tag == Tag::kTfoot ||
       target->tag == Tag::kThead || target->tag == Tag::kTr)) {
    Elem* tmpl = TopOf(Tag::kTemplate);
    Elem* table = TopOf(Tag::kTable);
    if (tmpl && (!table || tmpl->stack_index > table->stack_index)) {
      return {tmpl->node.template_contents(), nullptr};
    }
    if (!table) {
      p = {&stack_[0]->node, nullptr};
    } else if (table->node.parent) {
      return {table->node.parent, &table->node};
    } else {
      p = {&stack_[table->stack_index - 1]->node, nullptr};
    }
  }
  if (Node* c = p.parent->template_contents()) p.parent = c;
  return p;
}

Elem* TreeBuilder::InsertHtml(const Tok& t) { return InsertForeign(t, Namespace::kHtml); }

Elem* TreeBuilder::InsertForeign(const Tok& t, Namespace ns) {
  Elem* e = CreateElement(t, ns);
  InsertAt(AppropriatePlace(), &e->node);
  // Depth limit: the element stays a childless leaf (stack_index -1). Elements
  // the caller pops at once (void, self-closing foreign), raw text closed by
  // its end tag, and table parts (bounded by their table, which is limited)
  // are opened anyway so that the caller's next steps stay correct.
  if (max_depth_ && stack_.size() >= max_depth_ &&
      (ns == Namespace::kHtml ? !OpenedPastDepthLimit(t.tag) : !t.self_closing))
    return e;
  Push(e);
  return e;
}

void TreeBuilder::AppendText(Node* text, std::string_view s) {
  std::string_view d = text->data();
  if (d.data() + d.size() == s.data() && InInput(d) && InInput(s)) {
    NodeWriter::SetData(text, {d.data(), d.size() + s.size()});  // the next run of the same input
    return;
  }
  size_t cap = 0;
  if (text == grow_node_) {
    cap = grow_cap_;
  } else if (auto it = grow_caps_.find(text); it != grow_caps_.end()) {
    cap = it->second;
  }
  size_t need = d.size() + s.size();
  if (cap >= need) {
    std::memcpy(const_cast<char*>(d.data()) + d.size(), s.data(), s.size());
  } else {
    cap = std::max<size_t>(need * 2, 64);
    char* b = static_cast<char*>(doc_->arena.Alloc(cap, 1));
    std::memcpy(b, d.data(), d.size());
    std::memcpy(b + d.size(), s.data(), s.size());
    d = {b, d.size()};
  }
  NodeWriter::SetData(text, {d.data(), need});
  if (text != grow_node_) {
    if (grow_node_) grow_caps_[grow_node_] = grow_cap_;
    grow_node_ = text;
  }
  grow_cap_ = cap;
}

void TreeBuilder::InsertComment(std::string_view data, Node* parent) {
  Node* c = NewNode(NodeType::kComment);
  NodeWriter::SetData(c, Keep(data));
  if (parent) Append(parent, c);
  else InsertAt(AppropriatePlace(), c);
}

// ---------------------------------------------------------------- stack

void TreeBuilder::Track(size_t i) { Save(i, stack_[i]); }

void TreeBuilder::Untrack(size_t pos) {
  for (size_t j = stack_.size(); j-- > pos;) Restore(j, stack_[j]);
}

void TreeBuilder::RemoveFromStack(Elem* e) {
  if (e->stack_index < 0) return;
  if (e == stack_.back()) return Pop();
  size_t i = static_cast<size_t>(e->stack_index);
  Untrack(i);
  stack_.erase(stack_.begin() + static_cast<ptrdiff_t>(i));
  for (size_t j = i; j < stack_.size(); ++j) Track(j);
}

void TreeBuilder::InsertIntoStack(Elem* e, int pos) {
  if (static_cast<size_t>(pos) == stack_.size()) return Push(e);
  Untrack(static_cast<size_t>(pos));
  stack_.insert(stack_.begin() + pos, e);
  for (size_t j = static_cast<size_t>(pos); j < stack_.size(); ++j) Track(j);
}

void TreeBuilder::PopUntil(Tag t) {
  while (!stack_.empty()) {
    Elem* e = stack_.back();
    Pop();
    if (e->node.Is(t)) return;
  }
}

void TreeBuilder::PopUntilOneOf(const Tag* tags, int n) {
  while (!stack_.empty()) {
    Elem* e = stack_.back();
    Pop();
    if (e->node.ns == Namespace::kHtml)
      for (int i = 0; i < n; ++i)
        if (e->node.tag == tags[i]) return;
  }
}

void TreeBuilder::PopUntilElem(Elem* target) {
  while (!stack_.empty()) {
    Elem* e = stack_.back();
    Pop();
    if (e == target) return;
  }
}

bool TreeBuilder::AnyHeadingInScope() const {
  int top = -1;
  for (Tag t : {Tag::kH1, Tag::kH2, Tag::kH3, Tag::kH4, Tag::kH5, Tag::kH6}) top = std::max(top, TagTop(t));
  return top >= 0 && top >= ListTop(kLScope);
}

bool TreeBuilder::AnyInTableScope(std::initializer_list<Tag> tags) const {
  int top = -1;
  for (Tag t : tags) top = std::max(top, TagTop(t));
  return top >= 0 && top >= ListTop(kLTable);
}

void TreeBuilder::GenerateImpliedEndTags(Tag except) {
  while (!stack_.empty()) {
    const Node& n = stack_.back()->node;
    if (n.ns != Namespace::kHtml || n.tag == except || !IsImpliedEndTag(n.tag)) return;
    Pop();
  }
}

void TreeBuilder::GenerateAllImpliedEndTagsThoroughly() {
  while (!stack_.empty()) {
    const Node& n = stack_.back()->node;
    if (n.ns != Namespace::kHtml) return;
    switch (n.tag) {
      case Tag::kCaption: case Tag::kColgroup: case Tag::kTbody: case Tag::kTd: case Tag::kTfoot:
      case Tag::kTh: case Tag::kThead: case Tag::kTr:
        break;
      default:
        if (!IsImpliedEndTag(n.tag)) return;
    }
    Pop();
  }
}

void TreeBuilder::ClosePElement() {
  GenerateImpliedEndTags(Tag::kP);
  PopUntil(Tag::kP);
}

void TreeBuilder::ResetInsertionMode() {
  Elem* node = ListTop(kLReset) < 0 ? nullptr : stack_[static_cast<size_t>(ListTop(kLReset))];
  bool last = false;
  if (!node || node->stack_index == 0) {
    if (fragment_) {
      node = context_;
      last = true;
    }
  }
  if (!node || node->node.ns != Namespace::kHtml) {
    mode_ = Mode::kInBody;
    return;
  }
  switch (node->node.tag) {
    case Tag::kTd: case Tag::kTh:
      if (!last) { mode_ = Mode::kInCell; return; }
      break;
    case Tag::kTr: mode_ = Mode::kInRow; return;
    case Tag::kTbody: case Tag::kThead: case Tag::kTfoot: mode_ = Mode::kInTableBody; return;
    case Tag::kCaption: mode_ = Mode::kInCaption; return;
    case Tag::kColgroup: mode_ = Mode::kInColumnGroup; return;
    case Tag::kTable: mode_ = Mode::kInTable; return;
    case Tag::kTemplate:
      mode_ = template_modes_.empty() ? Mode::kInBody : template_modes_.back();
      return;
    case Tag::kHead:
      if (!last) { mode_ = Mode::kInHead; return; }
      break;
    case Tag::kBody: mode_ = Mode::kInBody; return;
    case Tag::kFrameset: mode_ = Mode::kInFrameset; return;
    case Tag::kHtml: mode_ = head_ ? Mode::kAfterHead : Mode::kBeforeHead; return;
    default: break;
  }
  mode_ = Mode::kInBody;
}

// ---------------------------------------------------------------- formatting list

void TreeBuilder::NoahCount(Elem* e) {
  e->noah_counted = true;
  ++noah_[NoahKey(e)];
}

// The Noah's Ark bookkeeping is lazy: a fourth identical entry needs three
// entries with the same tag after the last marker, which real pages seldom
// have, so until then no signature is computed and nothing is counted. Those
// entries are a suffix of afe_by_tag_[tag] (marker depth never decreases along
// it) whose uncounted part is always at its end (entries are only counted by
// the walk below, which covers that end), so each entry is counted once.
void TreeBuilder::AfePush(Elem* e) {
  if (e->stack_index < 0) return;  // flattened at the depth limit: nothing to reconstruct
  e->afe_depth = markers_;
  auto& same = afe_by_tag_[static_cast<size_t>(e->node.tag)];
  const size_t n = same.size();
  const bool check = n >= 3 && same[n - 3]->afe_depth == markers_;
  if (check) {
    for (size_t i = n; i-- > 0 && same[i]->afe_depth == markers_ && !same[i]->noah_counted;) NoahCount(same[i]);
    auto it = noah_.find(NoahKey(e));
    if (it != noah_.end() && it->second >= 3) {
      int matches = 0;
      for (size_t i = afe_.size(); i-- > 0 && afe_[i];) {
        Elem* x = afe_[i];
        if (x->node.tag == e->node.tag && SameAttrs(x->node, e->node) && ++matches == 3) {
          AfeRemoveAt(static_cast<int>(i));
          break;
        }
      }
    }
  }
  afe_.push_back(e);
  e->in_afe = true;
  same.push_back(e);
  if (check) NoahCount(e);
}

void TreeBuilder::AfeRemoveAt(int i) {
  Elem* e = afe_[static_cast<size_t>(i)];
  afe_.erase(afe_.begin() + i);
  e->in_afe = false;
  EraseFromBack(afe_by_tag_[static_cast<size_t>(e->node.tag)], e);
  if (!e->noah_counted) return;
  e->noah_counted = false;
  auto it = noah_.find(NoahKey(e));
  if (it != noah_.end() && --it->second == 0) noah_.erase(it);
}

void TreeBuilder::AfeReplaceAt(int i, Elem* repl) {
  Elem* old = afe_[static_cast<size_t>(i)];
  repl->noah_counted = old->noah_counted;
  old->noah_counted = false;
  repl->afe_depth = old->afe_depth;
  repl->in_afe = true;
  old->in_afe = false;
  afe_[static_cast<size_t>(i)] = repl;
  ReplaceFromBack(afe_by_tag_[static_cast<size_t>(old->node.tag)], old, repl);
}

void TreeBuilder::AfeInsertAt(int i, Elem* e) {
  afe_.insert(afe_.begin() + i, e);
  e->in_afe = true;
  e->afe_depth = markers_;
  afe_by_tag_[static_cast<size_t>(e->node.tag)].push_back(e);  // uncounted: see AfePush
}

int TreeBuilder::AfeIndexOf(const Elem* e) const {
  for (size_t i = afe_.size(); i-- > 0;)
    if (afe_[i] == e) return static_cast<int>(i);
  return -1;
}

void TreeBuilder::AfeClearToMarker() {
  while (!afe_.empty()) {
    Elem* e = afe_.back();
    if (!e) {
      afe_.pop_back();
      --markers_;
      return;
    }
    AfeRemoveAt(static_cast<int>(afe_.size() - 1));
  }
}

Elem* TreeBuilder::AfeFindAfterMarker(Tag t) const {
  const auto& v = afe_by_tag_[static_cast<size_t>(t)];
  if (v.empty() || v.back()->afe_depth != markers_) return nullptr;
  return v.back();
}

void TreeBuilder::ReconstructAfeSlow() {
  // At the depth limit only the innermost entries that still fit are reopened;
  // bounding the walk keeps each call proportional to what it opens.
  size_t room = SIZE_MAX;
  if (max_depth_) {
    if (stack_.size() >= max_depth_) return;
    room = max_depth_ - stack_.size();
  }
  size_t i = afe_.size() - 1;
  while (i > 0 && afe_[i - 1] && afe_[i - 1]->stack_index < 0 && afe_.size() - i < room) --i;
  for (; i < afe_.size(); ++i) {
    Elem* n = CloneElement(afe_[i]);
    InsertAt(AppropriatePlace(), &n->node);
    Push(n);
    AfeReplaceAt(static_cast<int>(i), n);
  }
}

bool TreeBuilder::AdoptionAgency(const Tok& t) {
  Elem* cur = CurrentNode();
  if (cur->node.Is(t.tag) && !cur->in_afe) {
    Pop();
    return true;
  }
  for (int outer = 0; outer < 8; ++outer) {
    Elem* fe = AfeFindAfterMarker(t.tag);
    if (!fe) return outer > 0;
    if (fe->stack_index < 0) {
      AfeRemove(fe);
      return true;
    }
    if (!ElemInScope(fe, kLScope)) return true;
    // Furthest block: the first special element above fe.
    const auto& sp = special_;
    auto it = std::upper_bound(sp.begin(), sp.end(), fe->stack_index,
                               [](int idx, const Elem* e) { return idx < e->stack_index; });
    if (it == sp.end()) {
      PopUntilElem(fe);
      AfeRemove(fe);
      return true;
    }
    Elem* fb = *it;
    Elem* common = stack_[static_cast<size_t>(fe->stack_index - 1)];
    Elem* bookmark = fe;  // fe itself: "at fe's position"; else: right after this entry
    Elem* last_node = fb;
    int idx = fb->stack_index;
    for (int inner = 1;; ++inner) {
      --idx;
      Elem* node = stack_[static_cast<size_t>(idx)];
      if (node == fe) break;
      if (inner > 3 && node->in_afe) AfeRemove(node);
      if (!node->in_afe) {
        RemoveFromStack(node);
        continue;
      }
      Elem* repl = CloneElement(node);
      AfeReplaceAt(AfeIndexOf(node), repl);
      // Same name and kinds, so the slot and boundary lists just swap the pointer.
      stack_[static_cast<size_t>(idx)] = repl;
      repl->stack_index = idx;
      node->stack_index = -1;
      // (the tops are stack indices, which stay; saved_[idx] stays valid too)
      if (node->lists & kSpecialBit) ReplaceFromBack(special_, node, repl);
      node = repl;
      if (last_node == fb) bookmark = repl;
      Detach(&last_node->node);
      Append(&node->node, &last_node->node);
      last_node = node;
    }
    Detach(&last_node->node);
    InsertAt(AppropriatePlace(&common->node), &last_node->node);
    Elem* clone = CloneElement(fe);
    MoveChildren(&fb->node, &clone->node);
    Append(&fb->node, &clone->node);
    if (bookmark == fe) {
      AfeReplaceAt(AfeIndexOf(fe), clone);
    } else {
      AfeRemove(fe);
      AfeInsertAt(AfeIndexOf(bookmark) + 1, clone);
    }
    RemoveFromStack(fe);
    clone->stack_index = fb->stack_index + 1;
    InsertIntoStack(clone, fb->stack_index + 1);
  }
  return true;
}

void TreeBuilder::AnyOtherEndTagInBody(const Tok& t) {
  uint32_t slot = HtmlSlot(t.name, t.tag, false);
  if (slot == kNoSlot) return;
  int top = SlotTop(slot);
  if (top < 0 || top < ListTop(kLSpecial)) return;
  Elem* node = stack_[static_cast<size_t>(top)];
  GenerateImpliedEndTags(t.tag);
  PopUntilElem(node);
}

// ---------------------------------------------------------------- driver

bool TreeBuilder::UseForeignRulesSlow(const Tok& t) const {
  const Elem* acn = AdjustedCurrentNode();
  if (!acn || acn->node.ns == Namespace::kHtml || t.type == TokenType::kEof) return false;
  if (IsMathTextIntegrationPoint(acn)) {
    if (t.type == TokenType::kCharacters) return false;
    if (t.type == TokenType::kStartTag && t.tag != Tag::kMglyph && t.tag != Tag::kMalignmark) return false;
  }
  if (acn->node.ns == Namespace::kMathMl && acn->node.tag == Tag::kAnnotationXml &&
      t.type == TokenType::kStartTag && t.tag == Tag::kSvg)
    return false;
  if (acn->html_ip && (t.type == TokenType::kStartTag || t.type == TokenType::kCharacters)) return false;
  return true;
}

void TreeBuilder::Dispatch(Tok& t) {
  if (UseForeignRules(t)) ForeignContent(t);
  else if (mode_ == Mode::kInBody) ModeInBody(t);  // most tokens of a page
  else ProcessInMode(mode_, t);
}

void TreeBuilder::ProcessInMode(Mode m, Tok& t) {
  switch (m) {
    case Mode::kInitial: return ModeInitial(t);
    case Mode::kBeforeHtml: return ModeBeforeHtml(t);
    case Mode::kBeforeHead: return ModeBeforeHead(t);
    case Mode::kInHead: return ModeInHead(t);
    case Mode::kInHeadNoscript: return ModeInHeadNoscript(t);
    case Mode::kAfterHead: return ModeAfterHead(t);
    case Mode::kInBody: return ModeInBody(t);
    case Mode::kText: return ModeText(t);
    case Mode::kInTable: return ModeInTable(t);
    case Mode::kInTableText: return ModeInTableText(t);
    case Mode::kInCaption: return ModeInCaption(t);
    case Mode::kInColumnGroup: return ModeInColumnGroup(t);
    case Mode::kInTableBody: return ModeInTableBody(t);
    case Mode::kInRow: return ModeInRow(t);
    case Mode::kInCell: return ModeInCell(t);
    case Mode::kInTemplate: return ModeInTemplate(t);
    case Mode::kAfterBody: return ModeAfterBody(t);
    case Mode::kInFrameset: return ModeInFrameset(t);
    case Mode::kAfterFrameset: return ModeAfterFrameset(t);
    case Mode::kAfterAfterBody: return ModeAfterAfterBody(t);
    case Mode::kAfterAfterFrameset: return ModeAfterAfterFrameset(t);
  }
}

Status TreeBuilder::Run(const std::string_view* fragment_context) {
  root_ = NewNode(NodeType::kDocument);
  if (fragment_context) {
    fragment_ = true;
    std::string_view ctx = *fragment_context;
    Namespace ns = Namespace::kHtml;
    if (ctx.size() > 4 && ctx.substr(0, 4) == "svg ") ns = Namespace::kSvg, ctx.remove_prefix(4);
    else if (ctx.size() > 5 && ctx.substr(0, 5) == "math ") ns = Namespace::kMathMl, ctx.remove_prefix(5);
    std::string lower(ctx);
    for (char& c : lower) c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c | 0x20) : c;
    Tok ct = Tok::Start(LookupTag(lower));
    ct.name = lower;
    context_ = CreateElement(ct, ns);
    Tok ht = Tok::Start(Tag::kHtml);
    Elem* html = CreateElement(ht, Namespace::kHtml);
    Append(root_, &html->node);
    Push(html);
    if (ns == Namespace::kHtml) {
      switch (ct.tag) {
        case Tag::kTitle: case Tag::kTextarea: tok_.SetState(TokenizerState::kRcdata); break;
        case Tag::kStyle: case Tag::kXmp: case Tag::kIframe: case Tag::kNoembed: case Tag::kNoframes:
          tok_.SetState(TokenizerState::kRawtext); break;
        case Tag::kScript: tok_.SetState(TokenizerState::kScriptData); break;
        case Tag::kPlaintext: tok_.SetState(TokenizerState::kPlaintext); break;
        default: break;
      }
      if (ct.tag == Tag::kTemplate) template_modes_.push_back(Mode::kInTemplate);
      if (ct.tag == Tag::kForm) form_ = context_;
    }
    ResetInsertionMode();
  }

  bool allow_cdata = false;
  // One Tok for the whole run: each token type sets every field a handler of
  // that type reads (and resets tag/name/data/num_attrs), instead of building
  // a fresh Tok per token.
  Tok t;
  while (!done_) {
    // Outside fragment parsing the adjusted current node is the current node,
    // whose namespace Save/Restore keep in top_foreign_.
    bool foreign = top_foreign_;
    if (__builtin_expect(context_ != nullptr, 0)) {
      const Elem* acn = AdjustedCurrentNode();
      foreign = acn && acn->node.ns != Namespace::kHtml;
    }
    if (foreign != allow_cdata) {
      allow_cdata = !allow_cdata;
      tok_.SetAllowCdata(allow_cdata);
    }
    const Token& raw = tok_.Next();
    t.type = raw.type;
    switch (raw.type) {
      case TokenType::kStartTag: case TokenType::kEndTag:
        t.name = raw.name;
        t.tag = EndTagClosesCurrent(raw) ? stack_.back()->node.tag : tag_lookup::Lookup(raw.name);
        t.attrs = raw.attrs;
        t.num_attrs = raw.num_attrs;
        t.self_closing = raw.self_closing;
        t.data = {};
        break;
      case TokenType::kCharacters:
        t.data = raw.data;
        t.may_have_nul = raw.may_have_nul;
        t.tag = Tag::kUnknown;
        t.name = {};
        t.num_attrs = 0;
        t.self_closing = false;
        break;
      case TokenType::kComment:
        t.data = raw.data;
        t.may_have_nul = true;
        t.self_closing = false;
        t.tag = Tag::kUnknown;
        t.name = {};
        t.num_attrs = 0;
        break;
      case TokenType::kDoctype:
        t.name = raw.name;
        t.raw = &raw;
        t.self_closing = false;
        t.tag = Tag::kUnknown;
        t.data = {};
        t.num_attrs = 0;
        break;
      case TokenType::kEof:
        t.self_closing = false;
        t.tag = Tag::kUnknown;
        t.name = t.data = {};
        t.num_attrs = 0;
        break;
    }
    if (skip_lf_) {
      skip_lf_ = false;
      if (t.type == TokenType::kCharacters && t.data[0] == '\n') {
        t.data.remove_prefix(1);
        if (t.data.empty()) continue;
      }
    }
    if (raw.type != TokenType::kEof) {  // Dispatch, with the adjusted current node known already
      if (foreign && UseForeignRulesSlow(t)) ForeignContent(t);
      else if (mode_ == Mode::kInBody) ModeInBody(t);
      else ProcessInMode(mode_, t);
      continue;
    }
    // EOF is re-dispatched until some mode stops parsing (nested templates
    // unwind one per round); each round pops at least one element.
    for (size_t guard = stack_.size() + 8; !done_ && guard > 0; --guard) Dispatch(t);
    break;
  }
  if (mode_ == Mode::kInTableText) FlushTableText();
  if (!selects_.empty())  // "stop parsing" pops everything, which matters only to <option>
    while (!stack_.empty()) Pop();

  if (fragment_) {
    Node* frag = NewNode(NodeType::kDocumentFragment);
    Node* html = root_->first_child;
    MoveChildren(html, frag);
    doc_->root = frag;
  } else {
    doc_->root = root_;
    for (Node* c = root_->first_child; c; c = c->next_sibling)
      if (c->Is(Tag::kHtml)) doc_->html = c;
    if (doc_->html) {
      for (Node* c = doc_->html->first_child; c; c = c->next_sibling) {
        if (c->Is(Tag::kHead) && !doc_->head) doc_->head = c;
        if ((c->Is(Tag::kBody) || c->Is(Tag::kFrameset)) && !doc_->body) doc_->body = c;
      }
    }
  }
  doc_->quirks = quirks_;
  return Status::Ok();
}

Status BuildTree(Document::Impl* impl, const std::string_view* fragment_context, const ParseOptions& options) {
  TreeBuilder b(impl, options);
  return b.Run(fragment_context);
}

}  // namespace matn::html
