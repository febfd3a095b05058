#!/usr/bin/env bash
# Builds, installs and runs the real Rigwise Flatpak without Flathub.
#
#   tests/flatpak/run.sh SOURCE_DIR SCRATCH_DIR [NATIVE_BUILD_DIR]
#
# Flathub is unreachable from CI, so org.gnome.Platform cannot be installed.
# Instead this bootstraps a stand-in runtime and SDK from Debian 12 packages
# (mmdebstrap -> ostree -> `flatpak build-export --runtime`), installs them
# --user from a local repository, builds flatpak/io.github.rigwise.Rigwise.json
# with only runtime, sdk and runtime-version swapped, installs the app, runs the
# GUI under Xvfb (a screenshot taken by the app inside the sandbox) and
# rigwise-cli, then makes a single-file bundle and installs the app from it.
#
# The bootstrapped runtime repository is cached under $RIGWISE_FLATPAK_CACHE
# (default /var/cache/rigwise-flatpak, or ~/.cache/rigwise-flatpak when that is
# not writable), keyed by a hash of the package lists below, so only the first
# run on a machine pays for mmdebstrap.
#
# Output is TAP so meson reports every step. Needs root (mmdebstrap), flatpak,
# flatpak-builder, ostree, mmdebstrap, bubblewrap, xvfb-run, python3.
set -uo pipefail

src=$(realpath "${1:?usage: run.sh SOURCE_DIR SCRATCH_DIR}")
scratch=${2:?usage: run.sh SOURCE_DIR SCRATCH_DIR}
mkdir -p "$scratch" && scratch=$(realpath "$scratch")
# Optional: a native build of the same tree, to compare screenshots with.
native_build=${3:+$(realpath "$3")}

app_id=io.github.rigwise.Rigwise
arch=x86_64
local_version=12
platform_id=org.rigwise.LocalPlatform
sdk_id=org.rigwise.LocalSdk
suite=bookworm

# What the GNOME Platform gives Rigwise at run time: GTK 4, libadwaita,
# json-glib, libcurl, GL (without Mesa GTK falls back to cairo), SVG icons,
# fonts, icon themes and CA certificates for the price feed.
platform_packages=(
  libgtk-4-1 libadwaita-1-0 libjson-glib-1.0-0 libcurl4 libglib2.0-0
  libegl1 libgl1 libgles2 libgl1-mesa-dri librsvg2-common
  shared-mime-info hicolor-icon-theme adwaita-icon-theme
  fonts-dejavu-core fonts-cantarell ca-certificates
)
# What the GNOME SDK gives the build: compilers, meson, gettext, the -dev
# packages, the desktop/AppStream tools flatpak-builder runs after the build.
sdk_packages=(
  "${platform_packages[@]}"
  build-essential pkg-config meson ninja-build gettext python3 elfutils
  desktop-file-utils appstream appstream-util
  libglib2.0-dev libglib2.0-dev-bin libgtk-4-dev libadwaita-1-dev
  libjson-glib-dev libcurl4-openssl-dev libcairo2-dev libpango1.0-dev
)
# Bump when the way the runtime is assembled changes.
bootstrap_recipe=3

# --- TAP helpers ---------------------------------------------------------
n=0
failed=0
log=$scratch/log
mkdir -p "$log"
ok () { n=$((n + 1)); echo "ok $n - $*"; }
not_ok () { n=$((n + 1)); failed=1; echo "not ok $n - $*"; }
# step NAME LOGFILE COMMAND... : runs COMMAND, reports it, prints the log tail on failure.
step () {
  local name=$1 logfile=$log/$2; shift 2
  local t0=$SECONDS
  if "$@" >"$logfile" 2>&1; then
    ok "$name ($((SECONDS - t0)) s)"
    return 0
  fi
  not_ok "$name ($((SECONDS - t0)) s)"
  tail -n 40 "$logfile" | sed 's/^/# /'
  return 1
}
finish () {
  echo "1..$n"
  echo "# total $SECONDS s"
  exit $failed
}
bail () { echo "Bail out! $*"; echo "1..$n"; exit 1; }

for tool in flatpak flatpak-builder ostree mmdebstrap bwrap xvfb-run python3; do
  command -v "$tool" >/dev/null || bail "$tool is not installed (./setup.sh deps)"
done

# --- the cached runtime --------------------------------------------------
key=$( { printf '%s\n' "$suite" "$bootstrap_recipe" "${platform_packages[@]}" --sdk-- "${sdk_packages[@]}"; } \
       | sha256sum | cut -c1-16)
