// src/html/tree_builder_modes_head.cpp — the insertion modes around the body:
// initial (with quirks-mode determination), before html, before head, in head,
// in head noscript (scripting is off), after head, text, after body, the
// frameset modes and the after-after modes.
#include <string>

#include "html/tree_builder_impl.h"

namespace matn::html {
namespace {

bool StartsWithCi(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i) {
    char a = s[i], b = prefix[i];
    if (a >= 'A' && a <= 'Z') a = static_cast<char>(a | 0x20);
    if (b >= 'A' && b <= 'Z') b = static_cast<char>(b | 0x20);
    if (a != b) return false;
  }
  return true;
}
bool EqualsCi(std::string_view s, std::string_view t) { return s.size() == t.size() && StartsWithCi(s, t); }

constexpr std::string_view kQuirkyPublicPrefixes[] = {
    "+//Silmaril//dtd html Pro v0r11 19970101//",
    "-//AS//DTD HTML 3.0 asWedit + extensions//",
    "-//AdvaSoft Ltd//DTD HTML 3.0 asWedit + extensions//",
    "-//IETF//DTD HTML 2.0 Level 1//",
    "-//IETF//DTD HTML 2.0 Level 2//",
    "-//IETF//DTD HTML 2.0 Strict Level 1//",
    "-//IETF//DTD HTML 2.0 Strict Level 2//",
    "-//IETF//DTD HTML 2.0 Strict//",
    "-//IETF//DTD HTML 2.0//",
    "-//IETF//DTD HTML 2.1E//",
    "-//IETF//DTD HTML 3.0//",
    "-//IETF//DTD HTML 3.2 Final//",
    "-//IETF//DTD HTML 3.2//",
    "-//IETF//DTD HTML 3//",
    "-//IETF//DTD HTML Level 0//",
    "-//IETF//DTD HTML Level 1//",
    "-//IETF//DTD HTML Level 2//",
    "-//IETF//DTD HTML Level 3//",
    "-//IETF//DTD HTML Strict Level 0//",
    "-//IETF//DTD HTML Strict Level 1//",
    "-//IETF//DTD HTML Strict Level 2//",
    "-//IETF//DTD HTML Strict Level 3//",
    "-//IETF//DTD HTML Strict//",
    "-//IETF//DTD HTML//",
    "-//Metrius//DTD Metrius Presentational//",
    "-//Microsoft//DTD Internet Explorer 2.0 HTML Strict//",
    "-//Microsoft//DTD Internet Explorer 2.0 HTML//",
    "-//Microsoft//DTD Internet Explorer 2.0 Tables//",
    "-//Microsoft//DTD Internet Explorer 3.0 HTML Strict//",
    "-//Microsoft//DTD Internet Explorer 3.0 HTML//",
    "-//Microsoft//DTD Internet Explorer 3.0 Tables//",
    "-//Netscape Comm. Corp.//DTD HTML//",
    "-//Netscape Comm. Corp.//DTD Strict HTML//",
    "-//O'Reilly and Associates//DTD HTML 2.0//",
    "-//O'Reilly and Associates//DTD HTML Extended 1.0//",
    "-//O'Reilly and Associates//DTD HTML Extended Relaxed 1.0//",
    "-//SQ//DTD HTML 2.0 HoTMetaL + extensions//",
    "-//SoftQuad Software//DTD HoTMetaL PRO 6.0::19990601::extensions to HTML 4.0//",
    "-//SoftQuad//DTD HoTMetaL PRO 4.0::19971010::extensions to HTML 4.0//",
    "-//Spyglass//DTD HTML 2.0 Extended//",
    "-//Sun Microsystems Corp.//DTD HotJava HTML//",
    "-//Sun Microsystems Corp.//DTD HotJava Strict HTML//",
    "-//W3C//DTD HTML 3 1995-03-24//",
    "-//W3C//DTD HTML 3.2 Draft//",
    "-//W3C//DTD HTML 3.2 Final//",
    "-//W3C//DTD HTML 3.2//",
    "-//W3C//DTD HTML 3.2S Draft//",
    "-//W3C//DTD HTML 4.0 Frameset//",
    "-//W3C//DTD HTML 4.0 Transitional//",
    "-//W3C//DTD HTML Experimental 19960712//",
    "-//W3C//DTD HTML Experimental 970421//",
    "-//W3C//DTD W3 HTML//",
    "-//W3O//DTD W3 HTML 3.0//",
    "-//WebTechs//DTD Mozilla HTML 2.0//",
    "-//WebTechs//DTD Mozilla HTML//",
};

QuirksMode DoctypeQuirks(const Token& d) {
  if (d.force_quirks || d.name != "html") return QuirksMode::kQuirks;
  std::string_view pub = d.public_id, sys = d.system_id;
  if (d.has_public_id) {
    if (EqualsCi(pub, "-//W3O//DTD W3 HTML Strict 3.0//EN//") || EqualsCi(pub, "-/W3C/DTD HTML 4.0 Transitional/EN") ||
        EqualsCi(pub, "HTML"))
      return QuirksMode::kQuirks;
    for (std::string_view p : kQuirkyPublicPrefixes)
      if (StartsWithCi(pub, p)) return QuirksMode::kQuirks;
  }
  if (d.has_system_id && EqualsCi(sys, "http://www.ibm.com/data/dtd/v11/ibmxhtml1-transitional.dtd"))
    return QuirksMode::kQuirks;
  if (d.has_public_id) {
    bool html401 = StartsWithCi(pub, "-//W3C//DTD HTML 4.01 Frameset//") ||
                   StartsWithCi(pub, "-//W3C//DTD HTML 4.01 Transitional//");
    if (html401 && !d.has_system_id) return QuirksMode::kQuirks;
    if (StartsWithCi(pub, "-//W3C//DTD XHTML 1.0 Frameset//") ||
        StartsWithCi(pub, "-//W3C//DTD XHTML 1.0 Transitional//"))
      return QuirksMode::kLimitedQuirks;
    if (html401) return QuirksMode::kLimitedQuirks;
  }
  return QuirksMode::kNoQuirks;
}

// Keeps only the whitespace characters of s (modes that insert whitespace and drop the rest).
std::string OnlyWs(std::string_view s) {
  std::string out;
  for (char c : s)
    if (IsWs(c)) out += c;
  return out;
}

}  // namespace

