#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Cross-checks between the desktop file, metainfo, schema, icons and the
# Flatpak manifest: each validator only sees one file, so a renamed binary or
# a forgotten release entry would otherwise slip through.
#
# Usage: check-data.sh APP_ID VERSION DESKTOP METAINFO DATA_SRCDIR MANIFEST
# Prints TAP.

set -u

if [ $# -ne 6 ]; then
  echo "usage: $0 APP_ID VERSION DESKTOP METAINFO DATA_SRCDIR MANIFEST" >&2
  exit 2
fi

app_id=$1
version=$2
desktop=$3
metainfo=$4
srcdir=$5
manifest=$6

icon=$srcdir/icons/hicolor/scalable/apps/$app_id.svg
symbolic=$srcdir/icons/hicolor/symbolic/apps/$app_id-symbolic.svg
schema=$srcdir/$app_id.gschema.xml

n=0
failed=0

check ()
{
  n=$((n + 1))
  name=$1
  shift
  if msg=$("$@" 2>&1); then
    echo "ok $n - $name"
  else
    failed=$((failed + 1))
    echo "not ok $n - $name"
    printf '%s\n' "$msg" | sed 's/^/# /'
  fi
}

# First value of KEY= in the [Desktop Entry] group (untranslated key only).
desktop_key ()
{
  sed -n "s/^$1=//p" "$desktop" | head -n 1
}

# Text of the first <TAG>…</TAG> on one line.
xml_text ()
{
  sed -n "s:.*<$1[^>]*>\([^<]*\)</$1>.*:\1:p" "$2" | head -n 1
}

expect ()
{
  if [ "$1" != "$2" ]; then
    echo "got '$1', expected '$2'"
    return 1
  fi
}

desktop_icon ()
{
  expect "$(desktop_key Icon)" "$app_id" || return 1
  [ -s "$icon" ] || { echo "missing $icon"; return 1; }
  [ -s "$symbolic" ] || { echo "missing $symbolic"; return 1; }
}

icon_sizes ()
{
  grep -q 'viewBox="0 0 128 128"' "$icon" || { echo "$icon is not 128x128"; return 1; }
  grep -q 'viewBox="0 0 16 16"' "$symbolic" || { echo "$symbolic is not 16x16"; return 1; }
}

# GTK recolours symbolic icons through fill only: a stroke or a second colour
# would not follow the theme.
symbolic_recolourable ()
{
  if grep -q 'stroke' "$symbolic"; then
    echo "$symbolic uses strokes"
    return 1
  fi
  colours=$(grep -o '#[0-9a-fA-F]\{6\}' "$symbolic" | sort -u | tr '\n' ' ')
  expect "$colours" "#2e3436 "
}

binary_names ()
{
  exec_cmd=$(desktop_key Exec | cut -d' ' -f1)
  expect "$exec_cmd" "$(xml_text binary "$metainfo")" || return 1
  grep -q "\"command\": *\"$exec_cmd\"" "$manifest" ||
    { echo "manifest command is not $exec_cmd"; return 1; }
}

metainfo_ids ()
{
  expect "$(xml_text id "$metainfo")" "$app_id" || return 1
  expect "$(xml_text launchable "$metainfo")" "$(basename "$desktop")"
}

release_version ()
{
  first=$(sed -n 's/.*<release [^>]*version="\([^"]*\)".*/\1/p' "$metainfo" | head -n 1)
  expect "$first" "$version"
}

schema_id ()
{
  path=/$(echo "$app_id" | tr '.' '/')/
  grep -q "<schema id=\"$app_id\" path=\"$path\">" "$schema" ||
    { echo "$schema has no schema $app_id at $path"; return 1; }
  grep -q '<schemalist gettext-domain="appeal-desk">' "$schema" ||
    { echo "$schema does not set gettext-domain"; return 1; }
}

echo "1..7"
check "desktop Icon names an installed icon" desktop_icon
check "icons have their canvas sizes" icon_sizes
check "symbolic icon is one fill colour" symbolic_recolourable
check "Exec, <binary> and manifest command agree" binary_names
check "metainfo id and launchable" metainfo_ids
check "newest release is the project version" release_version
check "schema id, path and gettext domain" schema_id

[ "$failed" -eq 0 ]
