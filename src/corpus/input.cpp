#include "corpus/input.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>
#include <zstd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>

#if __has_include(<isa-l/igzip_lib.h>)
#include <isa-l/igzip_lib.h>
#define MATN_HAVE_ISAL 1
#endif

namespace matn::corpus {
namespace {

// Consumed bytes kept before data() on refill, so that a decoder that read a
// little past the end of its segment (igzip's bit buffer) can give them back.
constexpr size_t kHistory = 64;
// A damaged segment is rescanned from just after its start (to find the
// members it swallowed) only when it is at most this long; a bigger one is a
// whole-file member, and rescanning gigabytes for spurious magic is worse.
constexpr uint64_t kMaxRescan = uint64_t{64} << 20;

constexpr uint8_t kGzipMagic[3] = {0x1f, 0x8b, 0x08};
constexpr uint8_t kZstdMagic[4] = {0x28, 0xb5, 0x2f, 0xfd};
constexpr uint32_t kZstdDictFrame = 0x184D2A5D;

uint32_t Le32(const uint8_t* p) {
  return uint32_t{p[0]} | uint32_t{p[1]} << 8 | uint32_t{p[2]} << 16 | uint32_t{p[3]} << 24;
}

std::string At(uint64_t off) { return " at offset " + std::to_string(off); }

}  // namespace

// ---------------------------------------------------------------- RawInput

std::unique_ptr<RawInput> RawInput::FromMemory(std::string_view data) {
  std::unique_ptr<RawInput> in(new RawInput());
  in->mem_ = data;
  in->p_ = reinterpret_cast<const uint8_t*>(data.data());
  in->n_ = data.size();
  in->total_ = data.size();
  in->eof_ = true;
  in->seekable_ = true;
  return in;
}

std::unique_ptr<RawInput> RawInput::FromFd(int fd, bool own, size_t chunk) {
  std::unique_ptr<RawInput> in(new RawInput());
  in->fd_ = fd;
  in->own_ = own;
  struct stat st;
  if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode)) {
    in->total_ = static_cast<uint64_t>(st.st_size);
    in->seekable_ = true;
  }
  in->buf_.resize(std::max<size_t>(chunk, 16) + kHistory);
  in->p_ = in->buf_.data();
  return in;
}

RawInput::~RawInput() {
  if (own_ && fd_ >= 0) close(fd_);
}

bool RawInput::Refill() {
  if (eof_) return false;
  size_t start = static_cast<size_t>(p_ - buf_.data());
  size_t keep = std::min(start, kHistory);
  std::memmove(buf_.data(), p_ - keep, keep + n_);
  p_ = buf_.data() + keep;
  if (keep + n_ == buf_.size()) buf_.resize(buf_.size() * 2), p_ = buf_.data() + keep;
  uint8_t* dst = buf_.data() + keep + n_;
  size_t room = buf_.size() - keep - n_;
  ssize_t r;
  do r = read(fd_, dst, room);
  while (r < 0 && errno == EINTR);
  if (r < 0) {
    status_ = Status::IOError(std::string("read failed: ") + std::strerror(errno));
    eof_ = true;
    return false;
  }
  if (r == 0) {
    eof_ = true;
    return false;
  }
  n_ += static_cast<size_t>(r);
  return true;
}

bool RawInput::SeekBack(uint64_t off) {
  if (off > offset_) return false;
  if (fd_ < 0) {  // memory
    p_ = reinterpret_cast<const uint8_t*>(mem_.data()) + off;
    n_ = mem_.size() - off;
    offset_ = off;
    return true;
  }
  uint64_t back = offset_ - off;
  if (back <= static_cast<uint64_t>(p_ - buf_.data())) {
    p_ -= back;
    n_ += back;
    offset_ = off;
    return true;
  }
  if (!seekable_ || lseek(fd_, static_cast<off_t>(off), SEEK_SET) < 0) return false;
  p_ = buf_.data();
  n_ = 0;
  offset_ = off;
  eof_ = false;
  return true;
}

// ---------------------------------------------------------------- decoders

void Decoder::NoteSkip(uint64_t off, uint64_t n, const char* why) {
  if (n == 0) return;
  if (skipped_ == 0) {
    skip_offset_ = off;
    skip_reason_ = why;
  }
  skipped_ += n;
}

