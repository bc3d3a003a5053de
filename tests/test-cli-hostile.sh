#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Hostile input and a hostile machine, through appeal-desk-cli (issue 8):
# rule packs that crash parsers, NUL bytes, PDF bombs, damaged PDFs, one user
# action = one transaction, case numbers never reused, a full disk and a
# read-only data folder (those two in a private mount namespace).
# Usage: test-cli-hostile.sh PATH/TO/appeal-desk-cli SRCDIR
set -u
CLI="$1"
SRC="$2"
DIR=$(mktemp -d "${TMPDIR:-/tmp}/appeal-desk-cli-hostile-XXXXXX")
trap 'rm -rf "$DIR"' EXIT
export LANGUAGE=C LC_ALL=C.UTF-8
. "$(dirname "$0")/cli-test-lib.sh"

# run DATA ARGS… : stdout in $DIR/out, stderr in $DIR/err, status in $rc
run () {
  data=$1; shift
  "$CLI" --data-dir "$data" "$@" >"$DIR/out" 2>"$DIR/err"
  rc=$?
}
has () { grep -q -- "$1" "$DIR/${2:-err}"; }

python3 "$SRC/tests/make-hostile-pdfs.py" "$DIR/pdf" || exit 1

# 4. A rule pack nested 100 000 levels deep crashed "new" and "checklist".
D=$DIR/deep
mkdir -p "$D/rules"
python3 -c "print('[' * 100000 + ']' * 100000)" >"$D/rules/shopee.json"
run "$D" new -p shopee -t ip-complaint --title "Earbuds"
check "deep rule pack: new does not crash (exit $rc)" '[ $rc -eq 0 ]'
check "deep rule pack: new says on stderr why the pack is not used" 'has "nested more than"'
check "deep rule pack: and which rules apply instead" 'has "built-in Shopee rules"'
run "$D" checklist 1
check "deep rule pack: checklist works with the built-in rules (exit $rc)" '[ $rc -eq 0 ] && has "Evidence checklist" out'

# 5. Rejected packs are reported where it matters, without JSONPath.
D=$DIR/bad
mkdir -p "$D/rules"
sed 's/"hours": 72/"hours": "72"/' "$SRC/data/rules/shopee.json" | sed 's/"pack_version": "/"pack_version": "9/' >"$D/rules/shopee.json"
run "$D" new -p shopee -t ip-complaint --title "Earbuds"
check "malformed pack: the CLI says so on stderr" '[ $rc -eq 0 ] && has "shopee.json"'
check "malformed pack: the message shows no JSONPath" '! has "\$\."'
check "malformed pack: it says where, in words" 'has "deadline › hours"'

# 4. \u0000 inside a pack string silently cut the label.
D=$DIR/nulpack
mkdir -p "$D/rules"
sed 's/"pack_version": "/"pack_version": "9/; s/"en": "Trademark registration certificate"/"en": "Trademark\\u0000 registration certificate"/' \
  "$SRC/data/rules/shopee.json" >"$D/rules/shopee.json"
run "$D" new -p shopee -t ip-complaint --title "Earbuds"
check "pack with \\u0000: refused with a message" 'has "NUL"'
run "$D" checklist 1
check "pack with \\u0000: labels are whole (built-in rules used)" 'has "Trademark registration certificate" out'

# 4. new --from-json was exposed the same way.
D=$DIR/json
python3 -c "print('{\"title\": ' + '[' * 100000 + ']' * 100000 + '}')" >"$DIR/deep.json"
run "$D" new --from-json "$DIR/deep.json"
check "deep --from-json: refused with a message, no crash (exit $rc)" '[ $rc -eq 2 ] && has "too deeply"'
printf '{"platform": "shopee", "case_type": "ip-complaint", "title": "Ear\\u0000buds"}' >"$DIR/nul.json"
run "$D" new --from-json "$DIR/nul.json"
check "--from-json with \\u0000: refused (exit $rc)" '[ $rc -eq 2 ] && has "NUL"'

# 6. A NUL byte in a notice stored 100 of 937 bytes, exit 0.
D=$DIR/notice
printf 'Shopee Seller Center\nIssue ID: SPC-118842\n\000 the rest of the notice, never stored\n' >"$DIR/nul.txt"
run "$D" new --notice "$DIR/nul.txt" -p shopee -t ip-complaint --title "Earbuds"
check "NUL in notice: refused, says where (exit $rc)" '[ $rc -ne 0 ] && has "NUL" && has "line 3"'
run "$D" list
check "NUL in notice: no case half-saved" '! grep -q Earbuds "$DIR/out"'

# 2. One user action, one transaction: a failing checklist takes the case back.
D=$DIR/txn
run "$D" list
python3 - "$D/cases.db" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
db.execute("CREATE TRIGGER fail_checklist BEFORE INSERT ON checklist_items BEGIN SELECT RAISE(ABORT, 'simulated failure'); END")
db.commit()
PY
run "$D" new -p shopee -t ip-complaint --title "Earbuds"
check "failing checklist: new fails (exit $rc)" '[ $rc -ne 0 ]'
run "$D" list
check "failing checklist: no case without its checklist" '! grep -q Earbuds "$DIR/out"'

