#!/usr/bin/env bash
# Corpus-scale benchmark (issue 6): WARC reading with and without extraction,
# extraction pages/s at -j 1 and -j 2, and peak memory on a ~1 GB WARC.
#
#   [RUNS=5] [PRIO=1] bench/corpus.sh [BUILD_DIR]   (default build/; run `make build` first)
#
# Wall-clock speed-ups need an otherwise idle machine. On a shared one, use
# PRIO=1 (as root) and trust the best-of-RUNS wall and the CPU + blocked
# estimate more than the medians.
#
# WARCs are generated from ../shared/bench pages by bench/make_warc.py into
# $TMPDIR (one gzip member per record, request + response + metadata records,
# like Common Crawl). Prints a Markdown table to paste into bench/RESULTS.md.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
tmp=${TMPDIR:-/tmp}
small=$tmp/matn-corpus-1x.warc.gz
big=$tmp/matn-corpus-8x.warc.gz
[ -f "$small" ] || python3 bench/make_warc.py --repeat 1 --out "$small" >&2
[ -f "$big" ] || python3 bench/make_warc.py --repeat 8 --out "$big" >&2

pages=$("$build/matn" warc --quiet --format jsonl -j 2 "$small" | wc -l)
usize=$(zcat "$big" | wc -c)

timeit() {  # prints "wall user sys maxrss_kb"
  /usr/bin/time -f "%e %U %S %M" -o "$tmp/matn-time" "$@" >/dev/null 2>&1 || true
  cat "$tmp/matn-time"
}
echo "| measurement | input | result |"
echo "|---|---|---|"
echo "| WARC read only (warc_bench, igzip) | $(basename "$small") | $("$build/bench/warc_bench" --runs 3 "$small" | tail -3 | tr '\n' ' ') |"
# -j 1 and -j 2 alternate $RUNS times; best and median of each. The best is
# the run least disturbed by other load; per-thread CPU and blocked time (from
# --stats) say what an idle machine would do: wall ~ (CPU + blocked) / N.
runs=${RUNS:-5}
prio=()
# PRIO=1 (root): run in a new session whose autogroup has nice -20, so that
# other sessions' builds do not preempt the benchmark (each session is its own
# scheduling group, so plain `nice` does not help against them).
[ "${PRIO:-0}" = 1 ] && prio=(setsid -w bash -c 'echo -20 > /proc/self/autogroup; exec nice -n -20 "$@"' _)
scale() {  # scale LABEL COUNT INPUT...
  local label=$1 count=$2; shift 2
  : > "$tmp/matn-scale"
  for i in $(seq "$runs"); do
    for j in 1 2; do
      "${prio[@]}" /usr/bin/time -f "%e %U %S %M" -o "$tmp/matn-time" "$build/matn" extract --format jsonl --quiet \
        --stats -j $j "$@" 2>"$tmp/matn-stats" >/dev/null || true
      echo "$j $(cat "$tmp/matn-time") $(grep -E '^cpu seconds|^blocked' "$tmp/matn-stats" | sed 's/[^0-9. ]//g' | tr '\n' ' ')" >>"$tmp/matn-scale"
    done
  done
  python3 - "$tmp/matn-scale" "$count" "$label" <<'PY'
import statistics as st, sys
rows = {1: [], 2: []}
for line in open(sys.argv[1]):
    f = line.split()
    if len(f) >= 13: rows[int(f[0])].append([float(x) for x in f[1:]])
pages, label = int(sys.argv[2]), sys.argv[3]
# wall user sys rss | reading extracting writing | reader write-turn lock waits worker-wall
for j in (1, 2):
    r = rows[j]; walls = [x[0] for x in r]
    med = lambda k: st.median(x[k] for x in r)
    print(f"| {label} -j {j} (read + extract + JSONL), {len(r)} runs | {pages} pages | "
          f"{pages / min(walls):.0f} pages/s best, {pages / st.median(walls):.0f} median (wall {min(walls):.2f} / {st.median(walls):.2f} s); "
          f"CPU by role {med(4):.3f} / {med(5):.3f} / {med(6):.3f} s (reading / extracting / writing); "
          f"blocked {med(7):.3f} / {med(8):.3f} / {med(9):.3f} s (for the reader / write turn / lock); "
          f"peak RSS {max(x[3] for x in r) / 1024:.0f} MB |")
w1, w2 = (min(x[0] for x in rows[j]) for j in (1, 2))
m1, m2 = (st.median(x[0] for x in rows[j]) for j in (1, 2))
c1 = st.median(sum(x[4:7]) for x in rows[1])
c2 = st.median(sum(x[4:7]) + sum(x[7:10]) for x in rows[2])
print(f"| speed-up -j 2 / -j 1 | | {w1 / w2:.2f}x best wall, {m1 / m2:.2f}x median wall; "
      f"{c1 / (c2 / 2):.2f}x from CPU + blocked time (an idle machine, process startup aside) |")
PY
}
scale "WARC $(basename "$small")," "$pages" "$small"
# The same pages as HTML files in directories: no serial reader at all.
dirs=(../shared/bench/*/pages)
[ -d "${dirs[0]}" ] && scale "HTML directories (.html.gz)," "$(ls "${dirs[@]}" | grep -c '\.html')" "${dirs[@]}"
read -r wall user sys rss < <(timeit "$build/matn" warc --quiet -j 2 "$big")
echo "| peak memory, matn warc -j 2 | $(basename "$big"): $((usize/1000000)) MB uncompressed, $(($(stat -c %s "$big")/1000000)) MB gzip | $((rss/1024)) MB peak RSS in $wall s |"
