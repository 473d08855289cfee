// The corpus runner: N workers that take turns reading and writing.
//
// Why this shape: WARC files are one sequential stream each, so reading them is
// serial, while parsing and extraction are independent per page. There is no
// dedicated reader or writer thread: when the queue runs low, one worker takes
// the reader role (a flag, so at most one at a time), reads a short batch of
// records and goes back to extracting; a worker that finishes a page and finds
// the writer role free writes every record that is ready. So `-j N` means N
// busy threads in all — with a separate reader and writer, `-j 1` already used
// 1.2 cores and `-j 2` had three threads on two cores — and reading on one core
// overlaps extraction on the others, which bounds the speed-up by
// max(read, total / N) rather than by Amdahl's law. Reading only frames
// records: HTTP-date parsing happens in the workers and record bodies are
// moved, not copied, into jobs.
// Jobs are numbered; records are written by number. A counting gate bounds
// the jobs between reading and writing, so memory stays flat however large the
// input and however slow one page is (a slow page holds back at most `depth`
// others).
#include <sys/stat.h>
#include <zlib.h>
#include <zstd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <deque>
#include <map>
#include <mutex>
#include <optional>
#include <thread>

#include <time.h>

#include "corpus/http.h"
#include "matn/calendar.h"
#include "matn/corpus.h"
#include "matn/io.h"
#include "matn/warc.h"

namespace matn {
namespace {

struct Job {
  uint64_t seq = 0;
  bool read_file = false;  // worker reads `path` itself (HTML file input)
  std::string path;        // file to read, or the source label
  std::string bytes;       // page bytes when already read (WARC record, stdin), from `begin` on
  size_t begin = 0;
  std::string url, charset, content_language, record_id, date;
  std::string error;  // non-empty: emit an error record, nothing to process
};

struct Done {
  uint64_t seq = 0;
  std::string formatted;
  Record record;
  bool failed = false;
  size_t page_bytes = 0;
};

bool StartsWithWarc(std::string_view s) { return s.size() >= 6 && s.substr(0, 6) == "WARC/1"; }

std::string Offset(uint64_t n) { return std::to_string(n); }

// Where a worker's blocked wall time went (see CorpusStats::wait_*).
struct Waits {
  double reader = 0, writer = 0, lock = 0;
  uint64_t count = 0;
};
thread_local Waits* t_waits = nullptr;

double Now() { return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count(); }

// Takes the lock, reading the clock only when it is contended.
void Acquire(std::unique_lock<std::mutex>& lock) {
  if (lock.try_lock()) return;
  double t0 = Now();
  lock.lock();
  if (t_waits) t_waits->lock += Now() - t0;
}

double ThreadCpuSeconds() {
  timespec ts;
  if (clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts) != 0) return 0;
  return static_cast<double>(ts.tv_sec) + ts.tv_nsec * 1e-9;
}

class Runner {
 public:
  Runner(const std::vector<std::string>& inputs, const CorpusOptions& options, const RecordSink& sink,
         CorpusStats* stats)
      : inputs_(inputs), opt_(options), sink_(sink), stats_(stats) {
    threads_ = options.threads > 0 ? options.threads : std::max(1u, std::thread::hardware_concurrency());
    depth_ = options.queue_depth ? options.queue_depth : static_cast<size_t>(8 * threads_);
    // Read when fewer than two jobs per worker wait, up to three: short
    // turns, so the reader role moves between workers, started early enough
    // that the others still have a page each to work on if the reader is
    // slow (a big record) or descheduled (a shared machine).
    low_water_ = std::min<size_t>(2 * static_cast<size_t>(threads_), depth_);
    high_water_ = std::min<size_t>(3 * static_cast<size_t>(threads_), depth_);
  }

