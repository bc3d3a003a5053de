#!/usr/bin/env bash
# Screenshots of the authorization chain editor on the demo cases (Shopee IP
# case with gaps, Joom reseller case clean), English and Chinese, wide and
# narrow. Usage: tools/take-chain-screenshots.sh [BUILD_DIR] [OUT_DIR]
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$top/build}
out=${2:-$top/data/screenshots}
mkdir -p "$out"
export G_TEST_SRCDIR=$top/tests DESK_BUILD_ROOT=$build GSETTINGS_BACKEND=memory
export GSETTINGS_SCHEMA_DIR=$build/data NO_AT_BRIDGE=1 GTK_A11Y=none GSK_RENDERER=cairo
export LANG=C.UTF-8 DESK_CHAIN_SCREENSHOT_DIR=$out
for lang in en zh_CN; do
  for size in 1100x900 360x720; do
    LANGUAGE=$lang DESK_CHAIN_SCREENSHOT_SIZE=$size xvfb-run -a -s '-screen 0 1280x1000x24' \
      "$build/tests/test-chain-editor" -p /chain-editor/shopee-gaps -p /chain-editor/live-and-save -p /chain-editor/profile-page | grep wrote || true
  done
done
