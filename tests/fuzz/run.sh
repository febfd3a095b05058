#!/bin/sh
# Builds the price feed fuzz target with clang (libFuzzer + ASan + UBSan)
# straight from the sources and runs it on a copy of the seed corpus.
#
#   tests/fuzz/run.sh [OUTDIR [SECONDS]]     defaults: _build-fuzz, 20
#
# Exit status 0 when no crash, leak, hang or sanitizer report was found;
# a reproducer is left in OUTDIR (crash-*, leak-*, timeout-*).
set -eu

top=$(cd "$(dirname "$0")/../.." && pwd)
out=${1:-$top/_build-fuzz}
seconds=${2:-20}
mkdir -p "$out/corpus"

# shellcheck disable=SC2046
clang -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined \
  -DGLIB_VERSION_MIN_REQUIRED=GLIB_VERSION_2_74 -DGLIB_VERSION_MAX_ALLOWED=GLIB_VERSION_2_74 \
  -I"$top/src/core" -I"$top/src/net" \
  "$top/tests/fuzz/fuzz-price-feed.c" \
  "$top/src/core/rw-file.c" \
  "$top/src/core/rw-json.c" \
  "$top/src/core/rw-json-writer.c" \
  "$top/src/net/rw-price-cache.c" \
  "$top/src/net/rw-price-feed.c" \
  $(pkg-config --cflags --libs json-glib-1.0 gio-2.0) -lm \
  -o "$out/fuzz-price-feed"

# glibc's malloc checks do not mix with ASan's allocator.
unset MALLOC_CHECK_ || true
export ASAN_OPTIONS="detect_leaks=1:abort_on_error=0:quarantine_size_mb=32${ASAN_OPTIONS:+:$ASAN_OPTIONS}"
export LSAN_OPTIONS="suppressions=$top/tests/lsan.supp"
export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1"

# New inputs go to the copy in OUTDIR, never into the source tree.
cd "$out"
exec ./fuzz-price-feed -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
  -max_len=16384 -print_final_stats=1 -dict="$top/tests/fuzz/price-feed.dict" \
  corpus "$top/tests/fuzz/corpus"
