// matn/corpus.h — many inputs, every core, one ordered stream of records.
//
// RunCorpus() is what `matn extract` and `matn warc` run: it walks the inputs
// (HTML files, gzip'd or not; WARC files, plain, gzip or zstd, recognised by
// content; "-" for stdin), runs ProcessPage() on a pool of worker threads and
// hands each finished record, formatted, to a sink in input order (or as soon
// as it is ready with `ordered = false`).
//
// GUARANTEES
//   * Nothing is lost: every HTML input and every HTML record of a WARC yields
//     exactly one record — the extraction, or an error record that names the
//     input (and byte offset) and the reason. Damaged WARC stretches yield
//     error records too. Non-HTML WARC records are counted and skipped.
//   * Bounded memory whatever the input size: at most `queue_depth` pages are
//     in flight between the reader and the writer, and WARC files are streamed.
//   * One bad input never stops the others.
//
// THREADS. `threads` is the number of busy threads: there is no separate
// reader or writer thread — the workers take turns reading input (one at a
// time, in short batches) and calling the sink between pages, so reading
// overlaps extraction and `-j 1` really uses one core. The calling thread
// waits and reports progress.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "matn/output.h"
#include "matn/pipeline.h"
#include "matn/status.h"
#include "matn/warc.h"

namespace matn {

struct CorpusOptions {
  PipelineOptions pipeline;
  OutputFormat format = OutputFormat::kJsonl;
  int threads = 0;          // worker threads; 0 = every core
  bool ordered = true;      // records in input order; false = as they finish
  size_t queue_depth = 0;   // pages in flight; 0 = 8 per thread
  std::string_view url;     // --url for a single HTML input
  std::string_view charset; // transport charset for HTML file inputs
  // Called about twice a second from the calling thread (for progress lines).
  std::function<void(const struct CorpusStats&)> on_progress;
};

struct CorpusStats {
  uint64_t inputs = 0;            // files and stdin
  uint64_t records = 0;           // records written
  uint64_t failed = 0;            // of which error records
  uint64_t warc_records = 0;      // WARC records read, of every type
  uint64_t skipped_non_html = 0;  // WARC records that were not HTML
  uint64_t bytes_total = 0;       // size of all input files (0 for pipes)
  uint64_t bytes_read = 0;        // raw input bytes consumed so far
  uint64_t page_bytes = 0;        // bytes of HTML handed to the pipeline
  PageTimings timings;            // summed over workers (with pipeline.timings)
  double seconds = 0;             // wall time
  // CPU seconds by role, summed over the workers (per-thread clocks): reading
  // WARC/stdin input (decompression, WARC and HTTP parsing), extracting
  // (everything else a worker does), and writing (the sink).
  double reader_cpu_s = 0, worker_cpu_s = 0, writer_cpu_s = 0;
  // Wall seconds, summed over the workers, spent blocked instead of working:
  // waiting for a page while another worker held the reader role (the serial
  // part), waiting because `queue_depth` pages were in flight and the next one
  // in order was not written yet (the write turn), and waiting for the lock
  // that guards the queue. `waits` counts the blocking waits of the first two.
  double wait_reader_s = 0, wait_writer_s = 0, wait_lock_s = 0;
  uint64_t waits = 0;
  // Wall seconds of the workers from start to end, summed: CPU + blocked +
  // the rest, which is time the workers were runnable but another process had
  // the core (or the tail: one worker finishing the last page alone).
  double worker_wall_s = 0;
};

// Receives formatted records, in order (unless unordered), one call at a time:
// calls never overlap and each happens-after the previous one, but they come
// from the worker threads, not the calling thread of RunCorpus.
using RecordSink = std::function<void(std::string_view formatted, const Record& record)>;

// Runs the corpus job. Returns non-OK only for a usage problem (no inputs);
// failed inputs are error records and counted in stats->failed.
Status RunCorpus(const std::vector<std::string>& inputs, const CorpusOptions& options, const RecordSink& sink,
                 CorpusStats* stats);

// For a record WarcReader returned with a non-OK status: could it have been a
// page? (Damaged stretches, unreadable HTTP messages and HTML responses could;
// a damaged request or image response could not.) Such records become error
// records, so no page vanishes silently.
bool DamagedRecordMayBePage(const WarcRecord& record);

// True when the file is named like a WARC (.warc, .warc.gz, .warc.zst,
// .arc.gz), false when it is named like a page (.html, .htm, .xhtml, .shtml,
// each maybe .gz); otherwise true when its first bytes (decompressed if
// gzip/zstd) hold a WARC record line ("WARC/1."). Reads at most a few KB.
bool LooksLikeWarcFile(const std::string& path);

}  // namespace matn
