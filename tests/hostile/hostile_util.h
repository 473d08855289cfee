// tests/hostile/hostile_util.h — small helpers shared by the hostile-input suite.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "matn/html.h"

namespace matn::hostile {

inline std::string Repeat(std::string_view s, size_t n) {
  std::string out;
  out.reserve(s.size() * n);
  for (size_t i = 0; i < n; ++i) out.append(s);
  return out;
}

// What a parse of hostile input must stay within: linear memory, with room
// for the arena's per-node cost (a node is ~100 bytes and "<b>" is 3 bytes).
inline size_t LinearMemoryBound(size_t input_bytes) { return 256 * input_bytes + (size_t{4} << 20); }

struct TreeStats {
  size_t nodes = 0, elements = 0, max_depth = 0;
  std::string text;  // every text node, in document order
};

// Counts iteratively (NextInPreorder), tracking depth from the parent links
// of consecutive nodes, so a 200,000-deep tree costs no stack.
inline TreeStats Stats(const Document& doc, Tag count_tag = Tag::kUnknown, size_t* tag_count = nullptr) {
  TreeStats s;
  size_t depth = 0;
  const Node* prev = nullptr;
  for (const Node* n = doc.root(); n; n = NextInPreorder(n, doc.root())) {
    if (prev) {
      if (n->parent == prev) {
        ++depth;
      } else {  // climb from prev's parent to n's parent
        for (const Node* p = prev->parent; p && p != n->parent; p = p->parent) --depth;
      }
    }
    prev = n;
    ++s.nodes;
    if (depth > s.max_depth) s.max_depth = depth;
    if (n->IsElement()) {
      ++s.elements;
      if (tag_count && n->Is(count_tag)) ++*tag_count;
    }
    if (n->IsText()) s.text.append(n->data());
  }
  return s;
}

// Every text node, template contents included (NextInPreorder does not enter them).
inline std::string AllText(const Document& doc) {
  std::string text;
  std::vector<const Node*> roots{doc.root()};
  while (!roots.empty()) {
    const Node* r = roots.back();
    roots.pop_back();
    for (const Node* n = r; n; n = NextInPreorder(n, r)) {
      if (n->template_contents()) roots.push_back(n->template_contents());
      if (n->IsText()) text.append(n->data());
    }
  }
  return text;
}

inline size_t Count(std::string_view hay, std::string_view needle) {
  size_t n = 0;
  for (size_t p = hay.find(needle); p != std::string_view::npos; p = hay.find(needle, p + needle.size())) ++n;
  return n;
}

}  // namespace matn::hostile
