// src/html/document_impl.h — what a Document owns (internal).
#pragma once

#include <string>
#include <string_view>

#include "html/arena.h"
#include "matn/html.h"

namespace matn {

struct Document::Impl {
  std::string input;  // the UTF-8 the tree was parsed from; views point into it
  html::Arena arena;
  Node* root = nullptr;
  const Node* html = nullptr;
  const Node* head = nullptr;
  const Node* body = nullptr;
  std::string_view public_id, system_id;
  QuirksMode quirks = QuirksMode::kNoQuirks;
  size_t node_count = 0;

  Node* NewNode(NodeType type) {
    ++node_count;
    Node* n = arena.NewZeroed<Node>();  // Node's defaults are all zero but type
    n->type = type;
    return n;
  }

  void Reset() {
    input.clear();
    arena.Reset();
    root = nullptr;
    html = head = body = nullptr;
    public_id = system_id = {};
    quirks = QuirksMode::kNoQuirks;
    node_count = 0;
  }
};

}  // namespace matn
