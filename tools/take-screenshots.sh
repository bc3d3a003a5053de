#!/usr/bin/env bash
# Screenshots of Appeal Desk with the demo cases, in English and Chinese, wide
# and narrow. Usage: tools/take-screenshots.sh [BUILD_DIR] [OUT_DIR]
# Writes window.png (used by README and the metainfo) and window-*.png.
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$top/build}
out=${2:-$top/data/screenshots}
data=$(mktemp -d)
trap 'rm -rf "$data"' EXIT
mkdir -p "$out"

export GSETTINGS_BACKEND=memory GSETTINGS_SCHEMA_DIR=$build/data
export APPEAL_DESK_LOCALEDIR=$build/po GSK_RENDERER=cairo NO_AT_BRIDGE=1 LANG=C.UTF-8
# Demo cases in each language (their titles follow the language).
for lang in en zh_CN; do
  LANGUAGE=$lang APPEAL_DESK_DATA_DIR=$data/$lang "$build/src/cli/appeal-desk-cli" demo >/dev/null
done

shot () {  # language size file [case]
  APPEAL_DESK_SCREENSHOT_CASE=${4:-} LANGUAGE=$1 APPEAL_DESK_DATA_DIR=$data/$1 APPEAL_DESK_SCREENSHOT_SIZE=$2 APPEAL_DESK_SCREENSHOT=$out/$3 \
    xvfb-run -a -s '-screen 0 1280x800x24' "$build/src/appeal-desk"
  echo "wrote $out/$3"
}
shot en 1100x720 window.png
shot zh_CN 1100x720 window-zh_CN.png
shot en 360x720 window-narrow.png
shot zh_CN 360x720 window-narrow-zh_CN.png
shot en 1100x900 case.png 3
shot zh_CN 1100x900 case-zh_CN.png 3
shot zh_CN 360x720 case-narrow-zh_CN.png 2