  void Run() {
    auto start = std::chrono::steady_clock::now();
    for (const auto& in : inputs_) {
      struct stat st;
      if (in != "-" && ::stat(in.c_str(), &st) == 0) stats_->bytes_total += st.st_size;
    }
    std::vector<std::thread> workers;
    for (int i = 0; i < threads_; ++i) workers.emplace_back([this] { Work(); });
    // The calling thread only reports progress; the sink runs on the workers.
    auto last_progress = start;
    for (;;) {
      {
        std::unique_lock<std::mutex> lock(mu_);
        if (finish_cv_.wait_for(lock, std::chrono::milliseconds(500), [&] { return workers_done_ == threads_; }))
          break;
      }
      Progress(start, &last_progress);
    }
    for (auto& w : workers) w.join();
    Snapshot(stats_);
    stats_->seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  }

 private:
  // ---- reading (by whichever worker holds the reader role) ----
  // Queues a job; tells the reader to end its turn when the queue is full
  // enough or the gate is shut (one lock per record read).
  void Submit(Job job) {
    std::unique_lock<std::mutex> lock(mu_, std::defer_lock);
    Acquire(lock);
    job.seq = next_seq_++;
    ++in_flight_;
    jobs_.push_back(std::move(job));
    turn_over_ = in_flight_ >= depth_ || jobs_.size() >= high_water_;
    lock.unlock();
    jobs_cv_.notify_one();  // outside the lock: the woken worker need not block on it
  }

  void SubmitError(std::string source, std::string url, std::string error) {
    Job j;
    j.path = std::move(source);
    j.url = std::move(url);
    j.error = std::move(error);
    Submit(std::move(j));
  }

  // Reads until enough jobs are queued, the gate is full or the input ends.
  // The caller saw the gate open; each step submits at most one job, and
  // Submit ends the turn when the gate shuts, so at most depth_ jobs are
  // ever in flight.
  void ReadBatch() {
    turn_over_ = false;
    for (int steps = 0; steps < 256 && !turn_over_; ++steps) {
      if (!ReadStep()) {
        std::lock_guard<std::mutex> lock(mu_);
        reading_done_ = true;
        return;
      }
    }
  }

  // One record of the current WARC, or the start of the next input. False
  // when every input has been read.
  bool ReadStep() {
    if (warc_) {
      ReadWarcRecord();
      return true;
    }
    if (next_input_ == inputs_.size()) return false;
    const std::string& in = inputs_[next_input_++];
    ++inputs_done_;
    if (in == "-") {
      OpenStdin(in);
    } else if (LooksLikeWarcFile(in)) {
      Status s = WarcReader::Open(in, WarcOptionsFor(), &warc_);
      if (!s.ok()) {
        warc_.reset();
        SubmitError(in, "", s.ToString());
      }
      warc_path_ = in;
      warc_count_bytes_ = true;
      warc_last_pos_ = 0;
    } else {
      Job j;
      j.read_file = true;
      j.path = in;
      j.url = std::string(opt_.url);
      j.charset = std::string(opt_.charset);
      Submit(std::move(j));
    }
    return true;
  }

  WarcOptions WarcOptionsFor() const {
    WarcOptions wo;
    wo.html_only = true;
    // A smaller raw window than the 1 MB default: its pages are first touched
    // while the other workers wait for the first record, and first touches
    // are dear in a VM (16 us a page measured here); more read() calls cost
    // far less.
    wo.buffer_bytes = size_t{256} << 10;
    if (opt_.pipeline.max_bytes) wo.max_record_bytes = opt_.pipeline.max_bytes;
    return wo;
  }

  void OpenStdin(const std::string& dash) {
    std::string bytes;
    ReadOptions ro;
    ro.max_bytes = opt_.pipeline.max_bytes;
    Status s = ReadInput("-", &bytes, ro);
    bytes_read_ += bytes.size();
    if (!s.ok()) return SubmitError("-", "", s.ToString());
    if (StartsWithWarc(bytes)) {
      stdin_bytes_ = std::move(bytes);  // the reader reads it in place
      s = WarcReader::FromBuffer(stdin_bytes_, WarcOptionsFor(), &warc_);
      if (!s.ok()) {
        warc_.reset();
        return SubmitError("-", "", s.ToString());
      }
      warc_path_ = dash;
      warc_count_bytes_ = false;
      return;
    }
    Job j;
    j.path = "-";
    j.bytes = std::move(bytes);
    j.url = std::string(opt_.url);
    j.charset = std::string(opt_.charset);
    Submit(std::move(j));
  }

