#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Import time and peak memory of hostile PDFs (tests/make-hostile-pdfs.py),
# measured with /usr/bin/time -v around "appeal-desk-cli evidence add"
# (peak memory includes the PDF helper it waits for). Anchor: pdfinfo on
# the same file, killed after 120 s. Never run by meson test.
# Usage: bench/hostile-import.sh [BUILD_DIR]
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$top/build}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 "$top/tests/make-hostile-pdfs.py" "$work/pdf"
measure () {  # FILE COMMAND… → "seconds kib"
  /usr/bin/time -f "%e %M" -o "$work/t" "$@" >/dev/null 2>&1 || true
  cat "$work/t" | tail -1
}
printf '%-16s %10s %10s %12s %10s %8s\n' file desk_s desk_MiB pdfinfo_s pdfinfo_MiB ratio
for f in bomb-jbig2 bomb-flate bomb-objstm no-eof bad-page text; do
  rm -rf "$work/data"
  set -- $(measure "$build/src/cli/appeal-desk-cli" --data-dir "$work/data" evidence add --library "$work/pdf/$f.pdf")
  d_s=$1 d_k=$2
  set -- $(measure timeout 120 pdfinfo "$work/pdf/$f.pdf")
  p_s=$1 p_k=$2
  awk -v f="$f" -v ds="$d_s" -v dk="$d_k" -v ps="$p_s" -v pk="$p_k" 'BEGIN {
    printf "%-16s %10.2f %10.1f %12.2f %10.1f %8.2f\n", f, ds, dk / 1024, ps, pk / 1024, (ps > 0.01 ? ds / ps : ds / 0.01) }'
done
