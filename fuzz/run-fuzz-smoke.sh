#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# A short libFuzzer run from the seed corpus: new inputs go to a temporary
# folder, never into the source tree. Usage: run-fuzz-smoke.sh FUZZER SEEDS
set -eu
out=$(mktemp -d "${TMPDIR:-/tmp}/appeal-desk-fuzz-XXXXXX")
trap 'rm -rf "$out"' EXIT
exec "$1" -runs="${FUZZ_RUNS:-3000}" -max_len=65536 -timeout=10 -rss_limit_mb=2048 "$out" "$2"
