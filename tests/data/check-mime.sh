#!/usr/bin/env bash
# check-mime.sh MIME_XML DESKTOP_FILE SCRATCH: the *.rigwise file type as a
# file manager sees it. update-mime-database builds a real MIME database from
# the installed XML; the glob maps to the type, the type has its translated
# comments, and the desktop file claims that type with a %U to receive files.
set -u
xml=$1; desktop=$2; scratch=$3
n=0; fail=0
ok () { n=$((n+1)); echo "ok $n - $1"; }
not_ok () { n=$((n+1)); fail=1; echo "not ok $n - $1"; }
type=application/x-rigwise-scenario

rm -rf "$scratch"; mkdir -p "$scratch/mime/packages"
cp "$xml" "$scratch/mime/packages/"
if update-mime-database "$scratch/mime" 2>"$scratch/err"; then ok "update-mime-database accepts it"; else not_ok "update-mime-database: $(cat "$scratch/err")"; fi
if grep -q ":$type:\*\.rigwise" "$scratch/mime/globs2" 2>/dev/null; then ok "*.rigwise is $type"; else not_ok "no *.rigwise glob in globs2"; fi
if grep -q "^$type application/json$" "$scratch/mime/subclasses" 2>/dev/null; then ok "a subclass of application/json"; else not_ok "not a subclass of application/json"; fi
if grep -q "^$type:io.github.rigwise.Rigwise$" "$scratch/mime/icons" 2>/dev/null; then ok "the app's icon"; else not_ok "no icon for $type"; fi
for lang in de fr; do
  if grep -q "<comment xml:lang=\"$lang\">" "$xml"; then ok "comment translated ($lang)"; else not_ok "no $lang comment"; fi
done
if grep -q "^MimeType=.*$type;" "$desktop"; then ok "the desktop file claims $type"; else not_ok "desktop file has no MimeType=$type"; fi
if grep -q "^Exec=rigwise %U$" "$desktop"; then ok "Exec passes the files (%U)"; else not_ok "Exec has no %U"; fi
echo "1..$n"
exit $fail
