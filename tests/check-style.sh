#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# .clang-format is applied to all C sources; .editorconfig basics hold for
# the text files we write (no tabs in C, no trailing blanks, final newline).
set -eu
top=${1:?source root}
cd "$top"
fail=0
files=$(git ls-files -co --exclude-standard 'src/*.c' 'src/*.h' 'tests/*.c' 'tests/*.h' 'bench/*.c' 2>/dev/null \
        || find src tests bench -name '*.[ch]')
for f in $files; do
  [ -f "$f" ] || continue
  if ! clang-format --dry-run -Werror --style=file "$f" >/dev/null 2>&1; then
    echo "$f: not formatted with .clang-format (run clang-format -i $f)"; fail=1
  fi
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
