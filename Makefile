# matn — front end for CMake. Quick start: `make run`, `make test`.
BUILD       ?= build
ASAN_BUILD  ?= build-asan
JOBS        ?= $(shell nproc)
SAMPLE      ?= examples/sample-dari.html
CMAKE_FLAGS ?=

.PHONY: all deps build run test test-asan ci bench bench-parser bench-quality fuzz clean

all: build

deps:
	@scripts/install-deps.sh

build: deps
	@cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=Release $(CMAKE_FLAGS) >/dev/null
	@cmake --build $(BUILD) -j $(JOBS)

# Installs what is missing, builds Release, and prints the record of the bundled sample page.
run: build
	@$(BUILD)/matn extract --format json $(SAMPLE)

# The whole suite: unit tests, html5lib conformance, CLI tests.
test: build
	@ctest --test-dir $(BUILD) --output-on-failure -j $(JOBS)

# The same suite built with AddressSanitizer + UndefinedBehaviorSanitizer.
test-asan: deps
	@cmake -S . -B $(ASAN_BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo -DMATN_SANITIZE=ON -DMATN_PYTHON=OFF >/dev/null
	@cmake --build $(ASAN_BUILD) -j $(JOBS)
	@ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
	  ctest --test-dir $(ASAN_BUILD) --output-on-failure -j $(JOBS)

ci: test test-asan

bench-parser: build
	@bench/parser.sh

bench-quality: build
	@bench/quality

# Replays every fuzz target's corpus, then fuzzes each for FUZZ_SECONDS (clang + libFuzzer).
FUZZ_SECONDS ?= 20
fuzz:
	@scripts/fuzz.sh $(FUZZ_SECONDS)

clean:
	rm -rf $(BUILD) $(ASAN_BUILD) build-fuzz