namespace {

class PlainDecoder final : public Decoder {
 public:
  explicit PlainDecoder(RawInput* in) : Decoder(in) {}
  bool Begin() override {
    if (started_) return false;
    started_ = true;
    segment_offset_ = in_->offset();
    return in_->size() > 0 || in_->Refill();
  }
  size_t Decode(char* dst, size_t cap) override {
    if (in_->size() == 0 && !in_->Refill()) {
      status_ = in_->status();
      return 0;
    }
    size_t k = std::min(cap, in_->size());
    std::memcpy(dst, in_->data(), k);
    in_->Consume(k);
    return k;
  }

 private:
  bool started_ = false;
};

// Shared by the gzip and zstd decoders: segment framing, resynchronisation.
class FramedDecoder : public Decoder {
 protected:
  explicit FramedDecoder(RawInput* in) : Decoder(in) {}

  // Skips to the next occurrence of `magic`; false at end of input.
  bool FindMagic(const uint8_t* magic, size_t m, const char* why) {
    for (;;) {
      while (in_->size() < m && in_->Refill()) {}
      if (in_->size() < m) {
        Skip(in_->size(), why);
        return false;
      }
      const uint8_t* d = in_->data();
      size_t n = in_->size();
      if (std::memcmp(d, magic, m) == 0) return true;
      std::string_view hay(reinterpret_cast<const char*>(d), n);
      size_t hit = hay.find(std::string_view(reinterpret_cast<const char*>(magic), m), 1);
      Skip(hit != std::string_view::npos ? hit : n - (m - 1), why);
    }
  }
  void Skip(size_t n, const char* why) {
    if (!quiet_) NoteSkip(in_->offset(), n, why);
    in_->Consume(n);
  }
  // Before looking for the next segment after a damaged one, go back to just
  // after the damaged one's start: its decoder may have eaten the next members.
  void Resync() {
    if (rescan_) {
      rescan_ = false;
      uint64_t from = segment_offset_ + 1;
      if (in_->offset() > from && in_->offset() - from <= kMaxRescan) in_->SeekBack(from);
      // A segment that failed before consuming anything: step over its magic.
      while (in_->offset() < from && (in_->size() > 0 || in_->Refill()))
        in_->Consume(static_cast<size_t>(std::min<uint64_t>(in_->size(), from - in_->offset())));
    }
  }
  void Started() {
    segment_offset_ = in_->offset();
    status_ = Status::Ok();
    quiet_ = false;
    done_ = false;
  }
  void Fail(const char* format, const std::string& detail) {
    status_ = Status::Corrupt(std::string(format) + At(segment_offset_) + detail);
    done_ = true;
    rescan_ = true;
    quiet_ = true;  // the bytes up to the next segment belong to this reported damage
  }
  // The input ended inside the segment. A damaged segment can also end this
  // way, having eaten the segments after it: rescan those too.
  void Truncated(const char* what) {
    if (!in_->status().ok()) {
      status_ = in_->status();
    } else {
      status_ = Status::Corrupt(std::string(what) + At(segment_offset_) +
                                " is truncated: the input ends inside it");
    }
    done_ = true;
    rescan_ = true;
    quiet_ = true;
  }

  bool done_ = true;
  bool rescan_ = false;
  bool quiet_ = false;
};

class ZlibGzipDecoder final : public FramedDecoder {
 public:
  explicit ZlibGzipDecoder(RawInput* in) : FramedDecoder(in) {
    ok_ = inflateInit2(&zs_, 16 + MAX_WBITS) == Z_OK;
  }
  ~ZlibGzipDecoder() override {
    if (ok_) inflateEnd(&zs_);
  }
  bool Begin() override {
    Resync();
    if (!ok_ || !FindMagic(kGzipMagic, 3, "bytes that are not gzip data")) return false;
    Started();
    inflateReset(&zs_);
    return true;
  }
  size_t Decode(char* dst, size_t cap) override {
    if (done_) return 0;
    cap = std::min<size_t>(cap, 1u << 30);
    zs_.next_out = reinterpret_cast<Bytef*>(dst);
    zs_.avail_out = static_cast<uInt>(cap);
    for (;;) {
      if (in_->size() == 0 && !in_->Refill()) {
        Truncated("gzip member");
        return cap - zs_.avail_out;
      }
      size_t given = std::min<size_t>(in_->size(), 1u << 30);
      zs_.next_in = const_cast<Bytef*>(in_->data());
      zs_.avail_in = static_cast<uInt>(given);
      uInt out_before = zs_.avail_out;
      int rc = inflate(&zs_, Z_NO_FLUSH);
      size_t used = given - zs_.avail_in;
      in_->Consume(used);
      size_t produced = cap - zs_.avail_out;
      if (rc == Z_STREAM_END) {
        done_ = true;
        return produced;
      }
      if ((rc != Z_OK && rc != Z_BUF_ERROR) || (used == 0 && zs_.avail_out == out_before)) {
        Fail("gzip member", std::string(" is corrupt: ") + (zs_.msg ? zs_.msg : "inflate failed"));
        return produced;
      }
      if (zs_.avail_out == 0) return produced;
    }
  }

