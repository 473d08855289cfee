#include "matn/html.h"

namespace matn {

const Attribute* Node::FindAttr(std::string_view attr_name) const {
  for (uint32_t i = 0; i < num_attrs; ++i)
    if (attrs[i].ns == AttrNamespace::kNone && attrs[i].name == attr_name) return &attrs[i];
  return nullptr;
}

std::string_view Node::Attr(std::string_view attr_name) const {
  const Attribute* a = FindAttr(attr_name);
  return a ? a->value : std::string_view();
}

const Node* NextInPreorder(const Node* n, const Node* root, bool skip_children) {
  if (!n) return nullptr;
  if (!skip_children && n->first_child) return n->first_child;
  while (n && n != root) {
    if (n->next_sibling) return n->next_sibling;
    n = n->parent;
  }
  return nullptr;
}

}  // namespace matn
