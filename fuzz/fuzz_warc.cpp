// libFuzzer target for the WARC reader over an in-memory buffer.
//   clang++-14 -std=c++20 -g -O1 -fsanitize=fuzzer,address,undefined -Iinclude -Isrc \
//     fuzz/fuzz_warc.cpp src/corpus/{input,http,warc_reader}.cpp -lz -lzstd -lbrotlidec -lisal -o fuzz_warc
//   ./fuzz_warc -max_len=65536 tests/data/warc
// Invariants checked: Next() terminates (bounded number of calls per input
// byte), and every returned record's sizes are consistent.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "matn/warc.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  matn::WarcOptions options;
  options.max_record_bytes = 1 << 20;  // keep single inputs cheap
  options.max_header_bytes = 1 << 16;
  options.buffer_bytes = 4096;
  options.html_only = size > 0 && (data[0] & 1);
  std::unique_ptr<matn::WarcReader> reader;
  std::string_view input(reinterpret_cast<const char*>(data), size);
  if (!matn::WarcReader::FromBuffer(input, options, &reader).ok()) return 0;
  matn::WarcRecord rec;
  // Each Next() consumes at least one byte or a segment; a compressed input can
  // expand, so allow generously many calls, but not unboundedly many.
  size_t limit = 1000 + 64 * size;
  for (size_t calls = 0;; ++calls) {
    if (calls > limit) std::abort();  // Next() stopped making progress
    bool done = false;
    matn::Status st = reader->Next(&rec, &done);
    if (done) break;
    std::string_view body = rec.body();
    if (st.ok() && rec.block.size() > rec.content_length) std::abort();
    if (!body.empty() && body.data() == nullptr) std::abort();
    (void)matn::IsHtmlRecord(rec);
  }
  return 0;
}