  void ReadWarcRecord() {
    bool done = false;
    Status st = warc_->Next(&rec_, &done);
    if (warc_count_bytes_) {
      bytes_read_ += warc_->position() - warc_last_pos_;
      warc_last_pos_ = warc_->position();
    }
    if (done) {
      if (!st.ok()) SubmitError(warc_path_ + "@" + Offset(rec_.offset), "", st.ToString());
      const WarcStats& ws = warc_->stats();
      warc_records_ += ws.records;
      skipped_ += ws.records - std::min(ws.records, ws.returned);
      warc_.reset();
      stdin_bytes_ = std::string();
      return;
    }
    std::string source = warc_path_ + "@" + Offset(rec_.offset);
    if (!st.ok()) {
      // A damaged record (or stretch) becomes an error record, so nothing vanishes
      // silently — unless it is plainly not a page (a request, an image response).
      if (DamagedRecordMayBePage(rec_)) SubmitError(source, rec_.target_uri, st.ToString());
      else ++skipped_;
      return;
    }
    Job j;
    j.path = std::move(source);
    j.bytes = corpus::TakeBody(&rec_, &j.begin);
    j.url = rec_.target_uri;
    j.charset = rec_.http.charset;
    j.content_language = std::string(rec_.http.headers.Get("Content-Language"));
    j.record_id = rec_.record_id;
    j.date = rec_.date;
    Submit(std::move(j));
  }

  // ---- workers ----
  void Work() {
    PageTimings timings;
    Waits waits;
    t_waits = &waits;
    double wall0 = Now();
    double reading_cpu = 0, writing_cpu = 0;
    // The lock is held from handing in a record to taking the next job: one
    // acquisition per page when this worker neither reads nor writes.
    std::unique_lock<std::mutex> lock(mu_, std::defer_lock);
    Acquire(lock);
    for (;;) {
      for (;;) {
        bool can_read = !reading_done_ && !reader_busy_ && in_flight_ < depth_;
        if (can_read && jobs_.size() < low_water_) {
          reader_busy_ = true;
          lock.unlock();
          double t0 = ThreadCpuSeconds();
          ReadBatch();
          reading_cpu += ThreadCpuSeconds() - t0;
          Acquire(lock);
          reader_busy_ = false;
          jobs_cv_.notify_all();  // others may wait for a turn to read, or for the end
          continue;
        }
        if (!jobs_.empty()) break;
        if (reading_done_ && !reader_busy_) break;
        // Nothing to do: either another worker is reading (the serial
        // part), or the gate is full until the next record in order is
        // written.
        double& sink = reader_busy_ ? waits.reader : waits.writer;
        double t0 = Now();
        jobs_cv_.wait(lock);
        sink += Now() - t0;
        ++waits.count;
      }
      if (jobs_.empty()) break;
      Job job = std::move(jobs_.front());
      jobs_.pop_front();
      lock.unlock();
      std::unique_ptr<Done> d = Process(&job, &timings);
      job = Job();  // free the page before waiting for the next one
      Acquire(lock);
      writing_cpu += Deliver(&lock, std::move(d));
    }
    double cpu = ThreadCpuSeconds();
    t_waits = nullptr;
    stats_->wait_reader_s += waits.reader;
    stats_->wait_writer_s += waits.writer;
    stats_->wait_lock_s += waits.lock;
    stats_->waits += waits.count;
    stats_->worker_wall_s += Now() - wall0;
    stats_->timings.decode_s += timings.decode_s;
    stats_->timings.parse_s += timings.parse_s;
    stats_->timings.extract_s += timings.extract_s;
    stats_->reader_cpu_s += reading_cpu;
    stats_->worker_cpu_s += cpu - reading_cpu - writing_cpu;
    stats_->writer_cpu_s += writing_cpu;
    ++workers_done_;
    finish_cv_.notify_all();
  }

