#!/usr/bin/env bash
# Builds the libFuzzer targets with clang and, for each target:
#   1. replays its seed corpus (fuzz/corpus/<target>/) and regression inputs
#      (tests/data/fuzz-regressions/<target>/) once, as a regression test;
#   2. fuzzes it for SECONDS (default 20), new inputs going to a scratch dir,
#      never into the repository.
# Usage: scripts/fuzz.sh [SECONDS] [TARGET...]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-20}; shift || true
build=${FUZZ_BUILD:-build-fuzz}
scripts/install-deps.sh
cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DMATN_FUZZ=ON \
  -DCMAKE_C_COMPILER=clang-14 -DCMAKE_CXX_COMPILER=clang++-14 >/dev/null
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  for f in fuzz/fuzz_*.cpp; do targets+=("$(basename "$f" .cpp)"); done
fi
cmake --build "$build" -j "$(nproc)" --target "${targets[@]}"
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
status=0
for t in "${targets[@]}"; do
  seeds=(); for d in "fuzz/corpus/$t" "tests/data/fuzz-regressions/$t"; do [ -d "$d" ] && seeds+=("$d"); done
  echo "== $t: replaying ${seeds[*]:-no corpus}"
  if [ ${#seeds[@]} -gt 0 ]; then
    files=$(find "${seeds[@]}" -type f | sort)
    # shellcheck disable=SC2086
    [ -n "$files" ] && { "$build/fuzz/$t" -runs=1 $files >"$scratch/$t.replay.log" 2>&1 || { echo "REPLAY FAILED: $t"; tail -30 "$scratch/$t.replay.log"; status=1; continue; }; }
  fi
  echo "== $t: fuzzing ${seconds}s"
  mkdir -p "$scratch/$t"
  if ! "$build/fuzz/$t" -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=10 -max_len=65536 \
       -artifact_prefix="$scratch/$t-" "$scratch/$t" "${seeds[@]}" >"$scratch/$t.log" 2>&1; then
    echo "CRASH in $t:"; tail -40 "$scratch/$t.log"
    mkdir -p out/fuzz-crashes && cp "$scratch/$t-"* out/fuzz-crashes/ 2>/dev/null || true
    status=1
  fi
  grep -E '^(#[0-9]+|Done).*' "$scratch/$t.log" | tail -1 || true
done
exit $status
