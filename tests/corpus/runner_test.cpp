// RunCorpus: order, nothing lost, bounded in-flight work, same records at any thread count.
#include <gtest/gtest.h>

#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include "matn/corpus.h"

namespace matn {
namespace {

namespace fs = std::filesystem;

std::string Warc(const char* name) { return std::string(MATN_TEST_DATA) + "/warc/" + name; }

struct Collected {
  std::vector<std::string> lines;
  std::vector<std::string> sources;
  int errors = 0;
};

Collected RunAll(const std::vector<std::string>& inputs, int threads, bool ordered = true, size_t depth = 0) {
  Collected c;
  CorpusOptions o;
  o.threads = threads;
  o.ordered = ordered;
  o.queue_depth = depth;
  CorpusStats stats;
  Status s = RunCorpus(inputs, o, [&](std::string_view line, const Record& r) {
    c.lines.emplace_back(line);
    c.sources.push_back(r.source);
    c.errors += !r.error.empty();
  }, &stats);
  EXPECT_TRUE(s.ok());
  EXPECT_EQ(stats.records, c.lines.size());
  EXPECT_EQ(stats.failed, static_cast<uint64_t>(c.errors));
  return c;
}

class RunnerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("matn-runner-" + std::to_string(::getpid()));
    fs::create_directories(dir_);
    for (int i = 0; i < 40; ++i) {
      std::string path = (dir_ / ("page" + std::to_string(100 + i) + ".html")).string();
      std::ofstream(path) << "<title>Page " << i << "</title><article><p>This is paragraph number " << i
                          << ", long enough to be kept as the article text of this little page.</p></article>";
      pages_.push_back(path);
    }
  }
  void TearDown() override { fs::remove_all(dir_); }
  fs::path dir_;
  std::vector<std::string> pages_;
};

TEST_F(RunnerTest, OutputOrderIsInputOrderWhateverTheThreadCount) {
  std::vector<std::string> inputs = pages_;
  inputs.insert(inputs.begin() + 5, Warc("basic.warc.gz"));
  inputs.push_back((dir_ / "missing.html").string());
  Collected one = RunAll(inputs, 1);
  Collected four = RunAll(inputs, 4, true, /*depth=*/3);  // a tiny gate still finishes
  EXPECT_EQ(one.lines, four.lines);
  EXPECT_EQ(one.sources.front(), pages_[0]);
  EXPECT_EQ(one.sources.back(), (dir_ / "missing.html").string());
  EXPECT_EQ(one.errors, 1);  // the missing file, as an error record
}

TEST_F(RunnerTest, UnorderedRunLosesNothing) {
  Collected c = RunAll(pages_, 3, /*ordered=*/false);
  std::vector<std::string> got = c.sources, want = pages_;
  std::sort(got.begin(), got.end());
  EXPECT_EQ(got, want);
}

TEST(Runner, DamagedWarcsYieldErrorRecordsNotSilence) {
  // The same seven HTML records as basic.warc, with damage in between or inside.
  Collected clean = RunAll({Warc("basic.warc")}, 2);
  Collected garbage = RunAll({Warc("garbage.warc")}, 2);
  EXPECT_EQ(clean.errors, 0);
  EXPECT_GE(garbage.errors, 1);
  EXPECT_EQ(garbage.lines.size() - garbage.errors, clean.lines.size());
  Collected truncated = RunAll({Warc("truncated-end.warc.gz")}, 2);
  EXPECT_GE(truncated.errors, 1);
}

TEST_F(RunnerTest, EveryThreadCountAndGateGivesTheSameRecordsAndCounts) {
  // Workers take turns reading; whoever reads, and however small the gate,
  // the records, their order and the counts must not change.
  std::vector<std::string> inputs = {Warc("basic.warc.gz"), pages_[0], Warc("garbage.warc"),
                                     Warc("truncated-mid.warc.gz"), pages_[1], Warc("basic.warc.zst"),
                                     (dir_ / "missing.html").string(), Warc("cl-too-long.warc")};
  auto run = [&](int threads, size_t depth, CorpusStats* stats) {
    std::vector<std::string> lines;
    CorpusOptions o;
    o.threads = threads;
    o.queue_depth = depth;
    EXPECT_TRUE(RunCorpus(inputs, o, [&](std::string_view line, const Record&) { lines.emplace_back(line); }, stats)
                    .ok());
    return lines;
  };
  CorpusStats ref;
  std::vector<std::string> want = run(1, 0, &ref);
  EXPECT_EQ(ref.inputs, inputs.size());
  EXPECT_GT(ref.warc_records, ref.records);  // request and metadata records are read too
  EXPECT_GT(ref.skipped_non_html, 0u);
  EXPECT_GE(ref.failed, 3u);  // the missing file and the damaged WARCs
  EXPECT_GT(ref.reader_cpu_s, 0);
  EXPECT_GT(ref.worker_cpu_s, 0);
  for (int threads : {1, 2, 3, 8}) {
    for (size_t depth : {size_t{1}, size_t{2}, size_t{0}}) {
      CorpusStats st;
      EXPECT_EQ(run(threads, depth, &st), want) << threads << " threads, depth " << depth;
      EXPECT_EQ(st.records, ref.records);
      EXPECT_EQ(st.failed, ref.failed);
      EXPECT_EQ(st.warc_records, ref.warc_records);
      EXPECT_EQ(st.skipped_non_html, ref.skipped_non_html);
      EXPECT_EQ(st.inputs, ref.inputs);
    }
  }
}

