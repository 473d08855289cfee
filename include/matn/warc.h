// matn/warc.h — streaming reader for WARC files (ISO 28500, WARC/1.0 and 1.1).
//
// WarcReader walks the records of one WARC file, one Next() call per record,
// in bounded memory: the input is read in chunks (WarcOptions::buffer_bytes),
// decompressed incrementally, and only the current record is held.
//
//   std::unique_ptr<WarcReader> reader;
//   Status s = WarcReader::Open("CC-MAIN-….warc.gz", {}, &reader);
//   if (!s.ok()) return s;                        // cannot open the file at all
//   WarcRecord rec;
//   for (bool done = false;;) {
//     Status st = reader->Next(&rec, &done);
//     if (done) break;
//     if (!st.ok()) { report(rec.offset, st); continue; }  // one damaged record
//     if (IsHtmlRecord(rec)) use(rec.target_uri, rec.date, rec.http.charset, rec.body());
//   }
//
// INPUT FORMATS. Compression is detected from the first bytes, never from the
// file name:
//   * plain WARC;
//   * gzip: one member per record as Common Crawl and warcio write it, or any
//     other split into members, including the whole file as one member;
//   * zstd (.warc.zst): one frame per record, with the optional dictionary of
//     the IIPC "Zstandard Compression for WARC Files" proposal — a skippable
//     frame with magic 0x184D2A5D before the first record whose payload is the
//     dictionary, itself optionally zstd-compressed. Other skippable frames are
//     ignored. A file without the dictionary frame is plain multi-frame zstd.
// Gzip is inflated with ISA-L's igzip when matn was built with it (Debian
// libisal-dev, about twice zlib's speed), otherwise with zlib.
//
// ERRORS NEVER STOP THE READER. Next() returns a non-OK Status for one record
// (or for one stretch of damaged bytes) and the following call carries on with
// the next record; only *done ends the loop. Every message names the byte
// offset. What is reported, and where reading resumes:
//   * a truncated or corrupt gzip member / zstd frame: the record inside it is
//     returned with Status::Corrupt; reading resumes at the next member, found
//     by scanning for the next gzip (zstd) magic after the damaged one's start;
//   * a record cut short by the end of the input: Status::Corrupt, with the
//     headers and whatever part of the block was present;
//   * a Content-Length that is too large: the block runs into the next record
//     (or the end of the input, or the end of its gzip member); the record is
//     returned with Status::Corrupt, its block cut at the next record's
//     "WARC/1.x" line, and that next record is read normally — nothing lost.
//     (When the block was over max_record_bytes and not kept, the bytes it
//     swallowed cannot be re-read: in an uncompressed file those records are
//     lost; in a per-record gzip/zstd file the member boundary stops it.)
//   * a Content-Length that is too small: the record is returned with
//     Status::Corrupt (its block as declared) and reading resynchronises at the
//     next line that starts with "WARC/<digit>";
//   * bytes between records that are not a record (garbage): one
//     Status::Corrupt per stretch, with rec.type == WarcType::kNone and
//     rec.offset at the first skipped byte; blank lines between records are
//     tolerated silently;
//   * a header block without the mandatory WARC-Type, WARC-Record-ID or
//     WARC-Date: Status::Corrupt, but the record is otherwise complete; no
//     Content-Length: Status::Corrupt and the reader resynchronises;
//   * a block larger than max_record_bytes: Status::LimitExceeded; the block is
//     skipped without being loaded (rec.block stays empty, headers are set);
//   * an HTTP payload whose Content-Encoding cannot be decoded: Status::Corrupt
//     or Status::Unsupported; body() is then the payload as stored.
// Limits of detection: gzip and zstd check a member's CRC only at its end, so
// in a file compressed as one whole-file member, records decoded between a
// damaged byte and the end may come back altered with an OK status (the
// damage is reported when the CRC fails); per-record members confine it to
// one record. In an uncompressed file, damage inside a block is undetectable.
// A read error from the OS is returned once (Status::IOError), then *done.
// Every Next() consumes input or sets *done, so a loop over Next() ends.
//
// THREADS. A WarcReader is used by one thread at a time; distinct readers are
// independent.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "matn/status.h"

namespace matn {

enum class WarcType : unsigned char {
  kWarcinfo,
  kResponse,
  kResource,
  kRequest,
  kMetadata,
  kRevisit,
  kConversion,
  kContinuation,
  kOther,  // a WARC-Type this reader does not know (or none)
  kNone,   // not a record: a stretch of damaged input reported by Next()
};
inline constexpr int kWarcTypeCount = 10;

// "response", "warcinfo", …; "other" and "none" for the last two.
std::string_view WarcTypeName(WarcType type);

enum class WarcCompression : unsigned char { kNone, kGzip, kZstd };

// Header fields in their order of appearance; lookup is case-insensitive
// (field names in WARC and HTTP are case-insensitive).
class HeaderMap {
 public:
  struct Field {
    std::string name, value;
  };
  // The value of the first field called `name`, or "" when there is none.
  std::string_view Get(std::string_view name) const;
  bool Has(std::string_view name) const;
  size_t size() const { return n_; }
  bool empty() const { return n_ == 0; }
  const Field& operator[](size_t i) const { return fields_[i]; }
  const Field* begin() const { return fields_.data(); }
  const Field* end() const { return fields_.data() + n_; }