void TreeBuilder::HandleDoctype(const Tok& t) {
  const Token& d = *t.raw;
  Node* n = NewNode(NodeType::kDoctype);
  const bool ids = d.has_public_id || d.has_system_id;
  Attribute* a = NodeWriter::AllocAttrs(doc_->arena, n, ids ? 2 : 0, true);
  NodeWriter::SetHiddenName(n, Keep(d.name));
  if (ids) {
    a[0] = Attribute("public", Keep(d.public_id));
    a[1] = Attribute("system", Keep(d.system_id));
    doc_->public_id = a[0].value();
    doc_->system_id = a[1].value();
  }
  Append(root_, n);
  quirks_ = DoctypeQuirks(d);
}

void TreeBuilder::GenericText(const Tok& t, TokenizerState state) {
  InsertHtml(t);
  tok_.SetState(state);
  orig_mode_ = mode_;
  mode_ = Mode::kText;
}

void TreeBuilder::ModeInitial(Tok& t) {
  switch (t.type) {
    case TokenType::kCharacters:
      if (!SplitLeadingWs(t, [](Tok&) {})) return;
      break;
    case TokenType::kComment:
      InsertComment(t.data, root_);
      return;
    case TokenType::kDoctype:
      HandleDoctype(t);
      mode_ = Mode::kBeforeHtml;
      return;
    default:
      break;
  }
  quirks_ = QuirksMode::kQuirks;
  mode_ = Mode::kBeforeHtml;
  ModeBeforeHtml(t);
}

void TreeBuilder::ModeBeforeHtml(Tok& t) {
  switch (t.type) {
    case TokenType::kDoctype:
      return;
    case TokenType::kComment:
      InsertComment(t.data, root_);
      return;
    case TokenType::kCharacters:
      if (!SplitLeadingWs(t, [](Tok&) {})) return;
      break;
    case TokenType::kStartTag:
      if (t.tag == Tag::kHtml) {
        Elem* e = CreateElement(t, Namespace::kHtml);
        Append(root_, &e->node);
        Push(e);
        mode_ = Mode::kBeforeHead;
        return;
      }
      break;
    case TokenType::kEndTag:
      if (t.tag != Tag::kHead && t.tag != Tag::kBody && t.tag != Tag::kHtml && t.tag != Tag::kBr) return;
      break;
    case TokenType::kEof:
      break;
  }
  Elem* e = CreateElement(Tok::Start(Tag::kHtml), Namespace::kHtml);
  Append(root_, &e->node);
  Push(e);
  mode_ = Mode::kBeforeHead;
  ModeBeforeHead(t);
}

void TreeBuilder::ModeBeforeHead(Tok& t) {
  switch (t.type) {
    case TokenType::kCharacters:
      if (!SplitLeadingWs(t, [](Tok&) {})) return;
      break;
    case TokenType::kComment:
      InsertComment(t.data);
      return;
    case TokenType::kDoctype:
      return;
    case TokenType::kStartTag:
      if (t.tag == Tag::kHtml) return ModeInBody(t);
      if (t.tag == Tag::kHead) {
        head_ = InsertHtml(t);
        mode_ = Mode::kInHead;
        return;
      }
      break;
    case TokenType::kEndTag:
      if (t.tag != Tag::kHead && t.tag != Tag::kBody && t.tag != Tag::kHtml && t.tag != Tag::kBr) return;
      break;
    case TokenType::kEof:
      break;
  }
  head_ = InsertHtml(Tok::Start(Tag::kHead));
  mode_ = Mode::kInHead;
  ModeInHead(t);
}