 private:
  z_stream zs_{};
  bool ok_ = false;
};

#ifdef MATN_HAVE_ISAL
class IsalGzipDecoder final : public FramedDecoder {
 public:
  explicit IsalGzipDecoder(RawInput* in) : FramedDecoder(in) { isal_inflate_init(&st_); }
  bool Begin() override {
    Resync();
    if (!FindMagic(kGzipMagic, 3, "bytes that are not gzip data")) return false;
    Started();
    isal_inflate_reset(&st_);
    st_.crc_flag = ISAL_GZIP;
    return true;
  }
  size_t Decode(char* dst, size_t cap) override {
    if (done_) return 0;
    cap = std::min<size_t>(cap, 1u << 30);
    st_.next_out = reinterpret_cast<uint8_t*>(dst);
    st_.avail_out = static_cast<uint32_t>(cap);
    for (;;) {
      if (in_->size() == 0 && !in_->Refill()) {
        Truncated("gzip member");
        return cap - st_.avail_out;
      }
      size_t given = std::min<size_t>(in_->size(), 1u << 30);
      st_.next_in = const_cast<uint8_t*>(in_->data());
      st_.avail_in = static_cast<uint32_t>(given);
      uint32_t out_before = st_.avail_out;
      int rc = isal_inflate(&st_);
      // Measured by pointer: igzip may hand back bytes it had buffered.
      ptrdiff_t used = st_.next_in - in_->data();
      if (used >= 0) {
        in_->Consume(std::min(static_cast<size_t>(used), in_->size()));
      } else if (!in_->SeekBack(in_->offset() - static_cast<uint64_t>(-used))) {
        Fail("gzip member", " is corrupt: the decoder lost its place");
        return cap - st_.avail_out;
      }
      size_t produced = cap - st_.avail_out;
      if (rc < 0) {
        Fail("gzip member", std::string(" is corrupt: ") + IsalError(rc));
        return produced;
      }
      if (st_.block_state == ISAL_BLOCK_FINISH) {
        // igzip reads ahead into a 64-bit bit buffer; whole bytes left there
        // belong to the next member.
        size_t unread = st_.read_in_length > 0 ? static_cast<size_t>(st_.read_in_length) / 8 : 0;
        if (unread && unread <= in_->offset()) in_->SeekBack(in_->offset() - unread);
        done_ = true;
        return produced;
      }
      if (used <= 0 && st_.avail_out == out_before && st_.avail_in > 0) {
        Fail("gzip member", " is corrupt: the decoder cannot make progress");
        return produced;
      }
      if (st_.avail_out == 0) return produced;
    }
  }

 private:
  static const char* IsalError(int rc) {
    switch (rc) {
      case ISAL_INVALID_BLOCK: return "invalid deflate block";
      case ISAL_INVALID_SYMBOL: return "invalid deflate symbol";
      case ISAL_INVALID_LOOKBACK: return "invalid distance too far back";
      case ISAL_INVALID_WRAPPER: return "invalid gzip header";
      case ISAL_UNSUPPORTED_METHOD: return "unknown compression method";
      case ISAL_INCORRECT_CHECKSUM: return "incorrect data check";
      default: return "inflate failed";
    }
  }
  inflate_state st_;
};
#endif

class ZstdDecoder final : public FramedDecoder {
 public:
  ZstdDecoder(RawInput* in, size_t max_dict) : FramedDecoder(in), max_dict_(max_dict) {
    dctx_ = ZSTD_createDCtx();
  }
  ~ZstdDecoder() override { ZSTD_freeDCtx(dctx_); }

