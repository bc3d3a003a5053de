#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# appeal-desk-cli list/show/new/delete/demo: output, --json, exit codes, and
# `new --notice` reading the notice (issue 3). Prints TAP.
set -u
cli=${1:?path to appeal-desk-cli}
notices=$(dirname "$0")/data/notices
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
C="$cli --data-dir $dir"
n=0
ok () { n=$((n + 1)); echo "ok $n - $1"; }
fail () { n=$((n + 1)); echo "not ok $n - $1"; }
check () { if eval "$2"; then ok "$1"; else fail "$1"; fi; }

out=$($C list); check "empty list says how to start" 'echo "$out" | grep -q demo'
$C new --platform aliexpress --type ip-complaint --title "Lamp 台灯" --received 2026-11-20T10:00:00Z >/dev/null
check "new with flags exits 0" '[ $? -eq 0 ]'
json=$($C --json show 1)
check "rule pack deadline = received + 72 h" 'echo "$json" | grep -q "\"deadline_at\" : \"2026-11-23T10:00:00Z\""'
check "unicode title round trip" 'echo "$json" | grep -q "Lamp 台灯"'
$C new --notice "$notices/shopee-ip-complaint-en.txt" >"$dir/out" 2>&1
check "new --notice exits 0" '[ $? -eq 0 ]'
check "notice read as Shopee IP complaint" 'grep -q "Shopee" "$dir/out"'
json=$($C --json show 2)
check "decoded violation code stored" 'echo "$json" | grep -q "\"violation_code\" : \"IP-01\""'
check "decoded platform stored" 'echo "$json" | grep -q "\"platform\" : \"shopee\""'
check "notice kept verbatim" 'echo "$json" | grep -q "notice_text"'
$C new --notice "$notices/ambiguous-shopee-lazada.txt" >/dev/null 2>"$dir/err"
check "ambiguous notice refused with exit 2" '[ $? -eq 2 ]'
check "ambiguous notice names both platforms" 'grep -q "Lazada" "$dir/err" && grep -q -- "--platform" "$dir/err"'
$C new --notice "$notices/ambiguous-shopee-lazada.txt" --platform lazada --type ip-complaint >/dev/null
check "ambiguous notice accepted with --platform/--type" '[ $? -eq 0 ]'
$C new --platform ebay --type ip-complaint --title x >/dev/null 2>&1
check "unknown platform is a usage error" '[ $? -eq 2 ]'
$C show 999 >/dev/null 2>"$dir/err"
check "missing case exits 1 with a message" '[ $? -eq 1 ] && grep -q 999 "$dir/err"'
$C show abc >/dev/null 2>&1
check "non-number id is a usage error" '[ $? -eq 2 ]'
$C frobnicate >/dev/null 2>&1
check "unknown command is a usage error" '[ $? -eq 2 ]'
$C delete 1 >/dev/null
check "delete exits 0" '[ $? -eq 0 ]'
check "deleted case is gone" '! $C show 1 >/dev/null 2>&1'
out=$($C demo); check "demo refuses to add to existing cases" 'echo "$out" | grep -q -- "--force"'
$C demo --force >/dev/null; count=$($C --json list | grep -c "\"id\" :")
check "demo --force adds 8 cases to the 2 there" '[ "$count" -eq 10 ]'
# A demo case that fails half-way (the database refuses its checklist) is
# not left behind without its checklist: each case is one transaction.
half="$dir/half"
$cli --data-dir "$half" list >/dev/null
sqlite3 "$half/cases.db" "CREATE TRIGGER refuse_items BEFORE INSERT ON checklist_items BEGIN SELECT RAISE(ABORT, 'injected failure'); END;"
$cli --data-dir "$half" demo >/dev/null 2>"$dir/err"
check "demo that fails exits 1" '[ $? -eq 1 ]'
count=$($cli --data-dir "$half" --json list | grep -c "\"id\" :")
check "the failed demo case is not there" '[ "$count" -eq 0 ]'
cp "$dir/cases.db" "$dir/copy.db"
sqlite3 "$dir/cases.db" "PRAGMA user_version = 42" 2>/dev/null || python3 -c "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.execute('PRAGMA user_version = 42'); c.commit()" "$dir/cases.db"
sum1=$(sha256sum "$dir/cases.db")
$C list >/dev/null 2>"$dir/err"
check "newer database refused" '[ $? -eq 1 ] && grep -q "newer version" "$dir/err"'
check "newer database left untouched" '[ "$sum1" = "$(sha256sum "$dir/cases.db")" ]'
echo "1..$n"
