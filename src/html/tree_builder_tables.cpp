// src/html/tree_builder_tables.cpp — the table insertion modes (in table, in
// table text, in caption, in column group, in table body, in row, in cell)
// and in template.
#include <cstring>

#include "html/tree_builder_impl.h"

namespace matn::html {
namespace {

bool IsHiddenInput(const Tok& t) {
  for (uint32_t i = 0; i < t.num_attrs; ++i) {
    if (t.attrs[i].name != "type") continue;
    std::string_view v = t.attrs[i].value;
    if (v.size() != 6) return false;
    for (size_t k = 0; k < 6; ++k) {
      char c = v[k];
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c | 0x20);
      if (c != "hidden"[k]) return false;
    }
    return true;
  }
  return false;
}

}  // namespace

void TreeBuilder::ClearStackBackTo(std::initializer_list<Tag> tags) {
  while (stack_.size() > 1) {
    const Node& n = CurrentNode()->node;
    if (n.ns == Namespace::kHtml)
      for (Tag t : tags)
        if (n.tag == t) return;
    Pop();
  }
}

void TreeBuilder::TableAnythingElse(Tok& t) {
  foster_ = true;
  ModeInBody(t);
  foster_ = false;
}

void TreeBuilder::ModeInTable(Tok& t) {
  switch (t.type) {
    case TokenType::kCharacters: {
      const Node& n = CurrentNode()->node;
      if (n.ns == Namespace::kHtml &&
          (n.tag == Tag::kTable || n.tag == Tag::kTbody || n.tag == Tag::kTemplate || n.tag == Tag::kTfoot ||
           n.tag == Tag::kThead || n.tag == Tag::kTr)) {
        table_text_.clear();
        table_text_nonws_ = false;
        orig_mode_ = mode_;
        mode_ = Mode::kInTableText;
        return ModeInTableText(t);
      }
      return TableAnythingElse(t);
    }
    case TokenType::kComment:
      return InsertComment(t.data);
    case TokenType::kDoctype:
      return;
    case TokenType::kStartTag:
      switch (t.tag) {
        case Tag::kCaption:
          ClearStackBackTo({Tag::kTable, Tag::kTemplate, Tag::kHtml});
          AfePushMarker();
          InsertHtml(t);
          mode_ = Mode::kInCaption;
          return;
        case Tag::kColgroup:
          ClearStackBackTo({Tag::kTable, Tag::kTemplate, Tag::kHtml});
          InsertHtml(t);
          mode_ = Mode::kInColumnGroup;
          return;
        case Tag::kCol:
          ClearStackBackTo({Tag::kTable, Tag::kTemplate, Tag::kHtml});
          InsertHtml(Tok::Start(Tag::kColgroup));
          mode_ = Mode::kInColumnGroup;
          return ModeInColumnGroup(t);
        case Tag::kTbody: case Tag::kTfoot: case Tag::kThead:
          ClearStackBackTo({Tag::kTable, Tag::kTemplate, Tag::kHtml});
          InsertHtml(t);
          mode_ = Mode::kInTableBody;
          return;
        case Tag::kTd: case Tag::kTh: case Tag::kTr:
          ClearStackBackTo({Tag::kTable, Tag::kTemplate, Tag::kHtml});
          InsertHtml(Tok::Start(Tag::kTbody));
          mode_ = Mode::kInTableBody;
          return ModeInTableBody(t);
        case Tag::kTable:
          if (!InScope(Tag::kTable, kLTable)) return;
          PopUntil(Tag::kTable);
          ResetInsertionMode();
          return Dispatch(t);
        case Tag::kStyle: case Tag::kScript: case Tag::kTemplate:
          return ModeInHead(t);
        case Tag::kInput:
          if (!IsHiddenInput(t)) return TableAnythingElse(t);
          InsertHtml(t);
          Pop();
          return;
        case Tag::kForm:
          if (HasOpen(Tag::kTemplate) || form_) return;
          form_ = InsertHtml(t);
          Pop();
          return;
        default:
          return TableAnythingElse(t);
      }
    case TokenType::kEndTag:
      switch (t.tag) {
        case Tag::kTable:
          if (!InScope(Tag::kTable, kLTable)) return;
          PopUntil(Tag::kTable);
          ResetInsertionMode();
          return;
        case Tag::kBody: case Tag::kCaption: case Tag::kCol: case Tag::kColgroup: case Tag::kHtml:
        case Tag::kTbody: case Tag::kTd: case Tag::kTfoot: case Tag::kTh: case Tag::kThead: case Tag::kTr:
          return;
        case Tag::kTemplate:
          return ModeInHead(t);
        default:
          return TableAnythingElse(t);
      }
    case TokenType::kEof:
      return ModeInBody(t);
  }
}

void TreeBuilder::ModeInTableText(Tok& t) {
  if (t.type == TokenType::kCharacters) {
    std::string_view s = t.data;
    for (size_t i = 0; i < s.size(); ++i) {
      char c = s[i];
      if (c == '\0') continue;
      if (!IsWs(c)) table_text_nonws_ = true;
      table_text_ += c;
    }
    return;
  }
  FlushTableText();
  mode_ = orig_mode_;
  Dispatch(t);
}

