// Node storage. A Node is 48 bytes: the public links, type/ns/tag, and
//   prev_or_last_  the previous sibling; for a first child, its parent's last
//                  child (so last_child() is one load and a node needs no
//                  separate last-child field);
//   u_ + len_      text/comment: the data; element/doctype: the attribute
//                  array and its count.
// An element whose name is not a known Tag, a doctype, and an HTML <template>
// need one more word: it lives in a hidden Attribute slot right after the
// visible ones, attrs[len_]. Its name holds the element's or doctype's name;
// for a template, its name pointer holds the contents fragment (Node*).
// Known tags take their name from a static table per namespace instead.
#include "matn/html.h"

#include <array>

#include "html/tag_lookup.h"

namespace matn {

static_assert(sizeof(Attribute) == 24);
static_assert(sizeof(Node) == 48);
static_assert(static_cast<uint32_t>(AttrNamespace::kXmlns) < 4);

namespace html {
std::string_view AdjustSvgElementName(std::string_view lowercase);  // tree_builder_foreign.cpp
}

namespace {

// Names of known tags in SVG (the spec's case-adjusted spelling: "foreignObject").
const std::array<std::string_view, tag_lookup::kNumTags>& SvgNames() {
  static const auto names = [] {
    std::array<std::string_view, tag_lookup::kNumTags> a;
    for (size_t i = 0; i < a.size(); ++i) a[i] = html::AdjustSvgElementName(tag_lookup::kNames[i]);
    return a;
  }();
  return names;
}

}  // namespace

std::string_view Node::name() const {
  if (type == NodeType::kElement && tag != Tag::kUnknown) {
    const size_t i = static_cast<size_t>(tag);
    return ns == Namespace::kSvg ? SvgNames()[i] : tag_lookup::kNames[i];
  }
  return HasAttrs() ? u_.attrs[len_].name() : std::string_view();
}

const Attribute* Node::FindAttr(std::string_view attr_name) const {
  const Attribute* a = attrs();
  for (uint32_t i = 0, n = num_attrs(); i < n; ++i)
    if (a[i].ns() == AttrNamespace::kNone && a[i].name() == attr_name) return &a[i];
  return nullptr;
}

std::string_view Node::Attr(std::string_view attr_name) const {
  const Attribute* a = FindAttr(attr_name);
  return a ? a->value() : std::string_view();
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
