// libFuzzer target: the whole page pipeline (ProcessPage: decode, parse,
// metadata, extraction, text layer) and the record writers, with options
// picked by the first byte.
// Invariants: no error but a limit; the JSONL record is exactly one line of
// valid JSON and valid UTF-8, with no raw line break or U+2028/U+2029 inside;
// the pretty JSON is valid too; every text in the record is valid UTF-8;
// blocks other than code are one line; dates are ISO 8601.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "../tests/hostile/json_check.h"
#include "matn/encoding.h"
#include "matn/output.h"
#include "matn/pipeline.h"

namespace {

void Check(bool ok) {
  if (!ok) std::abort();
}

void CheckIso(std::string_view d) {
  if (d.empty()) return;
  Check(d.size() >= 10 && d[4] == '-' && d[7] == '-');
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) Check(d[i] >= '0' && d[i] <= '9');
}

void CheckBlocks(const std::vector<matn::Block>& blocks) {
  for (const matn::Block& b : blocks) {
    Check(matn::IsValidUtf8(b.text) && matn::IsValidUtf8(b.markdown) && matn::IsValidUtf8(b.src));
    if (b.kind != matn::BlockKind::kCode) Check(b.text.find('\n') == std::string::npos);
    for (const auto& c : b.cells) Check(matn::IsValidUtf8(c) && c.find('\n') == std::string::npos);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 2) return 0;
  const uint8_t c0 = data[0], c1 = data[1];
  matn::PipelineOptions po;
  po.extract.comments = c0 & 1;
  po.extract.links = c0 & 2;
  po.extract.images = c0 & 4;
  po.extract.markdown = c0 & 8;
  po.extract.captions = c0 & 16;
  po.extract.tables = !(c0 & 32);
  po.extract.favor = static_cast<matn::Favor>((c0 >> 6) % 3);
  po.repair_zwnj = c1 & 1;
  po.normalize = (c1 & 2) ? matn::PersianProfile::kPersian : (c1 & 4) ? matn::PersianProfile::kPashto
                                                                       : matn::PersianProfile::kNone;
  po.digits = static_cast<matn::DigitStyle>((c1 >> 3) % 3);
  matn::PageInput in;
  in.bytes = std::string_view(reinterpret_cast<const char*>(data) + 2, size - 2);
  in.source = "fuzz\"\n\u2028.html";
  if (c1 & 0x20) in.url = "https://example.com/news/2024/07/story.html?x=1#top";
  if (c1 & 0x40) in.charset = (c1 & 0x80) ? "windows-1256" : "utf-16le";
  if (c1 & 0x80) {
    matn::DateTime ref;
    ref.year = 2024, ref.month = 7, ref.day = 5, ref.hour = 6, ref.minute = 24, ref.second = 0;
    ref.has_offset = true, ref.offset_minutes = 270;
    in.reference = ref;
  }
  matn::Record r = matn::ProcessPage(in, po);
  if (!r.error.empty()) Check(r.error.rfind("limit exceeded", 0) == 0);

  const matn::Metadata& m = r.meta;
  for (const std::string* s : {&m.title, &m.description, &m.sitename, &m.url, &m.image, &m.lang, &m.page_type,
                               &m.date_published, &m.date_modified})
    Check(matn::IsValidUtf8(*s));
  for (const auto* v : {&m.authors, &m.tags, &m.categories})
    for (const auto& s : *v) Check(matn::IsValidUtf8(s));
  CheckIso(m.date_published);
  CheckIso(m.date_modified);
  CheckBlocks(r.article.blocks);
  CheckBlocks(r.article.comments);

  std::string out;
  matn::AppendRecord(r, matn::OutputFormat::kJsonl, &out);
  Check(!out.empty() && out.back() == '\n');
  out.pop_back();
  Check(matn::testing::JsonlRecordError(out).empty());
  out.clear();
  matn::AppendRecord(r, matn::OutputFormat::kJson, &out);
  Check(matn::testing::JsonError(out).empty());
  out.clear();
  matn::AppendRecord(r, (c1 & 0x10) ? matn::OutputFormat::kMarkdown : matn::OutputFormat::kText, &out);
  Check(matn::IsValidUtf8(out));
  return 0;
}