  // Hands a finished record to the writer role: whoever finds it free takes
  // it and writes every record that is ready (in order unless unordered), so
  // no thread is spent on writing and a slow sink delays only its holder.
  // Called and returns with the lock held. Returns the CPU seconds spent writing.
  double Deliver(std::unique_lock<std::mutex>* held, std::unique_ptr<Done> d) {
    std::unique_lock<std::mutex>& lock = *held;
    uint64_t seq = d->seq;
    done_.emplace(seq, std::move(d));
    if (writing_) return 0;  // the holder checks done_ again before leaving
    writing_ = true;
    double t0 = ThreadCpuSeconds();
    for (;;) {
      auto it = done_.begin();
      if (it == done_.end() || (opt_.ordered && it->first != next_write_)) break;
      std::unique_ptr<Done> r = std::move(it->second);
      done_.erase(it);
      ++next_write_;
      // The gate opens: a worker may be waiting to read.
      if (in_flight_-- == depth_ || jobs_.size() < low_water_) jobs_cv_.notify_one();
      lock.unlock();
      ++records_;
      if (r->failed) ++failed_;
      page_bytes_ += r->page_bytes;
      sink_(r->formatted, r->record);
      r.reset();  // freed outside the lock
      Acquire(lock);
    }
    writing_ = false;
    return ThreadCpuSeconds() - t0;
  }

  // Done is handed around by pointer: moving a Record (dozens of strings)
  // under the lock would lengthen the critical sections.
  std::unique_ptr<Done> Process(Job* job, PageTimings* timings) {
    auto done = std::make_unique<Done>();
    Done& d = *done;
    d.seq = job->seq;
    if (job->error.empty() && job->read_file) {
      ReadOptions ro;
      ro.max_bytes = opt_.pipeline.max_bytes;
      Status s = ReadInput(job->path, &job->bytes, ro);
      bytes_read_ += job->bytes.size();
      if (!s.ok()) job->error = s.ToString();
    }
    if (!job->error.empty()) {
      d.record = ErrorRecord(job->path, job->url, job->error);
    } else {
      std::string_view bytes = std::string_view(job->bytes).substr(std::min(job->begin, job->bytes.size()));
      PageInput in;
      in.bytes = bytes;
      in.bytes_owner = &job->bytes;  // the job is done with its bytes after this
      in.source = job->path;
      in.url = job->url;
      in.charset = job->charset;
      in.content_language = job->content_language;
      if (!job->date.empty()) in.reference = ParseDatePhrase(job->date);
      in.record_id = job->record_id;
      d.page_bytes = bytes.size();
      d.record = ProcessPage(in, opt_.pipeline, opt_.pipeline.timings ? timings : nullptr);
    }
    d.failed = !d.record.error.empty();
    AppendRecord(d.record, opt_.format, &d.formatted);
    return done;
  }

  // The counters that workers update while running.
  void Snapshot(CorpusStats* s) const {
    s->inputs = inputs_done_;
    s->records = records_;
    s->failed = failed_;
    s->page_bytes = page_bytes_;
    s->bytes_read = bytes_read_;
    s->warc_records = warc_records_;
    s->skipped_non_html = skipped_;
  }

  void Progress(std::chrono::steady_clock::time_point start, std::chrono::steady_clock::time_point* last) {
    if (!opt_.on_progress) return;
    auto now = std::chrono::steady_clock::now();
    if (now - *last < std::chrono::milliseconds(500)) return;
    *last = now;
    CorpusStats p;
    p.bytes_total = stats_->bytes_total;
    Snapshot(&p);
    p.seconds = std::chrono::duration<double>(now - start).count();
    opt_.on_progress(p);
  }

  const std::vector<std::string>& inputs_;
  const CorpusOptions& opt_;
  const RecordSink& sink_;
  CorpusStats* stats_;
  int threads_ = 1;
  size_t depth_ = 8, low_water_ = 1, high_water_ = 2;

  // Reader state: touched only by the worker holding the reader role.
  size_t next_input_ = 0;
  bool turn_over_ = false;  // set by Submit (under the lock) for ReadBatch
  std::unique_ptr<WarcReader> warc_;
  std::string warc_path_;
  bool warc_count_bytes_ = true;
  uint64_t warc_last_pos_ = 0;
  std::string stdin_bytes_;  // a WARC read from stdin, which warc_ reads in place
  WarcRecord rec_;

