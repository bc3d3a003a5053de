#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Translations stay complete: POTFILES.in is sorted and lists every file with
# translatable strings, and po/zh_CN.po translates every string the sources
# have now (not just the ones in the last committed .pot).
set -eu
top=${1:?source root}
cd "$top"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0

grep -v '^#' po/POTFILES.in | sed '/^$/d' >"$tmp/listed"
if ! LC_ALL=C sort -c "$tmp/listed" 2>/dev/null; then
  echo "po/POTFILES.in is not sorted (LC_ALL=C sort)"; fail=1
fi
while read -r f; do
  [ -f "$f" ] || { echo "po/POTFILES.in lists a missing file: $f"; fail=1; }
done <"$tmp/listed"

{
  grep -rlE '\b(N?_|C_|NC_|g_dngettext) ?\(' src --include='*.c' || true
  grep -rl 'translatable="yes"' ui src --include='*.ui' || true
  ls data/*.desktop.in data/*.metainfo.xml.in data/*.gschema.xml 2>/dev/null || true
} | LC_ALL=C sort -u >"$tmp/needed"
missing=$(LC_ALL=C comm -23 "$tmp/needed" "$tmp/listed")
if [ -n "$missing" ]; then
  echo "Files with translatable strings missing from po/POTFILES.in:"; echo "$missing"; fail=1
fi

xgettext --from-code=UTF-8 --add-comments --package-name=appeal-desk \
  --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 \
  --keyword=g_dngettext:2,3 --keyword=g_dpgettext2:2c,3 \
  --flag=g_strdup_printf:1:c-format --flag=g_set_error:4:c-format \
  -f "$tmp/listed" -o "$tmp/appeal-desk.pot"
msgmerge --quiet --no-fuzzy-matching -o "$tmp/zh_CN.po" po/zh_CN.po "$tmp/appeal-desk.pot"
stats=$(LC_ALL=C msgfmt --check --statistics -o /dev/null "$tmp/zh_CN.po" 2>&1)
echo "zh_CN against the current sources: $stats"
case "$stats" in
  *fuzzy*|*untranslated*) echo "po/zh_CN.po is incomplete: update it (ninja appeal-desk-update-po) and translate"; fail=1 ;;
esac
own=$(LC_ALL=C msgfmt --check --statistics -o /dev/null po/zh_CN.po 2>&1)
case "$own" in
  *fuzzy*|*untranslated*) echo "po/zh_CN.po itself has fuzzy or untranslated entries: $own"; fail=1 ;;
esac
exit $fail
