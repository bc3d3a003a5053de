#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# appeal-desk-cli timeline / reply / close / reopen / report, end to end.
# Usage: test-cli-tracking.sh PATH/TO/appeal-desk-cli BUILD_ROOT
set -u
CLI="$1"
export APPEAL_DESK_LOCALEDIR="$2/po"
DIR=$(mktemp -d "${TMPDIR:-/tmp}/appeal-desk-cli-tracking-XXXXXX")
trap 'rm -rf "$DIR"' EXIT
export LANGUAGE=C LC_ALL=C.UTF-8 TZ=UTC
DATA="$DIR/data"
. "$(dirname "$0")/cli-test-lib.sh"

expect 0 "new case" cli new --platform shopee --type ip-complaint --title "蓝牙耳机 X200" --received 2026-03-10T08:00:00Z
printf 'receipt' >"$DIR/receipt.png"
expect 0 "log a submission with its receipt" cli timeline 1 add submitted "Ticket SP-0042" --at "2026-03-11 10:00" --attach "$DIR/receipt.png"
contains "Logged entry" "submission logged"
printf 'Your appeal has been rejected.\nReason: the letter does not name model X200.\n' >"$DIR/reply.txt"
expect 0 "record a rejection" cli reply 1 "$DIR/reply.txt" --received 2026-03-13T09:00:00Z
contains "Verdict: Rejected" "verdict read from the reply"
contains "Further appeal until: 2026-03-28 09:00" "Shopee's window counted from the rejection"
contains "Case status: Rejected" "status follows the reply"
expect 0 "log a call" cli timeline 1 add call "Звонок в поддержку" --at "2026-03-14 11:00"
expect 0 "timeline as JSON" cli --json timeline 1
contains '"kind" : "reply"' "reply in the timeline JSON"
contains '"evidence" : \[' "attachments listed"
entry=$(cli timeline 1 | grep "Call or chat" | awk '{print $1}')
expect 0 "delete an entry" cli timeline 1 delete "$entry"
expect 0 "list after delete" cli timeline 1
if grep -q "Звонок" "$DIR/out"; then not_ok "deleted entry hidden"; else ok "deleted entry hidden"; fi
expect 0 "restore it" cli timeline 1 restore "$entry"
expect 0 "list after restore" cli timeline 1
contains "Звонок" "restored entry back"
expect 2 "unknown kind refused" cli timeline 1 add created "x"
expect 2 "close without outcome refused" cli close 1
expect 0 "root causes listed" cli close 1 --list-causes
contains "authorization-scope" "pack root cause listed"
expect 1 "close without a cause refused" cli close 1 --outcome restored
expect 0 "close" cli close 1 --outcome restored --root-cause authorization-scope --note "授权书未写型号" --follow-up "Check the other SKUs@2026-04-01"
contains "Case closed: Restored" "closed"
expect 0 "report in English" cli report 1 --lang en -o "$DIR/en.pdf"
contains "pages" "report written"
expect 0 "report in Chinese as JSON" cli --json report 1 --lang zh_CN -o "$DIR/zh.pdf"
contains '"language" : "zh_CN"' "JSON names the language"
if qpdf --check "$DIR/zh.pdf" >/dev/null 2>&1; then ok "qpdf accepts the Chinese report"; else not_ok "qpdf rejects the Chinese report"; fi
if pdftotext "$DIR/zh.pdf" - | grep -q "结案报告"; then ok "Chinese report is in Chinese"; else not_ok "Chinese report is in Chinese"; fi
expect 2 "unknown report language refused" cli report 1 --lang fr -o "$DIR/fr.pdf"
expect 1 "unwritable path refused" cli report 1 -o "$DIR/missing/dir/r.pdf"
contains "could not be saved" "says why" err
expect 0 "re-open" cli reopen 1 --reason "taken down again"
contains "Under review" "re-opened for review"

done_testing
