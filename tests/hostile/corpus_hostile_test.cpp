// Damaged WARC files through RunCorpus (issue 7 item 3): truncated records,
// lying Content-Lengths, a truncated gzip member, absurd lengths and garbage.
// The corpus contract: every HTML record yields exactly one record — the
// extraction or an error record naming input and offset — damaged stretches
// may add error records, and one bad record never stops the others.
#include <gtest/gtest.h>
#include <unistd.h>
#include <zlib.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <vector>

#include "hostile_util.h"
#include "json_check.h"
#include "matn/corpus.h"

namespace matn::hostile {
namespace {

namespace fs = std::filesystem;

constexpr int kPages = 5;

std::string Url(int i) { return "http://example.com/page" + std::to_string(i); }

std::string Html(int i) {
  return "<html><head><title>Page " + std::to_string(i) + "</title></head><body><article><p>Story " +
         std::to_string(i) +
         ": the council approved the plan on Monday, after a long debate about roads, schools and water. "
         "Residents said they were pleased, but some asked for more time to read it.</p></article></body></html>";
}

// One WARC response record; `length_delta` makes its Content-Length lie.
std::string WarcText(int i, long length_delta = 0, std::string length_text = "") {
  std::string block = "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + Html(i);
  if (length_text.empty()) length_text = std::to_string(static_cast<long>(block.size()) + length_delta);
  char id[80];
  std::snprintf(id, sizeof id, "<urn:uuid:00000000-0000-4000-8000-%012d>", i);
  return "WARC/1.1\r\nWARC-Type: response\r\nWARC-Record-ID: " + std::string(id) +
         "\r\nWARC-Date: 2024-07-05T06:24:00Z\r\nWARC-Target-URI: " + Url(i) +
         "\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: " + length_text + "\r\n\r\n" + block +
         "\r\n\r\n";
}

std::string Gzip(const std::string& s) {
  z_stream z{};
  deflateInit2(&z, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY);
  std::string out(deflateBound(&z, s.size()) + 32, '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(s.data()));
  z.avail_in = static_cast<uInt>(s.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  deflate(&z, Z_FINISH);
  out.resize(z.total_out);
  deflateEnd(&z);
  return out;
}

struct Outcome {
  std::vector<matn::Record> ok, failed;
  std::vector<std::string> lines;
  CorpusStats stats;
};

class Damaged : public ::testing::Test {
 protected:
  void SetUp() override {
    char tmpl[] = "/tmp/matn_hostile_warc_XXXXXX";
    dir_ = mkdtemp(tmpl);
  }
  void TearDown() override {
    std::error_code ec;
    fs::remove_all(dir_, ec);
  }
  std::string File(const std::string& name, const std::string& bytes) {
    std::string p = (dir_ / name).string();
    std::ofstream(p, std::ios::binary) << bytes;
    return p;
  }
  Outcome RunFiles(const std::vector<std::string>& inputs) {
    Outcome o;
    CorpusOptions opt;
    opt.threads = 2;
    Status s = RunCorpus(
        inputs, opt,
        [&](std::string_view formatted, const matn::Record& r) {
          o.lines.emplace_back(formatted);
          (r.error.empty() ? o.ok : o.failed).push_back(r);
        },
        &o.stats);
    EXPECT_TRUE(s.ok()) << s.ToString();
    for (const auto& l : o.lines) {
      EXPECT_TRUE(!l.empty() && l.back() == '\n');
      EXPECT_EQ(testing::JsonlRecordError(std::string_view(l).substr(0, l.size() - 1)), "") << l;
    }
    EXPECT_EQ(o.stats.records, o.lines.size());
    EXPECT_EQ(o.stats.failed, o.failed.size());
    return o;
  }
  // Each page's URL must appear in exactly one record (extracted or error),
  // except those listed in `lost` (their bytes are not in the file at all).
  void ExpectEachPageOnce(const Outcome& o, std::vector<int> must_extract) {
    std::map<std::string, int> seen;
    for (const auto& r : o.ok) ++seen[r.meta.url];
    for (const auto& r : o.failed) ++seen[r.meta.url];
    for (int i : must_extract) {
      EXPECT_EQ(seen[Url(i)], 1) << Url(i);
      bool extracted = false;
      for (const auto& r : o.ok)
        if (r.meta.url == Url(i)) extracted = r.article.Text().find("Story " + std::to_string(i) + ":") != std::string::npos;
      EXPECT_TRUE(extracted) << Url(i);
    }
    for (const auto& r : o.failed) {
      if (r.source.find("missing") == std::string::npos) {
        EXPECT_NE(r.source.find('@'), std::string::npos) << "error records name the offset: " << r.source;
      }
      EXPECT_FALSE(r.error.empty());
    }
  }
  fs::path dir_;
};

TEST_F(Damaged, IntactFileGivesEveryPage) {
  std::string warc;
  for (int i = 0; i < kPages; ++i) warc += WarcText(i);
  Outcome o = RunFiles({File("ok.warc", warc)});
  EXPECT_EQ(o.ok.size(), size_t{kPages});
  EXPECT_TRUE(o.failed.empty());
  ExpectEachPageOnce(o, {0, 1, 2, 3, 4});
}

TEST_F(Damaged, TruncatedLastRecord) {
  std::string warc;
  for (int i = 0; i < kPages; ++i) warc += WarcText(i);
  for (size_t cut : {size_t{40}, size_t{250}, size_t{400}}) {  // in the headers, the HTTP headers, the HTML
    SCOPED_TRACE(cut);
    std::string last = WarcText(kPages - 1);
    Outcome o = RunFiles({File("trunc.warc", warc.substr(0, warc.size() - last.size() + cut))});
    ExpectEachPageOnce(o, {0, 1, 2, 3});
    EXPECT_EQ(o.ok.size(), 4u);
    EXPECT_GE(o.failed.size(), 1u);  // the cut record is reported, not dropped
  }
}

TEST_F(Damaged, ContentLengthTooLong) {
  std::string warc = WarcText(0) + WarcText(1, +300) + WarcText(2) + WarcText(3) + WarcText(4);
  Outcome o = RunFiles({File("long.warc", warc)});
  ExpectEachPageOnce(o, {0, 2, 3, 4});
  std::map<std::string, int> seen;
  for (const auto& r : o.ok) ++seen[r.meta.url];
  for (const auto& r : o.failed) ++seen[r.meta.url];
  EXPECT_EQ(seen[Url(1)], 1);  // the lying record: one record, error or not
}

TEST_F(Damaged, ContentLengthTooShort) {
  std::string warc = WarcText(0) + WarcText(1, -120) + WarcText(2) + WarcText(3) + WarcText(4);
  Outcome o = RunFiles({File("short.warc", warc)});
  ExpectEachPageOnce(o, {0, 2, 3, 4});
  std::map<std::string, int> seen;
  for (const auto& r : o.ok) ++seen[r.meta.url];
  for (const auto& r : o.failed) ++seen[r.meta.url];
  EXPECT_EQ(seen[Url(1)], 1);
}

TEST_F(Damaged, AbsurdContentLengths) {
  for (const char* len : {"99999999999999999999", "18446744073709551615", "-5", "abc", "", "0x10", "1e9"}) {
    SCOPED_TRACE(len);
    std::string warc = WarcText(0) + WarcText(1, 0, len) + WarcText(2) + WarcText(3) + WarcText(4);
    Outcome o = RunFiles({File("absurd.warc", warc)});
    ExpectEachPageOnce(o, {0, 2, 3, 4});
  }
}

TEST_F(Damaged, TruncatedGzipMemberInTheMiddle) {
  std::string warc;
  for (int i = 0; i < kPages; ++i) {
    std::string member = Gzip(WarcText(i));
    if (i == 2) member.resize(member.size() / 2);
    warc += member;
  }
  Outcome o = RunFiles({File("cut.warc.gz", warc)});
  ExpectEachPageOnce(o, {0, 1, 3, 4});
  EXPECT_GE(o.failed.size(), 1u);
}

TEST_F(Damaged, TruncatedLastGzipMember) {
  std::string warc;
  for (int i = 0; i < kPages; ++i) warc += Gzip(WarcText(i));
  Outcome o = RunFiles({File("end.warc.gz", warc.substr(0, warc.size() - 10))});
  ExpectEachPageOnce(o, {0, 1, 2, 3});
  EXPECT_GE(o.failed.size(), 1u);
}

TEST_F(Damaged, GarbageBetweenRecordsAndOtherInputsInTheBatch) {
  std::string junk = std::string("\0\1garbage\xFF\xFE not a record\r\n", 26) + Repeat("x", 5000) + "\r\n";
  std::string warc = WarcText(0) + junk + WarcText(1) + WarcText(2) + junk + WarcText(3) + WarcText(4);
  std::string html = File("page.html", Html(9));
  Outcome o = RunFiles({File("junk.warc", warc), (dir_ / "missing.warc").string(), html});
  ExpectEachPageOnce(o, {0, 1, 2, 3, 4});
  bool page = false, missing = false;
  for (const auto& r : o.ok) page |= r.article.Text().find("Story 9:") != std::string::npos;
  for (const auto& r : o.failed) missing |= r.source.find("missing.warc") != std::string::npos;
  EXPECT_TRUE(page);
  EXPECT_TRUE(missing);
}

}  // namespace
}  // namespace matn::hostile