void TreeBuilder::ModeInHead(Tok& t) {
  switch (t.type) {
    case TokenType::kCharacters:
      if (!SplitLeadingWs(t, [this](Tok& w) { InsertText(w.data); })) return;
      break;
    case TokenType::kComment:
      InsertComment(t.data);
      return;
    case TokenType::kDoctype:
      return;
    case TokenType::kStartTag:
      switch (t.tag) {
        case Tag::kHtml:
          return ModeInBody(t);
        case Tag::kBase: case Tag::kBasefont: case Tag::kBgsound: case Tag::kLink: case Tag::kMeta:
          InsertHtml(t);
          Pop();
          return;
        case Tag::kTitle:
          return GenericText(t, TokenizerState::kRcdata);
        case Tag::kNoscript:  // scripting is off
          InsertHtml(t);
          mode_ = Mode::kInHeadNoscript;
          return;
        case Tag::kNoframes: case Tag::kStyle:
          return GenericText(t, TokenizerState::kRawtext);
        case Tag::kScript:
          return GenericText(t, TokenizerState::kScriptData);
        case Tag::kTemplate:
          frameset_ok_ = false;
          if (InsertHtml(t)->stack_index < 0) return;  // flattened at the depth limit
          AfePushMarker();
          mode_ = Mode::kInTemplate;
          template_modes_.push_back(Mode::kInTemplate);
          return;
        case Tag::kHead:
          return;
        default:
          break;
      }
      break;
    case TokenType::kEndTag:
      switch (t.tag) {
        case Tag::kHead:
          Pop();
          mode_ = Mode::kAfterHead;
          return;
        case Tag::kBody: case Tag::kHtml: case Tag::kBr:
          break;
        case Tag::kTemplate:
          if (!HasOpen(Tag::kTemplate)) return;
          GenerateAllImpliedEndTagsThoroughly();
          PopUntil(Tag::kTemplate);
          AfeClearToMarker();
          template_modes_.pop_back();
          ResetInsertionMode();
          return;
        default:
          return;
      }
      break;
    case TokenType::kEof:
      break;
  }
  Pop();  // the head
  mode_ = Mode::kAfterHead;
  ModeAfterHead(t);
}

void TreeBuilder::ModeInHeadNoscript(Tok& t) {
  switch (t.type) {
    case TokenType::kDoctype:
      return;
    case TokenType::kCharacters:
      if (!SplitLeadingWs(t, [this](Tok& w) { ModeInHead(w); })) return;
      break;
    case TokenType::kComment:
      return ModeInHead(t);
    case TokenType::kStartTag:
      switch (t.tag) {
        case Tag::kHtml:
          return ModeInBody(t);
        case Tag::kBasefont: case Tag::kBgsound: case Tag::kLink: case Tag::kMeta: case Tag::kNoframes:
        case Tag::kStyle:
          return ModeInHead(t);
        case Tag::kHead: case Tag::kNoscript:
          return;
        default:
          break;
      }
      break;
    case TokenType::kEndTag:
      if (t.tag == Tag::kNoscript) {
        Pop();
        mode_ = Mode::kInHead;
        return;
      }
      if (t.tag != Tag::kBr) return;
      break;
    case TokenType::kEof:
      break;
  }
  Pop();  // the noscript
  mode_ = Mode::kInHead;
  ModeInHead(t);
}

void TreeBuilder::ModeAfterHead(Tok& t) {
  switch (t.type) {
    case TokenType::kCharacters:
      if (!SplitLeadingWs(t, [this](Tok& w) { InsertText(w.data); })) return;
      break;
    case TokenType::kComment:
      InsertComment(t.data);
      return;
    case TokenType::kDoctype:
      return;
    case TokenType::kStartTag:
      switch (t.tag) {
        case Tag::kHtml:
          return ModeInBody(t);
        case Tag::kBody:
          InsertHtml(t);
          frameset_ok_ = false;
          mode_ = Mode::kInBody;
          return;
        case Tag::kFrameset:
          InsertHtml(t);
          mode_ = Mode::kInFrameset;
          return;
        case Tag::kBase: case Tag::kBasefont: case Tag::kBgsound: case Tag::kLink: case Tag::kMeta:
        case Tag::kNoframes: case Tag::kScript: case Tag::kStyle: case Tag::kTemplate: case Tag::kTitle: {
          Elem* head = head_;
          Push(head);
          ModeInHead(t);
          RemoveFromStack(head);
          return;
        }
        case Tag::kHead:
          return;
        default:
          break;
      }
      break;
    case TokenType::kEndTag:
      if (t.tag == Tag::kTemplate) return ModeInHead(t);
      if (t.tag != Tag::kBody && t.tag != Tag::kHtml && t.tag != Tag::kBr) return;
      break;
    case TokenType::kEof:
      break;
  }
  InsertHtml(Tok::Start(Tag::kBody));
  mode_ = Mode::kInBody;
  ModeInBody(t);
}

