// src/html/tree_builder_body.cpp — the "in body" insertion mode. Select
// content follows the 2025 spec (customizable <select>): there is no "in
// select" mode; option/optgroup/hr/input react to an open <select> here.
#include <cstring>
#include <utility>
#include <vector>

#include "html/tree_builder_impl.h"

#include <algorithm>

namespace matn::html {
namespace {

// Adds the token's attributes that `n` lacks (for a second <html> or <body>).
void AddMissingAttrs(Arena& arena, Node* n, const Tok& t, TreeBuilder* b) {
  // Grow geometrically: copying the whole list for every repeated tag would be
  // quadratic in memory (thousands of "<body a1><body a2>…" tags).
  TreeBuilder::MergedAttrs* slot = &b->merged_attrs_[0];
  if (slot->node && slot->node != n) slot = &b->merged_attrs_[1];
  if (slot->node != n) {
    slot->node = n, slot->capacity = n->num_attrs(), slot->names.clear();
    for (uint32_t i = 0; i < n->num_attrs(); ++i) slot->names.insert(n->attrs()[i].name());
  }
  uint32_t extra = 0;
  for (uint32_t i = 0; i < t.num_attrs; ++i) extra += !slot->names.count(t.attrs[i].name);
  if (!extra) return;
  // html and body are known tags: no hidden slot to carry along.
  Attribute* a = NodeWriter::MutableAttrs(n);
  const uint32_t old_n = n->num_attrs();
  if (old_n + extra > slot->capacity) {
    uint32_t cap = std::max<uint32_t>(8, slot->capacity * 2);
    while (cap < old_n + extra) cap *= 2;
    a = arena.NewArray<Attribute>(cap);
    for (uint32_t i = 0; i < old_n; ++i) a[i] = n->attrs()[i];
    slot->capacity = cap;
  }
  uint32_t k = old_n;
  for (uint32_t i = 0; i < t.num_attrs; ++i) {
    if (slot->names.count(t.attrs[i].name)) continue;
    a[k] = NodeWriter::RawAttr(b->Keep(t.attrs[i].name), b->Keep(t.attrs[i].value));
    slot->names.insert(a[k].name());
    ++k;
  }
  NodeWriter::SetAttrs(n, a, k);
}

bool IsHeading(const Elem* e) {
  if (!e || e->node.ns != Namespace::kHtml) return false;
  Tag t = e->node.tag;
  return t == Tag::kH1 || t == Tag::kH2 || t == Tag::kH3 || t == Tag::kH4 || t == Tag::kH5 || t == Tag::kH6;
}

bool EqualsCi(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    char c = a[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c | 0x20);
    if (c != b[i]) return false;
  }
  return true;
}

constexpr Tag kHeadings[] = {Tag::kH1, Tag::kH2, Tag::kH3, Tag::kH4, Tag::kH5, Tag::kH6};

}  // namespace

void TreeBuilder::NoteSelectedContent(Elem* e) {
  Elem* select = TopOf(Tag::kSelect);
  if (!select) return;
  SelectState& st = selects_[select];
  if (!st.selectedcontent) st.selectedcontent = e;
}

void TreeBuilder::OptionPopped(Elem* option) {
  Elem* select = TopOf(Tag::kSelect);
  if (!select || select->stack_index > option->stack_index || select->node.FindAttr("multiple")) return;
  auto it = selects_.find(select);
  if (it == selects_.end() || !it->second.selectedcontent) return;
  SelectState& st = it->second;
  if (st.has_selected && !option->node.FindAttr("selected")) return;
  st.has_selected = true;
  Node* target = &st.selectedcontent->node;
  MoveChildren(target, nullptr);
  // Deep copy of the option's children, iteratively: (source, copy's parent).
  std::vector<std::pair<const Node*, Node*>> todo;
  for (const Node* c = option->node.last_child(); c; c = c->prev_sibling()) todo.emplace_back(c, target);
  while (!todo.empty()) {
    auto [src, parent] = todo.back();
    todo.pop_back();
    Node* copy;
    if (src->type == NodeType::kElement) {
      Elem* ce = CloneElement(E(const_cast<Node*>(src)));
      copy = &ce->node;
    } else {
      copy = NewNode(src->type);
      NodeWriter::SetData(copy, src->data());
    }
    Append(parent, copy);
    // The selectedcontent may sit inside the option (misnested markup); its
    // children now are the copies being made, so descending would never end.
    if (src == target) continue;
    for (const Node* c = src->last_child(); c; c = c->prev_sibling()) todo.emplace_back(c, copy);
  }
}

