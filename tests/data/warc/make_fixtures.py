#!/usr/bin/env python3
"""Writes the WARC fixtures of tests/corpus/warc_test.cpp into this directory.

Every record is written by hand below (no crawl data), so each test's
expectation follows from this file. Regenerate with
    python3 tests/data/warc/make_fixtures.py
(needs the `zstd` command for the .zst fixtures). Output is deterministic.

Intact files, all holding the same 13 records (see RECORDS):
  basic.warc            plain
  basic.warc.gz         one gzip member per record (as Common Crawl writes)
  basic-single.warc.gz  the whole file as one gzip member
  basic.warc.zst        one zstd frame per record
  basic-dict.warc.zst   the WARC-zstd dictionary frame, then frames using it
Damaged files (same records, one defect each; see DAMAGED below).
"""
import gzip
import os
import struct
import subprocess
import tempfile
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))

ARTICLE = """<!DOCTYPE html>
<html lang="fa" dir="rtl"><head><meta charset="utf-8"><title>نمونه</title></head>
<body><article><h1>نمونهٔ مقاله</h1><p>این یک متن آزمایشی است که می‌خواهد نیم‌فاصله را نگه دارد.</p></article></body></html>
"""

WIN1256_PAGE = """<html><head><title>صفحه</title></head><body><p>متن با كدگذاري ويندوز 1256</p></body></html>
"""

RESOURCE_PAGE = """<!doctype html><html><head><title>Stored resource</title></head>
<body><p>A page stored as a WARC resource record.</p></body></html>
"""

XHTML_PAGE = """<?xml version="1.0" encoding="utf-8"?>
<html xmlns="http://www.w3.org/1999/xhtml"><head><title>XHTML</title></head><body><p>Raw deflate body.</p></body></html>
"""

BROTLI_PAGE = (b"<!DOCTYPE html>\n<html><head><title>Brotli page</title></head><body><p>"
               b"Compressed with brotli, decoded by the reader.</p></body></html>\n")
# BROTLI_PAGE compressed by libbrotlienc (BrotliEncoderCompress, quality 5,
# window 22, text mode); Python's standard library has no brotli encoder.
BROTLI_BYTES = bytes.fromhex(
    "1b86000044dd96eae8a2a19c074d49f91041f939eae480fdaba8280b030d3408c3c030e88c95c6bdb6353a4f80e9fd902e"
    "38d67e7afabf0731374bc3a660aa4ae8f0172f6888e758b62c3092b661282ac21f661d4b4a7e6d68")

SNIFFED_PAGE = b"\n  <!DOCTYPE html><html><body><p>No Content-Type header at all.</p></body></html>"

# A PNG signature and a body that happens to contain the byte sequence that
# separates WARC records: a correct Content-Length must not be fooled by it.
PNG = (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00"
       b"\r\n\r\nWARC/1.0\r\nWARC-Type: response\r\n\r\n" + bytes(range(256)))


def http_response(status_line, headers, body):
    head = status_line + "\r\n" + "".join(f"{k}: {v}\r\n" for k, v in headers) + "\r\n"
    return head.encode("latin-1") + body


def chunked(data, size):
    out = b""
    for i in range(0, len(data), size):
        piece = data[i:i + size]
        out += b"%x\r\n" % len(piece) + piece + b"\r\n"
    return out + b"0\r\n\r\n"


def gzip_bytes(data):
    return gzip.compress(data, compresslevel=6, mtime=0)


def raw_deflate(data):
    c = zlib.compressobj(6, zlib.DEFLATED, -15)
    return c.compress(data) + c.flush()


def record(n, wtype, block, uri=None, ctype=None, version="WARC/1.1", extra=(), date=None, omit=()):
    fields = [("WARC-Type", wtype),
              ("WARC-Date", date or f"2024-03-0{1 + n % 9}T12:{n:02d}:00Z"),
              ("WARC-Record-ID", f"<urn:uuid:00000000-0000-4000-8000-{n:012d}>")]
    if uri:
        fields.append(("WARC-Target-URI", uri))
    fields += list(extra)
    if ctype:
        fields.append(("Content-Type", ctype))
    fields.append(("Content-Length", str(len(block))))
    fields = [(k, v) for k, v in fields if k not in omit]
    head = version + "\r\n" + "".join(f"{k}: {v}\r\n" for k, v in fields) + "\r\n"
    return head.encode("utf-8") + block + b"\r\n\r\n"


HTTP_CT = "application/http; msgtype=response"

