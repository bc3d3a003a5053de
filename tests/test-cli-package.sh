#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# appeal-desk-cli package / verify against a temporary data dir: the four zip
# readers and sha256sum accept the package, tampered copies fail verify with
# the file's name, a full disk (tmpfs, when this test may mount one) and a
# killed process leave no package behind.
# Usage: test-cli-package.sh PATH/TO/appeal-desk-cli
set -u
CLI="$1"
DIR=$(mktemp -d "${TMPDIR:-/tmp}/appeal-desk-cli-package-XXXXXX")
MNT="$DIR/small"
cleanup () {
  if mountpoint -q "$MNT" 2>/dev/null; then umount "$MNT"; fi
  rm -rf "$DIR"
}
trap cleanup EXIT
export LANGUAGE=C LC_ALL=C.UTF-8
DATA="$DIR/data"
IN="$DIR/in"
# The package's folder ($DIR/out is expect's stdout).
OUT="$DIR/written"
mkdir -p "$IN" "$OUT"
. "$(dirname "$0")/cli-test-lib.sh"

# only_files FOLDER "NAME NAME " DESCRIPTION: the folder holds just these
only_files () {
  got=$(ls -A "$1" | tr '\n' ' ')
  if [ "$got" = "$2" ]; then ok "$3"; else not_ok "$3: folder holds “$got”, wanted “$2”"; fi
}

# Evidence: a PDF, PNGs with the same name, a text file; a Joom reseller case.
python3 - "$IN" <<'PY'
import os, struct, sys, zlib
d = sys.argv[1]
def png(path, seed):
    raw = b''.join(b'\0' + bytes((x * seed + y) % 256 for x in range(96)) for y in range(32))
    def chunk(t, b): return struct.pack('>I', len(b)) + t + b + struct.pack('>I', zlib.crc32(t + b))
    open(path, 'wb').write(b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', struct.pack('>IIBBBBB', 32, 32, 8, 2, 0, 0, 0))
                           + chunk(b'IDAT', zlib.compress(raw)) + chunk(b'IEND', b''))
objs = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
        None, b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
stream = b"BT /F1 24 Tf 72 720 Td (Brand authorization: Joom platform sales right) Tj ET"
objs[3] = b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream"
out = b"%PDF-1.4\n"; offsets = []
for i, o in enumerate(objs):
    offsets.append(len(out)); out += b"%d 0 obj\n" % (i + 1) + o + b"\nendobj\n"
xref = len(out)
out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1) + b"".join(b"%010d 00000 n \n" % o for o in offsets)
out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
open(os.path.join(d, "授权书.pdf"), "wb").write(out)
os.makedirs(os.path.join(d, "a")); os.makedirs(os.path.join(d, "b"))
png(os.path.join(d, "a", "screenshot.png"), 3)
png(os.path.join(d, "b", "screenshot.png"), 5)
open(os.path.join(d, "sellers.txt"), "w").write("Seller ID: 5f1c2\n" * 40)
open(os.path.join(d, "letter-ru.txt"), "w").write("Здравствуйте! Просим удалить копии нашего товара.\n")
open(os.path.join(d, "letter-en.txt"), "w").write("Dear Joom team, we report unauthorized use of listing content.\n")
PY
expect 0 "case created" cli new --platform joom --type reseller --title "Silicone baking mat" --case-id JM-88213

expect 0 "evidence added" cli evidence add 1 "$IN/授权书.pdf" "$IN/a/screenshot.png" "$IN/b/screenshot.png" "$IN/sellers.txt"
# A name from a mail attachment that no file system would take as is.
sqlite3 "$DATA/cases.db" "UPDATE evidence SET original_name = '../../x/..\\evil:name.png' WHERE original_name = 'screenshot.png' AND id = (SELECT min(id) FROM evidence WHERE original_name = 'screenshot.png')"