// NULs are dropped in body. Out of line so that BodyCharacters, which runs
// for every character token, stays a leaf without a big prologue.
[[gnu::noinline]] void TreeBuilder::BodyCharactersWithNul(std::string_view s) {
  size_t start = 0;
  for (size_t i = 0; i <= s.size(); ++i) {
    if (i == s.size() || s[i] == '\0') {
      if (i > start) BodyCharacters(s.substr(start, i - start), false);
      start = i + 1;
    }
  }
}

void TreeBuilder::BodyCharacters(std::string_view s, bool may_have_nul) {
  if (may_have_nul && std::memchr(s.data(), '\0', s.size())) return BodyCharactersWithNul(s);
  ReconstructAfe();
  InsertText(s);
  if (frameset_ok_ && !AllWs(s)) frameset_ok_ = false;
}

void TreeBuilder::ModeInBody(Tok& t) {
  switch (t.type) {
    case TokenType::kCharacters: return BodyCharacters(t.data, t.may_have_nul);
    case TokenType::kComment: return InsertComment(t.data);
    case TokenType::kDoctype: return;
    case TokenType::kStartTag: return BodyStartTag(t);
    case TokenType::kEndTag: return BodyEndTag(t);
    case TokenType::kEof:
      if (!template_modes_.empty()) return ModeInTemplate(t);
      done_ = true;
      return;
  }
}

