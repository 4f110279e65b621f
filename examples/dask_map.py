"""Framing Lens as the map step of a Dask distributed job.

A JSON Lines corpus of pages ({"url", "html", ...} per line) is read in partitions, each piped
through `framing-lens analyze --jsonl` on a worker of a local cluster; the analyses come back in the
corpus' order. Every line is analysed on its own, so partitions need nothing from one another.

    python3 examples/dask_map.py PAGES.jsonl ANALYSES.jsonl [--workers 2] [--blocksize 64MB]

Debian's python3-distributed is enough (apt-get install python3-distributed). To spread the work
over machines, give Client the address of a running scheduler instead of a LocalCluster.
"""

import argparse
import subprocess
import sys
from pathlib import Path

import dask.bag as db
from dask.distributed import Client, LocalCluster

CLI = str(Path(__file__).resolve().parent.parent / "lib" / "cli" / "framing-lens.mjs")


def analyze(lines):
    """One partition's lines through the command line: its analyses, one per line, in order."""
    text = "".join(line if line.endswith("\n") else line + "\n" for line in lines)
    if not text.strip():
        return []
    run = subprocess.run(["node", CLI, "analyze", "--jsonl", "--jobs", "1"], input=text.encode(), capture_output=True)
    # 3: some lines failed; their error records are in the output, in their place.
    if run.returncode not in (0, 3):
        raise RuntimeError(run.stderr.decode())
    return run.stdout.decode().splitlines()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("input")
    parser.add_argument("output")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--blocksize", default="64MB")
    args = parser.parse_args()
    with LocalCluster(n_workers=args.workers, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        with Client(cluster):
            bag = db.read_text(args.input, blocksize=args.blocksize)
            analyses = bag.map_partitions(analyze).compute()
    Path(args.output).write_text("".join(line + "\n" for line in analyses))
    print(f"{len(analyses)} lines in {bag.npartitions} partitions on {args.workers} workers", file=sys.stderr)


if __name__ == "__main__":
    main()
