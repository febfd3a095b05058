#!/usr/bin/env bash
# The app icon renders at every size the desktop uses, and the symbolic icon
# is a single-colour 16 px glyph that GTK can recolour (TAP output).
#
#   check-icons.sh ICONS_DIR SCRATCH_DIR
set -uo pipefail
icons=$1
tmp=$2
rm -rf "$tmp" && mkdir -p "$tmp"
app=$icons/hicolor/scalable/apps/io.github.rigwise.Rigwise.svg
symbolic=$icons/hicolor/symbolic/apps/io.github.rigwise.Rigwise-symbolic.svg
n=0 rc=0
ok () { n=$((n + 1)); echo "ok $n - $*"; }
not_ok () { n=$((n + 1)); rc=1; echo "not ok $n - $*"; }

for size in 16 32 64 128; do
  png=$tmp/app-$size.png
  if rsvg-convert -w "$size" -h "$size" "$app" -o "$png" 2>"$tmp/err"; then
    # Size, share of opaque area and number of colours of the rendering.
    read -r w h colours < <(convert "$png" -format '%w %h %k\n' info:)
    coverage=$(convert "$png" -alpha extract -format '%[fx:mean]' info:)
    # A GNOME app icon fills most of its canvas but is not a full square.
    if [ "$w" = "$size" ] && [ "$h" = "$size" ] &&
       awk -v c="$coverage" 'BEGIN { exit !(c > 0.45 && c < 0.95) }' && [ "$colours" -ge 8 ]; then
      ok "app icon at $size px: ${w}x$h, $coverage opaque, $colours colours"
    else
      not_ok "app icon at $size px: ${w}x$h, $coverage opaque, $colours colours"
    fi
  else
    not_ok "rsvg-convert renders the app icon at $size px"; sed 's/^/# /' "$tmp/err"
  fi
done

if grep -q 'viewBox="0 0 16 16"' "$symbolic"; then ok "symbolic icon is drawn on the 16 px grid"
else not_ok "symbolic icon is drawn on the 16 px grid"; fi
# GTK recolours symbolic icons: one flat colour, no gradients or opacity tricks.
colours=$(grep -oE '(fill|stroke)="#[0-9a-fA-F]{3,6}"' "$symbolic" | sed 's/.*="//; s/"//' | sort -u)
if [ "$(printf '%s\n' "$colours" | grep -c .)" -eq 1 ] && ! grep -qE 'Gradient|opacity' "$symbolic"; then
  ok "symbolic icon uses one flat colour ($colours)"
else
  not_ok "symbolic icon uses one flat colour (found: $(echo $colours))"
fi
if rsvg-convert -w 16 -h 16 "$symbolic" -o "$tmp/symbolic-16.png" 2>"$tmp/err"; then
  coverage=$(convert "$tmp/symbolic-16.png" -alpha extract -format '%[fx:mean]' info:)
  if awk -v c="$coverage" 'BEGIN { exit !(c > 0.3 && c < 0.9) }'; then
    ok "symbolic icon at 16 px covers $coverage of its square"
  else
    not_ok "symbolic icon at 16 px covers $coverage of its square"
  fi
else
  not_ok "rsvg-convert renders the symbolic icon"; sed 's/^/# /' "$tmp/err"
fi
echo "1..$n"
exit $rc
