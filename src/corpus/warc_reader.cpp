#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include "corpus/http.h"
#include "corpus/input.h"
#include "matn/warc.h"

namespace matn {

using corpus::EqualsIgnoreCase;

namespace {

std::string At(uint64_t off) { return " at offset " + std::to_string(off); }

std::string Size(uint64_t n) {
  if (n < (1 << 20)) return std::to_string(n) + " bytes";
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f MB", static_cast<double>(n) / (1 << 20));
  return buf;
}

WarcType ParseType(std::string_view v) {
  static constexpr std::pair<std::string_view, WarcType> kTypes[] = {
      {"response", WarcType::kResponse}, {"request", WarcType::kRequest},
      {"metadata", WarcType::kMetadata}, {"warcinfo", WarcType::kWarcinfo},
      {"resource", WarcType::kResource}, {"revisit", WarcType::kRevisit},
      {"conversion", WarcType::kConversion}, {"continuation", WarcType::kContinuation}};
  for (const auto& [name, type] : kTypes)
    if (EqualsIgnoreCase(v, name)) return type;
  return WarcType::kOther;
}

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// The first line of a record: "WARC/1.0", "WARC/1.1", "WARC/0.18"…
// (digits, a dot, digits, then the end of the line).
bool IsVersionLine(const char* p, size_t n) {
  if (n < 8 || std::memcmp(p, "WARC/", 5) != 0 || !IsDigit(p[5]) || p[6] != '.' || !IsDigit(p[7])) return false;
  size_t i = 8;
  while (i < n && i < 12 && IsDigit(p[i])) ++i;
  return i < n && (p[i] == '\r' || p[i] == '\n');
}

bool ParseLength(std::string_view v, uint64_t* out) {
  if (v.empty() || v.size() > 18) return false;
  uint64_t n = 0;
  for (char c : v) {
    if (c < '0' || c > '9') return false;
    n = n * 10 + static_cast<uint64_t>(c - '0');
  }
  *out = n;
  return true;
}

// A plausible record at the start of `text`: a version line and a complete
// header block that has a Content-Length.
bool LooksLikeRecord(std::string_view text) {
  if (!IsVersionLine(text.data(), text.size())) return false;
  size_t scanned = 0, hlen = corpus::FindBlankLine(text, &scanned);
  if (hlen == 0) return false;
  std::string head(text.substr(0, hlen));
  for (char& c : head) c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
  return head.find("\ncontent-length:") != std::string::npos;
}

// Where the record that a wrong Content-Length made a block swallow starts
// inside it: at the block's start (the header swallowed the trailer) or at a
// line start, and only if a plausible record header begins there. npos if
// none. `after` is what follows the block in the stream, where that header
// may continue.
size_t FindNextRecord(std::string_view block, std::string_view after) {
  auto plausible = [&](size_t at) {
    std::string text(block.substr(at, 1 << 16));
    if (text.size() < (1 << 16)) text.append(after.substr(0, (1 << 16) - text.size()));
    return LooksLikeRecord(text);
  };
  size_t lead = 0;
  while (lead < block.size() && lead < 4 && (block[lead] == '\r' || block[lead] == '\n')) ++lead;
  if (plausible(lead)) return lead;
  for (size_t at = block.find("\nWARC/"); at != std::string_view::npos; at = block.find("\nWARC/", at + 1)) {
    if (plausible(at + 1)) return at + 1;
  }
  return std::string_view::npos;
}

// The block without the record-ending CR/LFs before `next`.
size_t BlockEnd(std::string_view block, size_t next) {
  size_t end = next;
  while (end > 0 && next - end < 4 && (block[end - 1] == '\r' || block[end - 1] == '\n')) --end;
  return end;
}

// Copies the well-known fields out of r->headers; true when a valid
// Content-Length was among them.
bool TakeFields(WarcRecord* r) {
  bool has_length = false;
  for (const HeaderMap::Field& f : r->headers) {
    const std::string& n = f.name;
    if (EqualsIgnoreCase(n, "Content-Length")) {
      has_length = ParseLength(f.value, &r->content_length);
    } else if (n.size() > 5 && EqualsIgnoreCase(std::string_view(n).substr(0, 5), "WARC-")) {
      std::string_view k = std::string_view(n).substr(5);
      if (EqualsIgnoreCase(k, "Type") && r->type_name.empty()) {
        r->type_name = f.value;
      } else if (EqualsIgnoreCase(k, "Target-URI") && r->target_uri.empty()) {
        std::string_view u = f.value;
        if (u.size() >= 2 && u.front() == '<' && u.back() == '>') u = u.substr(1, u.size() - 2);
        r->target_uri.assign(u);
      } else if (EqualsIgnoreCase(k, "Date") && r->date.empty()) {
        r->date = f.value;
      } else if (EqualsIgnoreCase(k, "Record-ID") && r->record_id.empty()) {
        r->record_id = f.value;
      }
    } else if (EqualsIgnoreCase(n, "Content-Type") && r->content_type.empty()) {
      r->content_type = f.value;
    }
  }
  r->type = r->type_name.empty() ? WarcType::kOther : ParseType(r->type_name);
  return has_length;
}

}  // namespace

struct WarcReader::Impl {
  WarcOptions opt;
  corpus::Stream s;
  WarcStats stats;
  bool resync_quietly = false;  // the bytes before the next record belong to a reported error
  bool io_reported = false;

