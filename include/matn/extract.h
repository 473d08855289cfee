// matn/extract.h — the main content of a page: the article, without the page around it.
//
// ExtractArticle() takes a parsed Document and returns the article as a list of
// blocks (headings, paragraphs, list items, quotes, code, table rows, figure
// captions) in document order. Menus, skip links, font-size buttons, share
// bars, "latest news" and "related" widgets, cookie notices, forms and footers
// are left out; reader comments are kept apart (only with `comments`).
//
// USAGE
//
//   matn::Document doc;
//   matn::ParseDocument(std::move(utf8), &doc);
//   matn::ExtractOptions opt;
//   opt.title = meta.title;                         // optional evidence
//   opt.json_ld_body = meta.json_ld_article_body;   // optional evidence
//   matn::Article a = matn::ExtractArticle(doc, opt);
//   std::string text = a.Text();                    // one block per line
//
// HOW IT DECIDES
//
//  1. One pass over the tree flattens it into an array (preorder), dropping
//     what is never content: script, style, noscript, template, form
//     controls, embedded objects, and hidden elements (the `hidden`
//     attribute, aria-hidden="true", inline display:none/visibility:hidden,
//     and the usual "visually hidden" utility classes).
//  2. Every text-bearing block (p, div with text, li, td, …) is scored by its
//     shape (length, commas and sentence ends, in Latin, Arabic and CJK
//     punctuation) and its link density; the score flows to its ancestors,
//     as in Readability. Containers then get bonuses or penalties from
//     semantic markup (article, main, itemprop=articleBody, role=main) and
//     from their class/id tokens, split on "-", "_" and camelCase, looked up
//     in a small multilingual lexicon of content words (article, content,
//     post, entry, story, body, text, …) and boilerplate words (nav, menu,
//     footer, sidebar, widget, share, social, related, comment, cookie,
//     banner, breadcrumb, newsletter, promo, ads, pagination, …).
//  3. The best container is chosen, widened to the ancestor that holds most
//     of the page's good paragraphs, and joined by sibling blocks that look
//     like article text. On pages showing several <article>s (infinite
//     scroll), the one holding the headline (an h1/h2 equal to the title)
//     is chosen. A box classed "sidebar" that holds most of the page's
//     paragraphs is taken for the misnamed main column.
//  4. Inside it, boilerplate is pruned by tag (nav, aside, footer, forms),
//     class tokens, link density, and shape (link lists, skip links to
//     #anchors, rows of tiny tokens such as "XS SM MD LG" or "A A A"), and
//     the rest is serialised to blocks. The best-scored block itself is
//     never cleaned away. Figure captions are left out unless asked for
//     (ExtractOptions::captions), and then emitted once (from figcaption;
//     image alt/title never enter the text), except in galleries, where
//     captions hold most of the text. Ruby annotations (<rt>) are not read
//     inline; short link-only lines after the text are dropped.
//  5. When the page carries a JSON-LD articleBody and the chosen text barely
//     overlaps it, the container that best covers the articleBody's words is
//     used instead (or, when that articleBody is only the lead, joined to the
//     body). When the result is too short, a wider selection is tried (more
//     so with Favor::kRecall).
//  6. The standfirst: paragraphs between the headline and the chosen body
//     (not beside a picture) are put in front of it.
//  7. What the site says around every article goes, by its words (English,
//     German, Spanish, French, Italian, Polish, Portuguese, Arabic, Persian):
//     advertising labels and disclosures, disclaimers, captions written as
//     paragraphs ("Abbildung 4: …", "… (Foto: X)"); the article ends at a
//     comments heading, a "Related" / "Mehr zum Thema" label or a paywall's
//     pitch in its second half; short subscribe / follow-us / get-the-app
//     notes and tag lines at its end are dropped.
//
// Text is never rewritten beyond whitespace: runs of ASCII white space and
// NO-BREAK SPACE collapse to one space, blocks are trimmed; U+200C/U+200D,
// LRM/RLM and every other character are kept as they are. <pre> keeps its
// line breaks.
//
// COMPLEXITY
//
// Linear in the size of the tree, no recursion (safe at any depth), no
// allocation per node (scratch arrays are reused per thread).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "matn/html.h"

namespace matn {

enum class Favor : uint8_t {
  kBalanced,   // the default
  kPrecision,  // prune harder: less boilerplate, may lose marginal paragraphs
  kRecall,     // keep more: wider selection, lighter pruning
};

struct ExtractOptions {
  bool comments = false;  // collect reader comments into Article::comments
  bool tables = true;     // keep tables (rows as blocks)
  bool links = false;     // collect Article::links; inline [text](href) in Block::markdown
  bool images = false;    // emit kImage blocks and collect Article::images
  // Photo captions and credits (figcaption, elements classed caption/credit).
  // Off by default: people reading "the article" leave them out (the human
  // gold of the benchmarks does). When on, each caption appears once.
  bool captions = false;
  bool markdown = false;  // fill Block::markdown (inline emphasis, code, links when `links`)
  Favor favor = Favor::kBalanced;
  // Evidence from the metadata layer (both optional):
  std::string_view title;         // a heading at the top equal to it is not repeated
  std::string_view json_ld_body;  // JSON-LD articleBody
  // Base for resolving relative href/src in links and images ("" = leave them as written).
  std::string_view base_url;
};

enum class BlockKind : uint8_t {
  kParagraph,
  kHeading,   // level = 1..6
  kListItem,  // level = nesting depth (1 = top), ordered = inside <ol>
  kQuote,     // a paragraph inside <blockquote>; level = quote depth
  kCode,      // <pre>: text keeps its line breaks
  kTableRow,  // cells in `cells`; level = 1 for a header row; text = cells joined by " | "
  kCaption,   // figcaption / table caption
  kImage,     // only with ExtractOptions::images; src in `src`, alt text in `text`
};

struct Block {
  BlockKind kind = BlockKind::kParagraph;
  uint8_t level = 0;
  bool ordered = false;
  std::string text;      // plain text, one line (kCode may hold several)
  std::string markdown;  // inline Markdown of the same text (only with ExtractOptions::markdown)
  std::vector<std::string> cells;  // kTableRow only (plain text; markdown when asked)
  std::string src;                 // kImage only
};

struct Link {
  std::string text;
  std::string href;
};

struct Image {
  std::string src;
  std::string alt;
};

struct Article {
  std::vector<Block> blocks;
  std::vector<Block> comments;  // only with ExtractOptions::comments
  std::vector<Link> links;      // only with ExtractOptions::links
  std::vector<Image> images;    // only with ExtractOptions::images
  // The blocks' text, one block per line (kImage blocks are left out).
  std::string Text() const;
  std::string CommentsText() const;
};

Article ExtractArticle(const Document& doc, const ExtractOptions& options = {});

// Text of blocks, one per line (kImage left out), the way Article::Text() does it.
std::string BlocksToText(const std::vector<Block>& blocks);

// Resolves `href` against `base` (RFC 3986 reference resolution, no
// normalisation beyond dot segments). Returns `href` unchanged when `base` is
// empty or not absolute, or when `href` is already absolute.
std::string ResolveUrl(std::string_view base, std::string_view href);

}  // namespace matn
