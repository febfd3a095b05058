#!/bin/sh
# Cross-checks Rigwise's GGUF reader against an independent one,
# @huggingface/gguf (pinned in npm/package-lock.json), on the sample files
# the test writer makes.
#
#   tests/gguf/cross-check.sh GGUF-DUMP BUILDDIR
#
# Needs node and npm (setup.sh installs them) and the npm registry once
# (the package is cached in BUILDDIR/npm). Without them the test is
# skipped (77) — unless RIGWISE_REQUIRE_NPM is set, as setup.sh does in CI,
# where it fails instead.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
dump=$1
build=$2
mkdir -p "$build/npm"

unavailable () {
  echo "cross-check: $1" >&2
  if [ -n "${RIGWISE_REQUIRE_NPM:-}" ]; then exit 1; fi
  exit 77
}

command -v node >/dev/null 2>&1 || unavailable "node is not installed"
command -v npm >/dev/null 2>&1 || unavailable "npm is not installed"

cp "$here/npm/package.json" "$here/npm/package-lock.json" "$here/cross-check.mjs" "$build/npm/"
if [ ! -d "$build/npm/node_modules/@huggingface/gguf" ]; then
  (cd "$build/npm" && npm ci --no-audit --no-fund --loglevel=error) ||
    unavailable "npm could not install @huggingface/gguf (offline?)"
fi

"$dump" "$build/files" > "$build/ours.json"
cd "$build/npm"
exec node cross-check.mjs "$build/ours.json"