void TreeBuilder::ModeText(Tok& t) {
  switch (t.type) {
    case TokenType::kCharacters:
      InsertText(t.data);
      return;
    case TokenType::kEof:
      Pop();
      mode_ = orig_mode_;
      return ProcessInMode(mode_, t);
    case TokenType::kEndTag:
      Pop();
      mode_ = orig_mode_;
      return;
    default:
      return;
  }
}

void TreeBuilder::ModeAfterBody(Tok& t) {
  switch (t.type) {
    case TokenType::kCharacters:
      if (!SplitLeadingWs(t, [this](Tok& w) { ModeInBody(w); })) return;
      break;
    case TokenType::kComment:
      InsertComment(t.data, &stack_[0]->node);
      return;
    case TokenType::kDoctype:
      return;
    case TokenType::kStartTag:
      if (t.tag == Tag::kHtml) return ModeInBody(t);
      break;
    case TokenType::kEndTag:
      if (t.tag == Tag::kHtml) {
        if (!fragment_) mode_ = Mode::kAfterAfterBody;
        return;
      }
      break;
    case TokenType::kEof:
      done_ = true;
      return;
  }
  mode_ = Mode::kInBody;
  ModeInBody(t);
}

void TreeBuilder::ModeInFrameset(Tok& t) {
  switch (t.type) {
    case TokenType::kCharacters:
      if (AllWs(t.data)) InsertText(t.data);
      else InsertText(OnlyWs(t.data));
      return;
    case TokenType::kComment:
      InsertComment(t.data);
      return;
    case TokenType::kStartTag:
      switch (t.tag) {
        case Tag::kHtml: return ModeInBody(t);
        case Tag::kFrameset: InsertHtml(t); return;
        case Tag::kFrame: InsertHtml(t); Pop(); return;
        case Tag::kNoframes: return ModeInHead(t);
        default: return;
      }
    case TokenType::kEndTag:
      if (t.tag == Tag::kFrameset) {
        if (stack_.size() == 1) return;
        Pop();
        if (!fragment_ && !CurrentIs(Tag::kFrameset)) mode_ = Mode::kAfterFrameset;
      }
      return;
    case TokenType::kEof:
      done_ = true;
      return;
    default:
      return;
  }
}

void TreeBuilder::ModeAfterFrameset(Tok& t) {
  switch (t.type) {
    case TokenType::kCharacters:
      InsertText(OnlyWs(t.data));
      return;
    case TokenType::kComment:
      InsertComment(t.data);
      return;
    case TokenType::kStartTag:
      if (t.tag == Tag::kHtml) return ModeInBody(t);
      if (t.tag == Tag::kNoframes) return ModeInHead(t);
      return;
    case TokenType::kEndTag:
      if (t.tag == Tag::kHtml) mode_ = Mode::kAfterAfterFrameset;
      return;
    case TokenType::kEof:
      done_ = true;
      return;
    default:
      return;
  }
}

void TreeBuilder::ModeAfterAfterBody(Tok& t) {
  switch (t.type) {
    case TokenType::kComment:
      InsertComment(t.data, root_);
      return;
    case TokenType::kDoctype:
      return ModeInBody(t);
    case TokenType::kCharacters:
      if (!SplitLeadingWs(t, [this](Tok& w) { ModeInBody(w); })) return;
      break;
    case TokenType::kStartTag:
      if (t.tag == Tag::kHtml) return ModeInBody(t);
      break;
    case TokenType::kEof:
      done_ = true;
      return;
    default:
      break;
  }
  mode_ = Mode::kInBody;
  ModeInBody(t);
}

void TreeBuilder::ModeAfterAfterFrameset(Tok& t) {
  switch (t.type) {
    case TokenType::kComment:
      InsertComment(t.data, root_);
      return;
    case TokenType::kDoctype:
      return ModeInBody(t);
    case TokenType::kCharacters: {
      std::string ws = OnlyWs(t.data);
      if (ws.empty()) return;
      Tok w = t;
      w.data = ws;
      return ModeInBody(w);
    }
    case TokenType::kStartTag:
      if (t.tag == Tag::kHtml) return ModeInBody(t);
      if (t.tag == Tag::kNoframes) return ModeInHead(t);
      return;
    case TokenType::kEof:
      done_ = true;
      return;
    default:
      return;
  }
}

}  // namespace matn::html