  void Add(std::string_view name, std::string_view value);
  void AppendToLast(std::string_view more);  // a folded continuation line
  void Clear() { n_ = 0; }  // keeps the strings' storage for the next record

 private:
  std::vector<Field> fields_;
  size_t n_ = 0;
};

// The HTTP response carried by a `response` (or `revisit`) record whose block
// is an HTTP message.
struct HttpResponse {
  int status = 0;  // e.g. 200; 0 when the block is not an HTTP response
  HeaderMap headers;
  std::string mime_type;         // Content-Type without parameters, lower case: "text/html"
  std::string charset;           // its charset parameter as sent (unquoted), "" if none;
                                 // hand it to DecodeOptions::transport_charset
  std::string content_encoding;  // Content-Encoding, lower case, "" if none
  bool dechunked = false;        // Transfer-Encoding: chunked was undone
  bool decoded = false;          // Content-Encoding was undone (body() is decoded)
};

struct WarcRecord {
  WarcType type = WarcType::kNone;
  std::string version;      // "WARC/1.0", "WARC/1.1"
  HeaderMap headers;        // every WARC header field
  std::string type_name;    // WARC-Type as written
  std::string target_uri;   // WARC-Target-URI (angle brackets of WARC/1.0 drafts removed)
  std::string date;         // WARC-Date, as written (ISO 8601, e.g. "2024-02-21T11:14:09Z")
  std::string record_id;    // WARC-Record-ID, e.g. "<urn:uuid:…>"
  std::string content_type; // the WARC Content-Type ("application/http; msgtype=response")
  uint64_t content_length = 0;  // as declared
  // Where the record starts: the byte offset in the file for an uncompressed
  // WARC; for gzip/zstd the offset of the member/frame the record starts in
  // (what CDX indexes call the offset).
  uint64_t offset = 0;
  uint64_t stream_offset = 0;  // offset in the decompressed stream
  bool truncated = false;      // block shorter than Content-Length (see Status)

  std::string block;  // the record block as stored (empty when over the limit)
  HttpResponse http;  // set when the block is an HTTP response

  // The content: for an HTTP response, the payload after the HTTP headers,
  // dechunked and with Content-Encoding decoded; otherwise the whole block.
  std::string_view body() const;

  void Clear();

 private:
  friend class WarcReader;
  friend struct WarcRecordAccess;
  size_t payload_begin_ = 0;  // into block when !payload_decoded_
  bool payload_decoded_ = false;
  std::string decoded_;
};

struct WarcOptions {
  // A record whose block is larger is skipped (Status::LimitExceeded), never
  // loaded. Also caps a decoded HTTP payload. 0 = no limit.
  size_t max_record_bytes = size_t{64} << 20;
  // A WARC or HTTP header block larger than this is damage (Status::Corrupt).
  size_t max_header_bytes = size_t{1} << 20;
  // Size of the raw read buffer.
  size_t buffer_bytes = size_t{1} << 20;
  // Parse the HTTP message of response/revisit records, dechunk and decode it.
  bool parse_http = true;
  bool decode_content = true;  // undo Content-Encoding gzip, deflate, br, zstd
  // Only records for which IsHtmlRecord() holds are returned (plus errors);
  // the others are counted in stats() and skipped without copying their block.
  bool html_only = false;
};

struct WarcStats {
  uint64_t records = 0;                // records read, of every type, damaged or not
  uint64_t by_type[kWarcTypeCount] = {};  // indexed by WarcType
  uint64_t returned = 0;               // records handed out by Next() (html_only skips)
  uint64_t errors = 0;                 // non-OK statuses returned by Next()
  uint64_t bytes_in = 0;               // raw input bytes consumed
  uint64_t bytes_out = 0;              // decompressed bytes
};

class WarcReader {
 public:
  // Opens `path` ("-" = standard input). Fails only if the file cannot be
  // opened or its first bytes cannot be read; everything else is per record.
  static Status Open(const std::string& path, const WarcOptions& options,
                     std::unique_ptr<WarcReader>* out);
  // Reads a WARC held in memory. `data` is not copied and must outlive the reader.
  static Status FromBuffer(std::string_view data, const WarcOptions& options,
                           std::unique_ptr<WarcReader>* out);
  ~WarcReader();

  // Reads the next record into *out (reusing its storage). Sets *done, and
  // returns the status of the final stretch of input if it was damaged, when
  // there is nothing left. See the header comment for the error contract.
  Status Next(WarcRecord* out, bool* done);

  const WarcStats& stats() const;
  WarcCompression compression() const;
  // Raw bytes consumed so far and the input's size (0 when unknown, e.g. a
  // pipe), for progress reports.
  uint64_t position() const;
  uint64_t input_size() const;

  struct Impl;

 private:
  explicit WarcReader(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// True for a response or resource record whose content is HTML:
// the HTTP Content-Type (or, without HTTP, the WARC Content-Type) is text/html
// or application/xhtml+xml, or there is no usable type (absent, unknown/unknown,
// application/unknown, */*) and the body starts like HTML by the WHATWG MIME
// sniffing rules ("<!DOCTYPE HTML", "<html", "<head", "<body", "<p", "<!--"…).
bool IsHtmlRecord(const WarcRecord& record);

// Splits a Content-Type value into its lower-case "type/subtype" and its
// charset parameter (unquoted, as written; "" if none).
void ParseContentType(std::string_view value, std::string* mime_type, std::string* charset);

}  // namespace matn
