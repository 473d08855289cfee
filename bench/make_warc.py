#!/usr/bin/env python3
"""Builds a Common Crawl-shaped WARC from the bench pages, for bench/warc_bench.

    python3 bench/make_warc.py [--out /tmp/matn-bench.warc.gz] [--repeat N] [--format gz|zst|plain]

Layout as in a Common Crawl WARC: one warcinfo record, then for every page a
request, a response (HTTP/1.1 headers + the page bytes as captured) and a
metadata record; with gz, one gzip member per record (level 6), with zst one
zstd frame per record. WARC-Target-URI comes from truth.jsonl where it has a
url, else a made-up https://bench.invalid/<dataset>/<id>. --repeat writes the
page set N times (distinct record ids) to get a bigger file. Nothing is
written into the repository.
"""
import argparse
import glob
import gzip
import json
import os
import subprocess
import uuid

BENCH = "/work/shared/bench"


def record(wtype, fields, block):
    head = ["WARC/1.1", f"WARC-Type: {wtype}"] + [f"{k}: {v}" for k, v in fields]
    head.append(f"Content-Length: {len(block)}")
    return ("\r\n".join(head) + "\r\n\r\n").encode() + block + b"\r\n\r\n"


def pages():
    for ds in sorted(glob.glob(os.path.join(BENCH, "*", "pages"))):
        name = os.path.basename(os.path.dirname(ds))
        urls = {}
        truth = os.path.join(os.path.dirname(ds), "truth.jsonl")
        if os.path.exists(truth):
            with open(truth, encoding="utf-8") as f:
                for line in f:
                    o = json.loads(line)
                    if o.get("url"):
                        urls[o["id"]] = o["url"]
        for path in sorted(glob.glob(os.path.join(ds, "*.html.gz"))):
            pid = os.path.basename(path)[: -len(".html.gz")]
            with gzip.open(path, "rb") as f:
                yield urls.get(pid, f"https://bench.invalid/{name}/{pid}"), f.read()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", default="/tmp/matn-bench.warc.gz")
    ap.add_argument("--repeat", type=int, default=1)
    ap.add_argument("--format", choices=["gz", "zst", "plain"], default="gz")
    args = ap.parse_args()

    if args.format == "gz":
        pack = lambda rec: gzip.compress(rec, compresslevel=6, mtime=0)
    elif args.format == "zst":
        pack = lambda rec: subprocess.run(["zstd", "-q", "-c", "-3"], input=rec, stdout=subprocess.PIPE,
                                          check=True).stdout
    else:
        pack = lambda rec: rec
    all_pages = list(pages())
    n = 0
    date = "2024-02-21T11:14:09Z"
    with open(args.out, "wb") as out:
        out.write(pack(record("warcinfo", [("WARC-Date", date), ("WARC-Record-ID", f"<urn:uuid:{uuid.uuid4()}>"),
                                           ("Content-Type", "application/warc-fields")],
                              b"software: matn bench/make_warc.py\r\nformat: WARC File Format 1.1\r\n")))
        for rep in range(args.repeat):
            for url, html in all_pages:
                host = url.split("/")[2] if "://" in url else "bench.invalid"
                path = "/" + url.split("/", 3)[3] if url.count("/") >= 3 else "/"
                req_id, resp_id = f"<urn:uuid:{uuid.uuid4()}>", f"<urn:uuid:{uuid.uuid4()}>"
                request = (f"GET {path} HTTP/1.1\r\nHost: {host}\r\nUser-Agent: matn-bench\r\n"
                           f"Accept: text/html\r\nAccept-Encoding: gzip\r\n\r\n").encode()
                response = (f"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: {len(html)}\r\n"
                            f"Server: bench\r\n\r\n").encode() + html
                common = [("WARC-Date", date), ("WARC-Target-URI", url)]
                out.write(pack(record("request", common + [("WARC-Record-ID", req_id),
                                                           ("Content-Type", "application/http; msgtype=request"),
                                                           ("WARC-Concurrent-To", resp_id)], request)))
                out.write(pack(record("response", common + [("WARC-Record-ID", resp_id),
                                                            ("Content-Type", "application/http; msgtype=response"),
                                                            ("WARC-IP-Address", "192.0.2.7")], response)))
                meta = f"fetchTimeMs: 123\r\ncharset-detected: UTF-8\r\n".encode()
                out.write(pack(record("metadata", common + [("WARC-Record-ID", f"<urn:uuid:{uuid.uuid4()}>"),
                                                            ("WARC-Concurrent-To", resp_id),
                                                            ("Content-Type", "application/warc-fields")], meta)))
                n += 1
    print(f"{args.out}: {n} pages, {3 * n + 1} records, {os.path.getsize(args.out) / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