  Impl(const WarcOptions& o, std::unique_ptr<corpus::RawInput> raw, std::unique_ptr<corpus::Decoder> dec,
       WarcCompression c)
      : opt(o), s(std::move(raw), std::move(dec), c) {}

  // A stretch of damaged input, reported as one error.
  struct Garbage {
    bool any = false;
    uint64_t at = 0, bytes = 0;
    std::string why;
    void Note(uint64_t off, uint64_t n, std::string_view reason) {
      if (!any) at = off, why = reason;
      any = true;
      bytes += n;
    }
  };
  bool FindRecordStart(Garbage* g);
  Status ReadRecord(WarcRecord* r);
  Status ReadBlock(WarcRecord* r, bool keep);
  Status CheckTrailer(WarcRecord* r, bool kept);
};

WarcReader::WarcReader(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
WarcReader::~WarcReader() = default;

static Status Make(std::unique_ptr<corpus::RawInput> raw, const WarcOptions& options,
                   std::unique_ptr<WarcReader>* out, std::unique_ptr<WarcReader> (*wrap)(std::unique_ptr<WarcReader::Impl>)) {
  while (raw->size() < 4 && raw->Refill()) {}
  if (!raw->status().ok()) return raw->status();
  WarcCompression c = corpus::DetectCompression(raw->data(), raw->size());
  std::string_view head(reinterpret_cast<const char*>(raw->data()), raw->size());
  size_t lead = head.find_first_not_of("\r\n");
  if (c == WarcCompression::kNone && lead != std::string_view::npos && !head.substr(lead).starts_with("WARC/")) {
    // Not a record at the start: maybe a compressed file whose first bytes
    // are damaged. Decide by the first magic number in the first buffer.
    size_t gz = head.find("\x1f\x8b\x08"), zs = head.find("\x28\xb5\x2f\xfd"), warc = head.find("WARC/");
    size_t first = std::min({gz, zs, warc});
    if (first != std::string_view::npos && first != warc)
      c = first == gz ? WarcCompression::kGzip : WarcCompression::kZstd;
  }
  auto dec = corpus::MakeDecoder(c, raw.get(), options);
  *out = wrap(std::make_unique<WarcReader::Impl>(options, std::move(raw), std::move(dec), c));
  return Status::Ok();
}

Status WarcReader::Open(const std::string& path, const WarcOptions& options, std::unique_ptr<WarcReader>* out) {
  int fd = 0;
  bool own = false;
  if (path != "-") {
    fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
      int err = errno;
      if (err == ENOENT) return Status::NotFound(path + ": no such file");
      return Status::IOError(path + ": " + std::strerror(err));
    }
    own = true;
#ifdef POSIX_FADV_SEQUENTIAL
    posix_fadvise(fd, 0, 0, POSIX_FADV_SEQUENTIAL);
#endif
  }
  return Make(corpus::RawInput::FromFd(fd, own, options.buffer_bytes), options, out,
              [](std::unique_ptr<Impl> i) { return std::unique_ptr<WarcReader>(new WarcReader(std::move(i))); });
}

Status WarcReader::FromBuffer(std::string_view data, const WarcOptions& options, std::unique_ptr<WarcReader>* out) {
  return Make(corpus::RawInput::FromMemory(data), options, out,
              [](std::unique_ptr<Impl> i) { return std::unique_ptr<WarcReader>(new WarcReader(std::move(i))); });
}

const WarcStats& WarcReader::stats() const {
  impl_->stats.bytes_in = impl_->s.raw()->offset();
  impl_->stats.bytes_out = impl_->s.bytes_out();
  return impl_->stats;
}
WarcCompression WarcReader::compression() const { return impl_->s.compression(); }
uint64_t WarcReader::position() const { return impl_->s.raw()->offset(); }
uint64_t WarcReader::input_size() const { return impl_->s.raw()->total_size(); }

// Moves to the first byte of the next record ("WARC/<digit>" at the start of
// a line or of a segment), reporting what had to be skipped. False at the end.
bool WarcReader::Impl::FindRecordStart(Garbage* g) {
  corpus::Decoder* dec = s.decoder();
  for (;;) {
    if (dec->skipped_) {
      if (!resync_quietly) g->Note(dec->skip_offset_, dec->skipped_, dec->skip_reason_);
      dec->skipped_ = 0;
    }
    if (s.segment_over()) {
      if (s.in_segment() && !s.segment_status().ok() && !resync_quietly)
        g->Note(s.segment_offset(), 0, s.segment_status().message());
      if (!s.NextSegment() && !dec->skipped_) return false;
      continue;
    }
    s.Want(16);
    if (s.size() == 0) continue;  // the segment ended: handled above
    // Blank lines between records are harmless.
    size_t ws = 0;
    while (ws < s.size() && (s.data()[ws] == '\r' || s.data()[ws] == '\n')) ++ws;
    if (ws) {
      s.Consume(ws);
      continue;
    }
    if (IsVersionLine(s.data(), s.size())) {
      resync_quietly = false;
      return true;
    }
    // Skip to the next "WARC/x.y" line, keeping a tail too short to decide.
    const char* d = s.data();
    size_t n = s.size(), skip = s.exhausted() ? n : n - std::min<size_t>(n, 4);
    std::string_view view(d, n);
    for (size_t i = 1; i < n;) {
      size_t at = view.find("WARC/", i);
      if (at == std::string_view::npos) break;
      if ((at + 16 > n && !s.exhausted()) || IsVersionLine(d + at, n - at)) {
        skip = at;
        break;
      }
      i = at + 1;
    }
    if (skip == 0) skip = 1;
    if (!resync_quietly) g->Note(s.record_offset(), skip, "bytes that are not a WARC record");
    s.Consume(skip);
  }
}

Status WarcReader::Next(WarcRecord* out, bool* done) {
  *done = false;
  for (;;) {
    out->Clear();
    Impl::Garbage g;
    bool found = impl_->FindRecordStart(&g);
    if (g.any) {
      // Report the damaged stretch on its own; the record after it (if any)
      // is still at the read position for the next call.
      out->type = WarcType::kNone;
      out->offset = g.at;
      ++impl_->stats.errors;
      std::string count = g.bytes ? " (" + std::to_string(g.bytes) + " bytes skipped)" : "";
      return Status::Corrupt("damaged input" + At(g.at) + ": " + g.why + count);
    }
    if (!found) {
      *done = true;
      const Status& io = impl_->s.raw()->status();
      if (!io.ok() && !impl_->io_reported) {
        impl_->io_reported = true;
        ++impl_->stats.errors;
        return io;
      }
      return Status::Ok();
    }
    Status st = impl_->ReadRecord(out);
    if (impl_->opt.html_only && st.ok() && !IsHtmlRecord(*out)) continue;
    ++impl_->stats.returned;
    if (!st.ok()) ++impl_->stats.errors;
    return st;
  }
}

Status WarcReader::Impl::ReadRecord(WarcRecord* r) {
  r->offset = s.record_offset();
  r->stream_offset = s.stream_pos();
  // The header block: "WARC/1.1" line, fields, blank line.
  size_t scanned = 0, hlen = 0;
  for (;;) {
    std::string_view have(s.data(), s.size());
    if (have.size() > opt.max_header_bytes) have = have.substr(0, opt.max_header_bytes);
    hlen = corpus::FindBlankLine(have, &scanned);
    if (hlen) break;
    if (s.size() >= opt.max_header_bytes) {
      s.Consume(5);  // past "WARC/", so the resync finds the next record, not this one
      resync_quietly = true;
      return Status::Corrupt("WARC header block" + At(r->offset) + " is larger than " +
                             std::to_string(opt.max_header_bytes) + " bytes");
    }
    if (!s.Fill(opt.max_header_bytes + 1)) {
      // The segment (or input) ends inside the header block.
      resync_quietly = true;
      r->truncated = true;
      std::string_view partial(s.data(), s.size());
      partial = partial.substr(0, partial.rfind('\n') + 1);  // complete lines only
      r->version.assign(partial.substr(0, partial.find_first_of("\r\n")));
      corpus::ParseFields(partial, &r->headers);
      TakeFields(r);
      ++stats.records;
      ++stats.by_type[static_cast<int>(r->type)];
      s.Consume(s.size());
      std::string cause = s.segment_status().ok() ? "" : " (" + s.segment_status().message() + ")";
      return Status::Corrupt("record" + At(r->offset) + " is truncated inside its WARC header" + cause);
    }
  }
  std::string_view head(s.data(), hlen);
  r->version.assign(head.substr(0, head.find_first_of("\r\n")));
  corpus::ParseFields(head, &r->headers);
  s.Consume(hlen);

  bool has_length = TakeFields(r);
  ++stats.records;
  ++stats.by_type[static_cast<int>(r->type)];

  if (!has_length) {
    resync_quietly = true;
    return Status::Corrupt("record" + At(r->offset) + " has no valid Content-Length; skipped to the next record");
  }
  bool wanted = !opt.html_only || r->type == WarcType::kResponse || r->type == WarcType::kResource;
  bool keep = wanted && (opt.max_record_bytes == 0 || r->content_length <= opt.max_record_bytes);
  Status st = ReadBlock(r, keep);
  if (!st.ok()) return st;
  st = CheckTrailer(r, keep);
  if (!st.ok()) return st;
  if (!keep && wanted)
    return Status::LimitExceeded("record" + At(r->offset) + " has a block of " + Size(r->content_length) +
                                 ", over the limit of " + Size(opt.max_record_bytes) + "; skipped");

  const char* missing = r->type_name.empty()  ? "WARC-Type"
                        : r->record_id.empty() ? "WARC-Record-ID"
                        : r->date.empty()      ? "WARC-Date"
                                               : nullptr;
  if (opt.parse_http && keep && (r->type == WarcType::kResponse || r->type == WarcType::kRevisit)) {
    st = corpus::ParseHttp(r, opt);
  }
  if (missing) return Status::Corrupt("record" + At(r->offset) + " lacks the mandatory " + missing + " header");
  return st;
}

// Reads (or skips, when !keep) the block of Content-Length bytes.
Status WarcReader::Impl::ReadBlock(WarcRecord* r, bool keep) {
  uint64_t want = r->content_length, got = 0;
  for (;;) {
    if (keep) {
      // Grow as bytes arrive: a lying Content-Length must not allocate.
      while (got < want) {
        size_t step = static_cast<size_t>(std::min<uint64_t>(want - got, std::max<size_t>(got, size_t{1} << 20)));
        r->block.resize(got + step);
        size_t k = s.Read(r->block.data() + got, step);
        got += k;
        if (k < step) break;
      }
      r->block.resize(got);
    } else {
      while (got < want) {
        size_t step = static_cast<size_t>(std::min<uint64_t>(want - got, size_t{1} << 30));
        size_t k = s.Skip(step);
        got += k;
        if (k < step) break;
      }
    }
    if (got == want) return Status::Ok();
    // The segment ended before the block did.
    r->truncated = true;
    if (!s.segment_status().ok()) {
      resync_quietly = true;
      return Status::Corrupt("record" + At(r->offset) + " is cut short by damaged input: " + s.segment_status().message());
    }
    bool more = s.NextSegment();
    if (more && s.decoder()->skipped_ == 0) {
      s.Want(16);
      if (!IsVersionLine(s.data(), s.size())) {
        r->truncated = false;
        continue;  // a record split over several gzip members: read on
      }
    }
    // The next member starts a new record (or the input ends): the block is
    // shorter than declared. Recover what followed it if we hold it.
    std::string msg = "record" + At(r->offset) + ": Content-Length is " + std::to_string(want) + " but ";
    if (keep) {
      size_t next = FindNextRecord(r->block, {});
      if (next != std::string::npos) {
        s.Unread(std::string_view(r->block).substr(next));
        r->block.resize(BlockEnd(r->block, next));
        return Status::Corrupt(msg + "the next record starts " + std::to_string(next) + " bytes into the block");
      }
      if (r->block.size() >= 4 && r->block.compare(r->block.size() - 4, 4, "\r\n\r\n") == 0)
        r->block.resize(r->block.size() - 4);
    }
    return Status::Corrupt(msg + (more ? "its gzip/zstd member ends after " : "the input ends after ") +
                           std::to_string(got) + " bytes");
  }
}

// After the block: the "\r\n\r\n" that ends every record.
Status WarcReader::Impl::CheckTrailer(WarcRecord* r, bool kept) {
  s.Want(20);
  std::string_view t(s.data(), s.size());
  size_t crlf = 0;
  while (crlf < t.size() && crlf < 4 && (t[crlf] == '\r' || t[crlf] == '\n')) ++crlf;
  if (t.substr(0, 4) == "\r\n\r\n") {
    s.Consume(4);
  } else if (t.substr(0, 2) == "\n\n") {
    s.Consume(2);
  } else if (crlf == t.size() && s.exhausted()) {
    s.Consume(crlf);  // the input or member ends inside (or instead of) the trailer
  } else if (t.substr(0, 2) == "\r\n" && IsVersionLine(t.data() + 2, t.size() - 2)) {
    s.Consume(2);
  } else if (!IsVersionLine(t.data(), t.size())) {
    // Not the end of a record: Content-Length is wrong. If the block we hold
    // contains the start of the next record, it was too large: give back
    // the bytes from there on. Otherwise it was too small: resynchronise.
    std::string msg = "record" + At(r->offset) + ": Content-Length " + std::to_string(r->content_length);
    if (kept) {
      size_t next = FindNextRecord(r->block, t);
      if (next != std::string::npos) {
        s.Unread(std::string_view(r->block).substr(next));
        r->block.resize(BlockEnd(r->block, next));
        r->truncated = true;
        return Status::Corrupt(msg + " is wrong: the next record starts " + std::to_string(next) + " bytes into the block");
      }
    }
    resync_quietly = true;
    return Status::Corrupt(msg + " does not end at a record boundary (too small, or the record is damaged)");
  }
  // A member that ends right after the record may still be damaged (its CRC).
  if (s.size() == 0) s.Fill(s.size() + 1);
  if (s.segment_over() && !s.segment_status().ok()) {
    resync_quietly = true;
    return Status::Corrupt("record" + At(r->offset) + ": " + s.segment_status().message());
  }
  return Status::Ok();
}

}  // namespace matn
