#!/bin/sh
# Builds the GGUF header fuzz target with clang (libFuzzer + ASan + UBSan)
# straight from the sources and runs it on a copy of the seed corpus
# (corpus-gguf/: headers of the test writer's sample models).
#
#   tests/fuzz/run-gguf.sh [OUTDIR [SECONDS]]     defaults: _build-fuzz, 20
#
# Exit status 0 when no crash, leak, hang or sanitizer report was found;
# a reproducer is left in OUTDIR (crash-*, leak-*, timeout-*).
set -eu

top=$(cd "$(dirname "$0")/../.." && pwd)
out=${1:-$top/_build-fuzz}
seconds=${2:-20}
mkdir -p "$out/corpus-gguf"

# shellcheck disable=SC2046
clang -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined \
  -DGLIB_VERSION_MIN_REQUIRED=GLIB_VERSION_2_74 -DGLIB_VERSION_MAX_ALLOWED=GLIB_VERSION_2_74 \
  -DGETTEXT_PACKAGE='"rigwise"' \
  -I"$top/src/core" \
  "$top/tests/fuzz/fuzz-gguf.c" \
  "$top/src/core/rw-error.c" \
  "$top/src/core/rw-format.c" \
  "$top/src/core/rw-ggml.c" \
  "$top/src/core/rw-gguf.c" \
  "$top/src/core/rw-gguf-model.c" \
  "$top/src/core/rw-model.c" \
  $(pkg-config --cflags --libs gio-2.0) -lm \
  -o "$out/fuzz-gguf"

unset MALLOC_CHECK_ || true
export ASAN_OPTIONS="detect_leaks=1:abort_on_error=0:quarantine_size_mb=32${ASAN_OPTIONS:+:$ASAN_OPTIONS}"
export LSAN_OPTIONS="suppressions=$top/tests/lsan.supp"
export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1"

cd "$out"
exec ./fuzz-gguf -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
  -max_len=65536 -print_final_stats=1 -dict="$top/tests/fuzz/gguf.dict" \
  corpus-gguf "$top/tests/fuzz/corpus-gguf"
