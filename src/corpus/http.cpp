#include "corpus/http.h"

#include <brotli/decode.h>
#include <zlib.h>
#include <zstd.h>

#include <algorithm>
#include <cstring>

namespace matn {

// Gives the corpus layer access to WarcRecord's payload bookkeeping.
struct WarcRecordAccess {
  static void SetPayloadBegin(WarcRecord* r, size_t b) { r->payload_begin_ = b; }
  static std::string* Decoded(WarcRecord* r) { return &r->decoded_; }
  static void SetDecoded(WarcRecord* r, bool d) { r->payload_decoded_ = d; }
  static std::string TakeBody(WarcRecord* r, size_t* begin) {
    *begin = 0;
    if (r->payload_decoded_) {
      r->payload_decoded_ = false;
      return std::move(r->decoded_);
    }
    *begin = std::min(r->payload_begin_, r->block.size());
    r->payload_begin_ = 0;
    return std::move(r->block);
  }
};

namespace {

char Lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c; }

std::string LowerCopy(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = Lower(c);
  return out;
}

bool StartsWithIgnoreCase(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && corpus::EqualsIgnoreCase(s.substr(0, prefix.size()), prefix);
}

}  // namespace

// ---------------------------------------------------------------- public helpers

std::string_view WarcTypeName(WarcType type) {
  static constexpr std::string_view kNames[kWarcTypeCount] = {
      "warcinfo", "response", "resource",     "request", "metadata",
      "revisit",  "conversion", "continuation", "other",   "none"};
  return kNames[static_cast<int>(type)];
}

std::string_view HeaderMap::Get(std::string_view name) const {
  for (size_t i = 0; i < n_; ++i)
    if (corpus::EqualsIgnoreCase(fields_[i].name, name)) return fields_[i].value;
  return {};
}

bool HeaderMap::Has(std::string_view name) const {
  for (size_t i = 0; i < n_; ++i)
    if (corpus::EqualsIgnoreCase(fields_[i].name, name)) return true;
  return false;
}

void HeaderMap::Add(std::string_view name, std::string_view value) {
  if (n_ == fields_.size()) fields_.emplace_back();
  fields_[n_].name.assign(name);
  fields_[n_].value.assign(value);
  ++n_;
}

void HeaderMap::AppendToLast(std::string_view more) {
  if (n_ == 0 || more.empty()) return;
  std::string& v = fields_[n_ - 1].value;
  if (!v.empty()) v += ' ';
  v.append(more);
}

std::string_view WarcRecord::body() const {
  if (payload_decoded_) return decoded_;
  std::string_view b = block;
  return b.substr(std::min(payload_begin_, b.size()));
}

void WarcRecord::Clear() {
  type = WarcType::kNone;
  version.clear();
  headers.Clear();
  type_name.clear();
  target_uri.clear();
  date.clear();
  record_id.clear();
  content_type.clear();
  content_length = 0;
  offset = stream_offset = 0;
  truncated = false;
  block.clear();
  http.status = 0;
  http.headers.Clear();
  http.mime_type.clear();
  http.charset.clear();
  http.content_encoding.clear();
  http.dechunked = http.decoded = false;
  payload_begin_ = 0;
  payload_decoded_ = false;
  decoded_.clear();
}

void ParseContentType(std::string_view value, std::string* mime_type, std::string* charset) {
  mime_type->clear();
  charset->clear();
  size_t semi = value.find(';');
  *mime_type = LowerCopy(corpus::Trim(value.substr(0, semi)));
  while (semi != std::string_view::npos) {
    value.remove_prefix(semi + 1);
    semi = value.find(';');
    std::string_view param = corpus::Trim(value.substr(0, semi));
    size_t eq = param.find('=');
    if (eq == std::string_view::npos || !corpus::EqualsIgnoreCase(corpus::Trim(param.substr(0, eq)), "charset"))
      continue;
    std::string_view v = corpus::Trim(param.substr(eq + 1));
    if (v.size() >= 1 && (v.front() == '"' || v.front() == '\'')) {
      char q = v.front();
      v.remove_prefix(1);
      v = v.substr(0, v.find(q));
    }
    *charset = std::string(corpus::Trim(v));
    if (!charset->empty()) return;
  }
}

