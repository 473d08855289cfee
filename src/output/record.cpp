// Record → JSON Lines / JSON / text / Markdown.
#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "matn/output.h"

namespace matn {
namespace {

// Minimal writer: compact (one line) or pretty (two-space indent).
class Writer {
 public:
  Writer(std::string* out, bool pretty) : out_(out), pretty_(pretty) {}

  void Begin() { out_->push_back('{'); first_ = true; }
  void End() {
    if (pretty_) out_->append("\n");
    out_->push_back('}');
  }
  void Key(std::string_view k) {
    if (!first_) out_->push_back(',');
    first_ = false;
    if (pretty_) out_->append("\n  ");
    AppendJsonString(k, out_);
    out_->append(pretty_ ? ": " : ":");
  }
  void StringOrNull(std::string_view k, std::string_view v) {
    Key(k);
    if (v.empty()) out_->append("null");
    else AppendJsonString(v, out_);
  }
  void String(std::string_view k, std::string_view v) {
    Key(k);
    AppendJsonString(v, out_);
  }
  void Strings(std::string_view k, const std::vector<std::string>& v) {
    Key(k);
    out_->push_back('[');
    for (size_t i = 0; i < v.size(); ++i) {
      if (i) out_->append(pretty_ ? ", " : ",");
      AppendJsonString(v[i], out_);
    }
    out_->push_back(']');
  }
  template <class T, class F>
  void Objects(std::string_view k, const std::vector<T>& v, F fields) {
    Key(k);
    out_->push_back('[');
    for (size_t i = 0; i < v.size(); ++i) {
      if (i) out_->append(pretty_ ? ", " : ",");
      out_->push_back('{');
      fields(v[i]);
      out_->push_back('}');
    }
    out_->push_back(']');
  }
  void Pair(std::string_view k1, std::string_view v1, std::string_view k2, std::string_view v2) {
    AppendJsonString(k1, out_);
    out_->push_back(':');
    AppendJsonString(v1, out_);
    out_->push_back(',');
    AppendJsonString(k2, out_);
    out_->push_back(':');
    AppendJsonString(v2, out_);
  }
  void Null(std::string_view k) {
    Key(k);
    out_->append("null");
  }

