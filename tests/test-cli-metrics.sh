#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# appeal-desk-cli metrics / post-mortem on generated order exports.
# Usage: test-cli-metrics.sh PATH/TO/appeal-desk-cli PATH/TO/gen-orders.py
set -u
CLI="$1"
GEN="$2"
DIR=$(mktemp -d "${TMPDIR:-/tmp}/appeal-desk-cli-metrics-XXXXXX")
trap 'rm -rf "$DIR"' EXIT
export LANGUAGE=C LC_ALL=C.UTF-8
DATA="$DIR/data"
. "$(dirname "$0")/cli-test-lib.sh"

python3 "$GEN" --seed 5 --lang zh --encoding gb18030 --sep tab --bad-rows "$DIR/orders-zh.csv"
python3 "$GEN" --seed 7 --days 40 "$DIR/orders-short.csv"
printf 'Some,Other,Columns\n1,2,3\n' >"$DIR/unknown.csv"
printf '\211PNG\r\n\032\n\000\000\000\rIHDR' >"$DIR/picture.csv"

expect 0 "a campaign-exit case" cli new --platform aliexpress --type activity-exit --title "Flash Deals" --hours 72
expect 0 "a Shopee case" cli new --platform shopee --type ip-complaint --title "Earbuds" --hours 72
expect 2 "metrics needs an export the first time" cli metrics 1
expect 1 "no campaign figures for Shopee" cli metrics 2 --orders "$DIR/orders-zh.csv"
contains "only known for AliExpress" "says which platforms have them" err
expect 1 "a picture is not an export" cli metrics 1 --orders "$DIR/picture.csv"
contains "cannot be read" "says it cannot be read" err
expect 1 "unknown columns are named" cli metrics 1 --orders "$DIR/unknown.csv"
contains "“Some”, “Other”, “Columns”" "lists the file's columns" err
expect 0 "nothing was kept from the failures" cli evidence list 1
if [ -s "$DIR/out" ] && grep -q "unknown.csv\|picture.csv" "$DIR/out"; then not_ok "failed files were stored"; else ok "failed files were not stored"; fi

expect 0 "reads the Chinese GB18030 export" cli --json metrics 1 --orders "$DIR/orders-zh.csv" --zone Asia/Shanghai
equals 'd["exit"]["fired"], d["exit"]["date"], d["exit"]["metrics"]' "True 2026-10-27 ['late_shipment_rate']" "exit day and metric"
equals 'd["rows"], d["rows_skipped"], [p["line"] for p in d["problems"]][:1]' "4504 4 [13]" "rows, skipped rows and their lines"
equals 'd["reentry"]["ok"], [m["id"] for m in d["reentry"]["missing"]]' "False ['dsr-as-described', 'dsr-communication', 'dsr-shipping', 'post-mortem']" "re-entry still needs ratings and the post-mortem"
equals '[x["late_shipment_rate"] for x in d["days"] if x["date"]=="2026-10-20"]' "[1.0]" "a bad day's late shipment rate as a fraction"
equals 'd["post_mortem"]["exit-date"]' "2026-10-27" "post-mortem prefilled"
expect 0 "the export became the case's evidence" cli evidence list 1
contains "orders-zh.csv" "export listed as evidence"
expect 0 "checklist" cli checklist 1
contains "Provided.*Order export" "order export item provided" out

expect 0 "ratings and approval entered" cli --json metrics 1 --dsr 4.8,4.7,4.9 --post-mortem-approved
equals 'd["reentry"]["ok"]' "True" "re-entry holds"
expect 0 "saved options are kept" cli --json metrics 1
equals 'd["reentry"]["ok"]' "True" "still holds when shown again"
expect 2 "bad ratings refused" cli metrics 1 --dsr 4.8,9
expect 0 "the seller writes the root cause" cli post-mortem 1 --set "root-cause=ERP did not sync the label API"
contains "ERP did not sync" "root cause shown"
expect 2 "unknown post-mortem field" cli post-mortem 1 --set "colour=blue"
expect 0 "the seller's text survives a new reading" cli --json metrics 1 --orders "$DIR/orders-short.csv" --zone Asia/Shanghai
equals 'd["post_mortem"]["root-cause"]' "ERP did not sync the label API" "root cause kept"
equals '"2026-11-03" in d["post_mortem"]["days-over"], d["post_mortem"]["days-over"].startswith("2026-10-26, 2026-10-27")' "False True" "the figures are refilled from the new reading"
equals '[m["id"] for m in d["reentry"]["missing"]]' "['fix-late_shipment_rate']" "two good days are not enough"

expect 0 "a mapping for unknown columns" cli metrics 1 --orders "$DIR/orders-short.csv" --zone Asia/Shanghai --map "Some=order_id"
expect 2 "a bad mapping is refused" cli metrics 1 --map "Some"
expect 0 "timeline" cli show 1
contains "exit rule was met on 2026-10-27" "the reading is in the timeline"

expect 0 "closure report" cli report 1 --lang en -o "$DIR/report.pdf"
pdftotext "$DIR/report.pdf" "$DIR/out"
contains "Campaign Fulfilment" "the report has the campaign section"
contains "Exit rule met on 2026-10-27" "with the exit day"
contains "ERP did not sync the label API" "and the seller's post-mortem"

expect 0 "package" cli package 1 -o "$DIR/case.zip" --allow-gaps
expect 0 "the package verifies" cli verify "$DIR/case.zip"
unzip -p "$DIR/case.zip" post-mortem.txt >"$DIR/out"
contains "ERP did not sync the label API" "the package carries the post-mortem"
contains "2026-10-27" "with the figures"

done_testing