  bool Begin() override {
    Resync();
    if (!dctx_) return false;
    for (;;) {
      while (in_->size() < 8 && in_->Refill()) {}
      if (in_->size() < 4) {
        Skip(in_->size(), "bytes that are not zstd data");
        return false;
      }
      uint32_t magic = Le32(in_->data());
      if (magic == Le32(kZstdMagic)) {
        Started();
        seen_frame_ = true;
        ZSTD_DCtx_reset(dctx_, ZSTD_reset_session_only);  // keeps the dictionary
        return true;
      }
      if ((magic & 0xFFFFFFF0u) == 0x184D2A50u && in_->size() >= 8) {
        SkippableFrame(magic, Le32(in_->data() + 4));
        continue;
      }
      if (!FindMagic(kZstdMagic, 4, "bytes that are not zstd data")) return false;
    }
  }

  size_t Decode(char* dst, size_t cap) override {
    if (done_) return 0;
    ZSTD_outBuffer out{dst, cap, 0};
    for (;;) {
      if (in_->size() == 0 && !in_->Refill()) {
        Truncated("zstd frame");
        return out.pos;
      }
      ZSTD_inBuffer in{in_->data(), in_->size(), 0};
      size_t out_before = out.pos;
      size_t r = ZSTD_decompressStream(dctx_, &out, &in);
      in_->Consume(in.pos);
      if (ZSTD_isError(r)) {
        Fail("zstd frame", std::string(" is corrupt: ") + ZSTD_getErrorName(r));
        return out.pos;
      }
      if (r == 0) {
        done_ = true;
        return out.pos;
      }
      if (out.pos == out.size) return out.pos;
      if (in.pos == 0 && out.pos == out_before) {
        Fail("zstd frame", " is corrupt: the decoder cannot make progress");
        return out.pos;
      }
    }
  }

 private:
  // A skippable frame: the WARC-zstd dictionary when it comes before the first
  // record frame, otherwise ignored.
  void SkippableFrame(uint32_t magic, uint32_t len) {
    uint64_t off = in_->offset();
    in_->Consume(8);
    bool want_dict = magic == kZstdDictFrame && !seen_frame_ && len <= max_dict_;
    std::string dict;
    uint64_t left = len;
    while (left > 0) {
      if (in_->size() == 0 && !in_->Refill()) break;
      size_t k = static_cast<size_t>(std::min<uint64_t>(left, in_->size()));
      if (want_dict) dict.append(reinterpret_cast<const char*>(in_->data()), k);
      in_->Consume(k);
      left -= k;
    }
    if (left > 0) {
      NoteSkip(off, len - left + 8, "a truncated zstd skippable frame");
      return;
    }
    if (!want_dict) return;
    seen_frame_ = true;  // one dictionary per file
    if (dict.size() >= 4 && Le32(reinterpret_cast<const uint8_t*>(dict.data())) == Le32(kZstdMagic)) {
      std::string plain;
      if (!DecompressAll(dict, &plain)) {
        NoteSkip(off, len + 8, "a zstd dictionary frame that cannot be decompressed");
        return;
      }
      dict.swap(plain);
    }
    if (ZSTD_isError(ZSTD_DCtx_loadDictionary(dctx_, dict.data(), dict.size())))
      NoteSkip(off, len + 8, "an unusable zstd dictionary frame");
  }

  bool DecompressAll(std::string_view src, std::string* out) {
    ZSTD_DCtx* d = ZSTD_createDCtx();
    if (!d) return false;
    ZSTD_inBuffer in{src.data(), src.size(), 0};
    char buf[1 << 16];
    size_t r = 1;
    while (r != 0) {
      ZSTD_outBuffer o{buf, sizeof buf, 0};
      r = ZSTD_decompressStream(d, &o, &in);
      if (ZSTD_isError(r) || out->size() + o.pos > max_dict_) break;
      out->append(buf, o.pos);
      if (r != 0 && in.pos == in.size && o.pos < o.size) break;  // truncated
    }
    ZSTD_freeDCtx(d);
    return r == 0;
  }

  ZSTD_DCtx* dctx_ = nullptr;
  size_t max_dict_;
  bool seen_frame_ = false;
};

}  // namespace

