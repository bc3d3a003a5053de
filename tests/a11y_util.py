# SPDX-License-Identifier: GPL-3.0-or-later
"""AT-SPI helpers shared by test-wizard-a11y.py and test-case-a11y.py: the
app is found, waited for and worked by role and accessible name only.

Importing this module exits with 77 (skip) when pyatspi is missing. A script
calls limits() first: how long it may run in all, how long one wait_for
waits by default and how often it looks, how deep walk() goes.
"""

import contextlib
import os
import subprocess
import sys
import time

try:
    import pyatspi
except ImportError:
    print("SKIP: python3-pyatspi is not installed")
    sys.exit(77)

_deadline = time.monotonic() + 60
_timeout = 8.0
_interval = 0.05
_depth = 40


def limits(total, timeout, interval, depth):
    """total seconds from now for the whole script; the others as above."""
    global _deadline, _timeout, _interval, _depth
    _deadline = time.monotonic() + total
    _timeout, _interval, _depth = timeout, interval, depth


class Failure(Exception):
    pass


def log(*args):
    print("#", *args, flush=True)


def wait_for(what, func, timeout=None):
    end = min(time.monotonic() + (_timeout if timeout is None else timeout), _deadline)
    while time.monotonic() < end:
        try:
            result = func()
        except Exception:  # objects come and go while GTK rebuilds pages
            result = None
        if result:
            return result
        time.sleep(_interval)
    raise Failure("timed out waiting for " + what)


def walk(node, depth=0):
    if node is None or depth > _depth:
        return
    yield node
    for i in range(node.childCount):
        yield from walk(node.getChildAtIndex(i), depth + 1)


def showing(node):
    # GTK 4.8 sets VISIBLE but not SHOWING.
    return node.getState().contains(pyatspi.STATE_VISIBLE)


def find(root, role, name):
    for node in walk(root):
        if node.getRoleName() == role and node.name == name and showing(node):
            return node
    return None


def find_text(root, needle):
    for node in walk(root):
        if needle in (node.name or "") and showing(node):
            return node
    return None


def app():
    """The first application named appeal-desk on the AT-SPI bus."""
    for a in pyatspi.Registry.getDesktop(0):
        if a is not None and a.name == "appeal-desk":
            return a
    return None


def app_frame(name):
    """The appeal-desk window named @name."""
    desktop = pyatspi.Registry.getDesktop(0)
    for a in desktop:
        if a is None or a.name != "appeal-desk":
            continue
        for frame in a:
            if frame is not None and frame.name == name:
                return frame
    return None


def do_action(node, names=("click", "activate", "press", "toggle")):
    """Does the first of @node's actions that has one of @names."""
    action = node.queryAction()
    for i in range(action.nActions):
        if action.getName(i) in names:
            action.doAction(i)
            return
    raise Failure("%s %r has no action" % (node.getRoleName(), node.name))


@contextlib.contextmanager
def running_app(binary):
    """Starts the app; stops it when the block ends, saying if it died."""
    # Not fatal-criticals: warnings from GTK's own AT-SPI code and the
    # portals are not the app's. (The "g_variant_is_object_path" critical
    # once seen here came from the hidden shortcuts window that GTK 4.8
    # handed to the screen reader: see test-a11y-root.py.)
    proc = subprocess.Popen([binary], env=dict(os.environ, G_DEBUG=""))
    try:
        yield proc
    finally:
        if proc.poll() is not None and proc.returncode != 0:
            print("FAIL: the app exited with", proc.returncode)
        proc.terminate()
        proc.wait(5)


def main(run, passed):
    """run(argv[1]); prints PASS: @passed or FAIL: why; the exit code."""
    try:
        run(sys.argv[1])
    except (Failure, Exception) as error:
        print("FAIL:", type(error).__name__, error)
        return 1
    print("PASS:", passed)
    return 0
