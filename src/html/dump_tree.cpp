// src/html/dump_tree.cpp — html5lib-tests' tree format, iteratively.
#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "matn/html.h"

namespace matn {
namespace {

std::string AttrDisplayName(const Attribute& a) {
  switch (a.ns()) {
    case AttrNamespace::kXLink: return "xlink " + std::string(a.name());
    case AttrNamespace::kXml: return "xml " + std::string(a.name());
    case AttrNamespace::kXmlns: return "xmlns " + std::string(a.name());
    case AttrNamespace::kNone: break;
  }
  return std::string(a.name());
}

void Line(std::string* out, int depth) {
  out->append("| ");
  out->append(static_cast<size_t>(depth) * 2, ' ');
}

void DumpNode(const Node* n, int depth, std::string* out) {
  switch (n->type) {
    case NodeType::kDocument:
    case NodeType::kDocumentFragment:
      return;
    case NodeType::kDoctype:
      Line(out, depth);
      out->append("<!DOCTYPE ").append(n->name());
      if (n->num_attrs() == 2) {
        out->append(" \"").append(n->attrs()[0].value()).append("\" \"").append(n->attrs()[1].value()).append("\"");
      }
      out->append(">\n");
      return;
    case NodeType::kText:
      Line(out, depth);
      out->append("\"").append(n->data()).append("\"\n");
      return;
    case NodeType::kComment:
      Line(out, depth);
      out->append("<!-- ").append(n->data()).append(" -->\n");
      return;
    case NodeType::kElement:
      break;
  }
  Line(out, depth);
  out->append("<");
  if (n->ns == Namespace::kSvg) out->append("svg ");
  else if (n->ns == Namespace::kMathMl) out->append("math ");
  out->append(n->name()).append(">\n");
  if (n->num_attrs()) {
    std::vector<std::pair<std::string, std::string_view>> attrs;
    attrs.reserve(n->num_attrs());
    for (uint32_t i = 0; i < n->num_attrs(); ++i) attrs.emplace_back(AttrDisplayName(n->attrs()[i]), n->attrs()[i].value());
    std::sort(attrs.begin(), attrs.end());
    for (const auto& [name, value] : attrs) {
      Line(out, depth + 1);
      out->append(name).append("=\"").append(value).append("\"\n");
    }
  }
}

}  // namespace

std::string DumpTree(const Node* root) {
  std::string out;
  if (!root) return out;
  // Explicit stack of (node, depth); a null node means the "content" line of a
  // template at that depth.
  std::vector<std::pair<const Node*, int>> todo;
  auto push_children = [&todo](const Node* parent, int depth) {
    for (const Node* c = parent->last_child(); c; c = c->prev_sibling()) todo.emplace_back(c, depth);
  };
  if (root->type == NodeType::kDocument || root->type == NodeType::kDocumentFragment) push_children(root, 0);
  else todo.emplace_back(root, 0);
  while (!todo.empty()) {
    auto [n, depth] = todo.back();
    todo.pop_back();
    if (!n) {
      Line(&out, depth);
      out.append("content\n");
      continue;
    }
    DumpNode(n, depth, &out);
    push_children(n, depth + 1);
    if (n->template_contents()) {
      push_children(n->template_contents(), depth + 2);
      todo.emplace_back(nullptr, depth + 1);
    }
  }
  return out;
}

}  // namespace matn