cache_root=${RIGWISE_FLATPAK_CACHE:-/var/cache/rigwise-flatpak}
if ! mkdir -p "$cache_root" 2>/dev/null || [ ! -w "$cache_root" ]; then
  cache_root=${XDG_CACHE_HOME:-$HOME/.cache}/rigwise-flatpak
  mkdir -p "$cache_root"
fi
cache=$cache_root/$key
runtime_repo=$cache/repo

# One root filesystem turned into a flatpak runtime: ROOT/usr becomes the
# runtime's files, ROOT/etc goes to usr/etc (flatpak mounts it on /etc).
make_runtime () { # make_runtime NAME WORKDIR PACKAGE...
  local name=$1 work=$2; shift 2
  local root=$work/root dir=$work/runtime
  rm -rf "$work" && mkdir -p "$work" "$dir"
  mmdebstrap --variant=apt --mode=root --quiet \
    --dpkgopt='path-exclude=/usr/share/doc/*' \
    --dpkgopt='path-exclude=/usr/share/man/*' \
    --dpkgopt='path-exclude=/usr/share/info/*' \
    --include="$(IFS=,; echo "$*")" \
    "$suite" "$root" || return 1
  mv "$root/usr" "$dir/usr"
  cp -a "$root/etc" "$dir/usr/etc"
  # Nothing in a runtime may belong to root alone: flatpak installs as the user.
  rm -f "$dir/usr/etc/shadow" "$dir/usr/etc/gshadow" "$dir/usr/etc/shadow-" "$dir/usr/etc/gshadow-"
  cat >"$dir/metadata" <<EOF
[Runtime]
name=$name
runtime=$platform_id/$arch/$local_version
sdk=$sdk_id/$arch/$local_version
EOF
  rm -rf "$root"
}

bootstrap_runtime () {
  local work=$cache/work
  rm -rf "$work" "$runtime_repo"
  mkdir -p "$work"
  ostree init --mode=archive-z2 --repo="$runtime_repo" || return 1
  # Level 1 makes the export 2-3x faster for a repo that only lives here.
  ostree config --repo="$runtime_repo" set archive.zlib-level 1 || return 1
  make_runtime "$platform_id" "$work/platform" "${platform_packages[@]}" >"$work/platform.log" 2>&1 &
  local platform_pid=$!
  make_runtime "$sdk_id" "$work/sdk" "${sdk_packages[@]}" >"$work/sdk.log" 2>&1 &
  local sdk_pid=$!
  local rc=0
  wait $platform_pid || { echo "platform:"; tail -n 30 "$work/platform.log"; rc=1; }
  wait $sdk_pid || { echo "sdk:"; tail -n 30 "$work/sdk.log"; rc=1; }
  [ $rc -eq 0 ] || return 1
  flatpak build-export --runtime --files=usr --arch=$arch "$runtime_repo" \
    "$work/platform/runtime" "$local_version" || return 1
  flatpak build-export --runtime --files=usr --arch=$arch "$runtime_repo" \
    "$work/sdk/runtime" "$local_version" || return 1
  flatpak build-update-repo "$runtime_repo" || return 1
  rm -rf "$work"
  touch "$cache/complete"
}

# Two runs on one machine must not bootstrap the same cache at once.
exec 9>"$cache_root/.lock"
flock 9
if [ -f "$cache/complete" ]; then
  ok "runtime cached in $cache (recipe $key)"
else
  mkdir -p "$cache"
  step "bootstrap $platform_id and $sdk_id from Debian $suite into $cache" bootstrap.log \
    bootstrap_runtime || bail "could not bootstrap the stand-in runtime"
fi
flock -u 9

# --- a private flatpak installation --------------------------------------
# Everything --user goes to the scratch dir, never the machine's $HOME.
rm -rf "$scratch/home" "$scratch/run" "$scratch/state" "$scratch/build-dir" "$scratch/repo" \
       "$scratch/manifest" "$scratch/out"
mkdir -p "$scratch/home" "$scratch/run" "$scratch/manifest" "$scratch/out"
chmod 700 "$scratch/run"
export HOME=$scratch/home
export XDG_DATA_HOME=$HOME/.local/share XDG_CONFIG_HOME=$HOME/.config XDG_CACHE_HOME=$HOME/.cache
export XDG_RUNTIME_DIR=$scratch/run
export FLATPAK_USER_DIR=$HOME/.local/share/flatpak
unset DBUS_SESSION_BUS_ADDRESS DISPLAY WAYLAND_DISPLAY
fp () { flatpak --user --noninteractive "$@"; }

