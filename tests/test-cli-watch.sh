#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# appeal-desk-cli watch / capture against a local web server (never the internet).
# Usage: test-cli-watch.sh PATH/TO/appeal-desk-cli PATH/TO/watch-server.py
set -u
CLI="$1"
SERVER="$2"
DIR=$(mktemp -d "${TMPDIR:-/tmp}/appeal-desk-cli-watch-XXXXXX")
export LANGUAGE=C LC_ALL=C.UTF-8
# An environment proxy must not stand between the test and its own server.
unset http_proxy https_proxy HTTP_PROXY HTTPS_PROXY all_proxy ALL_PROXY
export no_proxy=127.0.0.1,localhost GIO_USE_PROXY_RESOLVER=dummy
python3 "$SERVER" >"$DIR/port" &
PID=$!
trap 'kill $PID 2>/dev/null; rm -rf "$DIR"' EXIT
for _ in $(seq 50); do [ -s "$DIR/port" ] && break; sleep 0.1; done
BASE="http://127.0.0.1:$(cat "$DIR/port")"
DATA="$DIR/data"
. "$(dirname "$0")/cli-test-lib.sh"

expect 0 "a reseller case" cli new --platform joom --type reseller --title "Copied earbuds"
expect 0 "watch add" cli watch add 1 "$BASE/live?1" "$BASE/404" "$BASE/410" "$BASE/r1" "$BASE/changing" "$BASE/gone-page" "$BASE/500" --seller 5f9e8d7c
expect 2 "a bad address is refused" cli watch add 1 "not-a-url"
contains "is not a web address" "says why" err
expect 0 "watch list --json" cli --json watch list 1
equals 'len(d), d[0]["status"], d[0]["seller_id"]' "7 unchecked 5f9e8d7c" "seven listings, unchecked"
expect 0 "first check" cli --json watch check 1 --delay 10
expect 0 "second check" cli --json watch check 1 --delay 10
equals '[x["status"] for x in d]' "['live', 'gone', 'gone', 'live', 'changed', 'gone', 'unreachable']" "every status right"
equals 'd[1]["http_status"], d[2]["http_status"], d[6]["http_status"], len(d[0]["sha256"])' "404 410 500 64" "HTTP status and fingerprint"
equals 'all(x["checked_at"].endswith("Z") for x in d)' "True" "check times in UTC"
expect 0 "another listing" cli watch add 1 "$BASE/removed-after-complaint"
expect 0 "plain check" cli watch check 1 --delay 10
contains "keep the proof" "a gone listing offers to keep the proof"
expect 0 "timeline" cli show 1
contains "Reseller’s listing checked" "checks are in the timeline"
expect 0 "capture" cli capture 1 "$BASE/r1"
contains "Saved as evidence" "capture saved"
contains "302 $BASE/r1" "redirect hops printed"
contains "Wireless Earbuds Pro" "page title read"
expect 0 "capture --json" cli --json capture 1 "$BASE/live?2"
equals 'd["status"], d["final_url"].endswith("/live?2"), len(d["body_sha256"]), "HTTP/1.1 200" in d["response_headers"]' "200 True 64 True" "capture record"
SHA=$(json 'd["body_sha256"]')
expect 0 "evidence list" cli evidence list 1
contains "127.0.0.1-" "capture stored under a descriptive name"
expect 0 "evidence list --json" cli --json evidence list 1
equals '[e["source_note"].startswith("Captured from the web: ") for e in d if e["sha256"] == "'"$SHA"'"]' "[True]" "marked as captured from the web, fingerprint matches"
# The capture goes into the complaint package with the same fingerprint.
expect 0 "package with the capture" cli package 1 -o "$DIR/case.zip" --allow-gaps
expect 0 "the package verifies" cli verify "$DIR/case.zip"
unzip -p "$DIR/case.zip" manifest.json >"$DIR/out"
equals 'any(f.get("sha256") == "'"$SHA"'" and "Captured from the web" in (f.get("source_note") or "") for f in d["files"])' "True" "the manifest lists the capture by its fingerprint and says it was captured from the web"
expect 1 "an unreachable capture fails" cli capture 1 "http://127.0.0.1:1/x"
contains "could not be reached" "says so" err
expect 0 "watch remove" cli --json watch remove 1 "$BASE/500"
equals 'len(d)' "7" "removed"

done_testing
