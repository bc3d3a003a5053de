#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Walks the intake wizard through the accessibility tree, as a screen-reader
user would: everything is found by role and accessible name only.

Started by tests/run-wizard-a11y.sh inside its own D-Bus session with the
AT-SPI bus running. argv[1] is the appeal-desk binary. Exit codes: 0 pass,
1 fail, 77 skip (no accessibility bus).
"""

import sys
import time

# First: it exits with 77 (skip) when pyatspi is missing.
import a11y_util
from a11y_util import (Failure, app_frame, do_action, find, find_text, limits, log,
                       pyatspi, running_app, wait_for, walk)

# Short: it is typed key by key.
NOTICE = ("Shopee IP complaint\n"
          "Issue ID: SG-IPC-20261122-00871\n"
          "Violation Code: IP-01\n"
          "Item ID: 23456789012\n")
PRODUCT = "23456789012"
# Generous: a loaded two-core machine starts GTK slowly; a hang still fails.
limits(total=80, timeout=8.0, interval=0.05, depth=40)
CLICK = ("click", "activate", "press")


# X keycodes of the standard (evdev) layout Xvfb starts with.
KEYCODE_CONTROL_L = 37
KEYCODE_N = 57
KEYCODE_SPACE = 65
KEYCODE_RETURN = 36
KEYCODE_DOWN = 116


def text_of(node):
    return node.queryText().getText(0, -1)


def press(wizard, name):
    button = wait_for("button " + name,
                      lambda: (lambda b: b if b and b.getState().contains(pyatspi.STATE_SENSITIVE) else None)(
                          find(wizard, "push button", name)))
    do_action(button, CLICK)


def key(keycode):
    pyatspi.Registry.generateKeyboardEvent(keycode, None, pyatspi.KEY_PRESSRELEASE)
    time.sleep(0.05)


def focused(root):
    for node in walk(root):
        if node.getState().contains(pyatspi.STATE_FOCUSED):
            return node
    return None


def choose(wizard, name):
    """Selects a radio choice the way a keyboard user does: arrow keys to
    it, Space to select (GTK 4.8 gives check buttons no AT-SPI action)."""
    radio = wait_for("radio button " + name, lambda: find(wizard, "radio button", name)
                     or find(wizard, "check box", name))
    try:
        radio.queryComponent().grabFocus()
        how = "focus"
    except Exception:
        how = "arrow keys"
    for _ in range(20):
        current = focused(wizard)
        if current is not None and current.name == name:
            break
        key(KEYCODE_DOWN)
    else:
        raise Failure("could not move the focus to " + name)
    key(KEYCODE_SPACE)
    wait_for(name + " checked", lambda: radio.getState().contains(pyatspi.STATE_CHECKED))
    log("chose", name, "by", how, "and Space")


def step(wizard, number):
    wait_for("step %d" % number, lambda: find_text(wizard, "Step %d of 6" % number))
    log("on step", number)


def type_text(node, text):
    """Types like a user; falls back to EditableText if key synthesis fails."""
    try:
        node.queryComponent().grabFocus()
    except Exception:
        pass
    time.sleep(0.2)
    for line in text.splitlines():
        pyatspi.Registry.generateKeyboardEvent(0, line, pyatspi.KEY_STRING)
        key(KEYCODE_RETURN)
    try:
        wait_for("typed text", lambda: node.queryText().getText(0, -1).strip() == text.strip(), timeout=8)
        return "keyboard"
    except Failure:
        log("key synthesis typed %r; setting the text instead" % node.queryText().getText(0, 40))
    editable = node.queryEditableText()
    editable.setTextContents(text)
    wait_for("text set", lambda: node.queryText().getText(0, -1).strip() == text.strip(), timeout=3)
    return "EditableText"


def open_wizard(main):
    # Ctrl+N, synthesised on the X server, goes to the main window (with no
    # window manager, X gives the keyboard to the window under the pointer).
    time.sleep(0.3)
    pyatspi.Registry.generateKeyboardEvent(KEYCODE_CONTROL_L, None, pyatspi.KEY_PRESS)
    pyatspi.Registry.generateKeyboardEvent(KEYCODE_N, None, pyatspi.KEY_PRESSRELEASE)
    pyatspi.Registry.generateKeyboardEvent(KEYCODE_CONTROL_L, None, pyatspi.KEY_RELEASE)
    try:
        return wait_for("wizard after Ctrl+N", lambda: app_frame("New Case"), timeout=3), "Ctrl+N"
    except Failure:
        pass
    do_action(wait_for("New case button", lambda: find(main, "push button", "New case")), CLICK)
    return wait_for("wizard after New case", lambda: app_frame("New Case")), "New case button"


def expect_summary(wizard, rows):
    """The summary rows carry their value as accessible description."""
    for name, value in rows.items():
        row = wait_for("summary row " + name, lambda: find(wizard, "list item", name))
        if row.description != value:
            raise Failure("summary %s is %r, expected %r" % (name, row.description, value))
    log("summary checked:", ", ".join(rows))


def dump(root):
    for node in walk(root):
        try:
            print("#   ", node.getRoleName(), repr(node.name), [pyatspi.stateToString(s) for s in node.getState().getStates()][:6])
        except Exception:
            pass


def run(binary):
    with running_app(binary):
        wizard = None
        try:
            main = wait_for("the main window", lambda: app_frame("Appeal Desk"), timeout=40)
            wizard, how = open_wizard(main)
            log("wizard opened with", how)
            # The notice first; platform and type then come chosen from it.
            step(wizard, 1)
            notice = wait_for("notice text", lambda: find(wizard, "text", "Notice text"))
            log("notice entered by", type_text(notice, NOTICE))
            press(wizard, "Read notice")
            wait_for("the notice read", lambda: find_text(wizard, "No notice read yet") is None)
            press(wizard, "Next")
            step(wizard, 2)
            wait_for("the reason for the platform", lambda: find_text(wizard, "Chosen from the notice"))
            choose(wizard, "Shopee")
            press(wizard, "Next")
            step(wizard, 3)
            choose(wizard, "IP complaint")
            press(wizard, "Next")
            step(wizard, 4)
            wait_for("decoded product", lambda: find_text(wizard, PRODUCT))
            press(wizard, "Next")
            step(wizard, 5)
            wait_for("countdown", lambda: find_text(wizard, " left"))
            press(wizard, "Next")
            step(wizard, 6)
            expect_summary(wizard, {"Platform": "Shopee", "Case type": "IP complaint",
                                    "Issue or case ID": "SG-IPC-20261122-00871",
                                    "Violation code": "IP-01", "Products": PRODUCT})
            press(wizard, "Create")
            wait_for("wizard closed", lambda: app_frame("New Case") is None)
            title = wait_for("the new case in the list", lambda: find_text(main, PRODUCT))
            log("case list shows", repr(title.name))
        except Failure:
            if wizard is not None:
                dump(wizard)
            raise


if __name__ == "__main__":
    sys.exit(a11y_util.main(run, "wizard walked through the accessibility tree"))
