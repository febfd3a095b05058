#!/usr/bin/env bash
# Makes the AppStream screenshots (data/screenshots/*.png) from the real app,
# headless under Xvfb: every view of the default comparison, drawn by the app
# itself (RIGWISE_SCREENSHOT, see src/app/rw-screenshot.c) in US English (locales-all).
#
#   tests/screenshots.sh [BUILD_DIR [OUT_DIR]]     default: _build data/screenshots
#
# The metainfo references these files by their raw GitHub URLs; run this and
# commit the PNGs after a visible UI change.
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
build=$(realpath "${1:-$top/_build}")
out=${2:-$top/data/screenshots}
app=$build/src/app/rigwise
[ -x "$app" ] || { echo "screenshots: $app is not built (meson compile -C $build)" >&2; exit 1; }
mkdir -p "$out"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# view name, file name
views=(compare fit speed cost)
for view in "${views[@]}"; do
  # A fresh keyfile settings backend per shot: the view and a window size of
  # 16:10 that shows the sidebar and the charts side by side.
  mkdir -p "$tmp/$view/glib-2.0/settings"
  cat >"$tmp/$view/glib-2.0/settings/keyfile" <<KEYS
[io/github/rigwise/Rigwise]
visible-view='$view'
window-width=1280
window-height=800
window-maximized=false
KEYS
  env -u DBUS_SESSION_BUS_ADDRESS \
    LC_ALL=en_US.UTF-8 LANGUAGE=en GDK_BACKEND=x11 GSK_RENDERER=cairo GTK_A11Y=none NO_AT_BRIDGE=1 \
    GDK_DEBUG=no-portals GSETTINGS_BACKEND=keyfile XDG_CONFIG_HOME="$tmp/$view" \
    XDG_DATA_HOME="$tmp/$view/data" XDG_CACHE_HOME="$tmp/$view/cache" \
    GSETTINGS_SCHEMA_DIR="$build/data" RIGWISE_DATADIR="$top/data" \
    RIGWISE_SCREENSHOT="$tmp/$view.png" \
    timeout 60 xvfb-run -a -s '-screen 0 1400x900x24' "$app" >"$tmp/$view.log" 2>&1 \
    || { cat "$tmp/$view.log" >&2; exit 1; }
  # Optimised, metadata-free PNGs keep the repository small.
  convert "$tmp/$view.png" -strip -define png:compression-level=9 "$out/$view.png"
  identify -format "screenshots: %f %wx%h %k colours\n" "$out/$view.png"
done
