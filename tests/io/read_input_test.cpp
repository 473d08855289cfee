#include <gtest/gtest.h>
#include <zlib.h>

#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <string>

#include "matn/io.h"

namespace matn {
namespace {

std::string TempPath(const std::string& name) {
  return (std::filesystem::temp_directory_path() / ("matn_io_test_" + std::to_string(::getpid()) + "_" + name))
      .string();
}

void WriteFile(const std::string& path, const std::string& bytes) {
  FILE* f = std::fopen(path.c_str(), "wb");
  ASSERT_NE(f, nullptr);
  std::fwrite(bytes.data(), 1, bytes.size(), f);
  std::fclose(f);
}

std::string Gzip(const std::string& s) {
  z_stream zs{};
  deflateInit2(&zs, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY);
  std::string out(deflateBound(&zs, s.size()) + 32, '\0');
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(s.data()));
  zs.avail_in = s.size();
  zs.next_out = reinterpret_cast<Bytef*>(out.data());
  zs.avail_out = out.size();
  deflate(&zs, Z_FINISH);
  out.resize(zs.total_out);
  deflateEnd(&zs);
  return out;
}

// Sizes around the read sizes an implementation is likely to use (64 KB
// chunks, page sizes), where an off-by-one would drop or duplicate bytes.
TEST(ReadInput, ReadsEveryByteOfFilesOfAwkwardSizes) {
  for (size_t n : {size_t{0}, size_t{1}, size_t{4095}, size_t{4096}, size_t{65535}, size_t{65536}, size_t{65537},
                   size_t{300001}}) {
    std::string bytes(n, '\0');
    for (size_t i = 0; i < n; ++i) bytes[i] = static_cast<char>('a' + (i * 7 + i / 253) % 26);
    std::string path = TempPath("plain");
    WriteFile(path, bytes);
    std::string out = "stale";
    ASSERT_TRUE(ReadInput(path, &out).ok()) << n;
    EXPECT_EQ(out.size(), n);
    EXPECT_TRUE(out == bytes) << n;
    std::filesystem::remove(path);
  }
}

TEST(ReadInput, GzipIsDecompressedAgainAndAgain) {
  std::string page = "<html><body><p>" + std::string(200000, 'x') + "</p></body></html>";
  std::string path = TempPath("page.html.gz");
  WriteFile(path, Gzip(page));
  std::string out;
  for (int round = 0; round < 3; ++round) {  // the raw buffer is reused between calls
    ASSERT_TRUE(ReadInput(path, &out).ok());
    EXPECT_TRUE(out == page);
  }
  std::filesystem::remove(path);
}

TEST(ReadInput, LimitAppliesToRawAndDecompressedSize) {
  std::string path = TempPath("big");
  WriteFile(path, std::string(10000, 'a'));
  std::string out;
  ReadOptions ro;
  ro.max_bytes = 9999;
  Status s = ReadInput(path, &out, ro);
  EXPECT_EQ(s.code(), Status::Code::kLimitExceeded);
  ro.max_bytes = 10000;
  EXPECT_TRUE(ReadInput(path, &out, ro).ok());
  EXPECT_EQ(out.size(), 10000u);
  // 1 MB of zeros gzips to about 1 KB: the decompressed size is what counts.
  WriteFile(path, Gzip(std::string(1 << 20, '\0')));
  ro.max_bytes = 100000;
  EXPECT_EQ(ReadInput(path, &out, ro).code(), Status::Code::kLimitExceeded);
  std::filesystem::remove(path);
}

TEST(ReadInput, MissingFileAndDirectory) {
  std::string out;
  EXPECT_EQ(ReadInput(TempPath("does-not-exist"), &out).code(), Status::Code::kNotFound);
  Status s = ReadInput(std::filesystem::temp_directory_path().string(), &out);
  EXPECT_FALSE(s.ok());  // EISDIR from read()
}

TEST(ReadInput, TruncatedGzipIsAnError) {
  std::string gz = Gzip(std::string(100000, 'q'));
  std::string path = TempPath("cut.gz");
  WriteFile(path, gz.substr(0, gz.size() / 2));
  std::string out;
  EXPECT_EQ(ReadInput(path, &out).code(), Status::Code::kCorrupt);
  std::filesystem::remove(path);
}

}  // namespace
}  // namespace matn
