"""How long `python -m engine start` takes, from the national files in data/public.

Prints, per municipality, the median of ``--rounds`` runs (after one warm-up that reads
the files) of: gathering the facts, building the folder's files, and writing the folder
and its marked workbook (the Data page's download is the last two). The page makes the
workbook on the click; no budget is set in DESIGN.md, so this is a record, not a gate.

    .venv/bin/python benchmarks/start_speed.py [--rounds 5] [CODE ...]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from engine.sources import start

DEFAULT = ("2303", "2062", "1480", "0180")  # Ragunda, Mora, Göteborg, Stockholm


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("codes", nargs="*", default=list(DEFAULT))
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args(argv)
    print(f"cores {os.cpu_count()}, load average {os.getloadavg()[0]:.2f}")
    start.build(start.from_files(args.codes[0]))  # warm-up: the files are read once per process
    print("municipality            gather  build   write   units  to fill   (medians, s)")
    for code in args.codes:
        gather, build, write = [], [], []
        for _ in range(args.rounds):
            t0 = time.perf_counter()
            facts = start.from_files(code)
            t1 = time.perf_counter()
            started = start.build(facts)
            t2 = time.perf_counter()
            with tempfile.TemporaryDirectory() as tmp:
                start.write(started, Path(tmp) / code)
            t3 = time.perf_counter()
            gather.append(t1 - t0)
            build.append(t2 - t1)
            write.append(t3 - t2)
        units = started.files["units.csv"].count("\n") - 1
        name = f"{facts.municipality.name} ({code})"
        print(
            f"{name:22s} {statistics.median(gather):6.2f}  {statistics.median(build):6.2f}  "
            f"{statistics.median(write):6.2f}  {units:5d}  {len(started.to_fill):7d}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
