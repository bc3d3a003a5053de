#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# appeal-desk-cli list/show/new/delete/demo: output, --json, exit codes, and
# `new --notice` reading the notice (issue 3). Prints TAP.
set -u
CLI=${1:?path to appeal-desk-cli}
notices=$(dirname "$0")/data/notices
DIR=$(mktemp -d "${TMPDIR:-/tmp}/appeal-desk-cli-cases-XXXXXX")
trap 'rm -rf "$DIR"' EXIT
DATA="$DIR"
. "$(dirname "$0")/cli-test-lib.sh"

out=$(cli list); check "empty list says how to start" 'echo "$out" | grep -q demo'
cli new --platform aliexpress --type ip-complaint --title "Lamp 台灯" --received 2026-11-20T10:00:00Z >/dev/null
check "new with flags exits 0" '[ $? -eq 0 ]'
json=$(cli --json show 1)
check "rule pack deadline = received + 72 h" 'echo "$json" | grep -q "\"deadline_at\" : \"2026-11-23T10:00:00Z\""'
check "unicode title round trip" 'echo "$json" | grep -q "Lamp 台灯"'
cli new --notice "$notices/shopee-ip-complaint-en.txt" >"$DIR/out" 2>&1
check "new --notice exits 0" '[ $? -eq 0 ]'
check "notice read as Shopee IP complaint" 'grep -q "Shopee" "$DIR/out"'
json=$(cli --json show 2)
check "decoded violation code stored" 'echo "$json" | grep -q "\"violation_code\" : \"IP-01\""'
check "decoded platform stored" 'echo "$json" | grep -q "\"platform\" : \"shopee\""'
check "notice kept verbatim" 'echo "$json" | grep -q "notice_text"'
cli new --notice "$notices/ambiguous-shopee-lazada.txt" >/dev/null 2>"$DIR/err"
check "ambiguous notice refused with exit 2" '[ $? -eq 2 ]'
check "ambiguous notice names both platforms" 'grep -q "Lazada" "$DIR/err" && grep -q -- "--platform" "$DIR/err"'
cli new --notice "$notices/ambiguous-shopee-lazada.txt" --platform lazada --type ip-complaint >/dev/null
check "ambiguous notice accepted with --platform/--type" '[ $? -eq 0 ]'
cli new --platform ebay --type ip-complaint --title x >/dev/null 2>&1
check "unknown platform is a usage error" '[ $? -eq 2 ]'
cli show 999 >/dev/null 2>"$DIR/err"
check "missing case exits 1 with a message" '[ $? -eq 1 ] && grep -q 999 "$DIR/err"'
cli show abc >/dev/null 2>&1
check "non-number id is a usage error" '[ $? -eq 2 ]'
cli frobnicate >/dev/null 2>&1
check "unknown command is a usage error" '[ $? -eq 2 ]'
cli delete 1 >/dev/null
check "delete exits 0" '[ $? -eq 0 ]'
check "deleted case is gone" '! cli show 1 >/dev/null 2>&1'
out=$(cli demo); check "demo refuses to add to existing cases" 'echo "$out" | grep -q -- "--force"'
cli demo --force >/dev/null; count=$(cli --json list | grep -c "\"id\" :")
check "demo --force adds 8 cases to the 2 there" '[ "$count" -eq 10 ]'
# A demo case that fails half-way (the database refuses its checklist) is
# not left behind without its checklist: each case is one transaction.
half="$DIR/half"
"$CLI" --data-dir "$half" list >/dev/null
sqlite3 "$half/cases.db" "CREATE TRIGGER refuse_items BEFORE INSERT ON checklist_items BEGIN SELECT RAISE(ABORT, 'injected failure'); END;"
"$CLI" --data-dir "$half" demo >/dev/null 2>"$DIR/err"
check "demo that fails exits 1" '[ $? -eq 1 ]'
count=$("$CLI" --data-dir "$half" --json list | grep -c "\"id\" :")
check "the failed demo case is not there" '[ "$count" -eq 0 ]'
cp "$DIR/cases.db" "$DIR/copy.db"
sqlite3 "$DIR/cases.db" "PRAGMA user_version = 42" 2>/dev/null || python3 -c "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.execute('PRAGMA user_version = 42'); c.commit()" "$DIR/cases.db"
sum1=$(sha256sum "$DIR/cases.db")
cli list >/dev/null 2>"$DIR/err"
check "newer database refused" '[ $? -eq 1 ] && grep -q "newer version" "$DIR/err"'
check "newer database left untouched" '[ "$sum1" = "$(sha256sum "$DIR/cases.db")" ]'
done_testing