void TreeBuilder::BodyStartTag(Tok& t) {
  switch (t.tag) {
    case Tag::kHtml:
      if (!HasOpen(Tag::kTemplate)) AddMissingAttrs(doc_->arena, &stack_[0]->node, t, this);
      return;
    case Tag::kBase: case Tag::kBasefont: case Tag::kBgsound: case Tag::kLink: case Tag::kMeta:
    case Tag::kNoframes: case Tag::kScript: case Tag::kStyle: case Tag::kTemplate: case Tag::kTitle:
      return ModeInHead(t);
    case Tag::kBody:
      if (stack_.size() == 1 || !stack_[1]->node.Is(Tag::kBody) || HasOpen(Tag::kTemplate)) return;
      frameset_ok_ = false;
      AddMissingAttrs(doc_->arena, &stack_[1]->node, t, this);
      return;
    case Tag::kFrameset:
      if (stack_.size() == 1 || !stack_[1]->node.Is(Tag::kBody) || !frameset_ok_) return;
      Detach(&stack_[1]->node);
      while (stack_.size() > 1) Pop();
      InsertHtml(t);
      mode_ = Mode::kInFrameset;
      return;
    case Tag::kAddress: case Tag::kArticle: case Tag::kAside: case Tag::kBlockquote: case Tag::kCenter:
    case Tag::kDetails: case Tag::kDialog: case Tag::kDir: case Tag::kDiv: case Tag::kDl:
    case Tag::kFieldset: case Tag::kFigcaption: case Tag::kFigure: case Tag::kFooter: case Tag::kHeader:
    case Tag::kHgroup: case Tag::kMain: case Tag::kMenu: case Tag::kNav: case Tag::kOl: case Tag::kP:
    case Tag::kSearch: case Tag::kSection: case Tag::kSummary: case Tag::kUl:
      ClosePIfInButtonScope();
      InsertHtml(t);
      return;
    case Tag::kH1: case Tag::kH2: case Tag::kH3: case Tag::kH4: case Tag::kH5: case Tag::kH6:
      ClosePIfInButtonScope();
      if (IsHeading(CurrentNode())) Pop();
      InsertHtml(t);
      return;
    case Tag::kPre: case Tag::kListing:
      ClosePIfInButtonScope();
      InsertHtml(t);
      skip_lf_ = true;
      frameset_ok_ = false;
      return;
    case Tag::kForm: {
      bool tmpl = HasOpen(Tag::kTemplate);
      if (form_ && !tmpl) return;
      ClosePIfInButtonScope();
      Elem* e = InsertHtml(t);
      if (!tmpl) form_ = e;
      return;
    }
    case Tag::kLi: {
      frameset_ok_ = false;
      int li = TagTop(Tag::kLi);
      if (li >= 0 && li >= ListTop(kLSpecialLi)) {
        GenerateImpliedEndTags(Tag::kLi);
        PopUntil(Tag::kLi);
      }
      ClosePIfInButtonScope();
      InsertHtml(t);
      return;
    }
    case Tag::kDd: case Tag::kDt: {
      frameset_ok_ = false;
      int dd = TagTop(Tag::kDd), dt = TagTop(Tag::kDt);
      int top = dd > dt ? dd : dt;
      if (top >= 0 && top >= ListTop(kLSpecialLi)) {
        Tag which = dd > dt ? Tag::kDd : Tag::kDt;
        GenerateImpliedEndTags(which);
        PopUntil(which);
      }
      ClosePIfInButtonScope();
      InsertHtml(t);
      return;
    }
    case Tag::kPlaintext:
      ClosePIfInButtonScope();
      InsertHtml(t);
      tok_.SetState(TokenizerState::kPlaintext);
      return;
    case Tag::kButton:
      if (InScope(Tag::kButton)) {
        GenerateImpliedEndTags();
        PopUntil(Tag::kButton);
      }
      ReconstructAfe();
      InsertHtml(t);
      frameset_ok_ = false;
      return;
    case Tag::kA:
      if (Elem* a = AfeFindAfterMarker(Tag::kA)) {
        Tok end = Tok::End(Tag::kA);
        if (!AdoptionAgency(end)) AnyOtherEndTagInBody(end);
        AfeRemove(a);
        RemoveFromStack(a);
      }
      ReconstructAfe();
      AfePush(InsertHtml(t));
      return;
    case Tag::kB: case Tag::kBig: case Tag::kCode: case Tag::kEm: case Tag::kFont: case Tag::kI:
    case Tag::kS: case Tag::kSmall: case Tag::kStrike: case Tag::kStrong: case Tag::kTt: case Tag::kU:
      ReconstructAfe();
      AfePush(InsertHtml(t));
      return;
    case Tag::kNobr:
      ReconstructAfe();
      if (InScope(Tag::kNobr)) {
        Tok end = Tok::End(Tag::kNobr);
        if (!AdoptionAgency(end)) AnyOtherEndTagInBody(end);
        ReconstructAfe();
      }
      AfePush(InsertHtml(t));
      return;
    case Tag::kApplet: case Tag::kMarquee: case Tag::kObject:
      ReconstructAfe();
      if (InsertHtml(t)->stack_index < 0) return;  // flattened at the depth limit
      AfePushMarker();
      frameset_ok_ = false;
      return;
    case Tag::kTable:
      if (quirks_ != QuirksMode::kQuirks) ClosePIfInButtonScope();
      frameset_ok_ = false;
      if (InsertHtml(t)->stack_index < 0) return;  // flattened at the depth limit
      mode_ = Mode::kInTable;
      return;
    case Tag::kArea: case Tag::kBr: case Tag::kEmbed: case Tag::kImg: case Tag::kKeygen: case Tag::kWbr:
      ReconstructAfe();
      InsertHtml(t);
      Pop();
      frameset_ok_ = false;
      return;
    case Tag::kInput: {
      if (fragment_ && context_->node.Is(Tag::kSelect)) return;
      if (InScope(Tag::kSelect)) PopUntil(Tag::kSelect);
      ReconstructAfe();
      InsertHtml(t);
      Pop();
      bool hidden = false;
      for (uint32_t i = 0; i < t.num_attrs; ++i)
        if (t.attrs[i].name == "type") {
          hidden = EqualsCi(t.attrs[i].value, "hidden");
          break;
        }
      if (!hidden) frameset_ok_ = false;
      return;
    }
    case Tag::kParam: case Tag::kSource: case Tag::kTrack:
      InsertHtml(t);
      Pop();
      return;
    case Tag::kHr:
      ClosePIfInButtonScope();
      if (InScope(Tag::kSelect)) GenerateImpliedEndTags();
      InsertHtml(t);
      Pop();
      frameset_ok_ = false;
      return;
    case Tag::kImage:
      t.tag = Tag::kImg;
      t.name = "img";
      return BodyStartTag(t);
    case Tag::kTextarea:
      InsertHtml(t);
      skip_lf_ = true;
      tok_.SetState(TokenizerState::kRcdata);
      orig_mode_ = mode_;
      frameset_ok_ = false;
      mode_ = Mode::kText;
      return;
    case Tag::kXmp:
      ClosePIfInButtonScope();
      ReconstructAfe();
      frameset_ok_ = false;
      return GenericText(t, TokenizerState::kRawtext);
    case Tag::kIframe:
      frameset_ok_ = false;
      return GenericText(t, TokenizerState::kRawtext);
    case Tag::kNoembed:
      return GenericText(t, TokenizerState::kRawtext);
    case Tag::kSelect:
      if (fragment_ && context_->node.Is(Tag::kSelect)) return;
      if (InScope(Tag::kSelect)) {
        PopUntil(Tag::kSelect);
        return;
      }
      ReconstructAfe();
      InsertHtml(t);
      frameset_ok_ = false;
      return;
    case Tag::kOption:
      if (InScope(Tag::kSelect)) GenerateImpliedEndTags(Tag::kOptgroup);
      else if (CurrentIs(Tag::kOption)) Pop();
      ReconstructAfe();
      InsertHtml(t);
      return;
    case Tag::kOptgroup:
      if (InScope(Tag::kSelect)) GenerateImpliedEndTags();
      else if (CurrentIs(Tag::kOption)) Pop();
      ReconstructAfe();
      InsertHtml(t);
      return;
    case Tag::kRb: case Tag::kRtc:
      if (InScope(Tag::kRuby)) GenerateImpliedEndTags();
      InsertHtml(t);
      return;
    case Tag::kRp: case Tag::kRt:
      if (InScope(Tag::kRuby)) GenerateImpliedEndTags(Tag::kRtc);
      InsertHtml(t);
      return;
    case Tag::kMath: case Tag::kSvg:
      ReconstructAfe();
      InsertForeign(t, t.tag == Tag::kMath ? Namespace::kMathMl : Namespace::kSvg);
      if (t.self_closing) Pop();
      return;
    case Tag::kCaption: case Tag::kCol: case Tag::kColgroup: case Tag::kFrame: case Tag::kHead:
    case Tag::kTbody: case Tag::kTd: case Tag::kTfoot: case Tag::kTh: case Tag::kThead: case Tag::kTr:
      return;
    default:
      ReconstructAfe();
      InsertHtml(t);
      return;
  }
}