RECORDS = [
    # 0 warcinfo
    record(0, "warcinfo", b"software: matn make_fixtures.py\r\nformat: WARC File Format 1.1\r\n",
           ctype="application/warc-fields"),
    # 1 request
    record(1, "request", b"GET /article HTTP/1.1\r\nHost: example.org\r\nAccept-Encoding: gzip\r\n\r\n",
           uri="https://example.org/article", ctype="application/http; msgtype=request"),
    # 2 response: UTF-8 HTML, charset in Content-Type
    record(2, "response", http_response("HTTP/1.1 200 OK", [("Content-Type", "text/html; charset=UTF-8"),
                                                            ("Content-Length", str(len(ARTICLE.encode())))],
                                        ARTICLE.encode()),
           uri="https://example.org/article", ctype=HTTP_CT,
           extra=[("WARC-IP-Address", "192.0.2.1")]),
    # 3 metadata
    record(3, "metadata", b"fetchTimeMs: 120\r\n", uri="https://example.org/article",
           ctype="application/warc-fields"),
    # 4 response: image, not HTML
    record(4, "response", http_response("HTTP/1.1 200 OK", [("Content-Type", "image/png")], PNG),
           uri="https://example.org/logo.png", ctype=HTTP_CT),
    # 5 response: chunked + gzip, quoted windows-1256 charset, header names in odd case
    record(5, "response", http_response("HTTP/1.1 200 OK", [("content-type", 'text/html; charset="windows-1256"'),
                                                            ("TRANSFER-ENCODING", "chunked"),
                                                            ("Content-Encoding", "gzip")],
                                        chunked(gzip_bytes(WIN1256_PAGE.encode("cp1256")), 37)),
           uri="https://example.org/fa", ctype=HTTP_CT),
    # 6 resource: HTML stored without HTTP, WARC/1.0, URI in angle brackets
    record(6, "resource", RESOURCE_PAGE.encode(), uri="<file:///srv/page.html>", ctype="text/html",
           version="WARC/1.0"),
    # 7 response: XHTML, Content-Encoding deflate sent as raw deflate
    record(7, "response", http_response("HTTP/1.0 200 OK", [("Content-Type", "application/xhtml+xml;charset=utf-8"),
                                                            ("Content-Encoding", "deflate")],
                                        raw_deflate(XHTML_PAGE.encode())),
           uri="https://example.org/x.xhtml", ctype=HTTP_CT),
    # 8 response: brotli
    record(8, "response", http_response("HTTP/1.1 200 OK", [("Content-Type", "text/html"),
                                                            ("Content-Encoding", "br")], BROTLI_BYTES),
           uri="https://example.org/br", ctype=HTTP_CT),
    # 9 response: no Content-Type; sniffed as HTML
    record(9, "response", http_response("HTTP/1.1 200 OK", [("Server", "test")], SNIFFED_PAGE),
           uri="https://example.org/untyped", ctype=HTTP_CT),
    # 10 revisit: HTTP headers only
    record(10, "revisit", http_response("HTTP/1.1 200 OK", [("Content-Type", "text/html")], b""),
           uri="https://example.org/article", ctype=HTTP_CT,
           extra=[("WARC-Profile", "http://netpreserve.org/warc/1.1/revisit/identical-payload-digest"),
                  ("WARC-Refers-To", "<urn:uuid:00000000-0000-4000-8000-000000000002>")]),
    # 11 response: text/plain whose body looks like HTML: the declared type wins
    record(11, "response", http_response("HTTP/1.1 200 OK", [("Content-Type", "text/plain")],
                                         b"<html><body>not html</body></html>"),
           uri="https://example.org/plain.txt", ctype=HTTP_CT),
    # 12 response: 404 page, HTML
    record(12, "response", http_response("HTTP/1.1 404 Not Found", [("Content-Type", "text/html; charset=iso-8859-1")],
                                         b"<html><body><p>Not found</p></body></html>"),
           uri="https://example.org/missing", ctype=HTTP_CT),
]


def write(name, data):
    with open(os.path.join(HERE, name), "wb") as f:
        f.write(data)


def zstd(data, dict_path=None):
    cmd = ["zstd", "-q", "-c", "-19"] + (["-D", dict_path] if dict_path else [])
    return subprocess.run(cmd, input=data, stdout=subprocess.PIPE, check=True).stdout


