#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Scores the notice reader on a set of notices with expected.json (issue 9).

Runs `appeal-desk-cli --json decode` on every file, compares with what a
careful human read (tests/data/notices/heldout/README.md gives the rules) and
prints the per-field accuracy and the full-decode rate.  With --floor P it
fails (exit 1) when the full-decode rate is below P percent: a regression
floor, not a target.  Prints TAP when --tap is given."""

import argparse
import json
import os
import re
import subprocess
import sys

RECEIVED = "2026-11-22T07:05:00Z"


def decode(cli, path):
    # No user rule packs: the built-in cues are what is measured.
    out = subprocess.run([cli, "--json", "--data-dir", "/nonexistent/appeal-desk-score", "decode",
                          "--received", RECEIVED, path],
                         capture_output=True, text=True, check=True,
                         env=dict(os.environ, LANGUAGE="", LC_ALL="C.UTF-8"))
    return json.loads(out.stdout)


def values(d, role):
    return [f["value"] for f in d["fields"] if f["role"] == role]


def case_id(d):
    """What `appeal-desk-cli new --notice` stores as the platform's case ID."""
    if d["case_id"]:
        return d["case_id"]
    if d["issue_id"]:
        return d["issue_id"]
    campaigns = values(d, "campaign-id")
    if d["case_type"] == "activity-exit" and campaigns:
        return campaigns[0]
    return ""


SKU_LABEL = re.compile(r"sku|spu|skc|артикул|货号", re.I)


def sku_values(d):
    """Values read under a SKU/SPU label: the README does not count these
    against a decode when they come in addition to the expected ids."""
    return {f["value"] for f in d["fields"] if f["role"] == "product" and SKU_LABEL.search(f["label"])}


def products_right(d, exp):
    decoded = d["product_ids"]
    counterparty = set(values(d, "counterparty-listing") + values(d, "counterparty-seller"))
    for key in ("counterparty_seller_id", "counterparty_listing"):
        v = exp.get(key)
        counterparty.update(v if isinstance(v, list) else [v] if v else [])
    if any(e not in decoded for e in exp["products"]):
        return False
    skus = sku_values(d)
    for v in decoded:
        if v in exp["products"]:
            continue
        if v in counterparty or any(v and v in c for c in counterparty) or v not in skus:
            return False
    return True


def norm_figure(text):
    text = str(text).replace(" ", "").replace(",", ".").lower()
    m = re.fullmatch(r"(\d+(?:\.\d+)?)(.*)", text)
    if not m:
        return text
    return "%g%s" % (float(m.group(1)), m.group(2))


def decoded_figures(d):
    out = set()
    for f in d["facts"]:
        unit = f["unit"].lower()
        out.add(norm_figure("%g%s" % (f["value"], unit)))
        if f["reference"] is not None:
            out.add(norm_figure("%g%s" % (f["reference"], unit)))
    return out


def optional_right(key, d, exp):
    want = exp[key]
    if key == "violation_code":
        return (d["violation_code"] or "") == want
    if key == "facts":
        got = decoded_figures(d)
        return all(norm_figure(x) in got for x in want)
    role = {"campaign_id": "campaign-id", "counterparty_seller_id": "counterparty-seller",
            "counterparty_listing": "counterparty-listing"}[key]
    got = values(d, role)
    wanted = want if isinstance(want, list) else [want]
    return all(any(w == g or (w and w in g) for g in got) for w in wanted)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("cli")
    ap.add_argument("expected")
    ap.add_argument("--floor", type=float, default=None,
                    help="fail when the full-decode rate (percent) is below this")
    ap.add_argument("--tap", action="store_true")
    ap.add_argument("--verbose", action="store_true")
    args = ap.parse_args()
    base = os.path.dirname(os.path.abspath(args.expected))
    expected = json.load(open(args.expected, encoding="utf-8"))
    main_fields = ["platform", "case_type", "case_id", "products"]
    optional = ["campaign_id", "counterparty_seller_id", "counterparty_listing", "violation_code", "facts"]
    right = {k: 0 for k in main_fields + optional}
    total = {k: 0 for k in main_fields + optional}
    full = 0
    confident = 0
    files = sorted(k for k in expected if not k.startswith("_"))
    lines = []
    for name in files:
        exp = expected[name]
        d = decode(args.cli, os.path.join(base, name))
        ok = {
            "platform": (d["platform"] or "") == exp["platform"],
            "case_type": (d["case_type"] or "") == exp["case_type"],
            "case_id": case_id(d) == exp["case_id"],
            "products": products_right(d, exp),
        }
        for k in main_fields:
            total[k] += 1
            right[k] += ok[k]
        misses = [k for k in main_fields if not ok[k]]
        for k in optional:
            if k in exp:
                total[k] += 1
                good = optional_right(k, d, exp)
                right[k] += good
                if not good:
                    misses.append(k)
        is_full = all(ok.values())
        full += is_full
        confident += d["confident"]
        detail = ""
        if misses and args.verbose:
            detail = " got platform=%s type=%s (%.2f) case=%s products=%s" % (
                d["platform"], d["case_type"], d["case_type_confidence"], case_id(d), d["product_ids"])
        lines.append("%s %s%s%s" % (name, "full" if is_full else "MISS", " (wrong: " + ",".join(misses) + ")" if misses else "", detail))
    rate = 100.0 * full / len(files)
    report = ["per file:"] + ["  " + l for l in lines] + ["", "%-24s %s" % ("field", "right / scored")]
    for k in main_fields + optional:
        if total[k]:
            report.append("%-24s %2d / %2d  %5.1f %%" % (k, right[k], total[k], 100.0 * right[k] / total[k]))
    report.append("%-24s %2d / %2d  %5.1f %%" % ("FULL DECODE", full, len(files), rate))
    report.append("%-24s %2d / %2d  %5.1f %%  (sure enough that `new --notice` needs no --platform/--type)"
                  % ("confident", confident, len(files), 100.0 * confident / len(files)))
    if args.tap:
        for l in report:
            print("# " + l)
        ok_floor = args.floor is None or rate >= args.floor
        print("%s 1 - full-decode rate %.1f %% >= floor %s %%" % ("ok" if ok_floor else "not ok", rate, args.floor))
        print("1..1")
        return 0
    print("\n".join(report))
    if args.floor is not None and rate < args.floor:
        print("full-decode rate %.1f %% is below the floor of %.1f %%" % (rate, args.floor))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