void TreeBuilder::BodyEndTag(Tok& t) {
  switch (t.tag) {
    case Tag::kTemplate:
      return ModeInHead(t);
    case Tag::kBody:
      if (InScope(Tag::kBody)) mode_ = Mode::kAfterBody;
      return;
    case Tag::kHtml:
      if (!InScope(Tag::kBody)) return;
      mode_ = Mode::kAfterBody;
      return ModeAfterBody(t);
    case Tag::kAddress: case Tag::kArticle: case Tag::kAside: case Tag::kBlockquote: case Tag::kButton:
    case Tag::kCenter: case Tag::kDetails: case Tag::kDialog: case Tag::kDir: case Tag::kDiv: case Tag::kDl:
    case Tag::kFieldset: case Tag::kFigcaption: case Tag::kFigure: case Tag::kFooter: case Tag::kHeader:
    case Tag::kHgroup: case Tag::kListing: case Tag::kMain: case Tag::kMenu: case Tag::kNav: case Tag::kOl:
    case Tag::kPre: case Tag::kSearch: case Tag::kSection: case Tag::kSummary: case Tag::kUl:
      if (!InScope(t.tag)) return;
      GenerateImpliedEndTags();
      PopUntil(t.tag);
      return;
    case Tag::kForm:
      if (!HasOpen(Tag::kTemplate)) {
        Elem* node = form_;
        form_ = nullptr;
        if (!node || !ElemInScope(node, kLScope)) return;
        GenerateImpliedEndTags();
        RemoveFromStack(node);
      } else {
        if (!InScope(Tag::kForm)) return;
        GenerateImpliedEndTags();
        PopUntil(Tag::kForm);
      }
      return;
    case Tag::kP:
      // A p flattened at the depth limit is already closed: nothing to pop.
      if (!InScope(Tag::kP, kLButton) && InsertHtml(Tok::Start(Tag::kP))->stack_index < 0) return;
      ClosePElement();
      return;
    case Tag::kLi:
      if (!InScope(Tag::kLi, kLListItem)) return;
      GenerateImpliedEndTags(Tag::kLi);
      PopUntil(Tag::kLi);
      return;
    case Tag::kDd: case Tag::kDt:
      if (!InScope(t.tag)) return;
      GenerateImpliedEndTags(t.tag);
      PopUntil(t.tag);
      return;
    case Tag::kH1: case Tag::kH2: case Tag::kH3: case Tag::kH4: case Tag::kH5: case Tag::kH6:
      if (!AnyHeadingInScope()) return;
      GenerateImpliedEndTags();
      PopUntilOneOf(kHeadings, 6);
      return;
    case Tag::kA: case Tag::kB: case Tag::kBig: case Tag::kCode: case Tag::kEm: case Tag::kFont:
    case Tag::kI: case Tag::kNobr: case Tag::kS: case Tag::kSmall: case Tag::kStrike: case Tag::kStrong:
    case Tag::kTt: case Tag::kU:
      if (!AdoptionAgency(t)) AnyOtherEndTagInBody(t);
      return;
    case Tag::kApplet: case Tag::kMarquee: case Tag::kObject:
      if (!InScope(t.tag)) return;
      GenerateImpliedEndTags();
      PopUntil(t.tag);
      AfeClearToMarker();
      return;
    case Tag::kBr: {
      Tok br = Tok::Start(Tag::kBr);
      return BodyStartTag(br);
    }
    case Tag::kSelect:
      if (InScope(Tag::kSelect)) PopUntil(Tag::kSelect);
      return;
    default:
      return AnyOtherEndTagInBody(t);
  }
}

}  // namespace matn::html
