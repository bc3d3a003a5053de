#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Writes the hostile PDF corpus into DIR (made at test time, nothing binary
in the repository):

  bomb-jbig2.pdf   page content = one JBIG2 stream, listed 4 times, whose
                   page is 100000 x 100000 pixels: each read allocates and
                   fills ~1.25 GB, then the content parser walks 1.25 GB of
                   blanks (the idea of pdf.js' bomb_giant.pdf, made afresh)
  bomb-flate.pdf   page content = a doubly Flate-compressed stream of 256 MiB
                   of blanks, listed 16 times (4 GiB to parse, 3 KB file)
  bomb-objstm.pdf  the page tree sits in an object stream behind 1.5 GiB of
                   doubly Flate-compressed blanks: merely opening the file
                   (pdfinfo) decodes them all (a 3 KB file; about 7 s here,
                   so the 1.5 s bound stops it on a machine 4x faster too)
  no-eof.pdf       a good one-page PDF followed by 4 KB of junk: no "%%EOF"
                   in its last KB, yet poppler (and pdftoppm) read it
  bad-page.pdf     three pages, the second of which is not a page object:
                   pdftoppm renders pages 1 and 3
  text.pdf         a plain one-page PDF with text (the control)

Usage: make-hostile-pdfs.py DIR
"""
import os
import struct
import sys
import zlib


def pdf(objects, trailer_extra=b""):
    """objects: list of bytes (object bodies), numbered from 1."""
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for i, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for off in offsets:
        out += b"%010d 00000 n \n" % off
    out += b"trailer\n<< /Size %d /Root 1 0 R %s>>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1, trailer_extra, xref)
    return bytes(out)


def stream(dictionary, data):
    return b"<< %s /Length %d >>\nstream\n" % (dictionary, len(data)) + data + b"\nendstream"


FONT = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"


def one_page(contents_ref, extra_objects):
    return [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents %s"
        b" /Resources << /Font << /F1 4 0 R >> >> >>" % contents_ref,
        FONT,
    ] + extra_objects


def jbig2_segment(number, seg_type, data):
    # 7.2: number, flags (type; 1-byte page association), no referred-to
    # segments, page 1, data length.
    return struct.pack(">IBBBI", number, seg_type, 0, 1, len(data)) + data


def jbig2_bomb():
    width = height = 100000
    # Page information: size, 72 dpi, flags bit 2 = default pixel 1 (the
    # bitmap is filled, every page of memory touched), no striping.
    info = struct.pack(">IIIIBH", width, height, 72, 72, 0x04, 0)
    data = jbig2_segment(0, 48, info) + jbig2_segment(1, 49, b"")  # + end of page
    body = stream(b"/Filter /JBIG2Decode", data)
    refs = b"[" + b" ".join([b"5 0 R"] * 4) + b"]"
    return pdf(one_page(refs, [body]))


def flate_bomb():
    inner = zlib.compressobj(9)
    chunk = b" " * (1 << 20)
    once = bytearray()
    for _ in range(256):
        once += inner.compress(chunk)
    once += inner.flush()
    twice = zlib.compress(bytes(once), 9)
    body = stream(b"/Filter [/FlateDecode /FlateDecode]", twice)
    refs = b"[" + b" ".join([b"5 0 R"] * 16) + b"]"
    return pdf(one_page(refs, [body]))


def objstm_bomb(gap=1536 << 20):
    dictionary = b"<< /Type /Pages /Kids [4 0 R] /Count 1 >>"
    header = b"3 %d " % gap
    inner = zlib.compressobj(9)
    once = bytearray(inner.compress(header))
    chunk = b" " * (1 << 20)
    for _ in range(gap >> 20):
        once += inner.compress(chunk)
    once += inner.compress(dictionary) + inner.flush()
    data = zlib.compress(bytes(once), 9)
    out = bytearray(b"%PDF-1.7\n")
    offsets = {}

    def obj(n, body):
        offsets[n] = len(out)
        out.extend(b"%d 0 obj\n" % n + body + b"\nendobj\n")

    obj(1, b"<< /Type /Catalog /Pages 3 0 R >>")
    obj(2, b"<< /Type /ObjStm /N 1 /First %d /Filter [/FlateDecode /FlateDecode] /Length %d >>\nstream\n"
        % (len(header), len(data)) + data + b"\nendstream")
    obj(4, b"<< /Type /Page /Parent 3 0 R /MediaBox [0 0 595 842] >>")
    xref = len(out)
    # A cross-reference stream: object 3 lives in object stream 2.
    rows = [(0, 0, 65535), (1, offsets[1], 0), (1, offsets[2], 0), (2, 2, 0), (1, offsets[4], 0), (1, xref, 0)]
    table = b"".join(struct.pack(">BIH", *row) for row in rows)
    out.extend(b"5 0 obj\n<< /Type /XRef /Size 6 /W [1 4 2] /Root 1 0 R /Length %d >>\nstream\n" % len(table)
               + table + b"\nendstream\nendobj\n")
    out.extend(b"startxref\n%d\n%%%%EOF\n" % xref)
    return bytes(out)


def text_pdf(words=b"Trademark certificate"):
    content = b"BT /F1 24 Tf 72 720 Td (%s) Tj ET" % words
    return pdf(one_page(b"5 0 R", [stream(b"", content)]))


def bad_page():
    content = stream(b"", b"BT /F1 24 Tf 72 720 Td (Invoice page) Tj ET")
    page = b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 5 0 R /Resources << /Font << /F1 4 0 R >> >> >>"
    return pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R 6 0 R 7 0 R] /Count 4 >>",  # one page short
        page,
        FONT,
        content,
        b"<< /Type /Annot /Subtype /Text >>",  # not a page
        page,
    ])


def main():
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    files = {
        "bomb-jbig2.pdf": jbig2_bomb(),
        "bomb-flate.pdf": flate_bomb(),
        "bomb-objstm.pdf": objstm_bomb(),
        "no-eof.pdf": text_pdf(b"Invoice with junk after the end") + b"\x00junk" * 820,
        "bad-page.pdf": bad_page(),
        "text.pdf": text_pdf(),
    }
    for name, data in files.items():
        with open(os.path.join(out, name), "wb") as f:
            f.write(data)


if __name__ == "__main__":
    main()
