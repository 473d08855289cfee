// matn/pipeline.h — one page in, one record out.
//
// ProcessPage() is the whole single-page job that `matn extract`, `matn warc`
// and the Python module share, so they cannot drift apart:
//
//   bytes ─ DecodeToUtf8 ─ ParseDocument ─┬─ ExtractMetadata ─┐
//                                         └─ ExtractArticle ──┴─ text layer ─ Record
//
// Then the text layer: optional ZWNJ repair and
// Persian normalisation on all text, and the record's `lang` — the declared
// language when the text makes it plausible, else the detected one
// (see matn/lang.h).
//
// A failure never throws and never loses the page: the Record comes back with
// `error` set (e.g. "limit exceeded: input is larger than the 64.0 MB limit").
// Thread-safe: distinct calls share nothing mutable, so a pool of threads may
// call ProcessPage concurrently.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "matn/calendar.h"
#include "matn/extract.h"
#include "matn/output.h"
#include "matn/text.h"

namespace matn {

struct PipelineOptions {
  ExtractOptions extract;  // comments, tables, links, images, favor, markdown
  // Refuse pages larger than this many bytes (0 = no limit).
  size_t max_bytes = size_t{64} << 20;
  // Restore ZWNJs that the page lost (Persian-script text only).
  bool repair_zwnj = false;
  // Optional Persian normalisation of output text (--normalize fa|ps): profile
  // kNone leaves letters alone. Never applied to text detected as Arabic/Urdu.
  PersianProfile normalize = PersianProfile::kNone;
  DigitStyle digits = DigitStyle::kKeep;
  // Fill Record::timings (a few clock reads per page).
  bool timings = false;
};

struct PageInput {
  std::string_view bytes;             // the page as fetched, in any charset (not compressed)
  std::string_view source;            // where it came from: a path, "-", a WARC record's file
  std::string_view url;               // its URL when known (WARC-Target-URI, --url)
  std::string_view charset;           // transport charset (HTTP Content-Type), "" if unknown
  std::string_view content_language;  // HTTP Content-Language, "" if unknown
  std::optional<DateTime> reference;  // crawl time (WARC-Date): resolves relative dates
  std::string_view record_id;         // WARC-Record-ID, copied into the record
  // Optional: the string that holds `bytes`. ProcessPage may then take its
  // buffer (UTF-8 pages are parsed in it, not copied); the caller must not
  // read it afterwards.
  std::string* bytes_owner = nullptr;
};

struct PageTimings {
  double decode_s = 0, parse_s = 0, extract_s = 0;
};

// Runs the pipeline on one page. With `timings`, adds the time of each stage.
Record ProcessPage(const PageInput& page, const PipelineOptions& options, PageTimings* timings = nullptr);

// A record for an input that could not even be read (missing file, corrupt gzip).
Record ErrorRecord(std::string_view source, std::string_view url, std::string_view error);

}  // namespace matn
