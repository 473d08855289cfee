#include "matn/pipeline.h"

#include <chrono>
#include <functional>

#include "matn/encoding.h"
#include "matn/html.h"
#include "matn/lang.h"
#include "matn/metadata.h"

namespace matn {
namespace {

using Clock = std::chrono::steady_clock;

double Seconds(Clock::time_point a, Clock::time_point b) { return std::chrono::duration<double>(b - a).count(); }

std::string Megabytes(size_t n) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f MB", static_cast<double>(n) / (1 << 20));
  return buf;
}

// Applies `fix` to every piece of output text of an article.
template <typename Fix>
void ForEachText(Article* a, Fix fix) {
  for (auto* blocks : {&a->blocks, &a->comments}) {
    for (Block& b : *blocks) {
      if (b.kind == BlockKind::kCode) continue;  // code is quoted verbatim
      b.text = fix(b.text);
      for (auto& c : b.cells) c = fix(c);
      if (!b.markdown.empty()) b.markdown = fix(b.markdown);
    }
  }
}

template <typename Fix>
void ForEachMetaText(Metadata* m, Fix fix) {
  m->title = fix(m->title);
  m->description = fix(m->description);
  m->sitename = fix(m->sitename);
  for (auto& a : m->authors) a = fix(a);
  for (auto& t : m->tags) t = fix(t);
  for (auto& c : m->categories) c = fix(c);
}

}  // namespace

Record ErrorRecord(std::string_view source, std::string_view url, std::string_view error) {
  Record r;
  r.source = std::string(source);
  r.meta.url = std::string(url);
  r.error = std::string(error);
  return r;
}

Record ProcessPage(const PageInput& page, const PipelineOptions& options, PageTimings* timings) {
  Record r;
  r.source = std::string(page.source);
  r.record_id = std::string(page.record_id);
  r.with_comments = options.extract.comments;
  r.with_links = options.extract.links;
  r.with_images = options.extract.images;
  if (options.max_bytes && page.bytes.size() > options.max_bytes) {
    r.meta.url = std::string(page.url);
    r.error = "limit exceeded: input is " + Megabytes(page.bytes.size()) + ", the limit is " +
              Megabytes(options.max_bytes) + " (--max-size)";
    return r;
  }
  // The clock only for --stats: in a VM a clock read can cost a microsecond.
  auto now = [timings] { return timings ? Clock::now() : Clock::time_point(); };
  auto t0 = now();
  std::string utf8;
  DecodeOptions dopt;
  dopt.transport_charset = page.charset;
  Status status;
  const std::string* owner = page.bytes_owner;
  // `bytes` may be the tail of its owner (a WARC record's body after its HTTP headers).
  if (owner && std::less_equal<const char*>()(owner->data(), page.bytes.data()) &&
      page.bytes.data() + page.bytes.size() == owner->data() + owner->size()) {
    const size_t skip = page.bytes.data() - owner->data();
    utf8 = std::move(*page.bytes_owner);
    utf8.erase(0, skip);
    status = DecodeToUtf8InPlace(&utf8, nullptr, dopt);
  } else {
    status = DecodeToUtf8(page.bytes, &utf8, nullptr, dopt);
  }
  auto t1 = now();
  Document doc;
  if (status.ok()) status = ParseDocument(std::move(utf8), &doc);
  auto t2 = now();
  if (!status.ok()) {
    r.meta.url = std::string(page.url);
    r.error = status.ToString();
    return r;
  }

  MetadataOptions mo;
  mo.url = page.url;
  mo.reference = page.reference;
  r.meta = ExtractMetadata(doc, mo);
  if (r.meta.url.empty()) r.meta.url = std::string(page.url);
  ExtractOptions eo = options.extract;
  eo.title = r.meta.title;
  eo.json_ld_body = r.meta.json_ld_article_body;
  eo.base_url = r.meta.url;
  r.article = ExtractArticle(doc, eo);
  r.meta.json_ld_article_body.clear();  // evidence, not output

  // Metadata strings were cleaned by the metadata layer, which keeps a title's
  // own ZWNJs even beside a space; cleaning them again here would drop those.
  std::string text = r.article.Text();
  std::string_view declared = !r.meta.lang.empty() ? std::string_view(r.meta.lang) : page.content_language;
  // Too little article text says little about the language; the title helps.
  r.meta.lang = ResolveLanguage(declared, text.size() >= 200 ? text : r.meta.title + "\n" + text).code;

  PersianProfile profile = PersianProfileForLang(r.meta.lang);
  if (options.repair_zwnj && profile == PersianProfile::kPersian) {
    auto repair = [](const std::string& s) { return RepairZwnj(s); };
    ForEachText(&r.article, repair);
    ForEachMetaText(&r.meta, repair);
  }
  if (options.normalize != PersianProfile::kNone && profile != PersianProfile::kNone) {
    NormalizeOptions no;
    no.profile = options.normalize;
    no.digits = options.digits;
    no.lang = r.meta.lang;
    auto norm = [&no](const std::string& s) { return NormalizePersian(s, no); };
    ForEachText(&r.article, norm);
    ForEachMetaText(&r.meta, norm);
  }
  if (timings) {
    timings->decode_s += Seconds(t0, t1);
    timings->parse_s += Seconds(t1, t2);
    timings->extract_s += Seconds(t2, Clock::now());
  }
  return r;
}

}  // namespace matn
