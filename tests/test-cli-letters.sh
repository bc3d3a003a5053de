#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# appeal-desk-cli letter / lint against a temporary data dir.
# Usage: test-cli-letters.sh PATH/TO/appeal-desk-cli NOTICES_DIR
set -u
CLI="$1"
NOTICES="$2"
DIR=$(mktemp -d "${TMPDIR:-/tmp}/appeal-desk-cli-letters-XXXXXX")
trap 'rm -rf "$DIR"' EXIT
export LANGUAGE=C LC_ALL=C.UTF-8
DATA="$DIR/data"
. "$(dirname "$0")/cli-test-lib.sh"

expect 0 "new Joom reseller case" cli new --notice "$NOTICES/joom-reseller-ru.txt" -p joom -t reseller
expect 0 "letter defaults to Russian for Joom" cli letter 1
contains "Уважаемая служба поддержки Joom!" "Russian greeting"
contains "JR-2026-1118-39002" "case ID from the notice"
expect 0 "English letter" cli letter 1 --lang en --seller "LongTeng Co., Ltd." --action "We recorded the Created Date."
contains "Dear Joom Support Team," "English greeting"
contains "LongTeng Co., Ltd." "seller stored and used"
contains "- We recorded the Created Date." "corrective action used"
expect 0 "letter as JSON" cli letter 1 --lang en --json
contains '"language" : "en"' "JSON names the language"
contains '"text" : "Dear Joom Support Team' "JSON has the text"
contains '"limit" : null' "Joom sets no limit"
expect 0 "Chinese record" cli letter 1 --lang zh
contains "LongTeng Co., Ltd." "English seller used when the Chinese one is empty"
expect 0 "check a clean letter" cli letter 1 --lang en --check
contains "No wording problems found." "clean letter has no findings"
expect 2 "unknown language" cli letter 1 --lang de
expect 1 "no Russian letter for Shopee" sh -c "'$CLI' --data-dir '$DATA' new -p shopee -t ip-complaint --title x >/dev/null && '$CLI' --data-dir '$DATA' letter 2 --lang ru"
expect 1 "unknown case" cli letter 99
expect 2 "not a case number" cli letter abc

printf 'My own letter: they stole our photos.\n' >"$DIR/edit.txt"
expect 1 "edited letter with an accusation fails the check" cli letter 1 --lang en --set-text "$DIR/edit.txt" --check
contains "stole" "finding names the words"
contains "used without authorization" "finding gives the replacement"
expect 0 "edit kept" cli letter 1 --lang en -o "$DIR/letter.txt"
if grep -q "My own letter" "$DIR/letter.txt"; then ok "-o writes the edited letter"; else not_ok "-o writes the edited letter"; fi
expect 0 "reset" cli letter 1 --lang en --reset
lacks "My own letter" "reset brings back the template"
contains "Dear Joom Support Team," "template again"

# Planted phrases in three languages.
printf 'That copycat stole our images. We guarantee 100%% quality. Our lawyers will act.\n' >"$DIR/en.txt"
expect 1 "lint English" cli lint --platform amazon --type ip-complaint --json "$DIR/en.txt"
contains '"kind" : "accusation"' "English accusation"
contains '"kind" : "promise"' "English promise"
contains '"kind" : "threat"' "English threat"
contains '"limit" : 2000' "Amazon limit"
contains '"replacement" : "the other seller"' "English replacement"
printf 'Этот вор украл наши фотографии. Приносим извинения. Мы подадим в суд.\n' >"$DIR/ru.txt"
expect 1 "lint Russian" cli lint -p joom -t reseller -l ru --json "$DIR/ru.txt"
contains '"text" : "вор"' "Russian accusation"
contains '"replacement" : "другой продавец"' "Russian replacement"
contains '"kind" : "admission"' "Russian admission"
contains '"kind" : "threat"' "Russian threat"
printf '对方盗用了我们的图片，求求你们恢复！本品可治疗失眠。\n' >"$DIR/zh.txt"
expect 1 "lint Chinese" cli lint -p aliexpress -l zh --json "$DIR/zh.txt"
contains '"text" : "盗用"' "Chinese accusation"
contains '"replacement" : "未经授权使用"' "Chinese replacement"
contains '"kind" : "pleading"' "Chinese pleading"
contains '"kind" : "claim"' "Chinese medical claim"
printf 'Case ID 123 is attached.\n' >"$DIR/term.txt"
expect 1 "wrong platform term" cli lint -p shopee "$DIR/term.txt"
contains "Issue ID" "Shopee's own term suggested"
expect 0 "the same text is fine on Joom" cli lint -p joom "$DIR/term.txt"
awk 'BEGIN { for (i = 0; i < 501; i++) printf "a"; print "" }' >"$DIR/long.txt"
expect 1 "over TikTok Shop's 500 characters" cli lint -p tiktok-shop "$DIR/long.txt"
contains "502 of 500 characters" "count against the limit"
expect 0 "standard input" sh -c "printf 'Hello.' | '$CLI' --data-dir '$DATA' lint -p joom -"
expect 2 "lint without platform" cli lint "$DIR/en.txt"
expect 2 "lint unknown type" cli lint -p joom -t nonsense "$DIR/en.txt"
expect 1 "lint missing file" cli lint -p joom "$DIR/nope.txt"
printf '\377\376bad' >"$DIR/bad.txt"
expect 1 "lint invalid UTF-8" cli lint -p joom "$DIR/bad.txt"
printf 'Hello\000 they stole it' >"$DIR/nul.txt"
expect 1 "lint a file with a NUL byte" cli lint -p joom "$DIR/nul.txt"
contains "not plain text" "NUL byte refused with a clear message" err

done_testing