namespace {

// WHATWG MIME Sniffing, "rules for identifying an unknown MIME type": the
// HTML patterns, after leading whitespace, each followed by a tag-terminating
// byte (space or '>').
bool SniffHtml(std::string_view s) {
  if (s.size() >= 3 && s.substr(0, 3) == "\xEF\xBB\xBF") s.remove_prefix(3);
  size_t i = 0;
  while (i < s.size() && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r' || s[i] == '\f')) ++i;
  s.remove_prefix(i);
  static constexpr std::string_view kPatterns[] = {
      "<!DOCTYPE HTML", "<HTML", "<HEAD", "<SCRIPT", "<IFRAME", "<H1", "<DIV", "<FONT", "<TABLE",
      "<A",             "<STYLE", "<TITLE", "<B",    "<BODY",   "<BR", "<P",  "<!--"};
  for (std::string_view p : kPatterns) {
    if (s.size() > p.size() && StartsWithIgnoreCase(s, p) && (s[p.size()] == ' ' || s[p.size()] == '>'))
      return true;
  }
  return false;
}

}  // namespace

bool IsHtmlRecord(const WarcRecord& r) {
  if (r.type != WarcType::kResponse && r.type != WarcType::kResource) return false;
  std::string mime, charset;
  if (r.http.status != 0) {
    mime = r.http.mime_type;
  } else {
    ParseContentType(r.content_type, &mime, &charset);
  }
  if (mime == "text/html" || mime == "application/xhtml+xml") return true;
  if (mime.empty() || mime == "unknown/unknown" || mime == "application/unknown" || mime == "*/*")
    return SniffHtml(r.body().substr(0, 1024));
  return false;
}

namespace corpus {

std::string TakeBody(WarcRecord* record, size_t* begin) { return WarcRecordAccess::TakeBody(record, begin); }

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i)
    if (Lower(a[i]) != Lower(b[i])) return false;
  return true;
}

std::string_view Trim(std::string_view s) {
  size_t b = 0, e = s.size();
  while (b < e && (s[b] == ' ' || s[b] == '\t' || s[b] == '\r' || s[b] == '\n')) ++b;
  while (e > b && (s[e - 1] == ' ' || s[e - 1] == '\t' || s[e - 1] == '\r' || s[e - 1] == '\n')) --e;
  return s.substr(b, e - b);
}

size_t FindBlankLine(std::string_view s, size_t* scanned) {
  size_t i = *scanned;
  for (;;) {
    const void* p = i < s.size() ? std::memchr(s.data() + i, '\n', s.size() - i) : nullptr;
    if (!p) {
      *scanned = s.size();
      return 0;
    }
    size_t j = static_cast<size_t>(static_cast<const char*>(p) - s.data()) + 1;
    if (j < s.size() && s[j] == '\n') return j + 1;
    if (j + 1 < s.size() && s[j] == '\r' && s[j + 1] == '\n') return j + 2;
    if (j >= s.size() || (s[j] == '\r' && j + 1 >= s.size())) {
      *scanned = j - 1;  // undecided until more bytes arrive
      return 0;
    }
    i = j;
  }
}

void ParseFields(std::string_view block, HeaderMap* out) {
  size_t nl = block.find('\n');
  if (nl == std::string_view::npos) return;
  block.remove_prefix(nl + 1);
  while (!block.empty()) {
    nl = block.find('\n');
    std::string_view line = block.substr(0, nl);
    block.remove_prefix(nl == std::string_view::npos ? block.size() : nl + 1);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty()) break;
    if (line[0] == ' ' || line[0] == '\t') {
      out->AppendToLast(Trim(line));
      continue;
    }
    size_t colon = line.find(':');
    if (colon == std::string_view::npos) continue;  // not a field; tolerated
    out->Add(Trim(line.substr(0, colon)), Trim(line.substr(colon + 1)));
  }
}

