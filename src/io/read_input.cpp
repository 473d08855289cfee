#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <string>

#include "matn/io.h"

namespace matn {

bool LooksGzipped(std::string_view bytes) {
  return bytes.size() >= 2 && static_cast<unsigned char>(bytes[0]) == 0x1f &&
         static_cast<unsigned char>(bytes[1]) == 0x8b;
}

static std::string Megabytes(size_t n) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f MB", static_cast<double>(n) / (1 << 20));
  return buf;
}

Status GunzipBytes(std::string_view gz, std::string* out, size_t max_bytes) {
  out->clear();
  z_stream zs{};
  // 15 + 32: accept gzip or zlib headers automatically.
  if (inflateInit2(&zs, 15 + 32) != Z_OK) return Status::IOError("zlib initialisation failed");
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(gz.data()));
  zs.avail_in = static_cast<uInt>(gz.size());
  char chunk[1 << 16];
  Status result;
  for (;;) {
    zs.next_out = reinterpret_cast<Bytef*>(chunk);
    zs.avail_out = sizeof chunk;
    int rc = inflate(&zs, Z_NO_FLUSH);
    out->append(chunk, sizeof chunk - zs.avail_out);
    if (max_bytes && out->size() > max_bytes) {
      result = Status::LimitExceeded("decompressed input exceeds " + Megabytes(max_bytes));
      break;
    }
    if (rc == Z_STREAM_END) {
      // Concatenated gzip members are one stream (as `cat a.gz b.gz` makes).
      if (zs.avail_in > 0 && LooksGzipped(std::string_view(reinterpret_cast<char*>(zs.next_in), zs.avail_in))) {
        inflateReset(&zs);
        continue;
      }
      break;
    }
    if (rc == Z_OK) continue;
    if (rc == Z_BUF_ERROR && zs.avail_in == 0) {
      result = Status::Corrupt("gzip stream is truncated (ends before its end marker)");
      break;
    }
    result = Status::Corrupt(std::string("gzip data is corrupt: ") + (zs.msg ? zs.msg : "inflate failed"));
    break;
  }
  inflateEnd(&zs);
  return result;
}

namespace {

// Reads everything from `fd` into *out (appending), up to `cap` bytes (0 = no
// cap; more than `cap` is an error). `size_hint` is the size fstat reported
// for a regular file: such a file is read with one read() into a buffer of
// exactly that size, and a short read at the size is its end (no extra
// read() to see EOF); pipes and growing files fall back to a loop.
Status ReadFd(int fd, size_t size_hint, bool regular, size_t cap, std::string* out) {
  const size_t start = out->size();
  size_t want = size_hint + 1;  // one more byte: tells a file that grew meanwhile
  if (cap && want > cap + 1) want = cap + 1;
  if (want < (1 << 16)) want = 1 << 16;
  for (;;) {
    const size_t have = out->size();
    ssize_t n;
#ifdef __cpp_lib_string_resize_and_overwrite
    // Read into the grown string without zero-filling it first.
    out->resize_and_overwrite(have + want, [&](char* p, size_t) {
      do n = ::read(fd, p + have, want); while (n < 0 && errno == EINTR);
      return have + (n > 0 ? static_cast<size_t>(n) : 0);
    });
#else
    out->resize(have + want);
    do n = ::read(fd, out->data() + have, want); while (n < 0 && errno == EINTR);
    out->resize(have + (n > 0 ? static_cast<size_t>(n) : 0));
#endif
    if (n < 0) return Status::IOError(std::strerror(errno));
    if (cap && out->size() - start > cap)
      return Status::LimitExceeded("input is larger than the " + Megabytes(cap) + " limit (--max-size)");
    if (n == 0) return Status::Ok();
    if (regular && out->size() - start == size_hint) return Status::Ok();
    want = std::max<size_t>(out->size() - start, 1 << 16);  // grow geometrically
    if (cap) want = std::min(want, cap + 1 - (out->size() - start));
  }
}

// The raw bytes of a compressed file are only needed until they are inflated:
// each thread keeps one buffer for them instead of allocating one per file
// (unless a huge file made it huge).
std::string& RawBuffer() {
  thread_local std::string raw;
  raw.clear();
  if (raw.capacity() > (size_t{16} << 20)) std::string().swap(raw);
  return raw;
}

}  // namespace

Status ReadInput(std::string_view path, std::string* out, const ReadOptions& options) {
  out->clear();
  int fd = 0;  // stdin
  const bool is_stdin = path == "-";
  if (!is_stdin) {
    do fd = ::open(std::string(path).c_str(), O_RDONLY | O_CLOEXEC); while (fd < 0 && errno == EINTR);
    if (fd < 0) {
      int err = errno;
      if (err == ENOENT) return Status::NotFound("no such file");
      return Status::IOError(std::strerror(err));
    }
  }
  struct stat st;
  // stdin may be a regular file read from an offset: the size is only a hint there.
  const bool regular = ::fstat(fd, &st) == 0 && S_ISREG(st.st_mode);
  const size_t size = regular ? static_cast<size_t>(st.st_size) : 0;
  // Most inputs are not compressed: read straight into *out, then look.
  // A compressed input may legitimately be smaller than the limit by any
  // factor, so the raw read is capped at the limit too (gzip never expands data).
  Status status = ReadFd(fd, size, regular && !is_stdin, options.max_bytes, out);
  if (!is_stdin) ::close(fd);
  if (!status.ok()) {
    out->clear();
    return status;
  }
  if (!LooksGzipped(*out)) return Status::Ok();
  std::string& raw = RawBuffer();
  raw.swap(*out);
  return GunzipBytes(raw, out, options.max_bytes);
}

}  // namespace matn
