#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""A screen reader asking the app for a window past the ones it shows must
not crash it. GTK 4.8 answers such a request with the app's last window, and
a hidden window (the shortcuts window GtkApplication used to keep for
gtk/help-overlay.ui) has no accessible path: the app died of SIGSEGV. A
screen reader does this when it counted a dialog that has just closed (the
intake wizard after "Create").

Started by tests/run-wizard-a11y.sh (own X server, D-Bus session, AT-SPI
bus); argv[1] is the appeal-desk binary. Exit 0 pass, 1 fail, 77 skip.
"""

import os
import subprocess
import sys
import time

try:
    import gi
    gi.require_version("Gio", "2.0")
    from gi.repository import Gio, GLib
except (ImportError, ValueError):
    print("SKIP: python3-gi is not installed")
    sys.exit(77)

ROOT = "/org/a11y/atspi/accessible/root"
ACCESSIBLE = "org.a11y.atspi.Accessible"


def a11y_bus():
    session = Gio.bus_get_sync(Gio.BusType.SESSION, None)
    reply = session.call_sync("org.a11y.Bus", "/org/a11y/bus", "org.a11y.Bus", "GetAddress",
                              None, GLib.VariantType("(s)"), Gio.DBusCallFlags.NONE, 5000, None)
    flags = Gio.DBusConnectionFlags.AUTHENTICATION_CLIENT | Gio.DBusConnectionFlags.MESSAGE_BUS_CONNECTION
    return Gio.DBusConnection.new_for_address_sync(reply.unpack()[0], flags, None, None)


def call(bus, name, method, args, reply_type):
    return bus.call_sync(name, ROOT, ACCESSIBLE, method, args, GLib.VariantType(reply_type),
                         Gio.DBusCallFlags.NONE, 5000, None).unpack()


def app_name(bus, deadline):
    """The unique name on the a11y bus whose root is a GTK application."""
    while time.monotonic() < deadline:
        names = bus.call_sync("org.freedesktop.DBus", "/org/freedesktop/DBus", "org.freedesktop.DBus",
                              "ListNames", None, GLib.VariantType("(as)"), Gio.DBusCallFlags.NONE,
                              5000, None).unpack()[0]
        for name in names:
            if not name.startswith(":"):
                continue
            try:
                attributes = call(bus, name, "GetAttributes", None, "(a{ss})")[0]
                if attributes.get("toolkit") == "GTK" and call(bus, name, "GetChildren", None, "(a(so))")[0]:
                    return name
            except GLib.Error:
                pass
        time.sleep(0.2)
    return None


def main(binary):
    proc = subprocess.Popen([binary], env=dict(os.environ, G_DEBUG=""))
    try:
        bus = a11y_bus()
        name = app_name(bus, time.monotonic() + 60)
        if name is None:
            print("FAIL: the app's window never appeared on the accessibility bus")
            return 1
        shown = call(bus, name, "GetChildren", None, "(a(so))")[0]
        print("# windows shown:", len(shown), flush=True)
        for index in (len(shown), len(shown) + 4):
            try:
                ref = call(bus, name, "GetChildAtIndex", GLib.Variant("(i)", (index,)), "((so))")[0]
                print("# window %d answered with %r" % (index, ref), flush=True)
            except GLib.Error as error:
                print("# window %d: %s" % (index, error.message), flush=True)
            time.sleep(0.3)
            if proc.poll() is not None:
                print("FAIL: the app exited with %d when asked for window %d" % (proc.returncode, index))
                return 1
        print("PASS: the app answers for windows it does not show")
        return 0
    finally:
        proc.terminate()
        proc.wait(5)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
