// ParseOptions::skip_foreign_content / skip_comments: the tree is the spec's
// tree with the contents of every outermost svg/math element (and every
// comment) cut away, nothing else changes, and the links stay consistent.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "matn/html.h"

namespace matn {
namespace {

// The spec tree (default options) printed with what the options drop left out.
void DumpPruned(const Node* n, int depth, bool comments, std::string* out) {
  bool after_text = false;
  for (const Node* c = n->first_child; c; c = c->next_sibling) {
    if (comments && c->type == NodeType::kComment) continue;
    // Text on both sides of a dropped comment is one text node, as if the
    // comment had never been in the input.
    if (after_text && c->IsText()) {
      out->pop_back();
      out->append(c->data()).append("\n");
      continue;
    }
    after_text = c->IsText();
    out->append(static_cast<size_t>(depth) * 2, ' ');
    if (c->IsElement()) {
      out->append(std::to_string(static_cast<int>(c->ns))).append(":").append(c->name());
      for (uint32_t i = 0; i < c->num_attrs(); ++i)
        out->append(" ").append(c->attrs()[i].name()).append("=").append(c->attrs()[i].value());
      out->append("\n");
      // An outermost foreign element (its parent is HTML): its contents go.
      if (c->ns == Namespace::kHtml) DumpPruned(c, depth + 1, comments, out);
      if (const Node* t = c->template_contents()) DumpPruned(t, depth + 1, comments, out);
    } else {
      out->append(std::to_string(static_cast<int>(c->type))).append(":").append(c->data()).append("\n");
    }
  }
}

std::string Parse(const std::string& html, const ParseOptions& o, bool prune) {
  Document doc;
  EXPECT_TRUE(ParseDocument(html, &doc, o).ok());
  std::string out;
  DumpPruned(doc.root(), 0, prune, &out);
  return out;
}

// Children point back to their parent and the sibling chain ends.
void CheckLinks(const Node* root) {
  std::vector<const Node*> todo{root};
  size_t seen = 0;
  while (!todo.empty() && ++seen < 100000) {
    const Node* n = todo.back();
    todo.pop_back();
    const Node* prev = nullptr;
    for (const Node* c = n->first_child; c; c = c->next_sibling) {
      EXPECT_EQ(c->parent, n);
      EXPECT_EQ(c->prev_sibling(), prev);
      prev = c;
      todo.push_back(c);
    }
    EXPECT_EQ(n->last_child(), prev);
  }
  EXPECT_LT(seen, 100000u);
}

const char* const kPages[] = {
    "<p>a<svg viewBox='0 0 1 1'><title>Share</title><path d='M0 0'/></svg>b</p>",
    "<!DOCTYPE html><!--top--><html><head><!--h--></head><body>x<!--c-->y</body></html><!--end-->",
    // Breakout: <p> inside svg closes it, and follows it in the body.
    "<div><svg><g><p>after<b>bold</b></div>tail",
    "<svg><foreignObject><div>in<table><tr><td>cell</table></div></foreignObject></svg><div>out</div>",
    "<math><mi>x</mi><annotation-xml encoding='text/html'><div>html</div></annotation-xml></math><p>y",
    "<table><tr><td><svg><desc><table><td>z</table></desc></svg>q</td></tr></table>r",
    "<ul><li>one<svg><use href='#i'/></svg><li>two<math><mtext><b>m</mtext></math></ul>",
    "<svg><![CDATA[ raw ]]><script>1</script><style>s</style></svg><script>2</script><p>p",
    "<a href=/x><svg><title>t</title></svg>link</a><svg><svg><svg>deep</svg></svg></svg>after",
    "<template><svg><circle r=1></svg><!--t--><p>in template</template>done",
    "<select><option>o<svg>not foreign here</svg></select><svg>",
};

TEST(ParseOptions, SkipForeignContentCutsOnlyForeignSubtrees) {
  ParseOptions skip;
  skip.skip_foreign_content = true;
  for (const char* page : kPages) {
    SCOPED_TRACE(page);
    // Prune only foreign contents here: the default parse printed with its
    // comments kept, compared to the skipping parse printed in full.
    std::string pruned_default;
    {
      Document doc;
      ASSERT_TRUE(ParseDocument(page, &doc).ok());
      DumpPruned(doc.root(), 0, false, &pruned_default);
    }
    Document doc;
    ASSERT_TRUE(ParseDocument(page, &doc, skip).ok());
    CheckLinks(doc.root());
    EXPECT_EQ(DumpTree(doc.root()).find("svg title"), std::string::npos);
    // The skipping tree has no foreign element with children.
    std::string full;
    DumpPruned(doc.root(), 0, false, &full);
    EXPECT_EQ(full, pruned_default);
  }
}

TEST(ParseOptions, KeepsTheForeignElementAndItsAttributes) {
  ParseOptions skip;
  skip.skip_foreign_content = true;
  Document doc;
  ASSERT_TRUE(ParseDocument("<p>a<svg viewBox='0 0 1 1'><title>Share</title></svg>b</p>", &doc, skip).ok());
  const Node* p = doc.body()->first_child;
  ASSERT_TRUE(p && p->Is(Tag::kP));
  const Node* svg = p->first_child->next_sibling;
  ASSERT_TRUE(svg && svg->IsElement());
  EXPECT_EQ(svg->ns, Namespace::kSvg);
  EXPECT_EQ(svg->first_child, nullptr);
  EXPECT_EQ(svg->Attr("viewBox"), "0 0 1 1");  // the SVG case adjustment still applies
  ASSERT_TRUE(svg->next_sibling && svg->next_sibling->IsText());
  EXPECT_EQ(svg->next_sibling->data(), "b");
}

TEST(ParseOptions, SkipCommentsRemovesEveryComment) {
  ParseOptions skip;
  skip.skip_comments = true;
  for (const char* page : kPages) {
    SCOPED_TRACE(page);
    EXPECT_EQ(Parse(page, skip, false), Parse(page, {}, true));
  }
}

TEST(ParseOptions, DefaultsKeepEverything) {
  Document doc;
  ASSERT_TRUE(ParseDocument("<svg><title>t</title></svg><!--c-->", &doc).ok());
  const Node* svg = doc.body()->first_child;
  ASSERT_TRUE(svg && svg->first_child);
  EXPECT_EQ(svg->first_child->name(), "title");
  ASSERT_TRUE(svg->next_sibling);
  EXPECT_EQ(svg->next_sibling->type, NodeType::kComment);
}

// Misnested formatting tags across the foreign boundary (the documented
// exception) and deep or unclosed foreign content: never a broken tree.
TEST(ParseOptions, HostileNestingKeepsLinksConsistent) {
  ParseOptions skip;
  skip.skip_foreign_content = true;
  skip.skip_comments = true;
  const char* const pages[] = {
      "<b><svg><foreignObject><p>x</b>y",
      "<a><svg><desc><a>q</a><b><i>r</svg></b>s</i>t",
      "<b><p><svg><foreignObject><b><div>u</b>v</div></foreignObject></svg>w</b>x",
      "<table><svg><foreignObject><tr><td>c</b></svg>d",
      "<math><annotation-xml encoding=text/html><b><svg><foreignObject><i>e</b>f</i>",
  };
  for (const char* page : pages) {
    SCOPED_TRACE(page);
    Document doc;
    ASSERT_TRUE(ParseDocument(page, &doc, skip).ok());
    CheckLinks(doc.root());
  }
  std::string deep;
  for (int i = 0; i < 20000; ++i) deep += (i % 3 == 0) ? "<svg><foreignObject><b>" : (i % 3 == 1) ? "<p>" : "</b><g>";
  Document doc;
  ASSERT_TRUE(ParseDocument(deep, &doc, skip).ok());
  CheckLinks(doc.root());
}

}  // namespace
}  // namespace matn
