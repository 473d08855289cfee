// Internal to the corpus layer: raw input, decompressors and the segmented
// decompressed stream that the WARC parser reads.
//
// A "segment" is a unit the compression format delimits: a gzip member or a
// zstd frame (an uncompressed input is one segment). Common Crawl writes one
// record per segment, so segment boundaries are where damage is contained and
// where reading resumes after it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "matn/status.h"
#include "matn/warc.h"

namespace matn::corpus {

// The raw bytes of the input, in a window that Refill() slides forward.
class RawInput {
 public:
  static std::unique_ptr<RawInput> FromMemory(std::string_view data);
  // Takes ownership of fd when own is true.
  static std::unique_ptr<RawInput> FromFd(int fd, bool own, size_t chunk);
  ~RawInput();

  const uint8_t* data() const { return p_; }
  size_t size() const { return n_; }
  uint64_t offset() const { return offset_; }  // input offset of data()
  void Consume(size_t k) { p_ += k; n_ -= k; offset_ += k; }  // k <= size()
  // Appends more input after the unconsumed bytes; false at end of input or
  // on a read error (then status() is not OK).
  bool Refill();
  // Moves back to input offset `off` (<= offset()). Always possible for the
  // last few consumed bytes and for memory and seekable files; false otherwise.
  bool SeekBack(uint64_t off);
  const Status& status() const { return status_; }
  uint64_t total_size() const { return total_; }

 private:
  RawInput() = default;
  const uint8_t* p_ = nullptr;
  size_t n_ = 0;
  uint64_t offset_ = 0;
  uint64_t total_ = 0;
  int fd_ = -1;
  bool own_ = false;
  bool seekable_ = false;
  bool eof_ = false;
  std::string_view mem_;
  std::vector<uint8_t> buf_;
  Status status_;
};

// Decodes one segment at a time from a RawInput.
class Decoder {
 public:
  virtual ~Decoder() = default;
  // Positions at the start of the next segment. False at the end of input.
  // Bytes that had to be skipped to find it are added to skipped_ (from
  // skip_offset_), with the reason in skip_reason_.
  virtual bool Begin() = 0;
  // Up to cap decoded bytes of the current segment; 0 only when the segment
  // is over, then status() says whether it ended cleanly.
  virtual size_t Decode(char* dst, size_t cap) = 0;

  const Status& status() const { return status_; }
  uint64_t segment_offset() const { return segment_offset_; }
  uint64_t skipped_ = 0;
  uint64_t skip_offset_ = 0;
  std::string skip_reason_;

 protected:
  explicit Decoder(RawInput* in) : in_(in) {}
  // Records skipped bytes (the first skipped offset wins).
  void NoteSkip(uint64_t off, uint64_t n, const char* why);
  RawInput* in_;
  Status status_;
  uint64_t segment_offset_ = 0;
};

WarcCompression DetectCompression(const uint8_t* p, size_t n);
std::unique_ptr<Decoder> MakeDecoder(WarcCompression c, RawInput* in, const WarcOptions& options);

// The decompressed bytes of the current segment, buffered for the parser.
class Stream {
 public:
  Stream(std::unique_ptr<RawInput> raw, std::unique_ptr<Decoder> dec, WarcCompression c);

  const char* data() const { return buf_.data() + pos_; }
  size_t size() const { return end_ - pos_; }
  void Consume(size_t n) { pos_ += n; stream_pos_ += n; }  // n <= size()
  // Decodes more of the segment into the buffer, growing it up to max_hold
  // bytes. False when nothing was added (segment over, or buffer at max_hold).
  bool Fill(size_t max_hold);
  // Makes at least k bytes available unless the segment ends first.
  void Want(size_t k) {
    while (size() < k && Fill(k + (size_t{64} << 10))) {}
  }
  // Copies up to n bytes of the segment to dst; fewer only at segment end.
  size_t Read(char* dst, size_t n);
  size_t Skip(size_t n);
  // Puts bytes back in front of data() (the parser's recovery path).
  void Unread(std::string_view bytes);

  bool in_segment() const { return in_segment_; }
  // No more bytes can be decoded into the buffer (what is buffered remains).
  bool exhausted() const { return !in_segment_ || seg_ended_; }
  // Exhausted and nothing left in the buffer.
  bool segment_over() const { return exhausted() && pos_ == end_; }
  const Status& segment_status() const { return dec_->status(); }
  // Starts the next segment (the current one must be over). False at end of input.
  bool NextSegment();

  uint64_t stream_pos() const { return stream_pos_; }
  // Where a record starting at data() starts in the input (see WarcRecord::offset).
  uint64_t record_offset() const {
    return compression_ == WarcCompression::kNone ? stream_pos_ : dec_->segment_offset();
  }
  uint64_t segment_offset() const { return dec_->segment_offset(); }
  Decoder* decoder() { return dec_.get(); }
  RawInput* raw() { return raw_.get(); }
  WarcCompression compression() const { return compression_; }
  uint64_t bytes_out() const { return bytes_out_; }

 private:
  std::unique_ptr<RawInput> raw_;
  std::unique_ptr<Decoder> dec_;
  WarcCompression compression_;
  std::vector<char> buf_;
  size_t pos_ = 0, end_ = 0;
  uint64_t stream_pos_ = 0;
  uint64_t bytes_out_ = 0;
  bool in_segment_ = false;
  bool seg_ended_ = false;
};

}  // namespace matn::corpus
