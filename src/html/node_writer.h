// src/html/node_writer.h — the parser's write access to Node and Attribute,
// whose storage is private (see node.cpp for the layout and its hidden slot).
#pragma once

#include <cstdint>
#include <string_view>

#include "html/arena.h"
#include "matn/html.h"

namespace matn::html {

class NodeWriter {
 public:
  // ---- contents
  static void SetData(Node* n, std::string_view d) {
    n->u_.data = d.data();
    n->len_ = static_cast<uint32_t>(d.size());
  }
  // `a` holds `count` attributes, then the hidden slot when the node needs
  // one (HasHiddenSlot).
  static void SetAttrs(Node* n, Attribute* a, uint32_t count) {
    n->u_.attrs = a;
    n->len_ = count;
  }
  static Attribute* MutableAttrs(Node* n) { return n->u_.attrs; }
  // Element tag/namespace decide whether the node has a hidden slot.
  static bool HasHiddenSlot(const Node* n, Tag tag, Namespace ns) {
    return n->type == NodeType::kDoctype || tag == Tag::kUnknown || (tag == Tag::kTemplate && ns == Namespace::kHtml);
  }
  // Allocates attrs + a hidden slot (when needed) and stores the pointer;
  // the attributes themselves are left for the caller (default-constructed).
  static Attribute* AllocAttrs(Arena& arena, Node* n, uint32_t count, bool hidden) {
    const uint32_t total = count + (hidden ? 1 : 0);
    Attribute* a = nullptr;
    if (total) {
      a = static_cast<Attribute*>(arena.Alloc(sizeof(Attribute) * total, alignof(Attribute)));
      if (hidden) new (a + count) Attribute();
    }
    SetAttrs(n, a, count);
    return a;
  }
  static void SetHiddenName(Node* n, std::string_view name) { n->u_.attrs[n->len_] = Attribute(name, {}); }
  static void SetTemplateContents(Node* n, Node* contents) {
    n->u_.attrs[n->len_].name_ = reinterpret_cast<const char*>(contents);
  }
  // Attribute's constructor without its clamps: the tokenizer cuts names at
  // kMaxNameSize and ParseDocument's input limit keeps values under 4 GiB.
  static Attribute RawAttr(std::string_view name, std::string_view value, AttrNamespace ns = AttrNamespace::kNone) {
    Attribute a;
    a.name_ = name.data();
    a.value_ = value.data();
    a.name_len_ = static_cast<uint32_t>(name.size()) | static_cast<uint32_t>(ns) << 30;
    a.value_len_ = static_cast<uint32_t>(value.size());
    return a;
  }

  // ---- links (prev_or_last_: previous sibling, or for a first child its parent's last child)
  static void Append(Node* parent, Node* child) {
    child->parent = parent;
    child->next_sibling = nullptr;
    Node* first = parent->first_child;
    if (!first) {
      parent->first_child = child;
      child->prev_or_last_ = child;
    } else {
      Node* last = first->prev_or_last_;
      last->next_sibling = child;
      child->prev_or_last_ = last;
      first->prev_or_last_ = child;
    }
  }
  static void InsertBefore(Node* parent, Node* child, Node* ref) {
    child->parent = parent;
    child->next_sibling = ref;
    Node* before = ref->prev_or_last_;  // ref's previous sibling, or the last child when ref is first
    if (parent->first_child == ref) parent->first_child = child;
    else before->next_sibling = child;
    child->prev_or_last_ = before;
    ref->prev_or_last_ = child;
  }
  static void Detach(Node* n) {
    Node* p = n->parent;
    if (!p) return;
    Node* next = n->next_sibling;
    Node* before = n->prev_or_last_;
    if (p->first_child == n) {
      p->first_child = next;
      if (next) next->prev_or_last_ = before;  // the last child (not n: next exists)
    } else {
      before->next_sibling = next;
      if (next) next->prev_or_last_ = before;
      else p->first_child->prev_or_last_ = before;  // n was the last child
    }
    Unlink(n);
  }
  static void Unlink(Node* n) { n->parent = n->next_sibling = n->prev_or_last_ = nullptr; }
  static void ClearChildren(Node* n) { n->first_child = nullptr; }
};

}  // namespace matn::html
