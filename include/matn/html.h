// matn/html.h — the HTML5 parser and the document tree it builds.
//
// matn parses HTML the way a browser does with scripting off: the WHATWG
// tokenizer and tree-construction algorithm, including tables and foster
// parenting, the adoption agency algorithm, SVG/MathML foreign content,
// templates and fragment parsing. Any byte sequence parses to a tree; there is
// no "invalid HTML" error, only inputs that break a configured limit.
//
// USAGE
//
//   matn::Document doc;
//   matn::Status s = matn::ParseDocument(std::move(utf8), &doc);
//   for (const matn::Node* n = doc.root(); n; n = matn::NextInPreorder(n, doc.root())) {
//     if (n->Is(matn::Tag::kP)) ...
//   }
//
// MEMORY
//
// All nodes, attributes and copied strings live in one arena owned by the
// Document and are freed together, in time independent of the tree's shape.
// Text and attribute values point into the input (which the Document keeps)
// whenever the bytes there are already the final text; they are copied only
// when the parser had to change them (character references, CRLF, NUL, or
// text merged from several tokens). Views stay valid while the Document lives.
// A Node is 48 bytes and an Attribute 24 (an element's node carries 16 more
// bytes of parser state), so the tree of a typical page takes 0.1-0.3 times
// the input's size, and of the densest real pages (Wikipedia: 24,000 nodes
// per MB) about 1.7 times.
//
// The tree is read-only: Node's link fields (parent, first_child,
// next_sibling) are public for speed, the rest is behind accessors (name(),
// data(), attrs(), last_child(), prev_sibling(), template_contents() ...).
//
// COMPLEXITY
//
// Time and memory are linear in the input, whatever its nesting: no part of
// the parser recurses over tree depth, scope checks are constant time, and
// teardown does not walk the tree. Tree walks in callers should use
// NextInPreorder() rather than recursion for the same reason.
//
// THREAD SAFETY
//
// A Document is not synchronised; distinct Documents may be used on distinct
// threads freely. Parse functions keep no global mutable state.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "matn/status.h"

namespace matn {

enum class NodeType : uint8_t { kDocument, kDocumentFragment, kDoctype, kElement, kText, kComment };

// The element's namespace. Attributes of foreign elements may have their own (AttrNamespace).
enum class Namespace : uint8_t { kHtml, kSvg, kMathMl };

enum class AttrNamespace : uint8_t { kNone, kXLink, kXml, kXmlns };

enum class QuirksMode : uint8_t { kNoQuirks, kLimitedQuirks, kQuirks };

// Ids for element names the parser or extractor needs to recognise quickly.
// Foreign elements get an id too when their (case-adjusted, lowercased) name
// matches; always check Node::ns as well, e.g. SVG <title> is not HTML <title>.
#define MATN_TAG_LIST(X)                                                                       \
  X(A, "a") X(Abbr, "abbr") X(Address, "address") X(AnnotationXml, "annotation-xml")           \
  X(Applet, "applet") X(Area, "area") X(Article, "article") X(Aside, "aside")                  \
  X(Audio, "audio") X(B, "b") X(Base, "base") X(Basefont, "basefont") X(Bdi, "bdi")            \
  X(Bdo, "bdo") X(Bgsound, "bgsound") X(Big, "big") X(Blink, "blink")                          \
  X(Blockquote, "blockquote") X(Body, "body") X(Br, "br") X(Button, "button")                  \
  X(Canvas, "canvas") X(Caption, "caption") X(Center, "center") X(Cite, "cite")                \
  X(Code, "code") X(Col, "col") X(Colgroup, "colgroup") X(Data, "data")                        \
  X(Datalist, "datalist") X(Dd, "dd") X(Del, "del") X(Desc, "desc") X(Details, "details")      \
  X(Dfn, "dfn") X(Dialog, "dialog") X(Dir, "dir") X(Div, "div") X(Dl, "dl") X(Dt, "dt")        \
  X(Em, "em") X(Embed, "embed") X(Fieldset, "fieldset") X(Figcaption, "figcaption")            \
  X(Figure, "figure") X(Font, "font") X(Footer, "footer") X(ForeignObject, "foreignobject")    \
  X(Form, "form") X(Frame, "frame") X(Frameset, "frameset") X(H1, "h1") X(H2, "h2")            \
  X(H3, "h3") X(H4, "h4") X(H5, "h5") X(H6, "h6") X(Head, "head") X(Header, "header")          \
  X(Hgroup, "hgroup") X(Hr, "hr") X(Html, "html") X(I, "i") X(Iframe, "iframe")                \
  X(Image, "image") X(Img, "img") X(Input, "input") X(Ins, "ins") X(Isindex, "isindex")        \
  X(Kbd, "kbd") X(Keygen, "keygen") X(Label, "label") X(Legend, "legend") X(Li, "li")          \
  X(Link, "link") X(Listing, "listing") X(Main, "main") X(Malignmark, "malignmark")            \
  X(Map, "map") X(Mark, "mark") X(Marquee, "marquee") X(Math, "math") X(Menu, "menu")          \
  X(Menuitem, "menuitem") X(Meta, "meta") X(Meter, "meter") X(Mglyph, "mglyph") X(Mi, "mi")    \
  X(Mn, "mn") X(Mo, "mo") X(Ms, "ms") X(Mtext, "mtext") X(Nav, "nav") X(Nobr, "nobr")          \
  X(Noembed, "noembed") X(Noframes, "noframes") X(Noscript, "noscript") X(Object, "object")    \
  X(Ol, "ol") X(Optgroup, "optgroup") X(Option, "option") X(Output, "output") X(P, "p")        \
  X(Param, "param") X(Picture, "picture") X(Plaintext, "plaintext") X(Pre, "pre")              \
  X(Progress, "progress") X(Q, "q") X(Rb, "rb") X(Rp, "rp") X(Rt, "rt") X(Rtc, "rtc")          \
  X(Ruby, "ruby") X(S, "s") X(Samp, "samp") X(Script, "script") X(Search, "search")            \
  X(Section, "section") X(Select, "select") X(Slot, "slot") X(Small, "small")                  \
  X(Source, "source") X(Span, "span") X(Strike, "strike") X(Strong, "strong")                  \
  X(Style, "style") X(Sub, "sub") X(Summary, "summary") X(Sup, "sup") X(Svg, "svg")            \
  X(Table, "table") X(Tbody, "tbody") X(Td, "td") X(Template, "template")                      \
  X(Textarea, "textarea") X(Tfoot, "tfoot") X(Th, "th") X(Thead, "thead") X(Time, "time")      \
  X(Title, "title") X(Tr, "tr") X(Track, "track") X(Tt, "tt") X(U, "u") X(Ul, "ul")            \
  X(Var, "var") X(Video, "video") X(Wbr, "wbr") X(Xmp, "xmp")

enum class Tag : uint16_t {
  kUnknown = 0,
#define MATN_TAG_ENUM(id, str) k##id,
  MATN_TAG_LIST(MATN_TAG_ENUM)
#undef MATN_TAG_ENUM
};

// Tag id for an ASCII-lowercase element name; Tag::kUnknown when matn has none.
Tag LookupTag(std::string_view lowercase_name);
// The lowercase name of a known tag ("" for kUnknown).
std::string_view TagName(Tag tag);

namespace html {
class NodeWriter;  // the parser's write access to nodes (internal)
}

// An attribute: 24 bytes, views into the input or the Document's arena.
// Names are at most kMaxNameSize bytes (1 GiB - 1): the namespace shares the
// name's length word. The parser truncates longer names (a parse error).
class Attribute {
 public:
  static constexpr size_t kMaxNameSize = (size_t{1} << 30) - 1;