WarcCompression DetectCompression(const uint8_t* p, size_t n) {
  if (n >= 2 && p[0] == 0x1f && p[1] == 0x8b) return WarcCompression::kGzip;
  if (n >= 4 && (Le32(p) == Le32(kZstdMagic) || (Le32(p) & 0xFFFFFFF0u) == 0x184D2A50u))
    return WarcCompression::kZstd;
  return WarcCompression::kNone;
}

std::unique_ptr<Decoder> MakeDecoder(WarcCompression c, RawInput* in, const WarcOptions& options) {
  switch (c) {
    case WarcCompression::kGzip: {
#ifdef MATN_HAVE_ISAL
      const char* force = std::getenv("MATN_GZIP");  // "zlib": for benchmarks and tests
      if (!force || std::strcmp(force, "zlib") != 0) return std::make_unique<IsalGzipDecoder>(in);
#endif
      return std::make_unique<ZlibGzipDecoder>(in);
    }
    case WarcCompression::kZstd: {
      size_t max_dict = options.max_record_bytes ? options.max_record_bytes : size_t{1} << 30;
      return std::make_unique<ZstdDecoder>(in, max_dict);
    }
    case WarcCompression::kNone: break;
  }
  return std::make_unique<PlainDecoder>(in);
}

// ---------------------------------------------------------------- Stream

Stream::Stream(std::unique_ptr<RawInput> raw, std::unique_ptr<Decoder> dec, WarcCompression c)
    : raw_(std::move(raw)), dec_(std::move(dec)), compression_(c), buf_(size_t{64} << 10) {}

bool Stream::Fill(size_t max_hold) {
  if (!in_segment_ || seg_ended_) return false;
  if (pos_ == end_) pos_ = end_ = 0;
  if (buf_.size() - end_ < (size_t{64} << 10) && pos_ > 0) {
    std::memmove(buf_.data(), buf_.data() + pos_, end_ - pos_);
    end_ -= pos_;
    pos_ = 0;
  }
  if (end_ == buf_.size()) {
    if (buf_.size() >= max_hold) return false;
    buf_.resize(std::min(buf_.size() * 2, std::max(max_hold, buf_.size() + 1)));
  }
  size_t k = dec_->Decode(buf_.data() + end_, buf_.size() - end_);
  if (k == 0) {
    seg_ended_ = true;
    return false;
  }
  end_ += k;
  bytes_out_ += k;
  return true;
}

size_t Stream::Read(char* dst, size_t n) {
  size_t got = std::min(size(), n);
  std::memcpy(dst, data(), got);
  Consume(got);
  while (got < n && in_segment_ && !seg_ended_) {
    size_t k = dec_->Decode(dst + got, n - got);
    if (k == 0) {
      seg_ended_ = true;
      break;
    }
    got += k;
    bytes_out_ += k;
    stream_pos_ += k;
  }
  return got;
}

size_t Stream::Skip(size_t n) {
  size_t got = std::min(size(), n);
  Consume(got);
  if (got < n) pos_ = end_ = 0;
  while (got < n && in_segment_ && !seg_ended_) {
    size_t k = dec_->Decode(buf_.data(), std::min(buf_.size(), n - got));
    if (k == 0) {
      seg_ended_ = true;
      break;
    }
    got += k;
    bytes_out_ += k;
    stream_pos_ += k;
  }
  return got;
}

void Stream::Unread(std::string_view bytes) {
  if (bytes.empty()) return;
  if (pos_ >= bytes.size()) {
    pos_ -= bytes.size();
    std::memcpy(buf_.data() + pos_, bytes.data(), bytes.size());
  } else {
    std::vector<char> nb(bytes.size() + size() + (size_t{64} << 10));
    std::memcpy(nb.data(), bytes.data(), bytes.size());
    std::memcpy(nb.data() + bytes.size(), data(), size());
    end_ = bytes.size() + size();
    pos_ = 0;
    buf_.swap(nb);
  }
  stream_pos_ -= bytes.size();
}

bool Stream::NextSegment() {
  if (in_segment_ && !seg_ended_) {
    // Callers only move on once the segment is over; drain to be safe.
    while (Skip(size_t{1} << 30) == (size_t{1} << 30)) {}
  }
  pos_ = end_ = 0;
  seg_ended_ = false;
  in_segment_ = dec_->Begin();
  return in_segment_;
}

}  // namespace matn::corpus