PKG="$OUT/package.zip"
# No authorization chain entered: a gap that makes the complaint fail.
expect 1 "blocking chain gap: refused without --allow-gaps" cli package 1 -o "$PKG"
contains "gap that will make the appeal fail" "names the blocking gap" err
contains "add --allow-gaps" "the CLI tells how to make it anyway" err
only_files "$OUT" "" "refused: nothing written"
expect 0 "package written" cli package 1 -o "$PKG" --allow-gaps --letter "ru:$IN/letter-ru.txt" --letter "en:$IN/letter-en.txt"
contains "Package written: $PKG (10 files" "reports the file count"
contains "Made despite gaps in the authorization chain" "says it was made despite gaps"
only_files "$OUT" "package.zip " "only the package in the folder"
expect 0 "unzip -t accepts it" unzip -t "$PKG"
expect 0 "7z t accepts it" 7z t "$PKG"
expect 0 "bsdtar -tf accepts it" bsdtar -tf "$PKG"
expect 0 "python zipfile accepts it" python3 -c "import sys, zipfile; assert zipfile.ZipFile(sys.argv[1]).testzip() is None" "$PKG"
mkdir "$DIR/unpacked"
bsdtar -xf "$PKG" -C "$DIR/unpacked"
expect 0 "sha256sum -c agrees" sh -c "cd '$DIR/unpacked' && sha256sum --strict -c SHA256SUMS"
contains "evidence/01_授权书.pdf: OK" "Chinese name kept"
contains "evidence/02_evil_name.png: OK" "hostile name made safe"
contains "evidence/03_screenshot.png: OK" "same original name, its own exhibit"
if [ -z "$(find "$DIR/unpacked" -name '*..*' -o -name '*\\*')" ]; then ok "nothing unpacked outside"; else not_ok "odd names unpacked"; fi
expect 0 "letter counts in the manifest" python3 -c "
import json, sys
m = json.load(open(sys.argv[1]))
ls = {l['language']: l['characters'] for l in m['letters'] if l['purpose'] == 'submit'}
assert ls == {'ru': 50, 'en': 63}, ls
assert [l['language'] for l in m['letters'] if l['purpose'] == 'record'] == ['zh'], m['letters']
assert m['schema_version'] == 1 and m['chain']['included'] is True and m['omitted'] == []
assert m['made_with_blocking_gaps'] is True and any(g['blocking'] for g in m['chain']['gaps'])
assert all(len(f['sha256']) == 64 for f in m['files'])
" "$DIR/unpacked/manifest.json"
expect 0 "verify accepts it" cli verify "$PKG"
contains "OK: all 8 files match their list." "verify counts the files"
expect 0 "timeline records it" cli show 1
contains "$(sha256sum "$PKG" | cut -c1-64)" "timeline holds the package's SHA-256"

# Tampered copies
tamper () {
  python3 - "$PKG" "$DIR/t.zip" "$1" "$2" <<'PY'
import sys, zipfile
src, dst, mode, name = sys.argv[1:]
with zipfile.ZipFile(src) as a, zipfile.ZipFile(dst, 'w') as b:
    for i in a.infolist():
        data = a.read(i)
        if i.filename == name and mode == 'remove':
            continue
        if i.filename == name and mode == 'change':
            data = data[:100] + bytes([data[100] ^ 1]) + data[101:]
        b.writestr(i, data)
    if mode == 'add':
        b.writestr(name, b'extra')
PY
}
tamper change "evidence/01_授权书.pdf"
expect 1 "one byte changed in the PDF: verify fails" cli verify "$DIR/t.zip"
contains "Changed: evidence/01_授权书.pdf" "names the changed PDF"
tamper remove "evidence/04_sellers.txt"
expect 1 "a file removed: verify fails" cli verify "$DIR/t.zip"
contains "Missing: evidence/04_sellers.txt" "names the missing file"
tamper add "evidence/05_added.pdf"
expect 1 "a file added: verify fails" cli verify "$DIR/t.zip"
contains "Not listed (added): evidence/05_added.pdf" "names the added file"
echo "not a zip" >"$DIR/junk.zip"
expect 1 "not a package" cli verify "$DIR/junk.zip"
contains "is not an Appeal Desk package" "says it is not a package" err

# kill -9 while writing: no package, no temporary file (unnamed until done).
head -c 150000000 /dev/urandom >"$IN/big.bin"
cli evidence add 1 "$IN/big.bin" >/dev/null
rm -f "$IN/big.bin"
mkdir "$DIR/killed"
"$CLI" --data-dir "$DATA" package 1 -o "$DIR/killed/p.zip" --allow-gaps >/dev/null 2>&1 &
pid=$!
tries=0
while [ $tries -lt 2000 ] && ! ls -l /proc/$pid/fd 2>/dev/null | grep -q "$DIR/killed/"; do tries=$((tries + 1)); sleep 0.005; done
kill -9 $pid 2>/dev/null
wait $pid 2>/dev/null
if [ $tries -lt 2000 ]; then ok "killed while writing the package"; else not_ok "never saw the package being written"; fi
only_files "$DIR/killed" "" "killed while writing: the folder stays empty"

# A full disk: a 2 MB tmpfs, when this test runs as root and may mount.
mkdir "$MNT"
if [ "$(id -u)" = 0 ] && mount -t tmpfs -o size=2m tmpfs "$MNT" 2>/dev/null; then
  echo "old" >"$MNT/p.zip"
  expect 1 "full disk: package fails" cli package 1 -o "$MNT/p.zip" --allow-gaps
  contains "disk is full" "says the disk is full" err
  only_files "$MNT" "p.zip " "full disk: only the old file"
  if [ "$(cat "$MNT/p.zip")" = "old" ]; then ok "full disk: old file untouched"; else not_ok "full disk: old file changed"; fi
  umount "$MNT"
else
  skip "cannot mount a tmpfs here (test-package covers a full disk with a write hook)"
fi

done_testing
