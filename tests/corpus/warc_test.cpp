// Tests of the streaming WARC reader against the hand-written fixtures of
// tests/data/warc/make_fixtures.py. RECORDS there holds 13 records:
//   0 warcinfo  1 request  2 response (UTF-8 HTML)  3 metadata
//   4 response (PNG)  5 response (chunked+gzip, windows-1256)  6 resource (HTML, WARC/1.0)
//   7 response (XHTML, raw deflate)  8 response (brotli HTML)  9 response (untyped, sniffed HTML)
//   10 revisit  11 response (text/plain)  12 response (404 HTML)
#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "matn/warc.h"

namespace matn {
namespace {

const std::string kDir = std::string(MATN_TEST_DATA) + "/warc/";
constexpr int kRecords = 13;

std::string Id(int n) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "<urn:uuid:00000000-0000-4000-8000-%012d>", n);
  return buf;
}

std::string Slurp(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  std::stringstream ss;
  ss << f.rdbuf();
  return ss.str();
}

struct Result {
  Status status;
  WarcRecord record;
};

struct Pass {
  std::vector<Result> results;
  WarcStats stats;
  WarcCompression compression = WarcCompression::kNone;
  int ok() const {
    int n = 0;
    for (const Result& r : results) n += r.status.ok();
    return n;
  }
  // The record-id of each result (the WarcType name for damaged stretches).
  std::vector<std::string> Ids() const {
    std::vector<std::string> out;
    for (const Result& r : results)
      out.push_back(r.record.type == WarcType::kNone ? "none" : r.record.record_id);
    return out;
  }
};

Pass Drain(std::unique_ptr<WarcReader> reader) {
  Pass run;
  WarcRecord rec;
  for (int guard = 0; guard < 10000; ++guard) {
    bool done = false;
    Status st = reader->Next(&rec, &done);
    if (done) break;
    run.results.push_back({st, rec});
  }
  run.stats = reader->stats();
  run.compression = reader->compression();
  return run;
}

Pass ReadFile(const std::string& name, WarcOptions options = {}) {
  std::unique_ptr<WarcReader> reader;
  Status st = WarcReader::Open(kDir + name, options, &reader);
  EXPECT_TRUE(st.ok()) << st.ToString();
  if (!st.ok()) return {};
  return Drain(std::move(reader));
}

Pass ReadBuffer(std::string_view data, WarcOptions options = {}) {
  std::unique_ptr<WarcReader> reader;
  Status st = WarcReader::FromBuffer(data, options, &reader);
  EXPECT_TRUE(st.ok()) << st.ToString();
  return Drain(std::move(reader));
}

std::vector<std::string> AllIds() {
  std::vector<std::string> ids;
  for (int i = 0; i < kRecords; ++i) ids.push_back(Id(i));
  return ids;
}

const WarcType kTypes[kRecords] = {
    WarcType::kWarcinfo, WarcType::kRequest,  WarcType::kResponse, WarcType::kMetadata, WarcType::kResponse,
    WarcType::kResponse, WarcType::kResource, WarcType::kResponse, WarcType::kResponse, WarcType::kResponse,
    WarcType::kRevisit,  WarcType::kResponse, WarcType::kResponse};

// ------------------------------------------------------------ intact files

class IntactFile : public ::testing::TestWithParam<const char*> {};

TEST_P(IntactFile, ReadsEveryRecordInOrder) {
  for (size_t buffer : {size_t{16}, size_t{1000}, size_t{1} << 20}) {
    WarcOptions options;
    options.buffer_bytes = buffer;
    Pass run = ReadFile(GetParam(), options);
    ASSERT_EQ(run.results.size(), size_t{kRecords}) << "buffer " << buffer;
    EXPECT_EQ(run.ok(), kRecords);
    EXPECT_EQ(run.Ids(), AllIds());
    for (int i = 0; i < kRecords; ++i) {
      EXPECT_EQ(run.results[i].record.type, kTypes[i]) << i;
      EXPECT_TRUE(run.results[i].status.ok()) << i << ": " << run.results[i].status.ToString();
    }
    EXPECT_EQ(run.stats.records, uint64_t{kRecords});
    EXPECT_EQ(run.stats.errors, 0u);
    EXPECT_EQ(run.stats.by_type[int(WarcType::kResponse)], 8u);
    EXPECT_EQ(run.stats.by_type[int(WarcType::kWarcinfo)], 1u);
    EXPECT_EQ(run.stats.by_type[int(WarcType::kRequest)], 1u);
    EXPECT_EQ(run.stats.by_type[int(WarcType::kMetadata)], 1u);
    EXPECT_EQ(run.stats.by_type[int(WarcType::kResource)], 1u);
    EXPECT_EQ(run.stats.by_type[int(WarcType::kRevisit)], 1u);
  }
}

