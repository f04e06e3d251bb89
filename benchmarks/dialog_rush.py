"""Medborgardialog under load: residents' answers kept, none lost (issue: the citizens' voice).

    python benchmarks/dialog_rush.py                 # 100 in the same minute, then 500 over a "week"
    python benchmarks/dialog_rush.py --rush 200      # a larger rush

What the dialogue page does when a resident presses "Skicka": one ``save_dialog_answer``
on the store (engine/store.py: open the DuckDB file, read the device's last answer,
write, commit). So the rush is that call from many threads at once, as Streamlit runs one
thread per session, on a store file of its own:

* rush: ``--rush`` devices send their answer in the same moment (a barrier releases them
  together), which is harsher than 100 in one minute; then each changes its answer once;
* week: ``--week`` devices, each answering once and changing it once, in 7 bursts (days);
* workshop: ``--workshop`` participants send their weights at once (``save_workshop_input``,
  what the workshop page's "Skicka" does), the rush a politicians' workshop makes.

Prints the median and 95th percentile of a send and, the budget, whether every device's
latest answer is in the store: nothing lost.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

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


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rush", type=int, default=100, help="devices sending at the same moment")
    parser.add_argument("--week", type=int, default=500, help="devices over a week")
    parser.add_argument("--workshop", type=int, default=30, help="workshop participants sending at once")
    args = parser.parse_args()
    ok = True
    with tempfile.TemporaryDirectory() as folder:
        store = Store(Path(folder) / "rush.duckdb")
        devices = [f"device-{i:04d}" for i in range(args.rush)]
        report(f"rush: {args.rush} at once", send_all(store, devices, 1))
        report(f"rush: {args.rush} change at once", send_all(store, devices, 2))
        ok &= check(store, devices, 2)
    with tempfile.TemporaryDirectory() as folder:
        store = Store(Path(folder) / "week.duckdb")
        devices = [f"resident-{i:04d}" for i in range(args.week)]
        took: list[float] = []
        for day in range(7):  # each day a seventh of the residents answers, then changes the answer
            today = devices[day::7]
            took += send_all(store, today, 1) + send_all(store, today, 2)
        report(f"week: {args.week} answer and change", took)
        ok &= check(store, devices, 2)
    with tempfile.TemporaryDirectory() as folder:
        store = Store(Path(folder) / "workshop.duckdb")
        people = [f"participant-{i:03d}" for i in range(args.workshop)]
        barrier = threading.Barrier(len(people))
        took = [0.0] * len(people)

        def send(i: int) -> None:
            barrier.wait()
            start = time.perf_counter()
            store.save_workshop_input(DATASET, "KS-mars", people[i], f'{{"weights": {{"economy": {i % 6}}}}}')
            took[i] = time.perf_counter() - start

        threads = [threading.Thread(target=send, args=(i,)) for i in range(len(people))]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        report(f"workshop: {args.workshop} send at once", took)
        kept = len(store.workshop_input(DATASET, "KS-mars")) == len(people)
        print(f"  every participant's weights kept: {'yes' if kept else 'NO'}")
        ok &= kept
    print("budget: nothing lost —", "OK" if ok else "LOST ANSWERS")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