step "install the stand-in runtime and SDK --user from the local repository" install-runtime.log \
  sh -c "flatpak --user remote-add --no-gpg-verify rigwise-runtimes file://$runtime_repo &&
         flatpak --user install --noninteractive -y rigwise-runtimes \
           $platform_id//$local_version $sdk_id//$local_version" \
  || bail "could not install the runtime"

# --- build the real manifest against it ----------------------------------
manifest=$scratch/manifest/$app_id.json
step "generate $app_id.json with only runtime, sdk and runtime-version swapped" manifest.log \
  python3 - "$src/flatpak/$app_id.json" "$manifest" "$src" "$platform_id" "$sdk_id" "$local_version" <<'PY' \
  || bail "could not generate the manifest"
import json, os, sys
source, target, src, platform, sdk, version = sys.argv[1:]
with open(source) as f:
    m = json.load(f)
original = json.loads(json.dumps(m))
m["runtime"], m["sdk"], m["runtime-version"] = platform, sdk, version
# The copy lives elsewhere, so the local source dir becomes absolute; build
# dirs in the tree (flatpak-builder's skip takes no globs) stay out of it.
for module in m["modules"]:
    for s in module.get("sources", []):
        if s.get("type") == "dir":
            s["path"] = os.path.normpath(os.path.join(os.path.dirname(source), s["path"]))
            s["skip"] = sorted(set(s.get("skip", [])) | {e for e in os.listdir(s["path"])
                               if e.startswith(("_build", "build", ".flatpak-builder"))})
changed = {k for k in set(m) | set(original) if m.get(k) != original.get(k)}
assert changed == {"runtime", "sdk", "runtime-version", "modules"}, changed
with open(target, "w") as f:
    json.dump(m, f, indent=2)
print(json.dumps(m, indent=2))
PY

step "flatpak-builder builds $app_id against the stand-in SDK" build.log \
  flatpak-builder --user --force-clean --disable-rofiles-fuse --disable-updates \
    --state-dir="$scratch/state" --repo="$scratch/repo" "$scratch/build-dir" "$manifest" \
  || bail "the Flatpak did not build"

step "install $app_id from the built repository" install-app.log \
  sh -c "flatpak --user remote-add --no-gpg-verify rigwise-app file://$scratch/repo &&
         flatpak --user install --noninteractive -y rigwise-app $app_id" \
  || bail "the built Flatpak did not install"

# --- run it ----------------------------------------------------------------
# finish-args must stay exactly what the manifest asks for.
if flatpak --user info --show-permissions "$app_id" >"$log/permissions.txt" 2>&1 \
   && python3 - "$log/permissions.txt" <<'PY'
import configparser, sys
c = configparser.ConfigParser(interpolation=None)
c.read(sys.argv[1])
ctx = c["Context"]
split = lambda k: sorted(filter(None, ctx.get(k, "").split(";")))
assert split("shared") == ["ipc", "network"], split("shared")
assert split("sockets") == ["fallback-x11", "wayland", "x11"] or split("sockets") == ["fallback-x11", "wayland"], split("sockets")
assert split("devices") == ["dri"], split("devices")
assert split("filesystems") == [], split("filesystems")
PY
then ok "installed app has only ipc, network, wayland/fallback-x11, dri; no filesystem"
else not_ok "installed app's permissions"; sed 's/^/# /' "$log/permissions.txt"
fi

# The GUI under Xvfb; the app itself saves the screenshot from inside the
# sandbox, into its own cache dir (no filesystem permission needed).
shot_in_sandbox=$HOME/.var/app/$app_id/cache/flatpak-screenshot.png
gui_run () {
  mkdir -p "$(dirname "$shot_in_sandbox")"
  timeout 120 xvfb-run -a -s '-screen 0 1280x1024x24' \
    flatpak --user run --env=GDK_BACKEND=x11 --env=GTK_A11Y=none --env=GSETTINGS_BACKEND=memory \
      --env=RIGWISE_SCREENSHOT="$shot_in_sandbox" "$app_id" &&
  cp "$shot_in_sandbox" "$scratch/out/flatpak-screenshot.png" &&
  identify -format '%w %h %k\n' "$scratch/out/flatpak-screenshot.png" &&
  read -r w h colours < <(identify -format '%w %h %k\n' "$scratch/out/flatpak-screenshot.png") &&
  echo "screenshot ${w}x${h}, $colours colours" &&
  [ "$w" -ge 640 ] && [ "$h" -ge 400 ] && [ "$colours" -ge 64 ]
}
step "flatpak run $app_id under Xvfb: the app's own screenshot is ≥640×400 and not blank" gui.log gui_run
grep -h '^screenshot' "$log/gui.log" | sed 's/^/# /'