namespace {

enum class Decoded { kOk, kTruncated, kCorrupt, kLimit };

size_t Cap(size_t max) { return max ? max : SIZE_MAX; }

// wbits as for zlib's inflateInit2: 16+15 gzip, 15 zlib, -15 raw deflate.
Decoded Inflate(std::string_view in, int wbits, size_t max, std::string* out) {
  z_stream zs{};
  if (inflateInit2(&zs, wbits) != Z_OK) return Decoded::kCorrupt;
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
  zs.avail_in = static_cast<uInt>(std::min<size_t>(in.size(), 1u << 30));
  Decoded result = Decoded::kTruncated;
  for (;;) {
    size_t have = out->size();
    if (have >= Cap(max)) {
      result = Decoded::kLimit;
      break;
    }
    size_t grow = std::min({std::max<size_t>(in.size() * 2, 1 << 16), Cap(max) - have, size_t{1} << 30});
    out->resize(have + grow);
    zs.next_out = reinterpret_cast<Bytef*>(out->data() + have);
    zs.avail_out = static_cast<uInt>(grow);
    int rc = inflate(&zs, Z_NO_FLUSH);
    out->resize(have + grow - zs.avail_out);
    if (rc == Z_STREAM_END) {
      result = Decoded::kOk;
      break;
    }
    if (rc == Z_BUF_ERROR && zs.avail_in == 0) break;  // input ends early
    if (rc != Z_OK) {
      result = Decoded::kCorrupt;
      break;
    }
  }
  inflateEnd(&zs);
  return result;
}

Decoded Unbrotli(std::string_view in, size_t max, std::string* out) {
  BrotliDecoderState* st = BrotliDecoderCreateInstance(nullptr, nullptr, nullptr);
  if (!st) return Decoded::kCorrupt;
  size_t avail_in = in.size();
  const uint8_t* next_in = reinterpret_cast<const uint8_t*>(in.data());
  Decoded result = Decoded::kCorrupt;
  for (;;) {
    size_t have = out->size();
    if (have >= Cap(max)) {
      result = Decoded::kLimit;
      break;
    }
    size_t grow = std::min({std::max<size_t>(in.size() * 4, 1 << 16), Cap(max) - have, size_t{1} << 30});
    out->resize(have + grow);
    size_t avail_out = grow;
    uint8_t* next_out = reinterpret_cast<uint8_t*>(out->data() + have);
    BrotliDecoderResult r = BrotliDecoderDecompressStream(st, &avail_in, &next_in, &avail_out, &next_out, nullptr);
    out->resize(have + grow - avail_out);
    if (r == BROTLI_DECODER_RESULT_SUCCESS) { result = Decoded::kOk; break; }
    if (r == BROTLI_DECODER_RESULT_NEEDS_MORE_INPUT) { result = Decoded::kTruncated; break; }
    if (r == BROTLI_DECODER_RESULT_ERROR) break;
  }
  BrotliDecoderDestroyInstance(st);
  return result;
}

Decoded Unzstd(std::string_view in, size_t max, std::string* out) {
  ZSTD_DCtx* d = ZSTD_createDCtx();
  if (!d) return Decoded::kCorrupt;
  ZSTD_inBuffer ib{in.data(), in.size(), 0};
  Decoded result = Decoded::kTruncated;
  for (;;) {
    size_t have = out->size();
    if (have >= Cap(max)) {
      result = Decoded::kLimit;
      break;
    }
    size_t grow = std::min({std::max<size_t>(in.size() * 4, 1 << 16), Cap(max) - have, size_t{1} << 30});
    out->resize(have + grow);
    ZSTD_outBuffer ob{out->data() + have, grow, 0};
    size_t r = ZSTD_decompressStream(d, &ob, &ib);
    out->resize(have + ob.pos);
    if (ZSTD_isError(r)) { result = Decoded::kCorrupt; break; }
    if (r == 0) { result = Decoded::kOk; break; }
    if (ib.pos == ib.size && ob.pos < ob.size) break;  // input ends early
  }
  ZSTD_freeDCtx(d);
  return result;
}

// True when the payload starts with a chunk-size line ("1a2f\r\n", "0;ext\n").
bool LooksChunked(std::string_view s) {
  size_t i = 0;
  while (i < s.size() && i < 16 && std::isxdigit(static_cast<unsigned char>(s[i]))) ++i;
  if (i == 0 || i == 16) return false;
  while (i < s.size() && (s[i] == ' ' || s[i] == '\t')) ++i;
  return i < s.size() && (s[i] == '\r' || s[i] == '\n' || s[i] == ';');
}

// Undoes Transfer-Encoding: chunked. A truncated or malformed tail keeps the
// chunks decoded so far (crawlers truncate long payloads).
void Dechunk(std::string_view s, std::string* out) {
  out->clear();
  size_t i = 0;
  while (i < s.size()) {
    size_t eol = s.find('\n', i);
    if (eol == std::string_view::npos) break;
    uint64_t size = 0;
    size_t j = i, digits = 0;
    for (; j < eol && std::isxdigit(static_cast<unsigned char>(s[j])) && digits < 16; ++j, ++digits) {
      char c = Lower(s[j]);
      size = size * 16 + static_cast<uint64_t>(c <= '9' ? c - '0' : c - 'a' + 10);
    }
    if (digits == 0) break;
    i = eol + 1;
    if (size == 0) break;
    size_t k = static_cast<size_t>(std::min<uint64_t>(size, s.size() - i));
    out->append(s.data() + i, k);
    i += k;
    if (i < s.size() && s[i] == '\r') ++i;
    if (i < s.size() && s[i] == '\n') ++i;
  }
}

bool LooksLikeMarkup(std::string_view s) {
  s = Trim(s.substr(0, 256));
  if (s.size() >= 3 && s.substr(0, 3) == "\xEF\xBB\xBF") s.remove_prefix(3);
  return !s.empty() && s[0] == '<';
}

}  // namespace

