#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Runs tests/test-wizard-a11y.py against the real app with accessibility ON:
# its own D-Bus session, the AT-SPI bus, a throw-away data directory.
# Usage: run-wizard-a11y.sh <build root> <source root>. Exit 77 = skipped.
set -u
build=${1:?build root}
src=${2:?source root}
app="$build/src/appeal-desk"
python=/usr/bin/python3
launcher=/usr/libexec/at-spi-bus-launcher

skip () { echo "SKIP: $*"; exit 77; }
[ -x "$app" ] || skip "$app is not built"
[ -x "$launcher" ] || skip "at-spi2-core is not installed ($launcher missing)"
command -v dbus-run-session >/dev/null || skip "dbus-run-session is not installed"
"$python" -c 'import pyatspi' 2>/dev/null || skip "python3-pyatspi is not installed"
# An X server of our own: synthesised keys must not reach anything else.
# -displayfd picks a free display atomically (xvfb-run -a can race with the
# other tests' servers). -noreset: an X server regenerates when its last
# client disconnects, and refuses connections meanwhile; the AT-SPI registry
# (and our readiness probe) connect and leave before the app starts, so on a
# slow first run (cold font cache) the app hit that window: "cannot open
# display", exit 1.
command -v Xvfb >/dev/null || skip "Xvfb is not installed"
xvfb_fifo=$(mktemp "${TMPDIR:-/tmp}/appeal-desk-xvfb-XXXXXX")
Xvfb -displayfd 3 -screen 0 1280x800x24 -nolisten tcp -noreset 3>"$xvfb_fifo" 2>/dev/null &
xvfb_pid=$!
for i in $(seq 400); do
  [ -s "$xvfb_fifo" ] && break
  sleep 0.05
done
[ -s "$xvfb_fifo" ] || { kill "$xvfb_pid" 2>/dev/null; skip "Xvfb did not start"; }
DISPLAY=":$(head -n1 "$xvfb_fifo")"
export DISPLAY
rm -f "$xvfb_fifo"
# The app must not race the server: wait until a client really connects
# (a loaded machine can take seconds between the display number and the
# first accepted connection). libX11 is there: GTK links it.
x_ready () {
  "$python" -c 'import ctypes, sys
x = ctypes.CDLL("libX11.so.6")
x.XOpenDisplay.restype = ctypes.c_void_p
x.XCloseDisplay.argtypes = [ctypes.c_void_p]
d = x.XOpenDisplay(None)
if d:
    x.XCloseDisplay(d)
sys.exit(0 if d else 1)' 2>/dev/null
}
for i in $(seq 200); do
  x_ready && break
  sleep 0.1
done
x_ready || { kill "$xvfb_pid" 2>/dev/null; echo "FAIL: the X server $DISPLAY accepts no connection"; exit 1; }

data=$(mktemp -d "${TMPDIR:-/tmp}/appeal-desk-a11y-XXXXXX")
trap 'rm -rf "$data"; kill "$xvfb_pid" 2>/dev/null' EXIT
# The test environment turns accessibility off for the other GUI tests.
unset NO_AT_BRIDGE GTK_A11Y
export APPEAL_DESK_DATA_DIR="$data"
export GSETTINGS_BACKEND=memory
export GSETTINGS_SCHEMA_DIR="$build/data"
export LANGUAGE=en
# Warnings from the desktop portal and friends are not the app's.
export G_DEBUG=

timeout 100 dbus-run-session -- sh -c '
  '"$launcher"' --launch-immediately &
  launcher=$!
  # The app only talks to the a11y bus if it is registered on the session bus.
  for i in $(seq 50); do
    busctl --user --list 2>/dev/null | grep -q org.a11y.Bus && break
    dbus-send --session --print-reply --dest=org.a11y.Bus /org/a11y/bus org.a11y.Bus.GetAddress >/dev/null 2>&1 && break
    sleep 0.1
  done
  dbus-send --session --print-reply --dest=org.a11y.Bus /org/a11y/bus org.a11y.Bus.GetAddress >/dev/null 2>&1 \
    || { echo "SKIP: the AT-SPI bus did not come up"; kill $launcher; exit 77; }
  "'"$python"'" "'"$src"'/tests/test-wizard-a11y.py" "'"$app"'"
  status=$?
  kill $launcher 2>/dev/null
  exit $status
'
status=$?
[ $status -eq 124 ] && echo "FAIL: timed out"
exit $status
