#!/usr/bin/env bash
# Parser benchmark over every bench page (../shared/bench/*/pages), one core.
# Usage: bench/parser.sh [BUILD_DIR]   — prints MB/s for memchr and the parser,
# the 200,000-nesting cases, peak memory of pages over 1 MB (parse_bench
# --memory: real pages and 1/4/16 MB of concatenated bodies), and the peak RSS
# of the whole CLI parsing the largest page.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
shared=${MATN_SHARED:-../shared}
pages=("$shared"/bench/*/pages/*.html.gz)
echo "== throughput (taskset -c 0)"
taskset -c 0 "$build/bench/parse_bench" --repeat 3 "${pages[@]}"
echo "== pathological nesting"
taskset -c 0 "$build/bench/parse_bench" --pathological
echo "== peak memory, pages over 1 MB (multiples of the input)"
taskset -c 0 "$build/bench/parse_bench" --memory "${pages[@]}"
largest=$(ls -S "${pages[@]}" | head -1)
size=$(zcat "$largest" | wc -c)
rss=$( { /usr/bin/time -f '%M' "$build/matn" tree --summary "$largest" >/dev/null; } 2>&1 | tail -1)
echo "== peak RSS for largest page $(basename "$largest") ($size bytes): ${rss} KB (whole process)"