TEST_P(IntactFile, DetectsCompressionFromBytesNotName) {
  std::string name = GetParam();
  WarcCompression want = name.ends_with(".gz")    ? WarcCompression::kGzip
                         : name.ends_with(".zst") ? WarcCompression::kZstd
                                                  : WarcCompression::kNone;
  // Through a buffer there is no name at all.
  Pass run = ReadBuffer(Slurp(kDir + name));
  EXPECT_EQ(run.compression, want);
  EXPECT_EQ(run.ok(), kRecords);
}

TEST_P(IntactFile, SameRecordsWithZlibAsWithIgzip) {
  setenv("MATN_GZIP", "zlib", 1);
  Pass zlib_run = ReadFile(GetParam());
  unsetenv("MATN_GZIP");
  Pass fast_run = ReadFile(GetParam());
  ASSERT_EQ(zlib_run.results.size(), fast_run.results.size());
  for (size_t i = 0; i < zlib_run.results.size(); ++i)
    EXPECT_EQ(zlib_run.results[i].record.block, fast_run.results[i].record.block) << i;
}

INSTANTIATE_TEST_SUITE_P(Formats, IntactFile,
                         ::testing::Values("basic.warc", "basic.warc.gz", "basic-single.warc.gz", "basic.warc.zst",
                                           "basic-dict.warc.zst"));

// ------------------------------------------------------------ record contents

class Contents : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { run_ = new Pass(ReadFile("basic.warc.gz")); }
  static void TearDownTestSuite() { delete run_; }
  const WarcRecord& R(int i) { return run_->results.at(i).record; }
  static Pass* run_;
};
Pass* Contents::run_ = nullptr;

TEST_F(Contents, WarcFields) {
  const WarcRecord& r = R(2);
  EXPECT_EQ(r.version, "WARC/1.1");
  EXPECT_EQ(r.type_name, "response");
  EXPECT_EQ(r.target_uri, "https://example.org/article");
  EXPECT_EQ(r.date, "2024-03-03T12:02:00Z");
  EXPECT_EQ(r.record_id, Id(2));
  EXPECT_EQ(r.content_type, "application/http; msgtype=response");
  EXPECT_EQ(r.headers.Get("warc-ip-address"), "192.0.2.1");  // case-insensitive
  EXPECT_EQ(r.headers.Get("No-Such-Field"), "");
  EXPECT_EQ(r.content_length, r.block.size());
  EXPECT_EQ(R(0).offset, 0u);
  EXPECT_GT(R(1).offset, 0u);  // the offset of member 1
  EXPECT_LT(R(1).offset, R(2).offset);
}

TEST_F(Contents, HttpResponseWithCharset) {
  const WarcRecord& r = R(2);
  EXPECT_EQ(r.http.status, 200);
  EXPECT_EQ(r.http.mime_type, "text/html");
  EXPECT_EQ(r.http.charset, "UTF-8");
  EXPECT_EQ(r.http.headers.Get("content-type"), "text/html; charset=UTF-8");
  std::string_view body = r.body();
  EXPECT_TRUE(body.starts_with("<!DOCTYPE html>\n<html lang=\"fa\""));
  EXPECT_TRUE(body.ends_with("</body></html>\n"));
  EXPECT_EQ(std::to_string(body.size()), r.http.headers.Get("Content-Length"));
  EXPECT_NE(body.find("می\u200cخواهد"), std::string_view::npos);  // ZWNJ intact
  EXPECT_TRUE(IsHtmlRecord(r));
}

