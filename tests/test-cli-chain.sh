#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# appeal-desk-cli chain / profile against a temporary data dir.
# Usage: test-cli-chain.sh PATH/TO/appeal-desk-cli
set -u
CLI="$1"
DIR=$(mktemp -d "${TMPDIR:-/tmp}/appeal-desk-cli-chain-XXXXXX")
trap 'rm -rf "$DIR"' EXIT
export LANGUAGE=C LC_ALL=C.UTF-8
DATA="$DIR/data"
. "$(dirname "$0")/cli-test-lib.sh"

expect 0 "new Joom reseller case" cli new -p joom -t reseller --title "Baking mat" --product MAT-40 --hours 72
echo "signed letter" >"$DIR/letter.txt"
echo "certificate" >"$DIR/cert.txt"
expect 0 "letter into the library" cli evidence add --library "$DIR/letter.txt"
expect 0 "certificate into the library" cli evidence add --library "$DIR/cert.txt"

expect 0 "chain before any is set" cli chain 1
contains "No chain yet" "says there is no chain"
expect 0 "chain --json before any is set" cli chain 1 --json
contains '"kind" : "no-chain"' "json gap no-chain"
contains '"links" : \[' "json has links"

cat >"$DIR/chain.json" <<'JSON'
{ "brand": "HomeBake", "owner": "HomeBake Kitchenware Co., Ltd.",
  "trademarks": [{ "number": "50223344", "office": "CNIPA", "territories": ["CN", "RU", "KZ"], "classes": ["21"],
                   "owner": "HomeBake Kitchenware Co., Ltd.", "valid_until": "2034-01-01", "certificate": 2 }],
  "links": [
    { "grantor": "HomeBake Kitchenware Co., Ltd.", "grantee": "Ningbo Meilin Trading Co., Ltd.", "documents": [1],
      "valid_from": "2025-01-01", "valid_until": "2099-12-31", "territories": ["WW"], "all_online_platforms": true,
      "scope": "all", "sublicensing": true, "signature_confirmed": true, "stamp_confirmed": true },
    { "grantor": "Ningbo Meilin Trading Co., Ltd.", "grantee": "Hangzhou Ruoshui E-commerce Co., Ltd.", "documents": [1],
      "valid_from": "2025-01-01", "valid_until": "2099-12-31", "territories": ["RU", "KZ"], "platforms": ["joom"],
      "scope": "all", "signature_confirmed": true, "stamp_confirmed": true }
  ],
  "case": { "listing_date": "2025-09-14", "product_class": "21" }
}
JSON
expect 0 "set the chain" cli chain 1 --set "$DIR/chain.json"
contains "Case 1 now uses the authorization chain of HomeBake (2 links)" "set reports the chain"
expect 0 "chain" cli chain 1
contains "Link 1: HomeBake Kitchenware Co., Ltd. → Ningbo Meilin Trading Co., Ltd." "prints link 1"
contains "Blocking: Joom wants the letter to name its platform" "Joom demands its name (rule pack)"
contains "Joom platform sales right" "fix uses Joom's own term"
contains "seed 004" "gap cites the pack source"
contains "not in your seller profile" "no profile yet"

cat >"$DIR/profile.json" <<'JSON'
{ "entities": [{ "name_zh": "杭州若水电子商务有限公司", "name_en": "Hangzhou Ruoshui E-commerce Co., Ltd.", "country": "CN" }],
  "stores": { "joom": ["JM-88213"] } }
JSON
expect 0 "set the profile" cli profile --set "$DIR/profile.json"
contains "Seller profile saved: 1 company." "profile saved"
expect 0 "profile" cli profile
contains "Stores on Joom: JM-88213" "profile lists stores"
expect 0 "chain --json after profile" cli --json chain 1
contains '"kind" : "platform-not-named"' "json names the gap kind"
contains '"severity" : "blocking"' "json gives the severity"
contains '"link" : 1' "json gives the link (1-based)"
lacks '"last-not-seller"' "the profile closes the last link"

# The JSON output reads back as a chain file.
cp "$DIR/out" "$DIR/roundtrip.json"
expect 0 "chain --json output sets back" cli chain 1 --set "$DIR/roundtrip.json"

