#!/usr/bin/env bash
# Corpus-scale benchmark (issue 6): WARC reading with and without extraction,
# extraction pages/s at -j 1 and -j 2, and peak memory on a ~1 GB WARC.
#
#   bench/corpus.sh [BUILD_DIR]      (default build/; run `make build` first)
#
# Wall-clock speed-ups need an otherwise idle machine; on a shared one, trust
# the CPU-by-role row (and see /proc/<pid>/autogroup for a fairer share).
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
for j in 1 2; do
  read -r wall user sys rss < <(timeit "$build/matn" warc --quiet -j $j "$small")
  rate=$(python3 -c "print(f'{$pages/$wall:.0f}')")
  echo "| matn warc -j $j (read + extract + JSONL) | $pages HTML records | $rate pages/s wall ($wall s, CPU $(python3 -c "print(f'{$user+$sys:.1f}')") s, peak RSS $((rss/1024)) MB) |"
  eval "wall_j$j=$wall"
done
echo "| speed-up -j 2 / -j 1 | | $(python3 -c "print(f'{$wall_j1/$wall_j2:.2f}x')") |"
# CPU by role (per-thread clocks; unlike wall time, hardly affected by other
# load). Workers do all three; reading is serial, so on N cores the best wall
# time is max(reading, total / N).
split=$("$build/matn" warc --quiet --stats -j 1 "$small" 2>&1 >/dev/null | grep '^cpu seconds by role')
read -r rd wk wr < <(echo "$split" | sed 's/[^0-9. ]//g')
echo "| CPU by role, -j 1 | reading / extracting / writing | $rd / $wk / $wr s; predicted -j 2 speed-up $(python3 -c "t=$rd+$wk+$wr; print(f'{t/max($rd, t/2):.2f}x')") |"
read -r wall user sys rss < <(timeit "$build/matn" warc --quiet -j 2 "$big")
echo "| peak memory, matn warc -j 2 | $(basename "$big"): $((usize/1000000)) MB uncompressed, $(($(stat -c %s "$big")/1000000)) MB gzip | $((rss/1024)) MB peak RSS in $wall s |"