TEST_F(Contents, ChunkedGzipBodyIsDecoded) {
  const WarcRecord& r = R(5);
  EXPECT_TRUE(r.http.dechunked);
  EXPECT_TRUE(r.http.decoded);
  EXPECT_EQ(r.http.content_encoding, "gzip");
  EXPECT_EQ(r.http.charset, "windows-1256");  // quotes removed
  EXPECT_EQ(r.http.mime_type, "text/html");
  // "صفحه" in windows-1256 is D5 DD CD E5.
  EXPECT_TRUE(r.body().starts_with("<html><head><title>\xD5\xDD\xCD\xE5</title>"));
  EXPECT_TRUE(r.body().ends_with("</p></body></html>\n"));
  EXPECT_TRUE(IsHtmlRecord(r));
}

TEST_F(Contents, DeflateBrotliAndSniffing) {
  EXPECT_TRUE(R(7).body().starts_with("<?xml version=\"1.0\""));
  EXPECT_EQ(R(7).http.mime_type, "application/xhtml+xml");
  EXPECT_EQ(R(7).http.charset, "utf-8");
  EXPECT_TRUE(IsHtmlRecord(R(7)));
  EXPECT_EQ(R(8).body(),
            "<!DOCTYPE html>\n<html><head><title>Brotli page</title></head><body><p>"
            "Compressed with brotli, decoded by the reader.</p></body></html>\n");
  EXPECT_TRUE(IsHtmlRecord(R(8)));
  EXPECT_EQ(R(9).http.mime_type, "");
  EXPECT_TRUE(IsHtmlRecord(R(9)));  // sniffed: "<!DOCTYPE HTML" after whitespace
}

TEST_F(Contents, NonHtmlRecords) {
  EXPECT_FALSE(IsHtmlRecord(R(0)));
  EXPECT_FALSE(IsHtmlRecord(R(1)));  // a request, even though it is HTTP
  EXPECT_FALSE(IsHtmlRecord(R(3)));
  EXPECT_FALSE(IsHtmlRecord(R(4)));  // image/png
  EXPECT_FALSE(IsHtmlRecord(R(10)));  // revisit
  EXPECT_FALSE(IsHtmlRecord(R(11)));  // text/plain wins over HTML-looking bytes
  // The PNG body contains "\r\n\r\nWARC/1.0": a correct Content-Length is trusted.
  EXPECT_TRUE(R(4).body().starts_with("\x89PNG"));
  EXPECT_NE(R(4).body().find("\r\n\r\nWARC/1.0\r\n"), std::string_view::npos);
  EXPECT_EQ(R(4).body().size(), 29u + 37u + 256u);  // signature+IHDR start, separator text, 0..255
}

TEST_F(Contents, ResourceRevisitAnd404) {
  const WarcRecord& res = R(6);
  EXPECT_EQ(res.version, "WARC/1.0");
  EXPECT_EQ(res.target_uri, "file:///srv/page.html");  // WARC/1.0 angle brackets removed
  EXPECT_EQ(res.http.status, 0);
  EXPECT_EQ(res.body(), res.block);
  EXPECT_TRUE(IsHtmlRecord(res));
  EXPECT_EQ(R(10).http.status, 200);
  EXPECT_EQ(R(10).body(), "");
  EXPECT_EQ(R(12).http.status, 404);
  EXPECT_EQ(R(12).http.charset, "iso-8859-1");
  EXPECT_TRUE(IsHtmlRecord(R(12)));
}

TEST(WarcReader, HtmlOnlyReturnsHtmlAndCountsTheRest) {
  WarcOptions options;
  options.html_only = true;
  for (const char* name : {"basic.warc", "basic.warc.gz", "basic.warc.zst"}) {
    Pass run = ReadFile(name, options);
    std::vector<std::string> want = {Id(2), Id(5), Id(6), Id(7), Id(8), Id(9), Id(12)};
    EXPECT_EQ(run.Ids(), want) << name;
    EXPECT_EQ(run.stats.records, uint64_t{kRecords});
    EXPECT_EQ(run.stats.returned, 7u);
  }
}

TEST(WarcReader, EmptyInput) {
  Pass run = ReadFile("empty.warc");
  EXPECT_TRUE(run.results.empty());
  EXPECT_EQ(run.stats.records, 0u);
  run = ReadBuffer("");
  EXPECT_TRUE(run.results.empty());
}

TEST(WarcReader, MissingFile) {
  std::unique_ptr<WarcReader> reader;
  Status st = WarcReader::Open(kDir + "no-such.warc", {}, &reader);
  EXPECT_EQ(st.code(), Status::Code::kNotFound);
}

