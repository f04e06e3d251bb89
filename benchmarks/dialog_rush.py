"""Medborgardialog under load: residents' answers kept, none lost (issue: the citizens' voice).

    python benchmarks/dialog_rush.py                 # 100 in the same minute, then 500 over a "week"
    python benchmarks/dialog_rush.py --rush 200      # a larger rush
    python benchmarks/dialog_rush.py --postgres --processes 2   # on PostgreSQL; the workshop from 2 processes
    python benchmarks/dialog_rush.py --store postgresql://vagval@db/vagval   # a server of your own

What the dialogue page does when a resident presses "Skicka": one ``save_dialog_answer``
on the store (engine/store/duckdb_store.py: open the DuckDB file, read the device's last answer,
write, commit). So the rush is that call from many threads at once, as Streamlit runs one
thread per session, on a store file of its own:

* rush: ``--rush`` devices send their answer in the same moment (a barrier releases them
  together), which is harsher than 100 in one minute; then each changes its answer once;
* week: ``--week`` devices, each answering once and changing it once, in 7 bursts (days);
* workshop: ``--workshop`` participants send their weights at once (``save_workshop_input``,
  what the workshop page's "Skicka" does), the rush a politicians' workshop makes; with
  ``--processes N`` they are spread over N processes (app processes behind a proxy), each
  with its own Store on the same database, released by one barrier.

The store is a DuckDB file in a temporary folder (the default), or PostgreSQL: ``--postgres``
starts a throwaway server from Debian's package (fsync on, as in production;
benchmarks/postgres_server.py), ``--store postgresql://…`` uses yours. Each part gets a
schema of its own there, dropped afterwards.

Prints the median and 95th percentile of a send and, the budget, whether every device's
latest answer is in the store: nothing lost.
"""

from __future__ import annotations

import argparse
import contextlib
import multiprocessing
import queue
import statistics
import sys
import tempfile
import threading
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import psycopg

from benchmarks.postgres_server import throwaway_server
from engine.measures.dialog import answer_document
from engine.store import Store

DATASET, DIALOG = "2099", "rush"


def send_all(store: Store, devices: list[str], version: int) -> list[float]:
    """Every device sends at once; the seconds each send took."""
    barrier = threading.Barrier(len(devices))
    took: list[float] = [0.0] * len(devices)

    def send(i: int, device: str) -> None:
        document = answer_document({"economy": version % 6, "travel": i % 6}, "", f"svar {version} från {i}", "")
        barrier.wait()
        start = time.perf_counter()
        kept = store.save_dialog_answer(DATASET, DIALOG, device, document, f"svar {version} från {i}", 0.0)
        took[i] = time.perf_counter() - start
        if not kept:
            raise RuntimeError(f"{device} was refused")

    threads = [threading.Thread(target=send, args=(i, d)) for i, d in enumerate(devices)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return took


def report(name: str, took: list[float]) -> None:
    ordered = sorted(took)
    p95 = ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))]
    print(f"{name:<34} n {len(took):4d}  median {statistics.median(took) * 1000:7.1f} ms  p95 {p95 * 1000:7.1f} ms")


def check(store: Store, devices: list[str], version: int) -> bool:
    rows = {device: document for device, document, _, _ in store.dialog_answers(DATASET, DIALOG)}
    kept = all(device in rows and f'"svar {version} från ' in rows[device] for device in devices)
    print(f"  every device's latest answer kept: {'yes' if kept else 'NO'} ({len(rows)} rows)")
    return kept


@contextlib.contextmanager
def fresh(server: str | None, name: str) -> Iterator[str]:
    """An empty store: a DuckDB file in a temporary folder, or a schema of its own on ``server``."""
    if server is None:
        with tempfile.TemporaryDirectory() as folder:
            yield str(Path(folder) / f"{name}.duckdb")
        return
    schema = f"bench_{name}_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(server, autocommit=True) as admin:
        admin.execute(f"CREATE SCHEMA {schema}")
    try:
        yield f"{server}{'&' if '?' in server else '?'}options=-csearch_path%3D{schema}"
    finally:
        with psycopg.connect(server, autocommit=True) as admin:
            admin.execute(f"DROP SCHEMA {schema} CASCADE")