# Bad files: a clear message naming the member, and nothing changed.
sed 's/"valid_until": "2099-12-31", "territories": \["RU"/"valid_until": "2099-02-30", "territories": ["RU"/' "$DIR/chain.json" >"$DIR/bad-date.json"
expect 1 "bad date refused" cli chain 1 --set "$DIR/bad-date.json"
contains "at links\[1\].valid_until: expected a date" "error names the member" err
sed 's/"sublicensing": true/"sublicensng": true/' "$DIR/chain.json" >"$DIR/typo.json"
expect 1 "typo refused" cli chain 1 --set "$DIR/typo.json"
contains "at links\[0\].sublicensng" "typo named" err
sed 's/"documents": \[1\]/"documents": [77]/' "$DIR/chain.json" >"$DIR/no-doc.json"
expect 1 "unknown evidence refused" cli chain 1 --set "$DIR/no-doc.json"
contains "links\[0\].documents\[0\]: there is no evidence item 77" "missing evidence named" err
contains "Add the file with “appeal-desk-cli evidence add”" "the CLI tells how to add the file" err
sed 's/"documents": \[1\]/"documents": ["letter.txt"]/' "$DIR/chain.json" >"$DIR/name-doc.json"
expect 1 "a file name for a document refused" cli chain 1 --set "$DIR/name-doc.json"
contains "links\[0\].documents\[0\]: expected the number of an evidence item" "says a number is wanted" err
contains "“appeal-desk-cli evidence list” shows the numbers" "the CLI tells where the numbers are" err
printf '{ "brand": ' >"$DIR/broken.json"
expect 1 "broken JSON refused" cli chain 1 --set "$DIR/broken.json"
contains "not valid JSON" "says it is not JSON" err
printf '{"entities": [{"country": "CN"}]}' >"$DIR/bad-profile.json"
expect 1 "profile without a name refused" cli profile --set "$DIR/bad-profile.json"
contains "at entities\[0\]: expected a company name" "profile error names the member" err
expect 0 "chain unchanged after bad files" cli chain 1
contains "Link 2: Ningbo Meilin Trading Co., Ltd. → Hangzhou Ruoshui E-commerce Co., Ltd." "links unchanged"
expect 0 "profile unchanged" cli profile
contains "Hangzhou Ruoshui" "profile unchanged after a bad file"

# A platform a user rule pack adds: its stores are kept and listed like the others.
mkdir -p "$DATA/rules"
sed -e 's/^  "platform": "joom",/  "platform": "kaspi",/' \
    -e 's/^  "platform_label": {[^}]*}/  "platform_label": { "en": "Kaspi", "zh": "Kaspi 商城" }/' \
    "$DESK_SOURCE_ROOT/data/rules/joom.json" >"$DATA/rules/kaspi.json"
cat >"$DIR/profile-kaspi.json" <<'JSON'
{ "entities": [{ "name_zh": "杭州若水电子商务有限公司", "name_en": "Hangzhou Ruoshui E-commerce Co., Ltd.", "country": "CN" }],
  "stores": { "joom": ["JM-88213"], "kaspi": ["KS-5521"] } }
JSON
expect 0 "profile with a Kaspi store" cli profile --set "$DIR/profile-kaspi.json"
expect 0 "profile lists the Kaspi store" cli profile
contains "Stores on Kaspi: KS-5521" "stores on the user platform kept"
contains "Stores on Joom: JM-88213" "stores on a built-in platform still there"
printf '{"stores": {"ebay": ["E-1"]}}' >"$DIR/bad-platform.json"
expect 1 "unknown platform refused" cli profile --set "$DIR/bad-platform.json"
contains "expected a platform id (aliexpress, .*temu, kaspi)" "the message lists the user platform" err
echo "Please review the listings concerned." >"$DIR/letter-kaspi.txt"
expect 0 "lint a Kaspi letter" cli lint --platform kaspi "$DIR/letter-kaspi.txt"
expect 2 "lint with an unknown platform" cli lint --platform ebay "$DIR/letter-kaspi.txt"
contains "Use one of: aliexpress, .*temu, kaspi" "lint lists the user platform" err

expect 1 "unknown case" cli chain 9
expect 2 "not a number" cli chain abc
expect 2 "two cases" cli chain 1 2

# The demo: the Shopee earbuds case has blocking gaps, the Joom baking-mat case none.
DEMO="$DIR/demo"
mkdir "$DEMO"
expect 0 "demo" "$CLI" --data-dir "$DEMO" demo
expect 0 "demo Shopee chain" "$CLI" --data-dir "$DEMO" --json chain 1
contains '"kind" : "scan-only"' "demo Shopee: scan only"
contains '"kind" : "product-scope"' "demo Shopee: no model named"
contains '"kind" : "expired"' "demo Shopee: expired link"
expect 0 "demo Joom chain" "$CLI" --data-dir "$DEMO" chain 3
contains "No gaps found" "demo Joom chain is clean"
expect 0 "demo Shopee checklist" "$CLI" --data-dir "$DEMO" checklist 1
contains "Needs attention.*Brand authorization" "Shopee brand authorization needs attention"
contains "Note: Link 1 · Blocking: Only a PDF scan" "the note is the first gap"
expect 0 "demo Joom checklist" "$CLI" --data-dir "$DEMO" checklist 3
contains "Provided.*Brand authorization" "Joom brand authorization provided"

done_testing
