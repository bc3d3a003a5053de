#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Builds the fontconfig cache before any GUI test starts. On a fresh machine
# the first GTK process otherwise scans every font (the CJK ones are large)
# while the other GUI tests start too: the accessibility walk-through, which
# works against wall-clock deadlines, then ran out of time. fc-cache only
# scans folders whose cache is missing or stale, so this is quick when warm.
# Usage: warm-font-cache.sh <stamp file>
set -eu
stamp=${1:?stamp file}
if command -v fc-cache >/dev/null; then
  fc-cache
fi
: >"$stamp"
