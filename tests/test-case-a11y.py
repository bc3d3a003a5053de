#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Works a demo case through the accessibility tree and the real pointer:
the case list is clicked, the evidence row menu is opened and its items are
clicked (Save a Copy…, Open With…), the pointer crosses the case list (it
must not switch the case: GtkListView selects rows on hover), and a
submission is recorded with a ticket number.

Started by tests/run-wizard-a11y.sh … test-case-a11y.py, which fills the data
directory with the demo cases and sets APPEAL_DESK_SAVE_COPY_DIR and
APPEAL_DESK_OPEN_WITH_LOG (the file dialog and the program chooser are the
desktop's, not ours). Exit codes: 0 pass, 1 fail, 77 skip.
"""

import os
import sys
import time

# First: it exits with 77 (skip) when pyatspi is missing. It is next to
# this script, and so on sys.path.
import a11y_util
from a11y_util import (Failure, app, app_frame, do_action, find_text, limits, log,
                       pyatspi, running_app, showing, wait_for, walk)

CASE = "Bluetooth earbuds TWS-X3 — trademark complaint"
OTHER = "LED desk lamp — CE certificate missing"
FILE = "brand-authorization-letter.pdf"
TICKET = "SPX-TICKET-4471"
limits(total=50, timeout=10.0, interval=0.1, depth=60)


def find_named(root, name):
    for node in walk(root):
        if node.name == name and showing(node):
            return node
    return None


def center(node):
    # GTK knows no screen coordinates on X11 ("reported positions will be
    # wrong"); without a window manager the window is at 0,0, so window
    # coordinates are screen coordinates.
    ext = node.queryComponent().getExtents(pyatspi.WINDOW_COORDS)
    return ext.x + ext.width // 2, ext.y + ext.height // 2


def into_view(node):
    """Scrolls the case page with the mouse wheel until @node is on screen."""
    for _ in range(60):
        x, y = center(node)
        if 60 < y < 620:
            # Wait for the scroll to come to rest (kinetic scrolling).
            for _ in range(20):
                time.sleep(0.2)
                if center(node) == (x, y):
                    return
                x, y = center(node)
            return
        pyatspi.Registry.generateMouseEvent(700, 400, pyatspi.MOUSE_ABS)
        pyatspi.Registry.generateMouseEvent(700, 400, "b5c" if y >= 620 else "b4c")
        time.sleep(0.15)
    raise Failure("could not scroll %r into view" % node.name)


def mouse_click(node):
    into_view(node)
    x, y = center(node)
    pyatspi.Registry.generateMouseEvent(x, y, pyatspi.MOUSE_ABS)
    time.sleep(0.2)
    pyatspi.Registry.generateMouseEvent(x, y, "b1c")
    time.sleep(0.4)


def mouse_move(node):
    into_view(node)
    x, y = center(node)
    pyatspi.Registry.generateMouseEvent(x, y, pyatspi.MOUSE_ABS)
    time.sleep(0.6)


def shown_title(main):
    """The content page's title label: the case on screen."""
    for node in walk(main):
        if node.getRoleName() == "label" and node.name in (CASE, OTHER) and showing(node):
            ext = node.queryComponent().getExtents(pyatspi.WINDOW_COORDS)
            if ext.x > 330:  # right of the case list
                return node.name
    return None


def run(binary):
    saved_dir = os.environ["APPEAL_DESK_SAVE_COPY_DIR"]
    opened_log = os.environ["APPEAL_DESK_OPEN_WITH_LOG"]
    with running_app(binary):
        main = wait_for("the main window", lambda: app_frame("Appeal Desk"), timeout=15)
        row = wait_for("the case in the list", lambda: find_text(main, CASE))
        mouse_click(row)
        wait_for("the case on the page", lambda: shown_title(main) == CASE)
        log("case opened by a click:", CASE)

        # The pointer crossing another row must not switch the case.
        other = wait_for("another case in the list", lambda: find_text(main, OTHER))
        mouse_move(other)
        time.sleep(0.5)
        if shown_title(main) != CASE:
            raise Failure("hovering %r switched the page to %r" % (OTHER, shown_title(main)))
        log("hovering another case kept the page")

        # Evidence: the row's menu, Save a Copy…, by real clicks.
        menu = wait_for("the evidence menu button", lambda: find_named(main, "Actions for “%s”" % FILE))
        log("menu button", menu.getRoleName(), center(menu))
        mouse_click(menu)
        try:
            item = wait_for("Save a Copy…", lambda: find_text(app(), "Save a Copy"), timeout=4)
            log("menu item", item.getRoleName(), repr(item.name), center(item))
        except Failure:
            log("menu button now at", center(menu))
            raise
        # A popover is a surface of its own: its window coordinates are not
        # the screen's, so its items are activated through AT-SPI.
        do_action(item)
        path = os.path.join(saved_dir, FILE)
        wait_for("the saved copy", lambda: os.path.exists(path) and os.path.getsize(path) > 1000,
                 timeout=6)
        others = [n for n in os.listdir(saved_dir) if n != FILE]
        if others:
            raise Failure("saved %s too: the click hit another row" % others)
        with open(path, "rb") as f:
            if not f.read(5) == b"%PDF-":
                raise Failure("the saved copy is not the PDF")
        log("saved a copy:", path)
        if shown_title(main) != CASE:
            raise Failure("a click in the popover switched the page to %r" % shown_title(main))

        mouse_click(menu)
        item = wait_for("Open With…", lambda: find_text(app(), "Open With"))
        do_action(item)
        opened = wait_for("the open request", lambda: os.path.exists(opened_log) and open(opened_log).read().strip())
        if not opened.endswith("/" + FILE):
            raise Failure("opened %r, not a file named %s" % (opened, FILE))
        if os.access(opened, os.W_OK) and os.geteuid() != 0:
            raise Failure("the file handed out can be written to")
        log("opened with another program:", opened)
        if shown_title(main) != CASE:
            raise Failure("a click in the popover switched the page to %r" % shown_title(main))

        # Record a submission with the platform's ticket number.
        button = wait_for("Record a submission", lambda: next(
            (n for n in walk(main) if n.getRoleName() == "push button" and "Record a submission" in (n.name or "")), None))
        do_action(button)
        ticket = wait_for("the ticket field", lambda: find_text(app(), "Ticket or appeal number") and
                          next((n for n in walk(app()) if n.getRoleName() == "text" and
                                "Ticket" in (n.name or "")), None))
        ticket.queryEditableText().setTextContents(TICKET)
        missing = find_text(app(), "Required evidence still missing")
        log("the check names missing evidence:", bool(missing))
        if missing is None:
            raise Failure("the pre-submit check does not name the missing required evidence")
        # GTK 4.8 names a response button "_Record Record" (its raw label, then
        # the label widget's text).
        record = wait_for("the Record button", lambda: next(
            (n for n in walk(app()) if n.getRoleName() == "push button" and showing(n)
             and (n.name or "").split(" ", 1)[-1] in ("Record", "Record Anyway")), None))
        do_action(record)
        wait_for("the new status", lambda: find_text(main, "Waiting for the platform’s reply"))
        wait_for("the ticket in the timeline", lambda: find_text(main, TICKET))
        log("submission recorded; the countdown gave way to", repr("Waiting for the platform’s reply"))


if __name__ == "__main__":
    sys.exit(a11y_util.main(run, "evidence saved and opened, hover kept the case, submission recorded"))
