#!/usr/bin/env bash
# Installs every Debian package that matn's build, tests and benchmarks need.
# Idempotent: packages already present are skipped, so `make` can call it on every run.
# Uses sudo when not root. Set MATN_SKIP_DEPS=1 to skip entirely (e.g. offline builds).
set -euo pipefail

[ "${MATN_SKIP_DEPS:-0}" = 1 ] && exit 0

PACKAGES=(
  # build
  build-essential cmake pkg-config
  # libraries the engine links
  libicu-dev libuchardet-dev zlib1g-dev libzstd-dev libcld2-dev libbrotli-dev libisal-dev
  # tests
  libgtest-dev libgmock-dev python3
  # Python module, its tests and the Dask example
  python3-dev python3-pybind11 python3-pytest python3-dask python3-distributed
  # sanitizers and fuzzing; strace for the test that matn opens no socket and writes only -o
  clang-14 libclang-rt-14-dev strace
  # Persian word list read at run time by ZWNJ repair (GPL-2+: never copied into the repo)
  myspell-fa
  # differential oracle in tests only, never linked at run time
  libgumbo-dev
  # benchmarks
  valgrind time hyperfine
  # extraction speed peers (bench/extract_speed): readability-lxml; Readability.js comes from npm
  python3-readability nodejs
)

missing=()
for p in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

[ ${#missing[@]} -eq 0 ] && exit 0

SUDO=""
if [ "$(id -u)" != 0 ]; then SUDO="sudo"; fi

echo "install-deps: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
# apt-get update only when an install fails: a stale index is the usual cause.
if ! $SUDO apt-get install -y --no-install-recommends "${missing[@]}" >&2; then
  $SUDO apt-get update >&2
  $SUDO apt-get install -y --no-install-recommends "${missing[@]}" >&2
fi