TEST(WarcReader, RecordOverTheLimitIsSkippedNotLoaded) {
  WarcOptions options;
  options.max_record_bytes = 200;
  Pass full = ReadFile("basic.warc");
  for (const char* name : {"basic.warc", "basic.warc.gz", "basic.warc.zst"}) {
    Pass run = ReadFile(name, options);
    ASSERT_EQ(run.results.size(), size_t{kRecords}) << name;
    EXPECT_EQ(run.Ids(), AllIds());
    int over = 0;
    for (int i = 0; i < kRecords; ++i) {
      const Result& r = run.results[i];
      if (full.results[i].record.block.size() > 200) {
        ++over;
        EXPECT_EQ(r.status.code(), Status::Code::kLimitExceeded) << i;
        EXPECT_TRUE(r.record.block.empty());
        EXPECT_NE(r.status.message().find("offset " + std::to_string(r.record.offset)), std::string::npos);
      } else {
        EXPECT_TRUE(r.status.ok()) << i << r.status.ToString();
        EXPECT_EQ(r.record.block, full.results[i].record.block);
      }
    }
    EXPECT_EQ(over, 4);  // records 2, 4, 5 and 7
  }
}

// ------------------------------------------------------------ damaged files

// Expects the 13 records, each once and in order, all OK except `bad`,
// which must carry an error naming its offset (and, if the damage left its
// header readable, its record id).
void ExpectAllButOne(const Pass& run, int bad, const std::string& what) {
  SCOPED_TRACE(what);
  ASSERT_EQ(run.results.size(), size_t{kRecords});
  for (int i = 0; i < kRecords; ++i) {
    const Result& r = run.results[i];
    if (i == bad) {
      EXPECT_FALSE(r.status.ok());
      if (!r.record.record_id.empty()) EXPECT_EQ(r.record.record_id, Id(i));
      EXPECT_NE(r.status.message().find("offset " + std::to_string(r.record.offset)), std::string::npos)
          << r.status.ToString();
    } else {
      EXPECT_TRUE(r.status.ok()) << i << ": " << r.status.ToString();
      EXPECT_EQ(r.record.record_id, Id(i));
    }
  }
}

TEST(WarcDamage, TruncatedLastGzipMember) {
  Pass basic = ReadFile("basic.warc.gz");
  for (const char* gz : {"zlib", "fast"}) {
    if (std::string(gz) == "zlib") setenv("MATN_GZIP", "zlib", 1);
    Pass run = ReadFile("truncated-end.warc.gz");
    unsetenv("MATN_GZIP");
    ExpectAllButOne(run, 12, gz);
    if (run.results.size() != kRecords) continue;
    EXPECT_EQ(run.results[12].status.code(), Status::Code::kCorrupt);
    EXPECT_NE(run.results[12].status.message().find("truncated"), std::string::npos);
    EXPECT_EQ(run.results[12].record.offset, basic.results[12].record.offset);
    EXPECT_TRUE(run.results[12].record.truncated);
  }
}

TEST(WarcDamage, TruncatedGzipMemberInTheMiddle) {
  for (const char* gz : {"zlib", "fast"}) {
    if (std::string(gz) == "zlib") setenv("MATN_GZIP", "zlib", 1);
    Pass run = ReadFile("truncated-mid.warc.gz");
    Pass small = ReadFile("truncated-mid.warc.gz", [] { WarcOptions o; o.buffer_bytes = 16; return o; }());
    unsetenv("MATN_GZIP");
    ExpectAllButOne(run, 5, gz);
    ExpectAllButOne(small, 5, std::string(gz) + " 16-byte buffer");
  }
}

TEST(WarcDamage, CorruptGzipMember) {
  for (const char* gz : {"zlib", "fast"}) {
    if (std::string(gz) == "zlib") setenv("MATN_GZIP", "zlib", 1);
    Pass run = ReadFile("corrupt-mid.warc.gz");
    unsetenv("MATN_GZIP");
    ExpectAllButOne(run, 2, gz);
    if (run.results.size() == kRecords) EXPECT_EQ(run.results[2].status.code(), Status::Code::kCorrupt);
  }
}

