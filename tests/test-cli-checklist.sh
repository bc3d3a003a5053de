#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# appeal-desk-cli checklist / attempt / attempts against a temporary data dir.
# Usage: test-cli-checklist.sh PATH/TO/appeal-desk-cli
set -u
CLI="$1"
DIR=$(mktemp -d "${TMPDIR:-/tmp}/appeal-desk-cli-checklist-XXXXXX")
trap 'rm -rf "$DIR"' EXIT
export LANGUAGE=C LC_ALL=C.UTF-8
DATA="$DIR/data"
. "$(dirname "$0")/cli-test-lib.sh"

expect 0 "new AliExpress case" cli new -p aliexpress -t listing-takedown --title "Lamp" --product 1005 --hours 72
contains "Created case 1." "new prints the case number"
contains "Evidence checklist: .* items from AliExpress rules v" "new reports the checklist and the pack"

expect 0 "checklist" cli checklist 1
contains "AliExpress rules v.*(effective" "checklist names the pack version and date"
contains "\[Missing\]" "items start missing"
contains "Pitfall:" "checklist shows pitfalls"
contains "Source: “AliExpress product takedown" "checklist cites the source by its title"

expect 0 "checklist --json" cli checklist 1 --json
contains '"state" : "missing"' "json has states"
contains '"effective_date"' "json has the pack date"
item=$(sed -n 's/.*"item_id" : "\([^"]*\)".*/\1/p' "$DIR/out" | head -n 1)
[ -n "$item" ] && ok "json has item ids ($item)" || not_ok "json has item ids"

expect 0 "set an item provided" cli checklist 1 --set "$item" provided --note "stamped copy"
expect 0 "checklist after set" cli --json checklist 1
contains '"state" : "provided"' "state persisted"
contains '"note" : "stamped copy"' "note persisted"
expect 2 "bad state is a usage error" cli checklist 1 --set "$item" done
expect 1 "unknown item fails" cli checklist 1 --set no-such-item provided
expect 1 "unknown case fails" cli checklist 99
expect 2 "not a number is a usage error" cli checklist abc

# AliExpress: the 4th appeal on one issue is punished.
expect 0 "attempt 1" cli attempt 1 --product 1005
contains "Appeal attempt recorded." "attempt 1 recorded"
expect 0 "attempt 2" cli attempt 1
expect 0 "attempt 3 (last allowed)" cli attempt 1 --product 1005
contains "appeal 3 of the 3" "attempt 3 notes it is the last"
expect 1 "attempt 4 dry run exits 1 on a stop verdict" cli attempt 1 --dry-run --product 1005 --json
contains '"level" : "stop"' "dry run json shows the stop verdict"
contains '"recorded" : false' "dry run records nothing"
expect 1 "attempt 4 without --force is refused" cli attempt 1 --product 1005
contains "accepts at most 3 appeals" "the guard says why"
contains "Source: “AliExpress product takedown" "the guard cites its source by title"
contains "force" "the refusal names --force" err
expect 0 "attempts lists three" cli attempts 1
[ "$(grep -c 1005 "$DIR/out")" -eq 3 ] && ok "three attempts listed" || not_ok "three attempts listed"
expect 0 "attempt 4 with --force" cli attempt 1 --product 1005 --force
expect 0 "attempts --json" cli attempts 1 --json
[ "$(grep -c '"product_id"' "$DIR/out")" -eq 4 ] && ok "four attempts stored" || not_ok "four attempts stored"
expect 2 "a product not in the case is a usage error" cli attempt 1 --product 42

# Shopee: a second appeal needs a third-party test report.
expect 0 "new Shopee case" cli new -p shopee -t ip-complaint --title "Earbuds" --product A --product B
expect 2 "two products: --product is needed" cli attempt 2
expect 0 "Shopee attempt 1" cli attempt 2 --product A
expect 1 "Shopee attempt 2 without report refused" cli attempt 2 --product A
contains "test report" "the guard asks for the test report"
expect 0 "Shopee attempt 2 with report" cli attempt 2 --product A --test-report

# Joom: one appeal per product per 72 h.
expect 0 "new Joom case" cli new -p joom -t reseller --title "Mat" --product X
expect 0 "Joom attempt 1" cli attempt 3
expect 1 "Joom attempt 2 within 72 h refused" cli attempt 3 --dry-run
contains "72 hours" "the guard names the 72 h rule"

expect 0 "demo" cli demo --force
expect 0 "demo checklist has provided items" cli --json checklist 4
contains '"state" : "provided"' "demo items provided"

done_testing
