"""Tests of the Python module: same records as the CLI, GIL released, helpers."""
import concurrent.futures
import json
import os
import subprocess
import sys

import pytest

import matn

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SAMPLE = os.path.join(ROOT, "examples", "sample-dari.html")
WARC_DIR = os.path.join(ROOT, "tests", "data", "warc")
MATN = os.environ.get("MATN_BINARY", os.path.join(ROOT, "build", "matn"))


def cli_records(*args):
    out = subprocess.run([MATN, "extract", *args, "--format", "jsonl", "--quiet"], capture_output=True, check=False)
    assert out.returncode in (0, 1), out.stderr.decode()
    return [json.loads(line) for line in out.stdout.decode("utf-8").splitlines()]


def without_source(record):
    return {k: v for k, v in record.items() if k != "source"}


def test_extract_matches_the_cli_record():
    with open(SAMPLE, "rb") as f:
        page = f.read()
    rec = matn.extract(page)
    (cli,) = cli_records(SAMPLE)
    assert without_source(rec) == without_source(cli)
    assert "می‌گوید" in rec["text"]  # ZWNJ kept
    assert "XS SM MD LG" not in rec["text"]


def test_extract_str_and_bytes_agree():
    with open(SAMPLE, "rb") as f:
        page = f.read()
    assert matn.extract(page) == matn.extract(page.decode("utf-8"))


def test_extract_legacy_charset_bytes():
    html = "<html><body><article><p>" + "این یک متن آزمایشی است که در ویندوز نوشته شده. " * 5 + "</p></article></body></html>"
    rec = matn.extract(html.replace("ی", "ي").encode("cp1256"), charset="windows-1256")
    assert "متن آزمايشي" in rec["text"]


def test_extract_keeps_failures_as_records():
    rec = matn.extract(b"<p>x</p>" * 10, max_bytes=10)
    assert rec["text"] is None and "limit" in rec["error"]
    with pytest.raises(TypeError):
        matn.extract(12)


def test_iter_warc_matches_the_cli():
    for name in ("basic.warc.gz", "basic.warc.zst", "cl-too-short.warc", "truncated-mid.warc.gz"):
        path = os.path.join(WARC_DIR, name)
        py = list(matn.iter_warc(path))
        cli = cli_records(path)
        assert py == cli, name


def test_threads_run_in_parallel_without_interference():
    with open(SAMPLE, "rb") as f:
        page = f.read()
    expected = matn.extract(page)
    with concurrent.futures.ThreadPoolExecutor(4) as pool:
        results = list(pool.map(lambda _: matn.extract(page), range(16)))
    assert all(r == expected for r in results)


def test_helpers():
    assert matn.parse_date("جمعه ۱۵ سرطان ۱۴۰۳ کابل ۰۶:۲۴") == "2024-07-05T06:24+04:30"
    assert matn.parse_date("no date here") is None
    assert matn.normalize("میکند", repair_zwnj=True) == "می‌کند"
    assert matn.normalize("كتاب", profile="fa") == "کتاب"
    assert matn.detect_language("The quick brown fox jumps over the lazy dog near the river bank today.") == "en"


def test_dask_example_matches_the_cli(tmp_path):
    pytest.importorskip("distributed")
    warcs = [os.path.join(WARC_DIR, n) for n in ("basic.warc.gz", "basic.warc.zst", "garbage.warc")]
    env = dict(os.environ, PYTHONPATH=os.path.dirname(matn.__file__))
    subprocess.run([sys.executable, os.path.join(ROOT, "examples", "dask_warc.py"), str(tmp_path), *warcs,
                    "--workers", "2"], check=True, env=env, timeout=300)
    for w in warcs:
        shard = tmp_path / (os.path.basename(w) + ".jsonl")
        got = [json.loads(line) for line in shard.read_text(encoding="utf-8").splitlines()]
        assert got == cli_records(w), w
