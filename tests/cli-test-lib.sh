# SPDX-License-Identifier: GPL-3.0-or-later
# TAP helpers shared by the appeal-desk-cli test scripts (sourced, not run).
# The script sets CLI, DIR (a temporary folder) and DATA (the data dir, for
# cli) first, and ends with done_testing.
n=0
fail=0

ok () { n=$((n + 1)); echo "ok $n - $1"; }
not_ok () { n=$((n + 1)); fail=1; echo "not ok $n - $1"; }
skip () { n=$((n + 1)); echo "ok $n # SKIP $1"; }
done_testing () { echo "1..$n"; exit $fail; }
cli () { "$CLI" --data-dir "$DATA" "$@"; }
# expect CODE DESCRIPTION COMMAND…: stdout in $DIR/out, stderr in $DIR/err
expect () {
  code=$1; what=$2; shift 2
  "$@" >"$DIR/out" 2>"$DIR/err"
  rc=$?
  if [ "$rc" -eq "$code" ]; then ok "$what (exit $rc)"; else not_ok "$what: exit $rc, wanted $code"; sed 's/^/# /' "$DIR/out" "$DIR/err"; fi
}
# contains / lacks PATTERN DESCRIPTION [FILE]: grep in $DIR/FILE (out by default)
contains () {
  file=$DIR/${3:-out}
  if grep -q -- "$1" "$file"; then ok "$2"; else not_ok "$2: no “$1” in ${3:-out}"; sed 's/^/# /' "$file"; fi
}
lacks () {
  file=$DIR/${3:-out}
  if grep -q -- "$1" "$file"; then not_ok "$2: “$1” in ${3:-out}"; sed 's/^/# /' "$file"; else ok "$2"; fi
}
# check DESCRIPTION EXPRESSION: passes when the shell expression is true. It
# is eval'ed before anything else runs, so it may test the $? of the command
# just before the call. On failure $DIR/out and $DIR/err are shown.
check () {
  if eval "$2"; then ok "$1"; else not_ok "$1"; sed 's/^/# /' "$DIR/out" "$DIR/err" 2>/dev/null; fi
}
# Python expression over the JSON in $DIR/out, bound to d.
json () { python3 -c "import json,sys; d=json.load(open('$DIR/out')); print($1)"; }
equals () {
  got=$(json "$1")
  if [ "$got" = "$2" ]; then ok "$3"; else not_ok "$3: $1 = $got, wanted $2"; fi
}
