#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# appeal-desk-cli evidence add / list / remove against a temporary data dir.
# Usage: test-cli-evidence.sh PATH/TO/appeal-desk-cli
set -u
CLI="$1"
DIR=$(mktemp -d "${TMPDIR:-/tmp}/appeal-desk-cli-evidence-XXXXXX")
trap 'chmod -R u+rwx "$DIR" 2>/dev/null; rm -rf "$DIR"' EXIT
export LANGUAGE=C LC_ALL=C.UTF-8
DATA="$DIR/data"
IN="$DIR/in"
mkdir -p "$IN"
. "$(dirname "$0")/cli-test-lib.sh"

# lines FILE COUNT DESCRIPTION: $DIR/FILE has COUNT lines
lines () {
  got=$(wc -l <"$DIR/$1")
  if [ "$got" -eq "$2" ]; then ok "$3"; else not_ok "$3: $got lines, wanted $2"; sed 's/^/# /' "$DIR/$1"; fi
}

# Test files: a one-page PDF with text, a PNG, odd names, broken input.
python3 - "$IN" <<'PY'
import struct, sys, zlib, os
d = sys.argv[1]
objs = [b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
        None,
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
stream = b"BT /F1 24 Tf 72 720 Td (Trademark certificate) Tj ET"
objs[3] = b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream"
out = bytearray(b"%PDF-1.4\n")
offsets = []
for i, o in enumerate(objs, 1):
    offsets.append(len(out))
    out += b"%d 0 obj\n" % i + o + b"\nendobj\n"
xref = len(out)
out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
for off in offsets:
    out += b"%010d 00000 n \n" % off
out += b"trailer\n<< /Size %d /Root 1 0 R /Info << /Title (Certificate) >> >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
open(os.path.join(d, "cert.pdf"), "wb").write(out)
def png(path, w, h):
    raw = b"".join(b"\0" + b"\x33\x66\x99" * w for _ in range(h))
    def chunk(t, data):
        return struct.pack(">I", len(data)) + t + data + struct.pack(">I", zlib.crc32(t + data) & 0xffffffff)
    open(path, "wb").write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0))
                           + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))
png(os.path.join(d, "shot.png"), 32, 20)
png(os.path.join(d, "library.png"), 16, 16)
open(os.path.join(d, "商标 \"quoted\" it's.txt"), "w").write("odd name\n")
open(os.path.join(d, "-dash.txt"), "w").write("dash\n")
open(os.path.join(d, "new\nline.txt"), "w").write("newline\n")
open(os.path.join(d, "broken.pdf"), "wb").write(b"%PDF-1.7\n1 0 obj << /Type")
open(os.path.join(d, "empty.txt"), "wb").close()
os.mkdir(os.path.join(d, "folder"))
PY
SHA=$(sha256sum "$IN/cert.pdf" | cut -d' ' -f1)

expect 0 "create a case" cli new -p shopee -t ip-complaint --title "Earbuds"
expect 0 "add three files, odd names included" cli evidence add 1 "$IN/cert.pdf" "$IN/shot.png" "$IN/商标 \"quoted\" it's.txt"
contains "SHA-256:   $SHA" "prints the PDF's SHA-256 (same as sha256sum)"
contains "PDF · 1 page" "prints the page count"
contains "Title:     Certificate" "prints the PDF title"
contains "PNG image · 32 × 20" "prints the image size"
contains "no capture date" "warns that the screenshot has no date"
contains "Stored #3 “商标 \"quoted\" it's.txt”" "keeps the odd name"
lines err 0 "nothing on stderr"

expect 1 "bad files fail, the good one is still handled" cli evidence add 1 "$IN/cert.pdf" "$IN/empty.txt" "$IN/folder" "$IN/missing.pdf" "$IN/broken.pdf"
contains "Already stored #1" "same content is stored once"
lines err 4 "one line per refused file"
contains "empty (0 bytes)" "empty file reason" err
contains "is a folder" "folder reason" err
contains "does not exist" "missing file reason" err
contains "damaged PDF" "broken PDF reason" err

expect 0 "leading dash after --" cli evidence add 1 -- "$IN/-dash.txt"
contains "Stored #4 “-dash.txt”" "dash file stored"
expect 0 "newline in a name" cli evidence add 1 "$IN/new
line.txt"
lines out 4 "the report stays one line per field"

expect 0 "library only" cli evidence add --library --note "brand pack" "$IN/library.png"
expect 0 "list the library" cli evidence list
contains "\[library\]" "library items are marked"
contains "used by case 1: Earbuds" "shows which cases use an item"
expect 0 "list JSON" cli evidence list --json
if python3 -c "import json,sys; d=json.load(open(sys.argv[1])); assert len(d)==6, len(d); assert any(e['metadata'].get('pdf', {}).get('n_pages')==1 for e in d)" "$DIR/out"; then ok "JSON parses, 6 items"; else not_ok "JSON list"; fi
expect 0 "list one case as JSON" cli evidence list 1 --json
if python3 -c "import json,sys; d=json.load(open(sys.argv[1])); assert len(d)==5, len(d); assert d[0]['sha256']=='$SHA'" "$DIR/out"; then ok "case JSON has the 5 case items in order"; else not_ok "case JSON"; fi

BLOB="$DATA/blobs/$(echo "$SHA" | cut -c1-2)/$(echo "$SHA" | cut -c3-)"
[ -f "$BLOB" ] && ok "blob stored under the data dir" || not_ok "blob missing: $BLOB"
expect 0 "remove by SHA-256 prefix" cli evidence remove 1 "$(echo "$SHA" | cut -c1-10)"
contains "Its file was deleted" "the only user was this case"
[ ! -e "$BLOB" ] && ok "blob removed" || not_ok "blob still there"
expect 1 "removing again fails" cli evidence remove 1 1
contains "does not exist" "clear reason" err

expect 2 "add without files is a usage error" cli evidence add 1
expect 2 "unknown verb" cli evidence frob
expect 1 "unknown case" cli evidence add 99 "$IN/shot.png"

# Save a copy under the original name, into a folder or as a named file.
OUT="$DIR/out-files"
mkdir -p "$OUT"
LIB=$(sha256sum "$IN/library.png" | cut -c1-12)
expect 0 "save a copy into a folder" cli evidence save "$LIB" "$OUT"
cmp -s "$IN/library.png" "$OUT/library.png" && ok "the copy has the original name and bytes" || not_ok "no identical $OUT/library.png"
expect 0 "save a copy as a named file" cli evidence save "$LIB" "$OUT/renamed.png"
cmp -s "$IN/library.png" "$OUT/renamed.png" && ok "the named copy is identical" || not_ok "renamed.png differs"
if [ "$(id -u)" -ne 0 ]; then  # root may write anywhere
  chmod a-w "$OUT"
  expect 1 "a folder one may not write to is refused" cli evidence save "$LIB" "$OUT/again.png"
  contains "may not write there" "the refusal says what to do" err
  chmod u+w "$OUT"
fi
expect 1 "a destination inside a file is refused" cli evidence save "$LIB" "$OUT/renamed.png/x.png"
contains "could not be saved" "the refusal names the file" err
expect 1 "an unknown item is refused" cli evidence save 999 "$OUT"

expect 0 "delete the case" cli delete 1
expect 0 "list after delete" cli evidence list
contains "library.png" "library item survives"
lines out 1 "only the library item is left"

done_testing
