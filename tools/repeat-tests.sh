#!/usr/bin/env bash
# Runs the README's test command N times in a row, each time on a fresh
# clone of HEAD with its own new build directory, and prints one line per run
# with meson's totals; any failed test's name is printed after its run.
# With --cold-fonts it also empties the font caches before every run, so the
# first GTK start of each run builds them again, as on a fresh machine
# (this touches /var/cache/fontconfig: use it on a test machine only).
#
# Usage: tools/repeat-tests.sh [--cold-fonts] [N]    (N defaults to 10)
set -uo pipefail

cold=0
if [ "${1:-}" = "--cold-fonts" ]; then
  cold=1
  shift
fi
runs=${1:-10}
src=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/appeal-desk-repeat.XXXXXX")
cmd=$(sed -n '/<!-- test-command -->/,/<!-- \/test-command -->/p' "$src/README.md" | grep -v '^<!--' | grep -v '^```' | sed '/^$/d')
passed_runs=0

echo "commit $(git -C "$src" rev-parse --short HEAD), $runs runs, logs in $work"
for i in $(seq 1 "$runs"); do
  clone="$work/run-$i"
  git clone -q "$src" "$clone"
  if [ "$cold" = 1 ]; then
    rm -rf "${XDG_CACHE_HOME:-$HOME/.cache}/fontconfig" /var/cache/fontconfig/*
  fi
  start=$(date +%s)
  (cd "$clone" && DEBIAN_FRONTEND=noninteractive bash -c "$cmd") >"$work/run-$i.log" 2>&1
  status=$?
  ok=$(grep -E '^Ok: ' "$work/run-$i.log" | tail -1 | awk '{print $2}')
  fail=$(grep -E '^Fail: ' "$work/run-$i.log" | tail -1 | awk '{print $2}')
  timeout=$(grep -E '^Timeout: ' "$work/run-$i.log" | tail -1 | awk '{print $2}')
  echo "run $i: status $status, ${ok:-0} passed, $(( ${fail:-0} + ${timeout:-0} )) failed, $(( $(date +%s) - start )) s"
  grep -E '^ *[0-9]+/[0-9]+ .*(FAIL|ERROR|TIMEOUT)' "$work/run-$i.log" | sort -u | sed 's/^/    /'
  [ "$status" -eq 0 ] && passed_runs=$((passed_runs + 1))
  rm -rf "$clone"
done
echo "$passed_runs of $runs runs passed"
[ "$passed_runs" -eq "$runs" ]
