// The compact Node: every accessor agrees with what the spec's tree holds,
// and the backward links (kept implicitly, see src/html/node.cpp) agree with
// the forward ones after the tree builder's moves (adoption agency, foster
// parenting, reparenting of <html>/<body> attributes, selectedcontent).
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "matn/html.h"

namespace matn {
namespace {

static_assert(sizeof(Node) == 48);
static_assert(sizeof(Attribute) == 24);

// Every node under root, templates' contents included: children's parent,
// prev_sibling() and last_child() must match the next_sibling chain.
size_t CheckLinks(const Node* root) {
  size_t nodes = 0;
  std::vector<const Node*> todo{root};
  while (!todo.empty()) {
    const Node* n = todo.back();
    todo.pop_back();
    ++nodes;
    EXPECT_EQ(n->prev_sibling() == nullptr, !n->parent || n->parent->first_child == n);
    const Node* prev = nullptr;
    for (const Node* c = n->first_child; c; c = c->next_sibling) {
      EXPECT_EQ(c->parent, n);
      EXPECT_EQ(c->prev_sibling(), prev);
      prev = c;
      todo.push_back(c);
    }
    EXPECT_EQ(n->last_child(), prev);
    if (const Node* t = n->template_contents()) {
      EXPECT_EQ(t->type, NodeType::kDocumentFragment);
      todo.push_back(t);
    }
  }
  return nodes;
}

const Node* Find(const Node* root, std::string_view name) {
  for (const Node* n = root; n; n = NextInPreorder(n, root))
    if (n->IsElement() && n->name() == name) return n;
  return nullptr;
}

TEST(Node, LinksSurviveTreeSurgery) {
  const char* kPages[] = {
      "<p>1<b>2<i>3<p>4</b>5</i>6",                          // adoption agency
      "<table>a<tr>b<td>c</td>d</tr>e</table>f",             // foster parenting
      "<a><p>x<a>y</a>z</p></a><b><b><b><b>w</b></b></b></b>",  // Noah's Ark, reconstruction
      "<body a=1><body b=2 a=3><html c=4>",                  // attribute merges
      "<select><button><selectedcontent></selectedcontent></button><option>o<b>p</b></option></select>",
      "<template><tr><td>1</td></tr><template>x</template></template><table><template>t</template></table>",
      "<div><p></div>text<!--c--><frameset>",
  };
  for (const char* page : kPages) {
    Document doc;
    ASSERT_TRUE(ParseDocument(page, &doc).ok());
    EXPECT_EQ(CheckLinks(doc.root()), doc.node_count()) << page;  // nothing detached here
  }
}

TEST(Node, NamesByKindOfElement) {
  Document doc;
  ASSERT_TRUE(ParseDocument("<!DOCTYPE html><my-widget data-x=1><svg><foreignObject/><clipPath/><circle/>"
                            "<desc></desc></svg><math><mi>x</mi><annotation-xml/></math><DIV></DIV>",
                            &doc)
                  .ok());
  const Node* dt = doc.root()->first_child;
  ASSERT_EQ(dt->type, NodeType::kDoctype);
  EXPECT_EQ(dt->name(), "html");
  EXPECT_EQ(dt->num_attrs(), 0u);  // the hidden name slot is not an attribute
  const Node* w = Find(doc.root(), "my-widget");
  ASSERT_NE(w, nullptr);
  EXPECT_EQ(w->tag, Tag::kUnknown);
  ASSERT_EQ(w->num_attrs(), 1u);
  EXPECT_EQ(w->attrs()[0].name(), "data-x");
  EXPECT_EQ(w->Attr("data-x"), "1");
  EXPECT_EQ(w->FindAttr("my-widget"), nullptr);
  const Node* fo = Find(doc.root(), "foreignObject");  // SVG spelling of a known tag
  ASSERT_NE(fo, nullptr);
  EXPECT_EQ(fo->ns, Namespace::kSvg);
  EXPECT_EQ(fo->tag, Tag::kForeignObject);
  const Node* cp = Find(doc.root(), "clipPath");  // SVG spelling of an unknown tag
  ASSERT_NE(cp, nullptr);
  EXPECT_EQ(cp->tag, Tag::kUnknown);
  EXPECT_NE(Find(doc.root(), "circle"), nullptr);
  EXPECT_EQ(Find(doc.root(), "desc")->ns, Namespace::kSvg);
  EXPECT_EQ(Find(doc.root(), "mi")->ns, Namespace::kMathMl);
  EXPECT_EQ(Find(doc.root(), "annotation-xml")->tag, Tag::kAnnotationXml);
  EXPECT_TRUE(Find(doc.root(), "div")->Is(Tag::kDiv));
  // Non-elements answer with empty values.
  const Node* body = doc.body();
  EXPECT_EQ(body->data(), "");
  EXPECT_EQ(doc.root()->name(), "");
  EXPECT_EQ(doc.root()->attrs(), nullptr);
  EXPECT_EQ(doc.root()->template_contents(), nullptr);
}

TEST(Node, DoctypeIdsAndTextData) {
  Document doc;
  ASSERT_TRUE(ParseDocument("<!DOCTYPE html PUBLIC \"-//W3C//DTD HTML 4.01//EN\" \"x.dtd\"><p a=\"&amp;\">t&lt;u<!--c-->", &doc).ok());
  const Node* dt = doc.root()->first_child;
  EXPECT_EQ(dt->name(), "html");
  ASSERT_EQ(dt->num_attrs(), 2u);
  EXPECT_EQ(dt->attrs()[0].name(), "public");
  EXPECT_EQ(dt->attrs()[0].value(), "-//W3C//DTD HTML 4.01//EN");
  EXPECT_EQ(dt->attrs()[1].value(), "x.dtd");
  const Node* p = Find(doc.root(), "p");
  EXPECT_EQ(p->Attr("a"), "&");
  ASSERT_TRUE(p->first_child->IsText());
  EXPECT_EQ(p->first_child->data(), "t<u");
  EXPECT_EQ(p->first_child->name(), "");
  EXPECT_EQ(p->first_child->num_attrs(), 0u);
  EXPECT_EQ(p->last_child()->type, NodeType::kComment);
  EXPECT_EQ(p->last_child()->data(), "c");
}

TEST(Node, ForeignAttributeNamespaces) {
  Document doc;
  ASSERT_TRUE(ParseDocument("<svg xlink:href=\"#a\" viewbox=\"0 0 1 1\" xml:lang=fa xmlns:xlink=u>", &doc).ok());
  const Node* svg = Find(doc.root(), "svg");
  ASSERT_EQ(svg->num_attrs(), 4u);
  EXPECT_EQ(svg->attrs()[0].name(), "href");
  EXPECT_EQ(svg->attrs()[0].ns(), AttrNamespace::kXLink);
  EXPECT_EQ(svg->attrs()[1].name(), "viewBox");
  EXPECT_EQ(svg->attrs()[1].ns(), AttrNamespace::kNone);
  EXPECT_EQ(svg->attrs()[2].ns(), AttrNamespace::kXml);
  EXPECT_EQ(svg->attrs()[3].name(), "xlink");
  EXPECT_EQ(svg->attrs()[3].ns(), AttrNamespace::kXmlns);
  EXPECT_EQ(svg->FindAttr("href"), nullptr);  // FindAttr looks in no namespace only
  EXPECT_EQ(svg->Attr("viewBox"), "0 0 1 1");
}

TEST(Node, AttributeConstructorKeepsItsLimits) {
  Attribute a("name", "value", AttrNamespace::kXmlns);
  EXPECT_EQ(a.name(), "name");
  EXPECT_EQ(a.value(), "value");
  EXPECT_EQ(a.ns(), AttrNamespace::kXmlns);
  // A name over the limit is cut (the view is not read, only measured).
  static const char kByte = 'x';
  Attribute big(std::string_view(&kByte, Attribute::kMaxNameSize + 5), "");
  EXPECT_EQ(big.name().size(), Attribute::kMaxNameSize);
  EXPECT_EQ(big.ns(), AttrNamespace::kNone);
}

TEST(Node, TemplateContentsAndClones) {
  Document doc;
  // The <b> inside the template is cloned by reconstruction outside it.
  ASSERT_TRUE(ParseDocument("<template id=t><b>x</b></template><p>y", &doc).ok());
  const Node* t = Find(doc.root(), "template");
  ASSERT_NE(t, nullptr);
  EXPECT_EQ(t->Attr("id"), "t");
  EXPECT_EQ(t->num_attrs(), 1u);
  ASSERT_NE(t->template_contents(), nullptr);
  EXPECT_EQ(t->first_child, nullptr);
  EXPECT_TRUE(t->template_contents()->first_child->Is(Tag::kB));
  Document svg;
  ASSERT_TRUE(ParseDocument("<svg><template></template></svg>", &svg).ok());
  EXPECT_EQ(Find(svg.root(), "template")->template_contents(), nullptr);  // only HTML templates have one
}

}  // namespace
}  // namespace matn