TEST(WarcDamage, TruncatedPlainRecord) {
  Pass run = ReadFile("truncated-end.warc");
  ExpectAllButOne(run, 12, "block");
  EXPECT_TRUE(run.results.back().record.truncated);
  EXPECT_EQ(run.results.back().record.target_uri, "https://example.org/missing");
  run = ReadFile("truncated-header.warc");
  ASSERT_EQ(run.results.size(), size_t{kRecords});
  EXPECT_EQ(run.ok(), 12);
  EXPECT_FALSE(run.results[12].status.ok());
  EXPECT_NE(run.results[12].status.message().find("truncated inside its WARC header"), std::string::npos);
}

TEST(WarcDamage, ContentLengthTooLong) {
  Pass basic = ReadFile("basic.warc");
  for (const char* name : {"cl-too-long.warc", "cl-too-long.warc.gz"}) {
    Pass run = ReadFile(name);
    ASSERT_EQ(run.results.size(), size_t{kRecords}) << name;
    EXPECT_EQ(run.Ids(), AllIds());
    EXPECT_EQ(run.ok(), 11);
    for (int bad : {2, 12}) {
      const Result& r = run.results[bad];
      EXPECT_EQ(r.status.code(), Status::Code::kCorrupt) << name;
      EXPECT_NE(r.status.message().find("Content-Length"), std::string::npos) << r.status.ToString();
      // The block is cut where the record really ended.
      EXPECT_EQ(r.record.block, basic.results[bad].record.block) << name << " " << bad;
      EXPECT_TRUE(r.record.truncated);
    }
    EXPECT_EQ(run.results[3].record.block, basic.results[3].record.block);
  }
}

TEST(WarcDamage, ContentLengthTooShort) {
  for (const char* name : {"cl-too-short.warc", "cl-too-short.warc.gz"}) {
    Pass run = ReadFile(name);
    ExpectAllButOne(run, 2, name);
    if (run.results.size() == kRecords) {
      EXPECT_NE(run.results[2].status.message().find("Content-Length"), std::string::npos);
      EXPECT_EQ(run.results[2].record.target_uri, "https://example.org/article");
    }
  }
}

TEST(WarcDamage, GarbageBetweenRecords) {
  Pass run = ReadFile("garbage.warc");
  std::vector<std::string> want = {"none", Id(0), Id(1), Id(2), Id(3), "none"};
  for (int i = 4; i < kRecords; ++i) want.push_back(Id(i));
  want.push_back("none");
  EXPECT_EQ(run.Ids(), want);
  EXPECT_EQ(run.ok(), kRecords);
  EXPECT_EQ(run.stats.errors, 3u);
  EXPECT_EQ(run.results[0].record.offset, 0u);
  EXPECT_NE(run.results[0].status.message().find("not a WARC record"), std::string::npos);

  run = ReadFile("garbage.warc.gz");
  want = {Id(0), Id(1), Id(2), Id(3), "none"};
  for (int i = 4; i < kRecords; ++i) want.push_back(Id(i));
  EXPECT_EQ(run.Ids(), want);
  EXPECT_EQ(run.ok(), kRecords);
  EXPECT_NE(run.results[4].status.message().find("not gzip data"), std::string::npos);
}

TEST(WarcDamage, MissingHeaders) {
  Pass basic = ReadFile("basic.warc");
  Pass run = ReadFile("missing-headers.warc");
  ASSERT_EQ(run.Ids(), AllIds());
  EXPECT_EQ(run.ok(), kRecords - 2);
  // No WARC-Date: an error, but the record is complete.
  EXPECT_EQ(run.results[2].status.code(), Status::Code::kCorrupt);
  EXPECT_NE(run.results[2].status.message().find("WARC-Date"), std::string::npos);
  EXPECT_EQ(run.results[2].record.block, basic.results[2].record.block);
  EXPECT_EQ(run.results[2].record.http.charset, "UTF-8");
  // No Content-Length: an error, and the next record is found again.
  EXPECT_NE(run.results[3].status.message().find("Content-Length"), std::string::npos);
  EXPECT_TRUE(run.results[4].status.ok());
  EXPECT_EQ(run.results[4].record.block, basic.results[4].record.block);
}


// ------------------------------------------------------------ systematic damage

