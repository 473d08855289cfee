// libFuzzer target: the tree builder. ParseDocument (or ParseFragment with a
// context picked by the first byte), then two independent walks of the tree —
// NextInPreorder and a hand-rolled iterative one that checks every link — and
// DumpTree.
// Invariants: parsing succeeds (or fails only with kLimitExceeded); the links
// are consistent (child→parent, siblings both ways, first/last child); both
// walks visit the same nodes, each once, at most node_count() of them; every
// string in the tree is valid UTF-8; html()/head()/body() lie in the tree.
// With a small depth limit (when ParseOptions has one) all of that must hold too.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "matn/encoding.h"
#include "matn/html.h"

namespace {

void Check(bool ok) {
  if (!ok) std::abort();
}

constexpr std::string_view kContexts[] = {
    "body",   "div",      "p",        "td",       "tr",         "tbody",      "table",         "caption",
    "colgroup", "select", "template", "title",    "textarea",   "script",     "style",         "xmp",
    "iframe", "noscript", "noembed",  "plaintext", "html",      "head",       "frameset",      "li",
    "svg svg", "svg path", "svg foreignObject", "svg title", "math math", "math mi", "math annotation-xml", "a",
};

// Checks the subtree of `root` and returns how many nodes it holds, or aborts.
// Adds to *dump_cost the size DumpTree would print (indent grows with depth).
size_t CheckTree(const matn::Node* root, size_t limit, size_t* dump_cost,
                 std::vector<const matn::Node*>* templates) {
  size_t count = 0, depth = 0;
  const matn::Node* walk = root;  // NextInPreorder's view of the same walk
  for (const matn::Node* n = root; n;) {
    Check(walk == n);
    Check(++count <= limit);
    *dump_cost += depth + 1;
    Check(matn::IsValidUtf8(n->name()) && matn::IsValidUtf8(n->data()));
    for (uint32_t i = 0; i < n->num_attrs(); ++i)
      Check(matn::IsValidUtf8(n->attrs()[i].name()) && matn::IsValidUtf8(n->attrs()[i].value()));
    if (n->IsElement()) Check(!n->name().empty());
    if (n->template_contents()) templates->push_back(n->template_contents());
    // Links of n's children.
    const matn::Node* prev = nullptr;
    for (const matn::Node* c = n->first_child; c; c = c->next_sibling) {
      Check(c->parent == n && c->prev_sibling() == prev);
      Check(n->type == matn::NodeType::kElement || n->type == matn::NodeType::kDocument ||
            n->type == matn::NodeType::kDocumentFragment);
      prev = c;
    }
    Check(n->last_child() == prev);
    walk = matn::NextInPreorder(walk, root);
    // Next node: first child, else the next sibling of the nearest ancestor that has one.
    if (n->first_child) {
      n = n->first_child;
      ++depth;
      continue;
    }
    while (n != root && !n->next_sibling) {
      n = n->parent;
      --depth;
    }
    n = n == root ? nullptr : n->next_sibling;
  }
  Check(walk == nullptr);
  return count;
}

// ParseOptions::max_depth, when the parser has one: a small limit (bit 6 of
// the first byte) puts the flattening code on every input's path.
template <class O>
void SetMaxDepth(O& o, uint32_t d) {
  if constexpr (requires { o.max_depth; }) o.max_depth = d;
}

bool InTree(const matn::Node* n, const matn::Node* root) {
  for (; n; n = n->parent)
    if (n == root) return true;
  return false;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 1) return 0;
  const uint8_t ctl = data[0];
  std::string utf8;
  matn::DecodeOptions dopt;
  dopt.transport_charset = "utf-8";
  dopt.detect = false;
  Check(matn::DecodeToUtf8(std::string_view(reinterpret_cast<const char*>(data) + 1, size - 1), &utf8, nullptr, dopt).ok());
  const std::string copy = utf8;

  matn::Document doc;
  const bool fragment = ctl & 0x80;
  matn::ParseOptions po;
  if (ctl & 0x40) SetMaxDepth(po, static_cast<uint32_t>(3 + size % 61));
  matn::Status s = fragment ? matn::ParseFragment(std::move(utf8), kContexts[ctl % std::size(kContexts)], &doc, po)
                            : matn::ParseDocument(std::move(utf8), &doc, po);
  if (!s.ok()) {
    Check(s.code() == matn::Status::Code::kLimitExceeded && !s.message().empty());
    return 0;
  }
  const matn::Node* root = doc.root();
  Check(root != nullptr);
  Check(root->type == (fragment ? matn::NodeType::kDocumentFragment : matn::NodeType::kDocument));
  Check(doc.input() == copy);

  size_t dump_cost = 0, total = 0;
  std::vector<const matn::Node*> pending{root};
  while (!pending.empty()) {  // the document, then every template's contents
    const matn::Node* r = pending.back();
    pending.pop_back();
    Check(r->parent == nullptr || r == root);
    total += CheckTree(r, doc.node_count() + 1, &dump_cost, &pending);
    Check(total <= doc.node_count() + 1);
  }
  if (!fragment) {
    for (const matn::Node* n : {doc.html(), doc.head(), doc.body()}) Check(!n || InTree(n, root));
    Check(doc.html() != nullptr);  // a document always gets <html>
  }
  // DumpTree's indentation is quadratic in depth by format; skip the very deep trees.
  if (dump_cost < (size_t{8} << 20)) {
    std::string dump = matn::DumpTree(root);
    Check(dump.empty() == (root->first_child == nullptr));
  }
  return 0;
}
