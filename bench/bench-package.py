#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Package 1 GiB of mixed evidence with appeal-desk-cli and with bsdtar.

Usage: bench/bench-package.py BUILD_DIR [--size-mib N] [--runs N] [--keep DIR]

Evidence: JPEG photos and PNG screenshots (already compressed), scan PDFs
(compressed streams), and CSV/text exports (compressible), about 1 GiB in
all. appeal-desk-cli package writes SUBMIT.txt, letters, manifest.json and
SHA256SUMS and hashes every byte with SHA-256; the anchor is bsdtar writing the
same files with the same compression choice (stored files with
zip:compression=store, the rest deflated), and plain `bsdtar -a -cf x.zip`
(everything deflated) for reference. Prints time, throughput, output size and
peak memory (max RSS) of each, and the ratio of throughputs (>= 1.0 means the
package is at least as fast). Not run by `meson test`.
"""

import argparse
import json
import os
import random
import shutil
import struct
import subprocess
import sys
import tempfile
import time
import zipfile
import zlib

MIB = 1 << 20


def jpeg_header(folder):
    # A real JPEG's markers up to and including SOS (from pdftoppm), so the
    # evidence inspector reads its size; the entropy data after it is noise.
    pdf = os.path.join(folder, "header.pdf")
    pdf_like(pdf, 16, random.Random(1))
    subprocess.run(["pdftoppm", "-jpeg", "-r", "20", "-singlefile", pdf, os.path.join(folder, "header")], check=True)
    with open(os.path.join(folder, "header.jpg"), "rb") as f:
        data = f.read()
    os.unlink(pdf)
    os.unlink(os.path.join(folder, "header.jpg"))
    sos = data.index(b"\xff\xda")
    return data[: sos + 2 + struct.unpack(">H", data[sos + 2: sos + 4])[0]]


JPEG_HEADER = None


def jpeg_like(path, size, rng):
    with open(path, "wb") as f:
        f.write(JPEG_HEADER)
        f.write(rng.randbytes(size - len(JPEG_HEADER) - 2))
        f.write(b"\xff\xd9")


def png_like(path, size, rng):
    # A valid PNG whose IDAT holds stored (level 0) noise: incompressible, as
    # a real screenshot's deflated data is.
    width = 1024
    rows = max(1, (size - 200) // (width * 3 + 1))
    raw = b"".join(b"\0" + rng.randbytes(width * 3) for _ in range(rows))

    def chunk(kind, body):
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    with open(path, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n")
        f.write(chunk(b"IHDR", struct.pack(">IIBBBBB", width, rows, 8, 2, 0, 0, 0)))
        f.write(chunk(b"IDAT", zlib.compress(raw, 0)))
        f.write(chunk(b"IEND", b""))


def pdf_like(path, size, rng):
    # One page with text, plus an image XObject of compressed noise (a scan).
    noise = rng.randbytes(size)
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R"
        b" /Resources << /Font << /F1 5 0 R >> /XObject << /Im1 6 0 R >> >> >>",
        None,
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Type /XObject /Subtype /Image /Width 8 /Height 8 /ColorSpace /DeviceRGB"
        b" /BitsPerComponent 8 /Filter /DCTDecode /Length %d >>\nstream\n" % len(noise) + noise + b"\nendstream",
    ]
    stream = b"BT /F1 14 Tf 72 760 Td (Purchase invoice 2026-03-01, order 88213) Tj ET"
    objs[3] = b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream"
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, o in enumerate(objs):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % (i + 1) + o + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
    with open(path, "wb") as f:
        f.write(out)


def csv_like(path, size, rng):
    lines = []
    total = 0
    n = 0
    while total < size:
        line = "%d,2026-03-%02d,%s,%d,%.2f,shipped,%s\n" % (
            880000 + n, 1 + n % 28, rng.choice(["SKU-A1", "SKU-B7", "SKU-C3"]),
            rng.randint(1, 5), rng.uniform(3, 90), rng.choice(["RU", "KZ", "BY"]))
        lines.append(line)
        total += len(line)
        n += 1
    with open(path, "w") as f:
        f.write("order_id,date,sku,qty,price,status,country\n")
        f.write("".join(lines))


def make_evidence(folder, total_mib, rng):
    global JPEG_HEADER
    JPEG_HEADER = jpeg_header(folder)
    # Shares of the total: photos 50 %, screenshots 15 %, scans 25 %, exports 10 %.
    plan = [("photo-%02d.jpg", jpeg_like, 0.50, 10), ("screenshot-%02d.png", png_like, 0.15, 6),
            ("scan-%02d.pdf", pdf_like, 0.25, 8), ("orders-%02d.csv", csv_like, 0.10, 8)]
    files = []
    for pattern, make, share, each_mib in plan:
        count = max(1, round(total_mib * share / each_mib))
        for i in range(count):
            path = os.path.join(folder, pattern % i)
            make(path, each_mib * MIB, rng)
            files.append(path)
    return files


def run_measured(argv, cwd=None):
    # /usr/bin/time reports the peak RSS of the program itself (a forked
    # Python child would count the parent's memory too).
    start = time.perf_counter()
    proc = subprocess.run(["/usr/bin/time", "-f", "rusage %M %U %S"] + argv, cwd=cwd, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if proc.returncode != 0:
        sys.exit("failed: %s\n%s%s" % (" ".join(argv), proc.stdout, proc.stderr))
    _, rss, user, system = proc.stderr.strip().splitlines()[-1].split()
    return elapsed, int(rss) * 1024, proc.stdout, float(user) + float(system)


def fsync_time(paths):
    # bsdtar leaves its output in the page cache; the package is fsynced.
    start = time.perf_counter()
    subprocess.run(["sync"] + paths, check=True)
    return time.perf_counter() - start


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("build_dir")
    parser.add_argument("--size-mib", type=int, default=1024)
    parser.add_argument("--runs", type=int, default=2)
    parser.add_argument("--keep", help="reuse/keep the evidence and data in this folder")
    args = parser.parse_args()
    cli = os.path.join(os.path.abspath(args.build_dir), "src", "cli", "appeal-desk-cli")
    work = args.keep or tempfile.mkdtemp(prefix="bench-package-")
    evidence = os.path.join(work, "evidence")
    data = os.path.join(work, "data")
    out = os.path.join(work, "out")
    os.makedirs(out, exist_ok=True)
    env_cli = [cli, "--data-dir", data]
    try:
        if not os.path.isdir(evidence):
            os.makedirs(evidence)
            print("making %d MiB of evidence…" % args.size_mib, flush=True)
            files = make_evidence(evidence, args.size_mib, random.Random(13))
            subprocess.run(env_cli + ["new", "--platform", "joom", "--type", "reseller", "--title", "bench"],
                           check=True, stdout=subprocess.DEVNULL)
            for i in range(0, len(files), 20):
                subprocess.run(env_cli + ["evidence", "add", "1"] + files[i:i + 20], check=True,
                               stdout=subprocess.DEVNULL)
        files = sorted(os.path.join(evidence, f) for f in os.listdir(evidence))
        total = sum(os.path.getsize(f) for f in files)

        # The package decides store or deflate per file; bsdtar gets the same.
        package = os.path.join(out, "package.zip")
        run_measured(env_cli + ["package", "1", "-o", package, "--allow-gaps"])
        with zipfile.ZipFile(package) as z:
            manifest = json.loads(z.read("manifest.json"))
        stored = {f["original_name"] for f in manifest["files"] if f["role"] == "evidence" and f["compression"] == "store"}
        store_set = [os.path.basename(f) for f in files if os.path.basename(f) in stored]
        deflate_set = [os.path.basename(f) for f in files if os.path.basename(f) not in stored]

        results = {"package": [], "bsdtar-same": [], "bsdtar-same+fsync": [], "bsdtar-deflate-all": []}
        for _ in range(args.runs):
            os.unlink(package)
            t, rss, _, cpu = run_measured(env_cli + ["package", "1", "-o", package, "--allow-gaps"])
            results["package"].append((t, cpu, rss, os.path.getsize(package)))
            a, b = os.path.join(out, "a.zip"), os.path.join(out, "b.zip")
            for p in (a, b):
                if os.path.exists(p):
                    os.unlink(p)
            t1, rss1, _, cpu1 = run_measured(["bsdtar", "--options", "zip:compression=store", "-a", "-cf", a] + store_set, cwd=evidence)
            t2, rss2, _, cpu2 = run_measured(["bsdtar", "-a", "-cf", b] + deflate_set, cwd=evidence)
            size = os.path.getsize(a) + os.path.getsize(b)
            results["bsdtar-same"].append((t1 + t2, cpu1 + cpu2, max(rss1, rss2), size))
            results["bsdtar-same+fsync"].append((t1 + t2 + fsync_time([a, b]), cpu1 + cpu2, max(rss1, rss2), size))
            c = os.path.join(out, "c.zip")
            if os.path.exists(c):
                os.unlink(c)
            t, rss, _, cpu = run_measured(["bsdtar", "-a", "-cf", c] + [os.path.basename(f) for f in files], cwd=evidence)
            results["bsdtar-deflate-all"].append((t, cpu, rss, os.path.getsize(c)))

        print("evidence: %d files, %.1f MiB (%d stored, %d deflated)" % (len(files), total / MIB, len(store_set), len(deflate_set)))
        print("load average before: %.1f (machine shared: wall times are noisy, CPU times less so)" % os.getloadavg()[0])
        best = {}
        for name, runs in results.items():
            t, cpu, rss, size = min(runs)
            best[name] = (t, min(r[1] for r in runs))
            print("%-20s best of %d: %6.2f s wall %7.1f MiB/s  %6.2f s CPU  out %7.1f MiB  peak RSS %6.1f MiB" % (
                name, len(runs), t, total / MIB / t, best[name][1], size / MIB, rss / MIB))
        for anchor, what in (("bsdtar-same", "same compression choice"), ("bsdtar-same+fsync", "same choice, then fsync like the package"),
                             ("bsdtar-deflate-all", "bsdtar -a -cf, everything deflated")):
            print("ratio package / %s (%s): %.2fx throughput (wall), %.2fx (CPU)" % (
                anchor, what, best[anchor][0] / best["package"][0], best[anchor][1] / best["package"][1]))
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