def _workshop_share(location: str, people: list[str], indices: list[int], barrier: Any, out: Any) -> None:
    """One app process's participants: each sends once when the barrier lets everyone go."""
    store = Store(location)
    took: dict[int, float] = {}

    def send(i: int) -> None:
        barrier.wait()
        start = time.perf_counter()
        store.save_workshop_input(DATASET, "KS-mars", people[i], f'{{"weights": {{"economy": {i % 6}}}}}')
        took[i] = time.perf_counter() - start

    threads = [threading.Thread(target=send, args=(i,)) for i in indices]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    out.put(took)


def workshop_rush(location: str, people: list[str], processes: int) -> list[float]:
    """Every participant sends at once, from ``processes`` processes; the seconds each send took."""
    shares = [list(range(k, len(people), processes)) for k in range(processes)]
    if processes == 1:
        out: queue.Queue[dict[int, float]] = queue.Queue()
        _workshop_share(location, people, shares[0], threading.Barrier(len(people)), out)
        return list(out.get().values())
    spawn = multiprocessing.get_context("spawn")
    barrier, results = spawn.Barrier(len(people)), spawn.Queue()
    procs = [
        spawn.Process(target=_workshop_share, args=(location, people, share, barrier, results)) for share in shares
    ]
    for proc in procs:
        proc.start()
    took: list[float] = []
    for _ in procs:
        took += list(results.get(timeout=120).values())
    for proc in procs:
        proc.join()
    return took


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rush", type=int, default=100, help="devices sending at the same moment")
    parser.add_argument("--week", type=int, default=500, help="devices over a week")
    parser.add_argument("--workshop", type=int, default=30, help="workshop participants sending at once")
    parser.add_argument("--workshop-only", action="store_true", help="only the workshop's rush")
    parser.add_argument("--processes", type=int, default=1, help="app processes the workshop's participants use")
    parser.add_argument("--store", help="postgresql://… of a server to use (default: a DuckDB file)")
    parser.add_argument("--postgres", action="store_true", help="start a throwaway PostgreSQL server and use it")
    args = parser.parse_args()
    if args.postgres:
        with throwaway_server() as dsn:
            return run(args, dsn)
    return run(args, args.store)


def dialog_parts(args: argparse.Namespace, server: str | None) -> bool:
    """The residents' rush and week; whether every latest answer was kept."""
    ok = True
    with fresh(server, "rush") as location:
        store = Store(location)
        devices = [f"device-{i:04d}" for i in range(args.rush)]
        report(f"rush: {args.rush} at once", send_all(store, devices, 1))
        report(f"rush: {args.rush} change at once", send_all(store, devices, 2))
        ok &= check(store, devices, 2)
    with fresh(server, "week") as location:
        store = Store(location)
        devices = [f"resident-{i:04d}" for i in range(args.week)]
        took: list[float] = []
        for day in range(7):  # each day a seventh of the residents answers, then changes the answer
            today = devices[day::7]
            took += send_all(store, today, 1) + send_all(store, today, 2)
        report(f"week: {args.week} answer and change", took)
        ok &= check(store, devices, 2)
    return ok


def run(args: argparse.Namespace, server: str | None) -> int:
    print(f"store: {'PostgreSQL ' + server.split('?')[0] if server else 'a DuckDB file'}")
    ok = True
    if not args.workshop_only:
        ok &= dialog_parts(args, server)
    with fresh(server, "workshop") as location:
        Store(location)  # the tables, before the rush
        people = [f"participant-{i:03d}" for i in range(args.workshop)]
        took = workshop_rush(location, people, args.processes)
        report(f"workshop: {args.workshop} send at once, {args.processes} process(es)", took)
        kept = len(Store(location).workshop_input(DATASET, "KS-mars")) == len(people)
        print(f"  every participant's weights kept: {'yes' if kept else 'NO'}")
        p95 = sorted(took)[min(len(took) - 1, int(0.95 * len(took)))]
        print(f"  budget p95 < 1 s: {'OK' if p95 < 1.0 else 'OVER'} ({p95 * 1000:.0f} ms)")
        ok &= kept and p95 < 1.0
    print("budget: nothing lost, workshop p95 < 1 s —", "OK" if ok else "NOT MET")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