TEST_F(RunnerTest, SinkCallsNeverOverlapThoughWorkersMakeThem) {
  // Workers take turns writing; the sink must still see one call at a time.
  std::vector<std::string> inputs = pages_;
  inputs.push_back(Warc("basic.warc.gz"));
  for (bool ordered : {true, false}) {
    std::atomic<int> inside{0};
    int overlaps = 0, calls = 0;
    CorpusOptions o;
    o.threads = 8;
    o.ordered = ordered;
    CorpusStats stats;
    ASSERT_TRUE(RunCorpus(inputs, o, [&](std::string_view, const Record&) {
      if (inside.fetch_add(1) != 0) ++overlaps;
      std::this_thread::sleep_for(std::chrono::microseconds(200));  // widen any race
      ++calls;
      inside.fetch_sub(1);
    }, &stats).ok());
    EXPECT_EQ(overlaps, 0);
    EXPECT_EQ(static_cast<uint64_t>(calls), stats.records);
    EXPECT_EQ(stats.records, pages_.size() + 7);  // basic.warc.gz holds seven pages
  }
}

TEST_F(RunnerTest, BlockedTimeIsChargedToWhatWasWaitedFor) {
  // A slow sink with a gate of two pages: the worker that is not writing runs
  // into the gate and must wait for the write turn; it never waits for the
  // reader that long. Blocked time is part of the workers' wall time.
  CorpusOptions o;
  o.threads = 2;
  o.queue_depth = 2;
  CorpusStats slow;
  ASSERT_TRUE(RunCorpus(pages_, o, [](std::string_view, const Record&) {
    std::this_thread::sleep_for(std::chrono::milliseconds(3));
  }, &slow).ok());
  EXPECT_EQ(slow.records, pages_.size());
  EXPECT_GT(slow.wait_writer_s, 0.02);  // 40 pages x 3 ms written one at a time
  EXPECT_GT(slow.waits, 0u);
  EXPECT_LT(slow.wait_reader_s, slow.wait_writer_s);
  EXPECT_GE(slow.worker_wall_s, slow.wait_writer_s + slow.wait_reader_s + slow.wait_lock_s);
  // The sleeping sink is wall time, not CPU: the writer's CPU stays far below it.
  EXPECT_LT(slow.writer_cpu_s, 0.1);
  EXPECT_GT(slow.worker_wall_s, 0.12);

  // One worker never blocks: there is nobody to wait for.
  o.threads = 1;
  o.queue_depth = 0;
  CorpusStats one;
  ASSERT_TRUE(RunCorpus(pages_, o, [](std::string_view, const Record&) {}, &one).ok());
  EXPECT_EQ(one.wait_reader_s + one.wait_writer_s, 0);
  EXPECT_EQ(one.waits, 0u);
}

TEST(Runner, WarcFilesAreRecognisedByContentAndName) {
  EXPECT_TRUE(LooksLikeWarcFile(Warc("basic.warc.gz")));
  EXPECT_TRUE(LooksLikeWarcFile(Warc("basic.warc.zst")));
  EXPECT_TRUE(LooksLikeWarcFile(Warc("garbage.warc")));
  EXPECT_FALSE(LooksLikeWarcFile(std::string(MATN_TEST_DATA) + "/encoding/fa-windows-1256.html"));

  // Without a telling name the content decides; a page's name is taken at its word.
  namespace fs = std::filesystem;
  const fs::path dir = fs::temp_directory_path() / ("matn-warc-sniff-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  fs::copy_file(Warc("basic.warc.gz"), dir / "crawl-00001", fs::copy_options::overwrite_existing);
  fs::copy_file(Warc("basic.warc"), dir / "capture.bin", fs::copy_options::overwrite_existing);
  fs::copy_file(Warc("basic.warc"), dir / "page.html", fs::copy_options::overwrite_existing);
  EXPECT_TRUE(LooksLikeWarcFile((dir / "crawl-00001").string()));
  EXPECT_TRUE(LooksLikeWarcFile((dir / "capture.bin").string()));
  EXPECT_FALSE(LooksLikeWarcFile((dir / "page.html").string()));
  fs::remove_all(dir);
}

}  // namespace
}  // namespace matn
