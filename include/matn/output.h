// matn/output.h — article records as JSON Lines, JSON, plain text or Markdown.
//
// A Record is what `matn extract` prints for one input: where it came from,
// the page's metadata, the extracted article, or the error that stopped it.
//
// JSON OUTPUT
//
// Every string is escaped so that a record is always valid JSON on exactly
// one line, whatever the page contained: invalid UTF-8 becomes U+FFFD;
// control characters, DEL, C1 controls (U+0080–U+009F, NEL included) and
// the JavaScript/Unicode line separators U+2028/U+2029 are written as \uXXXX
// escapes; quotes and backslashes are escaped; everything else is UTF-8 as is.
//
// Fields of a record, in this order (absent values are null or []):
//   source          the input path as given ("-" for stdin)
//   record_id       the WARC-Record-ID (only for pages read from WARC files)
//   url             canonical URL from the page, else --url
//   title
//   authors         [string]
//   date_published  ISO 8601
//   date_modified
//   sitename, description, image
//   tags, categories  [string]
//   lang, page_type
//   text            the article, one block per line (null when the input failed)
//   comments        reader comments, one block per line (only when asked)
//   links           [{"text","href"}] (only when asked)
//   images          [{"src","alt"}] (only when asked)
//   error           the reason the input failed (only then)
//
// TEXT AND MARKDOWN
//
// Text is the article, one block per line (table rows as cells joined by
// " | "). Markdown renders the title as "# …", headings as "#"…"######",
// list items as "- " / "1. " indented by nesting, quotes as "> ", code
// blocks fenced with ```, tables as GFM pipe tables, captions in italics,
// links as [text](href) when links were asked for and images as
// ![alt](src) when images were.
#pragma once

#include <string>
#include <string_view>

#include "matn/extract.h"
#include "matn/metadata.h"

namespace matn {

struct Record {
  std::string source;
  std::string record_id;  // WARC-Record-ID when the page came from a WARC ("" otherwise)
  std::string error;  // non-empty: this input failed; the rest is empty
  Metadata meta;
  Article article;
  // Which optional fields to write.
  bool with_comments = false;
  bool with_links = false;
  bool with_images = false;
};

enum class OutputFormat { kJsonl, kJson, kText, kMarkdown };

// "jsonl", "json", "txt" (or "text"), "markdown" (or "md").
bool ParseOutputFormat(std::string_view name, OutputFormat* format);

// Appends `s` as a JSON string literal (with the quotes), escaped as above.
void AppendJsonString(std::string_view s, std::string* out);

// Appends one record. kJsonl: one line ending in '\n'. kJson: a pretty-printed
// object without a trailing newline (the caller arranges arrays). kText and
// kMarkdown: the document followed by '\n'.
void AppendRecord(const Record& record, OutputFormat format, std::string* out);

// The article as Markdown (without the title line).
std::string ArticleToMarkdown(const Article& article, bool images);

}  // namespace matn