Status ParseHttp(WarcRecord* r, const WarcOptions& options) {
  std::string_view b = r->block;
  if (b.size() < 5 || b.substr(0, 5) != "HTTP/") return Status::Ok();
  std::string_view head = b.substr(0, std::min(b.size(), options.max_header_bytes));
  size_t scanned = 0;
  size_t hlen = FindBlankLine(head, &scanned);
  Status status;
  if (hlen == 0) {
    if (b.size() > options.max_header_bytes) {
      WarcRecordAccess::SetPayloadBegin(r, b.size());
      return Status::Corrupt("HTTP header block of the record at offset " + std::to_string(r->offset) +
                             " is larger than " + std::to_string(options.max_header_bytes) + " bytes");
    }
    hlen = b.size();  // headers only (e.g. a revisit record), or cut short
  }
  // "HTTP/1.1 200 OK"
  size_t sp = b.find(' ');
  int code = 0;
  if (sp != std::string_view::npos && sp < hlen) {
    for (size_t i = sp + 1; i < hlen && i < sp + 4 && b[i] >= '0' && b[i] <= '9'; ++i) code = code * 10 + (b[i] - '0');
  }
  r->http.status = code >= 100 ? code : 0;
  if (r->http.status == 0) return Status::Ok();  // not a usable status line: leave the block alone
  ParseFields(b.substr(0, hlen), &r->http.headers);
  WarcRecordAccess::SetPayloadBegin(r, hlen);
  ParseContentType(r->http.headers.Get("Content-Type"), &r->http.mime_type, &r->http.charset);
  r->http.content_encoding = LowerCopy(Trim(r->http.headers.Get("Content-Encoding")));

  std::string* decoded = WarcRecordAccess::Decoded(r);
  std::string_view te = r->http.headers.Get("Transfer-Encoding");
  if (LowerCopy(te).find("chunked") != std::string::npos && LooksChunked(b.substr(hlen))) {
    Dechunk(b.substr(hlen), decoded);
    WarcRecordAccess::SetDecoded(r, true);
    r->http.dechunked = true;
  }

  const std::string& ce = r->http.content_encoding;
  if (!options.decode_content || ce.empty() || ce == "identity") return Status::Ok();
  std::string_view payload = r->body();
  std::string out;
  Decoded d;
  if (ce == "gzip" || ce == "x-gzip") {
    d = Inflate(payload, 16 + MAX_WBITS, options.max_record_bytes, &out);
  } else if (ce == "deflate") {
    // RFC 9110 says zlib-wrapped; many servers send raw deflate.
    bool zlib_header = payload.size() >= 2 && (static_cast<unsigned char>(payload[0]) & 0x0f) == 8 &&
                       ((static_cast<unsigned char>(payload[0]) << 8) | static_cast<unsigned char>(payload[1])) % 31 == 0;
    d = Inflate(payload, zlib_header ? MAX_WBITS : -MAX_WBITS, options.max_record_bytes, &out);
  } else if (ce == "br") {
    d = Unbrotli(payload, options.max_record_bytes, &out);
  } else if (ce == "zstd") {
    d = Unzstd(payload, options.max_record_bytes, &out);
  } else {
    return Status::Unsupported("Content-Encoding \"" + ce + "\" of the record at offset " +
                               std::to_string(r->offset) + " is not supported; the body is left encoded");
  }
  std::string where = " of the record at offset " + std::to_string(r->offset);
  if (d == Decoded::kCorrupt && out.empty()) {
    // Often the crawler already decoded the payload but kept the header.
    if (LooksLikeMarkup(payload)) return Status::Ok();
    return Status::Corrupt("HTTP payload" + where + " is not valid " + ce + " data (Content-Encoding); the body is left encoded");
  }
  if (d == Decoded::kLimit)
    status = Status::LimitExceeded("decoded HTTP payload" + where + " exceeds " +
                                   std::to_string(options.max_record_bytes >> 20) + " MB; the body is cut there");
  else if (d == Decoded::kCorrupt)
    status = Status::Corrupt("HTTP payload" + where + " is corrupt " + ce + " data; the body is what decoded before the damage");
  else if (d == Decoded::kTruncated && !r->headers.Has("WARC-Truncated") && !r->truncated)
    status = Status::Corrupt("HTTP payload" + where + " (" + ce + ") is truncated");
  decoded->swap(out);
  WarcRecordAccess::SetDecoded(r, true);
  r->http.decoded = true;
  return status;
}

}  // namespace corpus
}  // namespace matn
