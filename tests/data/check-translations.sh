#!/usr/bin/env bash
# Every language in po/LINGUAS must translate every string the sources have
# NOW (TAP output). The .pot is regenerated from po/POTFILES.in with the
# same xgettext arguments as i18n.gettext(preset: 'glib'), each .po is merged
# with it, and `msgfmt --check --statistics` must report only translated
# messages: a string added to the code without a translation fails here.
#
#   check-translations.sh SOURCE_ROOT SCRATCH_DIR
set -uo pipefail
src=$1
tmp=$2
rm -rf "$tmp" && mkdir -p "$tmp"
n=0 rc=0
ok () { n=$((n + 1)); echo "ok $n - $*"; }
not_ok () { n=$((n + 1)); rc=1; echo "not ok $n - $*"; }

# meson's i18n 'glib' preset (mesonbuild/modules/i18n.py).
xgettext_args=(
  --package-name=rigwise --from-code=UTF-8 --add-comments
  --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2
  --keyword=g_dcgettext:2 --keyword=g_dngettext:2,3 --keyword=g_dpgettext2:2c,3
  --flag=N_:1:pass-c-format --flag=C_:2:pass-c-format --flag=NC_:2:pass-c-format
  --flag=g_dngettext:2:pass-c-format --flag=g_strdup_printf:1:c-format
  --flag=g_string_printf:2:c-format --flag=g_string_append_printf:2:c-format
  --flag=g_error_new:3:c-format --flag=g_set_error:4:c-format
  --flag=g_markup_printf_escaped:1:c-format --flag=g_log:3:c-format
  --flag=g_print:1:c-format --flag=g_printerr:1:c-format --flag=g_printf:1:c-format
  --flag=g_fprintf:2:c-format --flag=g_sprintf:2:c-format --flag=g_snprintf:3:c-format
)
grep -v '^#' "$src/po/POTFILES.in" | sed '/^[[:space:]]*$/d' >"$tmp/POTFILES"
if (cd "$src" && xgettext "${xgettext_args[@]}" -f "$tmp/POTFILES" -o "$tmp/rigwise.pot") 2>"$tmp/xgettext.log"; then
  strings=$(grep -c '^msgid ' "$tmp/rigwise.pot")
  strings=$((strings - 1)) # the header
  ok "xgettext extracts $strings strings from po/POTFILES.in"
else
  not_ok "xgettext extracts the strings from po/POTFILES.in"
  sed 's/^/# /' "$tmp/xgettext.log"
  strings=0
fi

declare -A plural_forms=(
  [de]='nplurals=2; plural=(n != 1);'
  [fr]='nplurals=2; plural=(n > 1);'
)
for lang in $(grep -v '^#' "$src/po/LINGUAS"); do
  po=$src/po/$lang.po
  if [ ! -f "$po" ]; then not_ok "$lang: po/$lang.po exists"; continue; fi
  if ! msgmerge --quiet --previous "$po" "$tmp/rigwise.pot" -o "$tmp/$lang.po" 2>"$tmp/$lang.merge.log"; then
    not_ok "$lang: msgmerge with the current sources"; sed 's/^/# /' "$tmp/$lang.merge.log"; continue
  fi
  stats=$(LC_ALL=C msgfmt --check --statistics -o /dev/null "$tmp/$lang.po" 2>&1)
  if [ $? -eq 0 ] && [ "$stats" = "$strings translated messages." ] || { [ "$strings" -eq 1 ] && [ "$stats" = "1 translated message." ]; }; then
    ok "$lang: msgfmt --check --statistics: $stats"
  else
    not_ok "$lang: every string translated, none fuzzy (msgfmt --check --statistics: $stats)"
    # Name the strings that need work.
    msgattrib --untranslated --no-obsolete "$tmp/$lang.po" 2>/dev/null | grep '^msgid "' | grep -v '^msgid ""$' \
      | sed "s/^/# untranslated in $lang: /" | head -n 30
    msgattrib --only-fuzzy --no-obsolete "$tmp/$lang.po" 2>/dev/null | grep '^msgid "' | grep -v '^msgid ""$' \
      | sed "s/^/# fuzzy in $lang: /" | head -n 30
  fi
  expected=${plural_forms[$lang]:-}
  if [ -n "$expected" ]; then
    if grep -qF "\"Plural-Forms: $expected\\n\"" "$po"; then ok "$lang: Plural-Forms is '$expected'"
    else not_ok "$lang: Plural-Forms is '$expected'"; grep 'Plural-Forms' "$po" | sed 's/^/# /'; fi
  fi
done
echo "1..$n"
exit $rc