# 7. Case numbers are never reused.
D=$DIR/ids
run "$D" new -p shopee -t ip-complaint --title "One"
run "$D" new -p shopee -t ip-complaint --title "Two"
run "$D" delete 2
run "$D" new -p shopee -t ip-complaint --title "Three"
check "case ids: the deleted number 2 is not given again" 'has "case 3" out'

# 1. PDF bombs import in bounded time; 7. damaged PDFs poppler reads are kept.
D=$DIR/pdfs
for bomb in bomb-jbig2 bomb-flate; do
  start=$(date +%s%N)
  run "$D" evidence add --library "$DIR/pdf/$bomb.pdf"
  ms=$(( ($(date +%s%N) - start) / 1000000 ))
  echo "# $bomb: ${ms} ms"
  check "$bomb: imported (${ms} ms; speed is measured in bench/hostile-import.sh)" '[ $rc -eq 0 ]'
done
check "bomb-flate: text layer reported as unknown, with a warning" 'has "stopped reading" out'
start=$(date +%s%N)
run "$D" evidence add --library "$DIR/pdf/bomb-objstm.pdf"
ms=$(( ($(date +%s%N) - start) / 1000000 ))
echo "# bomb-objstm: ${ms} ms"
check "bomb-objstm: even opening is bounded: refused (${ms} ms), saying why" '[ $rc -ne 0 ] && has "stopped opening"'
for damaged in no-eof bad-page; do
  run "$D" evidence add --library "$DIR/pdf/$damaged.pdf"
  check "$damaged: pdftoppm renders it, so it is kept, with a warning (exit $rc)" '[ $rc -eq 0 ] && has "damaged" out'
done
check "no temporary files left" '[ -z "$(ls "$D/blobs/tmp")" ]'

# 7. Full disk and read-only folder, in a private mount namespace.
if unshare -rm true 2>/dev/null; then
  D=$DIR/ro
  run "$D" new -p shopee -t ip-complaint --title "Kept safe"
  unshare -rm sh -c '
    mount --bind "$1" "$1" && mount -o remount,bind,ro "$1" || exit 99
    "$2" --data-dir "$1" list >"$3/out" 2>"$3/err"; echo $? >"$3/rc1"
    "$2" --data-dir "$1" new -p shopee -t ip-complaint --title "New" >"$3/out2" 2>"$3/err2"; echo $? >"$3/rc2"
  ' sh "$D" "$CLI" "$DIR"
  check "read-only data folder: cases are listed" '[ "$(cat "$DIR/rc1")" = 0 ] && has "Kept safe" out'
  check "read-only data folder: a change is refused with a clear message" '[ "$(cat "$DIR/rc2")" != 0 ] && has "read-only" err2'

  D=$DIR/full
  mkdir -p "$D"
  unshare -rm sh -c '
    # Room for the whole schema (every module adds tables), then filled up.
    mount -t tmpfs -o size=1m tmpfs "$1" || exit 99
    mkdir "$1/data"
    "$2" --data-dir "$1/data" new -p shopee -t ip-complaint --title "Kept safe" >/dev/null 2>&1
    dd if=/dev/zero of="$1/filler" bs=4k 2>/dev/null
    "$2" --data-dir "$1/data" new -p shopee -t ip-complaint --title "Too much" >"$3/out" 2>"$3/err"; echo $? >"$3/rc1"
    "$2" --data-dir "$1/data" list >"$3/out2" 2>&1
    # A real -shm index is at least 32 KiB (and may stay, with its -wal,
    # until there is room to fold it in); the stray one was 3 bytes.
    find "$1/data" -name "cases.db-shm" -size -32k >"$3/data-files"
    rm -rf "$1/data"; mkdir "$1/fresh" 2>/dev/null
    "$2" --data-dir "$1/fresh" list >"$3/out3" 2>"$3/err3"; echo $? >"$3/rc3"
    find "$1/fresh" -name "cases.db-shm" -size -32k >"$3/fresh-files"
  ' sh "$D" "$CLI" "$DIR"
  check "full disk: new says the disk is full" '[ "$(cat "$DIR/rc1")" != 0 ] && has "disk is full"'
  check "full disk: and indeed saved nothing" '! grep -q "Too much" "$DIR/out2"'
  check "full disk: the cases can still be listed" 'grep -q "Kept safe" "$DIR/out2"'
  check "full disk: no stray -shm left behind" '[ ! -s "$DIR/data-files" ] && [ ! -s "$DIR/fresh-files" ]'
  check "full disk on a fresh folder: not reported as an I/O error" '! grep -q "I/O error" "$DIR/err3"'
else
  # Honest skip: the full disk and read-only folder need a private mount.
  skip "full disk and read-only folder: unshare -rm is not available here"
fi

done_testing
