#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# .clang-format is applied to all C sources; .editorconfig basics hold for
# the text files we write (no tabs in C, no trailing blanks, final newline).
set -eu
top=${1:?source root}
cd "$top"
fail=0
files=$(git ls-files -co --exclude-standard 'src/*.c' 'src/*.h' 'tests/*.c' 'tests/*.h' 'bench/*.c' 'fuzz/*.c' 2>/dev/null \
        || find src tests bench fuzz -name '*.[ch]')
existing=$(for f in $files; do [ -f "$f" ] && echo "$f"; done)
# One clang-format for all files (one per file took over 30 s on a busy
# machine); it names each file it would change.
for f in $(clang-format --dry-run -Werror --style=file $existing 2>&1 \
           | sed -n 's/^\([^:]*\):[0-9]*:[0-9]*: error:.*/\1/p' | sort -u); do
  echo "$f: not formatted with .clang-format (run clang-format -i $f)"; fail=1
done
for f in $existing; do
  if grep -q "$(printf '\t')" "$f"; then echo "$f: contains tabs"; fail=1; fi
done
for f in $files $(git ls-files -co --exclude-standard 'ui/*.ui' 'data/*.in' 'meson.build' '*/meson.build' 2>/dev/null); do
  [ -f "$f" ] || continue
  if grep -qE '[ 	]+$' "$f"; then echo "$f: trailing whitespace"; fail=1; fi
  if [ -s "$f" ] && [ "$(tail -c1 "$f" | od -An -c | tr -d ' ')" != '\n' ]; then
    echo "$f: no final newline"; fail=1
  fi
done
exit $fail
