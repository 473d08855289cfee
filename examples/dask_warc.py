#!/usr/bin/python3
"""Extract every HTML record of many WARC files with Dask, one JSONL shard per input.

    examples/dask_warc.py OUT_DIR WARC... [--workers N] [--scheduler ADDRESS]

Without --scheduler it starts a distributed.LocalCluster with N worker
processes (default: every core, one thread each). With --scheduler
tcp://host:8786 it uses an existing cluster instead: start `dask scheduler` on
one machine and `dask worker tcp://host:8786` on each of the others (each
needs the `matn` module importable, e.g. PYTHONPATH=/path/to/build/python).

Each task maps matn.iter_warc over one WARC file and writes OUT_DIR/<file name>.jsonl
with the same records, in the same order, as `matn warc FILE --format jsonl`.
The WARC paths must be readable by the workers (a shared filesystem on a
real cluster).
"""
import argparse
import json
import os
import sys


def extract_one(warc_path, out_dir, options):
    import matn  # imported on the worker

    # The whole file name, so a.warc.gz and a.warc.zst get distinct shards.
    out_path = os.path.join(out_dir, os.path.basename(warc_path) + ".jsonl")
    count = failed = 0
    tmp = out_path + ".part"
    with open(tmp, "w", encoding="utf-8") as out:
        for record in matn.iter_warc(warc_path, **options):
            out.write(json.dumps(record, ensure_ascii=False, separators=(",", ":")) + "\n")
            count += 1
            failed += "error" in record
    os.replace(tmp, out_path)  # a shard is either complete or absent
    return {"warc": warc_path, "shard": out_path, "records": count, "failed": failed}


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("out_dir")
    ap.add_argument("warcs", nargs="+")
    ap.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--scheduler", help="address of an existing Dask scheduler (tcp://host:8786)")
    ap.add_argument("--favor", default="balanced", choices=["balanced", "precision", "recall"])
    ap.add_argument("--repair-zwnj", action="store_true")
    args = ap.parse_args(argv)

    from distributed import Client, LocalCluster

    os.makedirs(args.out_dir, exist_ok=True)
    options = {"favor": args.favor, "repair_zwnj": args.repair_zwnj}
    warcs = [os.path.abspath(w) for w in args.warcs]
    out_dir = os.path.abspath(args.out_dir)
    if args.scheduler:
        client = Client(args.scheduler)
        cluster = None
    else:
        cluster = LocalCluster(n_workers=args.workers, threads_per_worker=1, processes=True,
                               dashboard_address=None)
        client = Client(cluster)
    try:
        futures = client.map(extract_one, warcs, out_dir=out_dir, options=options, pure=False)
        total = failed = 0
        for summary in client.gather(futures):
            total += summary["records"]
            failed += summary["failed"]
            print(f"{summary['warc']}: {summary['records']} records -> {summary['shard']}", file=sys.stderr)
        print(f"{len(warcs)} WARC files, {total} records, {failed} failed", file=sys.stderr)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