// End offsets (in the file) of each record: for plain files where its block
// ends; for per-record gzip where its member ends.
std::vector<uint64_t> RecordEnds(const Pass& run, uint64_t file_size, bool plain) {
  std::vector<uint64_t> ends;
  for (size_t i = 0; i < run.results.size(); ++i) {
    uint64_t next = i + 1 < run.results.size() ? run.results[i + 1].record.offset : file_size;
    ends.push_back(plain ? next - 4 : next);  // minus the "\r\n\r\n" after the block
  }
  return ends;
}

TEST(WarcDamage, EveryPrefixYieldsTheCompleteRecordsAndAtMostOneError) {
  for (const char* name : {"basic.warc", "basic.warc.gz", "basic.warc.zst"}) {
    std::string data = Slurp(kDir + name);
    Pass full = ReadBuffer(data);
    ASSERT_EQ(full.ok(), kRecords);
    bool plain = std::string(name) == "basic.warc";
    std::vector<uint64_t> ends = RecordEnds(full, data.size(), plain);
    for (size_t len = 0; len <= data.size(); ++len) {
      Pass run = ReadBuffer(std::string_view(data).substr(0, len));
      int complete = 0;
      for (uint64_t e : ends) complete += e <= len;
      ASSERT_EQ(run.ok(), complete) << name << " prefix " << len;
      ASSERT_LE(run.results.size(), size_t(complete) + 1) << name << " prefix " << len;
      for (int i = 0; i < complete; ++i) ASSERT_EQ(run.results[i].record.block, full.results[i].record.block);
    }
  }
}

TEST(WarcDamage, OneFlippedByteDamagesAtMostOneRecord) {
  for (const char* name : {"basic.warc", "basic.warc.gz", "basic.warc.zst", "basic-single.warc.gz"}) {
    std::string data = Slurp(kDir + name);
    Pass full = ReadBuffer(data);
    bool single = std::string(name) == "basic-single.warc.gz";
    // Every byte of the plain and the per-record gzip file; every third byte
    // of the others and for the second mask (to keep the test quick, also
    // under the sanitizers).
    bool plain = std::string(name) == "basic.warc", gz = std::string(name) == "basic.warc.gz";
    for (unsigned char mask : {0x5A, 0x01}) {
      size_t stride = (plain || gz) && mask == 0x5A ? 1 : 3;
      for (size_t pos = 0; pos < data.size(); pos += stride) {
        std::string bad = data;
        bad[pos] = static_cast<char>(bad[pos] ^ mask);
        Pass run = ReadBuffer(bad);
        int changed = 0;
        int64_t last = -1;
        for (const Result& r : run.results) {
          if (r.record.type == WarcType::kNone) continue;  // a damaged stretch
          // Nothing is returned twice: record positions strictly increase.
          ASSERT_GT(int64_t(r.record.stream_offset), last) << name << " at " << pos;
          last = int64_t(r.record.stream_offset);
          if (!r.status.ok()) continue;
          int i = -1;
          for (int k = 0; k < kRecords; ++k)
            if (r.record.record_id == Id(k)) i = k;
          if (i < 0 || r.record.block != full.results[i].record.block) ++changed;
        }
        // A whole-file member loses everything after the damage; otherwise
        // one flipped byte may cost (or alter, in a plain file) one record.
        if (!single) {
          ASSERT_GE(run.ok() - changed, kRecords - 1) << name << " byte " << pos << " mask " << int(mask);
          ASSERT_LE(changed, 1) << name << " byte " << pos;
        }
        // Damage never makes the reader run away (a whole-file member can
        // garble what follows the damage into many broken pieces).
        ASSERT_LE(run.results.size(), single ? 3 * size_t{kRecords} : size_t{kRecords} + 3) << name << " byte " << pos;
      }
    }
  }
}
// Inputs that once crashed the fuzz target (fuzz/fuzz_warc.cpp): each must
// be read to the end without a crash, as the sanitizer build checks.
TEST(WarcDamage, FuzzRegressions) {
  for (const char* name : {"regress/fuzz-empty-segment-1", "regress/fuzz-empty-segment-2", "regress/fuzz-igzip-handback"}) {
    std::string data = Slurp(kDir + name);
    ASSERT_FALSE(data.empty()) << name;
    Pass run = ReadBuffer(data);
    EXPECT_LE(run.results.size(), data.size() + 1) << name;
  }
}

}  // namespace
}  // namespace matn
