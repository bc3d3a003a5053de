#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Kills appeal-desk-cli with SIGKILL at random moments and checks, after
every round, what a seller relies on:

  - cases.db passes PRAGMA integrity_check and foreign_key_check;
  - no committed case is lost (a command that printed its result committed),
    and every case has its checklist (case + checklist = one transaction);
  - after the next open: no temporary file in blobs/tmp, no blob that no
    evidence row refers to, no evidence row without its blob, no empty
    blobs/xx folder.

Actions: new (with a notice), evidence add to a case, evidence add to the
library, delete. Evidence files are fresh random bytes (a new blob each time).

  crash-consistency.py CLI [--rounds N] [--size-mb M] [--seed S] [--tap]

meson test runs 50 rounds of 2 MB files (TAP); by hand, e.g.
  tests/crash-consistency.py build/src/cli/appeal-desk-cli --rounds 200 --size-mb 20
"""
import argparse
import os
import random
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time

NOTICE = """Shopee Seller Center
Dear Seller, your listing has been removed due to an intellectual property complaint.
Issue ID: SPC-2026-{n:06d}
Violation: IP-01 Trademark infringement
Product ID: 2285134{n:04d}
Appeal Deadline: 72 hours from this notice.
Required Evidence: brand authorization, trademark certificate, invoices.
"""


class Runner:
    def __init__(self, cli, data, inputs, size, rng):
        self.cli, self.data, self.inputs, self.size, self.rng = cli, data, inputs, size, rng
        self.committed = set()   # case ids whose "new" printed its result
        self.deleted = set()     # case ids whose "delete" printed its result
        self.maybe_deleted = set()  # a killed "delete" may or may not have committed
        self.env = dict(os.environ, LANGUAGE="C", LC_ALL="C.UTF-8")
        self.durations = {}

    def command(self, n):
        live = sorted(self.committed - self.deleted - self.maybe_deleted)
        action = self.rng.choice(["new", "new", "new", "add", "add", "library", "delete"])
        if action in ("add", "delete") and not live:
            action = "new"
        if action == "new":
            path = os.path.join(self.inputs, "notice-%d.txt" % n)
            with open(path, "w") as f:
                f.write(NOTICE.format(n=n))
            return action, ["new", "--notice", path, "--title", "Round %d" % n]
        if action == "delete":
            return action, ["delete", str(self.rng.choice(live))]
        path = os.path.join(self.inputs, "evidence-%d.bin" % n)
        with open(path, "wb") as f:
            f.write(os.urandom(self.size))
        if action == "library":
            return action, ["evidence", "add", "--library", path]
        return action, ["evidence", "add", str(self.rng.choice(live)), path]

    def run(self, args, kill_after):
        proc = subprocess.Popen([self.cli, "--data-dir", self.data] + args, env=self.env,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        try:
            out, _ = proc.communicate(timeout=kill_after)
            return proc.returncode, out.decode()
        except subprocess.TimeoutExpired:
            proc.send_signal(signal.SIGKILL)
            proc.communicate()
            return None, ""

    def round(self, n):
        action, args = self.command(n)
        typical = self.durations.get(action, 0.3)
        kill_after = self.rng.uniform(0, typical * 2)
        start = time.monotonic()
        rc, out = self.run(args, kill_after)
        if rc is None:
            if action == "delete":
                self.maybe_deleted.add(int(args[1]))
            return action, True
        self.durations[action] = max(0.02, 0.5 * typical + 0.5 * (time.monotonic() - start))
        if rc == 0 and action == "new":
            m = re.search(r"Created case (\d+)", out)
            if m:
                self.committed.add(int(m.group(1)))
        if rc == 0 and action == "delete":
            self.deleted.add(int(args[1]))
        return action, False


def check_db(data, runner):
    problems = []
    db = sqlite3.connect("file:%s?mode=ro" % os.path.join(data, "cases.db"), uri=True)
    try:
        if db.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
            problems.append("integrity_check failed")
        if db.execute("PRAGMA foreign_key_check").fetchall():
            problems.append("foreign_key_check failed")
        ids = {r[0] for r in db.execute("SELECT id FROM cases")}
        lost = (runner.committed - runner.deleted - runner.maybe_deleted) - ids
        if lost:
            problems.append("lost committed cases %s" % sorted(lost))
        bare = [r[0] for r in db.execute(
            "SELECT id FROM cases c WHERE NOT EXISTS (SELECT 1 FROM checklist_items i WHERE i.case_id = c.id)")]
        if bare:
            problems.append("cases without a checklist %s" % bare)
        shas = {r[0] for r in db.execute("SELECT sha256 FROM evidence")}
    finally:
        db.close()
    return problems, shas


def check_blobs(data, shas):
    blobs = os.path.join(data, "blobs")
    tmp = os.path.join(blobs, "tmp")
    temps = [f for f in os.listdir(tmp) if f.startswith("import-")] if os.path.isdir(tmp) else []
    on_disk, empty_dirs = set(), 0
    if os.path.isdir(blobs):
        for prefix in os.listdir(blobs):
            path = os.path.join(blobs, prefix)
            if len(prefix) != 2 or not os.path.isdir(path):
                continue
            names = os.listdir(path)
            if not names:
                empty_dirs += 1
            on_disk |= {prefix + name for name in names}
    orphans = on_disk - shas
    missing = shas - on_disk
    return temps, orphans, missing, empty_dirs


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("cli")
    parser.add_argument("--rounds", type=int, default=50)
    parser.add_argument("--size-mb", type=float, default=2)
    parser.add_argument("--seed", type=int, default=None)
    parser.add_argument("--tap", action="store_true")
    parser.add_argument("--keep", action="store_true", help="keep the data folder")
    opts = parser.parse_args()
    seed = opts.seed if opts.seed is not None else random.randrange(1 << 30)
    rng = random.Random(seed)
    work = tempfile.mkdtemp(prefix="appeal-desk-crash-")
    data, inputs = os.path.join(work, "data"), os.path.join(work, "in")
    os.makedirs(inputs)
    runner = Runner(opts.cli, data, inputs, int(opts.size_mb * 1024 * 1024), rng)
    totals = {"killed": 0, "missing": 0, "empty_dirs": 0, "problems": 0}
    seen_temps, seen_orphans = {}, {}  # distinct leftovers → bytes
    failures = []
    print("# seed %d, %d rounds, %.1f MB files" % (seed, opts.rounds, opts.size_mb))
    start = time.monotonic()
    try:
        for n in range(1, opts.rounds + 1):
            action, killed = runner.round(n)
            totals["killed"] += killed
            # The next open cleans up; "list" is the cheapest open.
            subprocess.run([opts.cli, "--data-dir", data, "list"], env=runner.env,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            if not os.path.exists(os.path.join(data, "cases.db")):
                continue
            problems, shas = check_db(data, runner)
            temps, orphans, missing, empty_dirs = check_blobs(data, shas)
            for t in temps:
                seen_temps[t] = os.path.getsize(os.path.join(data, "blobs", "tmp", t))
            for o in orphans:
                seen_orphans[o] = os.path.getsize(os.path.join(data, "blobs", o[:2], o[2:]))
            totals["missing"] = max(totals["missing"], len(missing))
            totals["empty_dirs"] = max(totals["empty_dirs"], empty_dirs)
            totals["problems"] += len(problems)
            bad = problems + (["%d temp files" % len(temps)] if temps else []) \
                + (["%d unreferenced blobs" % len(orphans)] if orphans else []) \
                + (["%d missing blobs" % len(missing)] if missing else []) \
                + (["%d empty blob folders" % empty_dirs] if empty_dirs else [])
            what = "round %d: %s%s" % (n, action, " (killed)" if killed else "")
            if bad:
                failures.append(what + ": " + ", ".join(bad))
            if opts.tap:
                print(("not ok %d - %s: %s" % (n, what, ", ".join(bad))) if bad else ("ok %d - %s" % (n, what)))
                sys.stdout.flush()
    finally:
        if not opts.keep:
            shutil.rmtree(work, ignore_errors=True)
        else:
            print("# data kept in %s" % data)
    elapsed = time.monotonic() - start
    live = len(runner.committed - runner.deleted - runner.maybe_deleted)
    print("# %d rounds in %.1f s, %d killed; %d committed cases kept; after reopen: "
          "temp files %d (%.1f MB), unreferenced blobs %d (%.1f MB), missing blobs %d, "
          "empty blob folders %d (most at once), database problems %d"
          % (opts.rounds, elapsed, totals["killed"], live, len(seen_temps), sum(seen_temps.values()) / 1e6,
             len(seen_orphans), sum(seen_orphans.values()) / 1e6, totals["missing"], totals["empty_dirs"],
             totals["problems"]))
    for f in failures[:20]:
        print("# " + f)
    if opts.tap:
        print("1..%d" % opts.rounds)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
