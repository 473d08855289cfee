// matn/io.h — reading inputs from files and stdin.
//
// Every command reads its inputs through ReadInput(), so gzip-compressed files
// (".gz" or gzip magic bytes) are decompressed transparently everywhere. A
// truncated or corrupt gzip stream is an error (Status::Corrupt), never a
// silently shortened page.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "matn/status.h"

namespace matn {

struct ReadOptions {
  // Inputs larger than this (after decompression) are refused with
  // Status::LimitExceeded rather than read into memory. 0 = no limit.
  size_t max_bytes = size_t{64} << 20;
};

// Reads the whole of `path` ("-" = stdin) into *out, decompressing gzip.
Status ReadInput(std::string_view path, std::string* out, const ReadOptions& options = {});

// Decompresses a gzip stream (one or more members) held in memory.
Status GunzipBytes(std::string_view gz, std::string* out, size_t max_bytes = 0);

// True when the bytes start with the gzip magic number.
bool LooksGzipped(std::string_view bytes);

}  // namespace matn
