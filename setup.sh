#!/usr/bin/env bash
# Rigwise's one set-up script: installs what is missing (Debian 12, as root),
# builds, then runs the app or the whole test suite.
#
#   ./setup.sh run     build and start Rigwise (rigwise-cli without a display)
#   ./setup.sh test    build and run every suite: plain, under ASan/UBSan and
#                      valgrind, the UI under Xvfb and the Flatpak check; ends
#                      with the line "N passed, N failed, N skipped"
#   ./setup.sh deps    only install the packages
set -euo pipefail
cd "$(dirname "$0")"
top=$PWD

packages=(
  build-essential pkg-config meson ninja-build gettext clang libclang-rt-14-dev valgrind
  libglib2.0-dev libglib2.0-dev-bin libjson-glib-dev libcurl4-openssl-dev
  libcairo2-dev libpango1.0-dev libgtk-4-dev libadwaita-1-dev
  desktop-file-utils appstream librsvg2-bin xvfb xauth xdotool dbus
  imagemagick poppler-utils fonts-dejavu-core python3
  flatpak flatpak-builder ostree mmdebstrap elfutils bubblewrap locales-all
)

install_deps () {
  local missing=()
  for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
  # node and npm for the GGUF cross-check against @huggingface/gguf, from
  # Debian only where the machine has none of its own.
  command -v node >/dev/null 2>&1 || missing+=(nodejs)
  command -v npm >/dev/null 2>&1 || missing+=(npm)
  if [ ${#missing[@]} -gt 0 ]; then
    echo "setup: installing ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
}

build () { # build DIR [meson options...]
  local dir=$1; shift
  if [ ! -f "$dir/build.ninja" ]; then
    meson setup "$dir" "$@" >/dev/null
  fi
  ninja -C "$dir" >/dev/null
}

# Prints "passed failed skipped" from a meson test log.
count () {
  python3 - "$1" <<'PY'
import json, sys
p = f = s = 0
try:
    with open(sys.argv[1]) as log:
        for line in log:
            r = json.loads(line)["result"]
            if r in ("OK", "EXPECTEDFAIL"): p += 1
            elif r == "SKIP": s += 1
            else: f += 1
except FileNotFoundError:
    f += 1
print(p, f, s)
PY
}

run_tests () {
  local status=0 total_p=0 total_f=0 total_s=0 p f s
  export RIGWISE_REQUIRE_DISPLAY=1   # a UI test without a display fails, never skips
  export RIGWISE_REQUIRE_NPM=1       # so does the GGUF cross-check without node, npm or the registry

  build _build
  xvfb-run -a -s '-screen 0 1280x1024x24' \
    meson test -C _build --print-errorlogs --num-processes 2 || status=1
  read -r p f s < <(count _build/meson-logs/testlog.json)
  total_p=$((total_p + p)); total_f=$((total_f + f)); total_s=$((total_s + s))

  # The same suites under AddressSanitizer + UndefinedBehaviorSanitizer. Leak
  # checking covers our code's suites; GTK's stack (fontconfig, Mesa) keeps
  # caches for the process lifetime, so the UI suite runs with ASan and UBSan
  # but without LeakSanitizer.
  build _build-asan -Db_sanitize=address,undefined -Db_lundef=false -Dbuildtype=debug
  export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
  # (LSAN_OPTIONS with tests/lsan.supp comes from the tests' meson environment.)
  ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 \
    meson test -C _build-asan --print-errorlogs --num-processes 2 \
      --no-suite flatpak --no-suite data --no-suite bench --no-suite ui || status=1
  read -r p f s < <(count _build-asan/meson-logs/testlog.json)
  total_p=$((total_p + p)); total_f=$((total_f + f)); total_s=$((total_s + s))
  ASAN_OPTIONS=detect_leaks=0:abort_on_error=1 GSK_RENDERER=cairo \
    xvfb-run -a -s '-screen 0 1280x1024x24' \
    meson test -C _build-asan --print-errorlogs --num-processes 1 --suite ui --logbase ui || status=1
  read -r p f s < <(count _build-asan/meson-logs/ui.json)
  total_p=$((total_p + p)); total_f=$((total_f + f)); total_s=$((total_s + s))

  # The core under valgrind (memcheck, leaks are errors).
  meson test -C _build --setup valgrind --suite core --print-errorlogs --num-processes 2 \
    --logbase memcheck || status=1
  # meson names a setup's log <logbase>-<setup>.
  read -r p f s < <(count _build/meson-logs/memcheck-valgrind.json)
  total_p=$((total_p + p)); total_f=$((total_f + f)); total_s=$((total_s + s))

  echo "${total_p} passed, ${total_f} failed, ${total_s} skipped"
  [ "$total_f" -eq 0 ] || status=1
  return $status
}

run_app () {
  build _build
  if [ -x _build/src/app/rigwise ] && { [ -n "${DISPLAY:-}" ] || [ -n "${WAYLAND_DISPLAY:-}" ]; }; then
    exec meson devenv -C _build ./src/app/rigwise "$@"
  fi
  echo "setup: no display; showing the default comparison with rigwise-cli" >&2
  exec meson devenv -C _build ./src/cli/rigwise-cli estimate --system dgx-spark --system custom-5090 \
    --model llama-3.3-70b --weights q4_k_m --context 32768 "$@"
}

case "${1:-}" in
  deps) install_deps ;;
  run) shift; install_deps; run_app "$@" ;;
  test) install_deps; run_tests ;;
  *) echo "usage: $0 run|test|deps" >&2; exit 2 ;;
esac
