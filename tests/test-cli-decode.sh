#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# appeal-desk-cli decode FILE [--json]: what is read from a notice, with roles
# and source lines, and no case created; `new --notice` keeps the roles;
# --json after the command (issue 9). Prints TAP.
set -u
CLI=${1:?path to appeal-desk-cli}
notices=$(dirname "$0")/data/notices
DIR=$(mktemp -d "${TMPDIR:-/tmp}/appeal-desk-cli-decode-XXXXXX")
trap 'rm -rf "$DIR"' EXIT
DATA="$DIR/data"
. "$(dirname "$0")/cli-test-lib.sh"

out=$(cli decode "$notices/aliexpress-reseller-notes-zh.txt")
check "decode exits 0" '[ $? -eq 0 ]'
check "decode names platform and case type" 'echo "$out" | grep -q "AliExpress" && echo "$out" | grep -q "resellers"'
check "decode shows the counterparty role" 'echo "$out" | grep -q "the other party): 2210984471"'
check "decode shows the source line" 'echo "$out" | grep -q "line 4: 跟卖卖家 Seller ID：2210984471"'
check "decode creates no database" '[ ! -e "$DATA/cases.db" ]'
json=$(cli decode "$notices/aliexpress-reseller-notes-zh.txt" --json)
check "decode --json after the command" 'echo "$json" | grep -q "\"role\" : \"counterparty-listing\""'
check "counterparty listing is not a product" 'echo "$json" | python3 -c "import json,sys; d=json.load(sys.stdin); sys.exit(0 if d[\"product_ids\"] == [\"1005006321098765\"] else 1)"'
json=$(cli --json decode "$notices/aliexpress-flash-deals-exit-zh.txt")
check "stated figure with its threshold" 'echo "$json" | python3 -c "import json,sys; f=json.load(sys.stdin)[\"facts\"][0]; sys.exit(0 if (f[\"value\"], f[\"reference\"], f[\"reference_kind\"], f[\"unit\"]) == (26.4, 20, \"threshold\", \"%\") else 1)"'
check "campaign ID read" 'echo "$json" | grep -q "FD-20261118-5520"'
cli decode "$DIR/missing.txt" >/dev/null 2>"$DIR/err"
check "missing file exits 1 with a message" '[ $? -eq 1 ] && grep -q "missing.txt" "$DIR/err"'
cli decode >/dev/null 2>&1
check "decode without a file is a usage error" '[ $? -eq 2 ]'
out=$(printf 'Shopee\nYour listing was reported: trademark. Buyer complaints: misleading.\n' | cli decode -)
check "two kinds of case, said plainly" 'echo "$out" | grep -q "The notice fits two kinds of case: "'
cli new --notice "$notices/aliexpress-spot-check-zh.txt" >/dev/null
check "new --notice exits 0" '[ $? -eq 0 ]'
out=$(cli show 1)
check "show lists what was read, with roles" 'echo "$out" | grep -q "Read from the notice:" && echo "$out" | grep -q "QI-2026-11-0381"'
check "show lists the stated figures" 'echo "$out" | grep -q "48 W (measured) against 65 W (stated)"'
json=$(cli show 1 --json)
check "show --json after the command has the reading" 'echo "$json" | grep -q "\"notice_reading\"" && echo "$json" | grep -q "\"value_kind\" : \"measured\""'
json=$(cli list --json)
check "list --json after the command" 'echo "$json" | python3 -c "import json,sys; sys.exit(0 if len(json.load(sys.stdin)) == 1 else 1)"'
cli new --notice "$notices/aliexpress-flash-deals-exit-zh.txt" >/dev/null
json=$(cli show 2 --json)
check "a campaign exit's campaign ID becomes its case ID" 'echo "$json" | grep -q "\"platform_case_id\" : \"FD-20261118-5520\""'
check "the figure is kept with the case" 'echo "$json" | grep -q "\"reference_kind\" : \"threshold\""'
done_testing