void TreeBuilder::FlushTableText() {
  if (table_text_.empty()) return;
  if (table_text_nonws_) {
    foster_ = true;
    BodyCharacters(table_text_);
    foster_ = false;
  } else {
    InsertText(table_text_);
  }
  table_text_.clear();
  table_text_nonws_ = false;
}

void TreeBuilder::ModeInCaption(Tok& t) {
  bool close = false;
  if (t.type == TokenType::kEndTag) {
    switch (t.tag) {
      case Tag::kCaption:
        if (!InScope(Tag::kCaption, kLTable)) return;
        GenerateImpliedEndTags();
        PopUntil(Tag::kCaption);
        AfeClearToMarker();
        mode_ = Mode::kInTable;
        return;
      case Tag::kTable:
        close = true;
        break;
      case Tag::kBody: case Tag::kCol: case Tag::kColgroup: case Tag::kHtml: case Tag::kTbody:
      case Tag::kTd: case Tag::kTfoot: case Tag::kTh: case Tag::kThead: case Tag::kTr:
        return;
      default:
        break;
    }
  } else if (t.type == TokenType::kStartTag) {
    switch (t.tag) {
      case Tag::kCaption: case Tag::kCol: case Tag::kColgroup: case Tag::kTbody: case Tag::kTd:
      case Tag::kTfoot: case Tag::kTh: case Tag::kThead: case Tag::kTr:
        close = true;
        break;
      default:
        break;
    }
  }
  if (!close) return ModeInBody(t);
  if (!InScope(Tag::kCaption, kLTable)) return;
  GenerateImpliedEndTags();
  PopUntil(Tag::kCaption);
  AfeClearToMarker();
  mode_ = Mode::kInTable;
  Dispatch(t);
}

void TreeBuilder::ModeInColumnGroup(Tok& t) {
  switch (t.type) {
    case TokenType::kCharacters:
      if (!SplitLeadingWs(t, [this](Tok& w) { InsertText(w.data); })) return;
      break;
    case TokenType::kComment:
      return InsertComment(t.data);
    case TokenType::kDoctype:
      return;
    case TokenType::kStartTag:
      if (t.tag == Tag::kHtml) return ModeInBody(t);
      if (t.tag == Tag::kCol) {
        InsertHtml(t);
        Pop();
        return;
      }
      if (t.tag == Tag::kTemplate) return ModeInHead(t);
      break;
    case TokenType::kEndTag:
      if (t.tag == Tag::kColgroup) {
        if (!CurrentIs(Tag::kColgroup)) return;
        Pop();
        mode_ = Mode::kInTable;
        return;
      }
      if (t.tag == Tag::kCol) return;
      if (t.tag == Tag::kTemplate) return ModeInHead(t);
      break;
    case TokenType::kEof:
      return ModeInBody(t);
  }
  if (!CurrentIs(Tag::kColgroup)) return;
  Pop();
  mode_ = Mode::kInTable;
  Dispatch(t);
}

void TreeBuilder::ModeInTableBody(Tok& t) {
  if (t.type == TokenType::kStartTag) {
    switch (t.tag) {
      case Tag::kTr:
        ClearStackBackTo({Tag::kTbody, Tag::kTfoot, Tag::kThead, Tag::kTemplate, Tag::kHtml});
        InsertHtml(t);
        mode_ = Mode::kInRow;
        return;
      case Tag::kTh: case Tag::kTd:
        ClearStackBackTo({Tag::kTbody, Tag::kTfoot, Tag::kThead, Tag::kTemplate, Tag::kHtml});
        InsertHtml(Tok::Start(Tag::kTr));
        mode_ = Mode::kInRow;
        return ModeInRow(t);
      case Tag::kCaption: case Tag::kCol: case Tag::kColgroup: case Tag::kTbody: case Tag::kTfoot:
      case Tag::kThead:
        break;
      default:
        return ModeInTable(t);
    }
  } else if (t.type == TokenType::kEndTag) {
    switch (t.tag) {
      case Tag::kTbody: case Tag::kTfoot: case Tag::kThead:
        if (!InScope(t.tag, kLTable)) return;
        ClearStackBackTo({Tag::kTbody, Tag::kTfoot, Tag::kThead, Tag::kTemplate, Tag::kHtml});
        Pop();
        mode_ = Mode::kInTable;
        return;
      case Tag::kTable:
        break;
      case Tag::kBody: case Tag::kCaption: case Tag::kCol: case Tag::kColgroup: case Tag::kHtml:
      case Tag::kTd: case Tag::kTh: case Tag::kTr:
        return;
      default:
        return ModeInTable(t);
    }
  } else {
    return ModeInTable(t);
  }
  if (!AnyInTableScope({Tag::kTbody, Tag::kThead, Tag::kTfoot})) return;
  ClearStackBackTo({Tag::kTbody, Tag::kTfoot, Tag::kThead, Tag::kTemplate, Tag::kHtml});
  Pop();
  mode_ = Mode::kInTable;
  Dispatch(t);
}