def with_length(rec, delta):
    """The record with its WARC Content-Length changed by delta (a lie)."""
    head, sep, rest = rec.partition(b"\r\n\r\n")
    lines = head.split(b"\r\n")
    for i, line in enumerate(lines):
        if line.startswith(b"Content-Length: "):
            lines[i] = b"Content-Length: %d" % (int(line[16:]) + delta)
    return b"\r\n".join(lines) + sep + rest


def main():
    plain = b"".join(RECORDS)
    members = [gzip_bytes(r) for r in RECORDS]
    write("basic.warc", plain)
    write("basic.warc.gz", b"".join(members))
    write("basic-single.warc.gz", gzip_bytes(plain))
    write("basic.warc.zst", b"".join(zstd(r) for r in RECORDS))
    # WARC-zstd: a raw-content dictionary of typical header bytes, stored in
    # the 0x184D2A5D skippable frame (zstd-compressed, as the proposal allows).
    dictionary = (b"WARC/1.1\r\nWARC-Type: response\r\nWARC-Date: 2024-03-01T12:00:00Z\r\n"
                  b"WARC-Record-ID: <urn:uuid:00000000-0000-4000-8000-0000000000\r\n"
                  b"WARC-Target-URI: https://example.org/\r\nContent-Type: application/http; msgtype=response\r\n"
                  b"Content-Length: \r\n\r\nHTTP/1.1 200 OK\r\nContent-Type: text/html; charset=UTF-8\r\n") * 4
    with tempfile.NamedTemporaryFile() as d:
        d.write(dictionary)
        d.flush()
        frames = b"".join(zstd(r, d.name) for r in RECORDS)
    packed = zstd(dictionary)
    write("basic-dict.warc.zst", struct.pack("<II", 0x184D2A5D, len(packed)) + packed + frames)

    # DAMAGED: each keeps every record of RECORDS except where noted.
    # The last gzip member cut in half: record 12 is truncated.
    write("truncated-end.warc.gz", b"".join(members[:-1]) + members[-1][: len(members[-1]) // 2])
    # Member 5 cut in half, the following members intact: record 5 is damaged.
    write("truncated-mid.warc.gz", b"".join(members[:5]) + members[5][: len(members[5]) // 2] + b"".join(members[6:]))
    # Member 2 with bytes in the middle of its deflate data overwritten.
    m2 = bytearray(members[2])
    for i in range(len(m2) // 2, len(m2) // 2 + 8):
        m2[i] ^= 0x5A
    write("corrupt-mid.warc.gz", b"".join(members[:2]) + bytes(m2) + b"".join(members[3:]))
    # Plain file ending inside record 12's block (its last 20 bytes missing).
    write("truncated-end.warc", plain[:-20])
    # Plain file ending inside record 12's header.
    write("truncated-header.warc", b"".join(RECORDS[:-1]) + RECORDS[-1][:40])
    # Record 2 claims 50 bytes more than it has (mid-file), and record 12 claims
    # 1000 more than the file has.
    lying_long = RECORDS[:2] + [with_length(RECORDS[2], 50)] + RECORDS[3:-1] + [with_length(RECORDS[-1], 1000)]
    write("cl-too-long.warc", b"".join(lying_long))
    write("cl-too-long.warc.gz", b"".join(gzip_bytes(r) for r in lying_long))
    # Record 2 claims 30 bytes less than it has.
    lying_short = RECORDS[:2] + [with_length(RECORDS[2], -30)] + RECORDS[3:]
    write("cl-too-short.warc", b"".join(lying_short))
    write("cl-too-short.warc.gz", b"".join(gzip_bytes(r) for r in lying_short))
    # Garbage: before the first record, between records 3 and 4, after the last.
    junk = b"this is not a WARC record\r\nWARC is a file format\r\n\x00\x01\x02\xff"
    write("garbage.warc", junk + b"".join(RECORDS[:4]) + junk + b"".join(RECORDS[4:]) + junk)
    # Non-gzip bytes between members 3 and 4.
    write("garbage.warc.gz", b"".join(members[:4]) + junk + b"".join(members[4:]))
    # Record 2 without WARC-Date; record 3 without Content-Length.
    missing = RECORDS[:2] + [record(2, "response", RECORDS[2].split(b"\r\n\r\n", 1)[1][:-4], omit=("WARC-Date",),
                                    uri="https://example.org/article", ctype=HTTP_CT),
                             record(3, "metadata", b"fetchTimeMs: 120\r\n", omit=("Content-Length",))] + RECORDS[4:]
    write("missing-headers.warc", b"".join(missing))
    write("empty.warc", b"")


if __name__ == "__main__":
    main()