# With the cairo renderer, what the sandboxed app draws must match the native
# build of the same tree: same catalog, same layout, same text.
if [ -n "$native_build" ] && [ -x "$native_build/src/app/rigwise" ]; then
  same_env=(GDK_BACKEND=x11 GTK_A11Y=none GSETTINGS_BACKEND=memory GSK_RENDERER=cairo LC_ALL=C.UTF-8 LANGUAGE=en)
  compare_run () {
    local flatpak_env=() e
    for e in "${same_env[@]}"; do flatpak_env+=("--env=$e"); done
    timeout 120 xvfb-run -a -s '-screen 0 1280x1024x24' \
      flatpak --user run "${flatpak_env[@]}" --env=RIGWISE_SCREENSHOT="$shot_in_sandbox" "$app_id" &&
    cp "$shot_in_sandbox" "$scratch/out/flatpak-cairo.png" &&
    timeout 120 env "${same_env[@]}" GSETTINGS_SCHEMA_DIR="$native_build/data" RIGWISE_DATADIR="$src/data" \
      RIGWISE_SCREENSHOT="$scratch/out/native-cairo.png" \
      xvfb-run -a -s '-screen 0 1280x1024x24' "$native_build/src/app/rigwise" &&
    local a b diff total
    a=$(identify -format '%wx%h' "$scratch/out/flatpak-cairo.png") &&
    b=$(identify -format '%wx%h' "$scratch/out/native-cairo.png") &&
    echo "flatpak $a, native $b" && [ "$a" = "$b" ] &&
    # AE: the number of pixels that differ by more than 2 %.
    { diff=$(compare -metric AE -fuzz 2% "$scratch/out/flatpak-cairo.png" "$scratch/out/native-cairo.png" \
             "$scratch/out/difference.png" 2>&1 >/dev/null); true; } &&
    echo "differing pixels: $diff" && [[ $diff =~ ^[0-9.e+]+$ ]] &&
    total=$(identify -format '%[fx:w*h]' "$scratch/out/native-cairo.png") &&
    awk -v d="$diff" -v t="$total" 'BEGIN { exit !(d + 0 <= t / 1000) }'
  }
  step "the sandboxed app draws what the native build draws (cairo, ≤0.1 % of pixels differ)" compare.log compare_run
  grep -h '^differing' "$log/compare.log" | sed 's/^/# /'
fi

cli_args=(estimate --system dgx-spark --system custom-5090 --model llama-3.3-70b --weights q4_k_m --context 32768)
cli_run () {
  timeout 60 flatpak --user run --command=rigwise-cli "$app_id" "${cli_args[@]}" >"$scratch/out/cli.txt" &&
  cat "$scratch/out/cli.txt" &&
  # The estimate for both systems, with the verdicts the native build gives:
  # 70B at Q4_K_M fits the Spark's 128 GB, spills past the 5090's 32 GB.
  grep -q '^Llama 3.3 70B' "$scratch/out/cli.txt" &&
  grep -Eq '^dgx-spark +fits ' "$scratch/out/cli.txt" &&
  grep -Eq '^custom-5090 +spills ' "$scratch/out/cli.txt"
}
step "flatpak run --command=rigwise-cli $app_id ${cli_args[*]}" cli.log cli_run

# --- single-file bundle ------------------------------------------------------
bundle=$scratch/out/$app_id.flatpak
bundle_run () {
  flatpak build-bundle "$scratch/repo" "$bundle" "$app_id" &&
  ls -l "$bundle" &&
  fp uninstall -y "$app_id" &&
  fp install -y --bundle "$bundle" &&
  flatpak --user info "$app_id" &&
  timeout 60 flatpak --user run --command=rigwise-cli "$app_id" "${cli_args[@]}" >"$scratch/out/cli-bundle.txt" &&
  cmp "$scratch/out/cli.txt" "$scratch/out/cli-bundle.txt"
}
step "flatpak build-bundle, install from the .flatpak file, same rigwise-cli output" bundle.log bundle_run
grep -h 'Rigwise.flatpak$\|Origin:' "$log/bundle.log" | sed 's/^/# /'

# The installed runtimes and build trees take ~2 GB; keep them only to debug
# a failure. Logs, the screenshot and the bundle stay in $scratch.
if [ $failed -eq 0 ]; then
  rm -rf "$HOME/.local/share/flatpak" "$scratch/build-dir" "$scratch/state" "$scratch/repo"
fi
finish