void TreeBuilder::ModeInRow(Tok& t) {
  if (t.type == TokenType::kStartTag) {
    switch (t.tag) {
      case Tag::kTh: case Tag::kTd:
        ClearStackBackTo({Tag::kTr, Tag::kTemplate, Tag::kHtml});
        InsertHtml(t);
        mode_ = Mode::kInCell;
        AfePushMarker();
        return;
      case Tag::kCaption: case Tag::kCol: case Tag::kColgroup: case Tag::kTbody: case Tag::kTfoot:
      case Tag::kThead: case Tag::kTr:
        break;
      default:
        return ModeInTable(t);
    }
  } else if (t.type == TokenType::kEndTag) {
    switch (t.tag) {
      case Tag::kTr:
        if (!InScope(Tag::kTr, kLTable)) return;
        ClearStackBackTo({Tag::kTr, Tag::kTemplate, Tag::kHtml});
        Pop();
        mode_ = Mode::kInTableBody;
        return;
      case Tag::kTable:
        break;
      case Tag::kTbody: case Tag::kTfoot: case Tag::kThead:
        if (!InScope(t.tag, kLTable)) return;
        break;
      case Tag::kBody: case Tag::kCaption: case Tag::kCol: case Tag::kColgroup: case Tag::kHtml:
      case Tag::kTd: case Tag::kTh:
        return;
      default:
        return ModeInTable(t);
    }
  } else {
    return ModeInTable(t);
  }
  if (!InScope(Tag::kTr, kLTable)) return;
  ClearStackBackTo({Tag::kTr, Tag::kTemplate, Tag::kHtml});
  Pop();
  mode_ = Mode::kInTableBody;
  Dispatch(t);
}

void TreeBuilder::CloseCell() {
  GenerateImpliedEndTags();
  static constexpr Tag kCells[] = {Tag::kTd, Tag::kTh};
  PopUntilOneOf(kCells, 2);
  AfeClearToMarker();
  mode_ = Mode::kInRow;
}

void TreeBuilder::ModeInCell(Tok& t) {
  if (t.type == TokenType::kEndTag) {
    switch (t.tag) {
      case Tag::kTd: case Tag::kTh:
        if (!InScope(t.tag, kLTable)) return;
        GenerateImpliedEndTags();
        PopUntil(t.tag);
        AfeClearToMarker();
        mode_ = Mode::kInRow;
        return;
      case Tag::kBody: case Tag::kCaption: case Tag::kCol: case Tag::kColgroup: case Tag::kHtml:
        return;
      case Tag::kTable: case Tag::kTbody: case Tag::kTfoot: case Tag::kThead: case Tag::kTr:
        if (!InScope(t.tag, kLTable)) return;
        CloseCell();
        return Dispatch(t);
      default:
        return ModeInBody(t);
    }
  }
  if (t.type == TokenType::kStartTag) {
    switch (t.tag) {
      case Tag::kCaption: case Tag::kCol: case Tag::kColgroup: case Tag::kTbody: case Tag::kTd:
      case Tag::kTfoot: case Tag::kTh: case Tag::kThead: case Tag::kTr:
        if (!AnyInTableScope({Tag::kTd, Tag::kTh})) return;
        CloseCell();
        return Dispatch(t);
      default:
        break;
    }
  }
  ModeInBody(t);
}

void TreeBuilder::ModeInTemplate(Tok& t) {
  auto switch_to = [&](Mode m) {
    template_modes_.back() = m;
    mode_ = m;
    Dispatch(t);
  };
  switch (t.type) {
    case TokenType::kCharacters: case TokenType::kComment: case TokenType::kDoctype:
      return ModeInBody(t);
    case TokenType::kStartTag:
      switch (t.tag) {
        case Tag::kBase: case Tag::kBasefont: case Tag::kBgsound: case Tag::kLink: case Tag::kMeta:
        case Tag::kNoframes: case Tag::kScript: case Tag::kStyle: case Tag::kTemplate: case Tag::kTitle:
          return ModeInHead(t);
        case Tag::kCaption: case Tag::kColgroup: case Tag::kTbody: case Tag::kTfoot: case Tag::kThead:
          return switch_to(Mode::kInTable);
        case Tag::kCol:
          return switch_to(Mode::kInColumnGroup);
        case Tag::kTr:
          return switch_to(Mode::kInTableBody);
        case Tag::kTd: case Tag::kTh:
          return switch_to(Mode::kInRow);
        default:
          return switch_to(Mode::kInBody);
      }
    case TokenType::kEndTag:
      if (t.tag == Tag::kTemplate) return ModeInHead(t);
      return;
    case TokenType::kEof:
      // The caller re-dispatches EOF until parsing stops, so nested templates
      // unwind in a loop rather than by recursion.
      if (!HasOpen(Tag::kTemplate)) {
        done_ = true;
        return;
      }
      PopUntil(Tag::kTemplate);
      AfeClearToMarker();
      template_modes_.pop_back();
      ResetInsertionMode();
      return;
  }
}

}  // namespace matn::html
