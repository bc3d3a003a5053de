#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Cold start of appeal-desk to its first frame under Xvfb (goal < 400 ms).

Usage: xvfb-run -a -s '-screen 0 1280x800x24' bench/cold-start.py BUILD_DIR [RUNS]
The app prints the monotonic time of its first frame when APPEAL_DESK_FIRST_FRAME
is set; this script takes the monotonic time just before it starts the process.
Runs with the demo cases in a temporary data directory."""
import os
import statistics
import subprocess
import sys
import tempfile
import time

build = sys.argv[1]
runs = int(sys.argv[2]) if len(sys.argv) > 2 else 10
app = os.path.join(build, "src", "appeal-desk")
cli = os.path.join(build, "src", "cli", "appeal-desk-cli")

with tempfile.TemporaryDirectory() as data:
    env = dict(os.environ, APPEAL_DESK_DATA_DIR=data, GSETTINGS_BACKEND="memory",
               GSETTINGS_SCHEMA_DIR=os.path.join(build, "data"), APPEAL_DESK_FIRST_FRAME="1",
               GSK_RENDERER=os.environ.get("GSK_RENDERER", "cairo"), NO_AT_BRIDGE="1")
    subprocess.run([cli, "demo"], env=env, check=True, stdout=subprocess.DEVNULL)

    def first_frame_ms(program):
        times = []
        for _ in range(runs + 1):
            start = time.monotonic_ns() // 1000
            out = subprocess.run([program], env=env, check=True, capture_output=True, text=True).stdout
            line = next(l for l in out.splitlines() if l.startswith("first-frame-us "))
            times.append((int(line.split()[1]) - start) / 1000)
        return times[1:]  # the first run warms the disk cache

    desk = first_frame_ms(app)
    hello = first_frame_ms(os.path.join(build, "bench", "bench-hello"))
    print(f"cold start to first frame: appeal-desk median {statistics.median(desk):.0f} ms "
          f"(min {min(desk):.0f}, max {max(desk):.0f}); minimal libadwaita window "
          f"{statistics.median(hello):.0f} ms; ratio {statistics.median(desk) / statistics.median(hello):.2f} "
          f"over {runs} runs (goal < 400 ms)")