  std::mutex mu_;
  std::condition_variable jobs_cv_, finish_cv_;
  std::deque<Job> jobs_;
  std::map<uint64_t, std::unique_ptr<Done>> done_;
  uint64_t next_seq_ = 0, next_write_ = 0;
  size_t in_flight_ = 0;
  bool reading_done_ = false, reader_busy_ = false, writing_ = false;
  int workers_done_ = 0;
  std::atomic<uint64_t> bytes_read_{0}, warc_records_{0}, skipped_{0}, inputs_done_{0};
  std::atomic<uint64_t> records_{0}, failed_{0}, page_bytes_{0};
};

}  // namespace

bool DamagedRecordMayBePage(const WarcRecord& rec) {
  // The damage often keeps the HTTP message from being read (status 0): then
  // nothing says it is not a page.
  return rec.type == WarcType::kNone || rec.type == WarcType::kOther ||
         ((rec.type == WarcType::kResponse || rec.type == WarcType::kResource) &&
          (rec.block.empty() || rec.http.status == 0 || IsHtmlRecord(rec)));
}

bool LooksLikeWarcFile(const std::string& path) {
  // The name is a strong hint (a WARC may start with damage), the content the proof.
  auto ends_with = [&path](std::string_view ext) {
    return path.size() >= ext.size() && path.compare(path.size() - ext.size(), ext.size(), ext) == 0;
  };
  for (std::string_view ext : {".warc", ".warc.gz", ".warc.zst", ".arc.gz"})
    if (ends_with(ext)) return true;
  // A page named as one is taken at its word: opening every file of a
  // directory of pages twice (once to sniff, once to read) cost ~3 % of a run.
  for (std::string_view ext : {".html", ".htm", ".xhtml", ".shtml", ".html.gz", ".htm.gz", ".xhtml.gz", ".shtml.gz"})
    if (ends_with(ext)) return false;
  FILE* f = std::fopen(path.c_str(), "rb");
  if (!f) return false;
  unsigned char head[4096];
  size_t n = std::fread(head, 1, sizeof head, f);
  std::fclose(f);
  std::string_view raw(reinterpret_cast<char*>(head), n);
  if (StartsWithWarc(raw) || raw.find("\nWARC/1.") != std::string_view::npos) return true;
  char out[64];
  if (LooksGzipped(raw)) {
    z_stream zs{};
    if (inflateInit2(&zs, 15 + 16) != Z_OK) return false;
    zs.next_in = head;
    zs.avail_in = static_cast<uInt>(n);
    zs.next_out = reinterpret_cast<Bytef*>(out);
    zs.avail_out = sizeof out;
    inflate(&zs, Z_NO_FLUSH);
    size_t got = sizeof out - zs.avail_out;
    inflateEnd(&zs);
    return StartsWithWarc(std::string_view(out, got));
  }
  // zstd frame, or the skippable dictionary frame of the WARC zstd proposal.
  if (n >= 4 && ((head[0] == 0x28 && head[1] == 0xB5 && head[2] == 0x2F && head[3] == 0xFD) ||
                 ((head[0] & 0xF0) == 0x50 && head[1] == 0x2A && head[2] == 0x4D && head[3] == 0x18))) {
    if (head[0] != 0x28) return true;  // only WARC writers emit that dictionary frame
    ZSTD_DStream* ds = ZSTD_createDStream();
    ZSTD_inBuffer inb{head, n, 0};
    ZSTD_outBuffer outb{out, sizeof out, 0};
    ZSTD_decompressStream(ds, &outb, &inb);
    ZSTD_freeDStream(ds);
    return StartsWithWarc(std::string_view(out, outb.pos));
  }
  return false;
}

Status RunCorpus(const std::vector<std::string>& inputs, const CorpusOptions& options, const RecordSink& sink,
                 CorpusStats* stats) {
  if (inputs.empty()) return Status::InvalidArgument("no inputs");
  *stats = CorpusStats{};
  Runner(inputs, options, sink, stats).Run();
  return Status::Ok();
}

}  // namespace matn