 private:
  std::string* out_;
  bool pretty_;
  bool first_ = true;
};

void AppendJson(const Record& r, bool pretty, std::string* out) {
  Writer w(out, pretty);
  const Metadata& m = r.meta;
  w.Begin();
  w.String("source", r.source);
  if (!r.record_id.empty()) w.String("record_id", r.record_id);
  w.StringOrNull("url", m.url);
  w.StringOrNull("title", m.title);
  w.Strings("authors", m.authors);
  w.StringOrNull("date_published", m.date_published);
  w.StringOrNull("date_modified", m.date_modified);
  w.StringOrNull("sitename", m.sitename);
  w.StringOrNull("description", m.description);
  w.StringOrNull("image", m.image);
  w.Strings("tags", m.tags);
  w.Strings("categories", m.categories);
  w.StringOrNull("lang", m.lang);
  w.StringOrNull("page_type", m.page_type);
  if (r.error.empty()) w.String("text", r.article.Text());
  else w.Null("text");
  if (r.with_comments) {
    if (r.error.empty()) w.String("comments", r.article.CommentsText());
    else w.Null("comments");
  }
  if (r.with_links)
    w.Objects("links", r.article.links, [&](const Link& l) { w.Pair("text", l.text, "href", l.href); });
  if (r.with_images)
    w.Objects("images", r.article.images, [&](const Image& i) { w.Pair("src", i.src, "alt", i.alt); });
  if (!r.error.empty()) w.String("error", r.error);
  w.End();
}

// Markdown escapes for a table cell: pipes would end the cell, newlines the row.
std::string Cell(std::string_view s) {
  std::string o;
  for (char c : s) {
    if (c == '|') o += "\\|";
    else if (c == '\n') o += ' ';
    else o += c;
  }
  return o;
}

std::string_view Md(const Block& b) { return b.markdown.empty() ? std::string_view(b.text) : b.markdown; }

}  // namespace

bool ParseOutputFormat(std::string_view name, OutputFormat* f) {
  if (name == "jsonl") *f = OutputFormat::kJsonl;
  else if (name == "json") *f = OutputFormat::kJson;
  else if (name == "txt" || name == "text") *f = OutputFormat::kText;
  else if (name == "markdown" || name == "md") *f = OutputFormat::kMarkdown;
  else return false;
  return true;
}

std::string ArticleToMarkdown(const Article& a, bool images) {
  std::string out;
  const auto& blocks = a.blocks;
  auto sep = [&](bool tight) {
    if (out.empty()) return;
    out += tight ? "\n" : "\n\n";
  };
  BlockKind prev = BlockKind::kParagraph;
  bool have_prev = false;
  for (size_t i = 0; i < blocks.size(); ++i) {
    const Block& b = blocks[i];
    bool same_run = have_prev && prev == b.kind &&
                    (b.kind == BlockKind::kListItem || b.kind == BlockKind::kTableRow || b.kind == BlockKind::kQuote);
    switch (b.kind) {
      case BlockKind::kHeading:
        sep(false);
        out.append(std::clamp<int>(b.level, 1, 6), '#');
        out += ' ';
        out += Md(b);
        break;
      case BlockKind::kListItem:
        sep(same_run);
        out.append(2 * (std::max<int>(b.level, 1) - 1), ' ');
        out += b.ordered ? "1. " : "- ";
        out += Md(b);
        break;
      case BlockKind::kQuote:
        sep(false);
        for (int k = 0; k < std::max<int>(b.level, 1); ++k) out += "> ";
        out += Md(b);
        break;
      case BlockKind::kCode: {
        sep(false);
        out += "```\n";
        out += b.text;
        out += "\n```";
        break;
      }
      case BlockKind::kTableRow: {
        sep(same_run);
        out += '|';
        for (const auto& c : b.cells) {
          out += ' ';
          out += Cell(c);
          out += " |";
        }
        // GFM needs a delimiter row after the first row of a table.
        if (!same_run) {
          out += "\n|";
          for (size_t k = 0; k < std::max<size_t>(b.cells.size(), 1); ++k) out += " --- |";
        }
        break;
      }
      case BlockKind::kCaption:
        sep(false);
        out += '*';
        out += Md(b);
        out += '*';
        break;
      case BlockKind::kImage:
        if (!images) continue;
        sep(false);
        out += "![" + b.text + "](" + b.src + ")";
        break;
      case BlockKind::kParagraph:
        sep(false);
        out += Md(b);
        break;
    }
    prev = b.kind;
    have_prev = true;
  }
  return out;
}

void AppendRecord(const Record& r, OutputFormat f, std::string* out) {
  switch (f) {
    case OutputFormat::kJsonl:
      AppendJson(r, false, out);
      out->push_back('\n');
      return;
    case OutputFormat::kJson:
      AppendJson(r, true, out);
      return;
    case OutputFormat::kText: {
      if (!r.error.empty()) return;
      std::string t = r.article.Text();
      *out += t;
      if (r.with_comments && !r.article.comments.empty()) {
        *out += "\n\n";
        *out += r.article.CommentsText();
      }
      out->push_back('\n');
      return;
    }
    case OutputFormat::kMarkdown: {
      if (!r.error.empty()) return;
      if (!r.meta.title.empty()) {
        *out += "# ";
        *out += r.meta.title;
        *out += "\n\n";
      }
      *out += ArticleToMarkdown(r.article, r.with_images);
      if (r.with_comments && !r.article.comments.empty()) {
        *out += "\n\n## Comments\n\n";
        Article c;
        c.blocks = r.article.comments;
        *out += ArticleToMarkdown(c, false);
      }
      out->push_back('\n');
      return;
    }
  }
}

}  // namespace matn