  Attribute() = default;
  // A name longer than kMaxNameSize (a value longer than 4 GiB - 1) is truncated.
  Attribute(std::string_view name, std::string_view value, AttrNamespace ns = AttrNamespace::kNone)
      : name_(name.data()),
        value_(value.data()),
        name_len_(static_cast<uint32_t>(name.size() < kMaxNameSize ? name.size() : kMaxNameSize) |
                  static_cast<uint32_t>(ns) << 30),
        value_len_(static_cast<uint32_t>(value.size() < UINT32_MAX ? value.size() : UINT32_MAX)) {}

  // Lowercase for HTML; case-adjusted for SVG/MathML (e.g. "viewBox").
  std::string_view name() const { return {name_, name_len_ & kMaxNameSize}; }
  // Character references decoded.
  std::string_view value() const { return {value_, value_len_}; }
  // Set only for adjusted foreign attributes (xlink:href …).
  AttrNamespace ns() const { return static_cast<AttrNamespace>(name_len_ >> 30); }

 private:
  friend class html::NodeWriter;
  friend struct Node;
  const char* name_ = nullptr;
  const char* value_ = nullptr;
  uint32_t name_len_ = 0;  // low 30 bits: name size; top 2: AttrNamespace
  uint32_t value_len_ = 0;
};

// A node of the tree: 48 bytes. The links below are public for reading (do
// not write them: the parser owns the tree); everything else is reached
// through accessors, which answer sensibly for every node type (an empty view,
// 0 or nullptr when the type has no such thing).
struct Node {
  NodeType type = NodeType::kElement;
  Namespace ns = Namespace::kHtml;  // elements only
  Tag tag = Tag::kUnknown;          // elements only

 private:
  uint32_t len_ = 0;  // text/comment: data size; element/doctype: attribute count

 public:
  Node* parent = nullptr;
  Node* first_child = nullptr;
  Node* next_sibling = nullptr;

