#include <zlib.h>

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

Status ReadInput(std::string_view path, std::string* out, const ReadOptions& options) {
  out->clear();
  std::string raw;
  FILE* f = nullptr;
  bool is_stdin = path == "-";
  if (is_stdin) {
    f = stdin;
  } else {
    f = std::fopen(std::string(path).c_str(), "rb");
    if (!f) {
      int err = errno;
      if (err == ENOENT) return Status::NotFound("no such file");
      return Status::IOError(std::strerror(err));
    }
  }
  char buf[1 << 16];
  // A compressed input may legitimately be smaller than the limit by any factor,
  // so the raw read is capped at the limit too (gzip never expands data).
  size_t n;
  Status status;
  while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) {
    raw.append(buf, n);
    if (options.max_bytes && raw.size() > options.max_bytes) {
      status = Status::LimitExceeded("input is larger than the " + Megabytes(options.max_bytes) +
                                     " limit (--max-size)");
      break;
    }
  }
  if (status.ok() && std::ferror(f)) status = Status::IOError(std::strerror(errno));
  if (!is_stdin) std::fclose(f);
  if (!status.ok()) return status;
  if (LooksGzipped(raw)) return GunzipBytes(raw, out, options.max_bytes);
  *out = std::move(raw);
  return Status::Ok();
}

}  // namespace matn