  // Element local name (as the spec spells it: "div", SVG "foreignObject");
  // doctype name; "" for other nodes.
  std::string_view name() const;
  // Text and comment contents; "" for other nodes.
  std::string_view data() const {
    return type >= NodeType::kText ? std::string_view(u_.data, len_) : std::string_view();
  }
  // Attributes of an element, in source order; num_attrs() of them. (A
  // kDoctype node whose token had a public or system identifier carries both
  // as attrs()[0] "public" and attrs()[1] "system", num_attrs() == 2.)
  const Attribute* attrs() const { return HasAttrs() ? u_.attrs : nullptr; }
  uint32_t num_attrs() const { return HasAttrs() ? len_ : 0; }
  Node* last_child() const { return first_child ? first_child->prev_or_last_ : nullptr; }
  Node* prev_sibling() const {
    Node* p = prev_or_last_;
    return p && p->next_sibling == this ? p : nullptr;
  }
  // <template> only: a kDocumentFragment holding its contents.
  Node* template_contents() const {
    return Is(Tag::kTemplate) ? reinterpret_cast<Node*>(const_cast<char*>(u_.attrs[len_].name_)) : nullptr;
  }

  bool IsElement() const { return type == NodeType::kElement; }
  bool IsText() const { return type == NodeType::kText; }
  // An HTML element with this tag.
  bool Is(Tag t) const { return type == NodeType::kElement && ns == Namespace::kHtml && tag == t; }
  // The attribute called `name` (no namespace), or nullptr.
  const Attribute* FindAttr(std::string_view name) const;
  // Its value, or "" when absent (use FindAttr to tell absent from empty).
  std::string_view Attr(std::string_view name) const;

 private:
  friend class html::NodeWriter;
  bool HasAttrs() const { return type == NodeType::kElement || type == NodeType::kDoctype; }
  // The previous sibling; for a first child, its parent's last child.
  Node* prev_or_last_ = nullptr;
  union {
    const char* data;  // text/comment
    Attribute* attrs;  // element/doctype (see node.cpp for what may follow attrs[len_ - 1])
  } u_ = {nullptr};
};

// The next node after `n` in document order within the subtree of `root`, or
// nullptr at the end. With skip_children, `n`'s subtree is skipped. Iterative,
// so safe on trees of any depth.
const Node* NextInPreorder(const Node* n, const Node* root, bool skip_children = false);

struct ParseOptions {
  // Scripting flag of the spec. Only false (the way a crawler sees a page) is supported.
  bool scripting = false;
  // Most elements open at once (the stack of open elements); 0 = unlimited.
  // At the limit a new element is still created, with its attributes, and
  // inserted as a child of the current node, but it is not opened: what
  // follows goes beside it instead of into it, so the tree stops getting
  // deeper and no text is lost. Void, raw-text (script, style, title,
  // textarea...) and table-part elements are still opened, which may exceed
  // the limit by a few levels. Browsers flatten at 512 (Blink, WebKit); the
  // default is ten times that, far above any real page (a few hundred at
  // most), and keeps hostile input from producing trees deep enough to hurt
  // consumers whose cost grows with depth.
  uint32_t max_depth = 5000;
};

// A parsed document (or fragment) and the memory behind it.
class Document {
 public:
  Document();
  ~Document();
  Document(Document&&) noexcept;
  Document& operator=(Document&&) noexcept;
  Document(const Document&) = delete;
  Document& operator=(const Document&) = delete;

  // The kDocument node (kDocumentFragment after ParseFragment). Null before parsing.
  const Node* root() const;
  // Shortcuts to the html, head and body (or frameset) elements; null when absent.
  const Node* html() const;
  const Node* head() const;
  const Node* body() const;
  // The doctype's public and system identifiers ("" when absent).
  std::string_view doctype_public_id() const;
  std::string_view doctype_system_id() const;
  QuirksMode quirks_mode() const;
  // The UTF-8 input the tree was parsed from.
  std::string_view input() const;
  // Nodes created (all types) and bytes held by the arena.
  size_t node_count() const;
  size_t memory_used() const;

  // Parser internals; not part of the stable API.
  struct Impl;
  Impl* impl() { return impl_.get(); }

 private:
  std::unique_ptr<Impl> impl_;
};

// The largest input the parse functions accept (1 GiB). Node and Attribute
// store sizes in 32 bits, and no text, comment or attribute value can grow to
// more than three times the input (a NUL becomes U+FFFD, three bytes).
inline constexpr size_t kMaxInputSize = size_t{1} << 30;

// Parses a whole document. `utf8` must be valid UTF-8 (the encoding layer's
// output always is); the Document takes it over. Replaces any previous content
// of *doc (an input over kMaxInputSize leaves it empty). Fails only when a
// limit is exceeded.
Status ParseDocument(std::string utf8, Document* doc, const ParseOptions& options = {});

// Parses `utf8` as the innerHTML of a context element, per the spec's fragment
// parsing algorithm. `context` names the element as html5lib-tests does:
// "td", "svg path", "math annotation-xml". The result's root() is a
// kDocumentFragment whose children are the parsed nodes.
Status ParseFragment(std::string utf8, std::string_view context, Document* doc,
                     const ParseOptions& options = {});

// The tree under `root` in html5lib-tests' format: one "| "-prefixed line per
// node, two spaces of indent per level, attributes sorted. Used by `matn tree`
// and the conformance tests.
std::string DumpTree(const Node* root);

}  // namespace matn
