"""Two server processes on one store: no lock error ever reaches a caller, nothing is lost, and
of two processes saving one name exactly one wins.

The other process is a real one (``python -c``), as two app processes behind a proxy are:
DuckDB lets one process hold a file at a time, which threads of one process never show.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from engine.store import DuckDBStore, NameTaken, Store, StoreBusy

ROOT = Path(__file__).resolve().parents[1]

HOLD = """
import sys, time, duckdb
con = duckdb.connect(sys.argv[1])  # holds the file's lock until it closes
print("held", flush=True)
time.sleep(float(sys.argv[2]))
con.close()
"""

# One app process's share of a rush: 16 participants' inputs and a try at each of 8 names.
WORKER = """
import json, sys
from engine.store import NameTaken, Store
location, me = sys.argv[1], sys.argv[2]
store = Store(location)
print("ready", flush=True)
sys.stdin.readline()  # both processes start together
won, errors = [], []
for i in range(16):
    try:
        store.save_workshop_input("2099", "KS-mars", f"{me}-{i:02d}", json.dumps({"i": i}))
        if i % 2 == 0:
            store.save_alternative("2099", f"plan-{i // 2}", json.dumps({"by": me}))
            won.append(f"plan-{i // 2}")
    except NameTaken:
        pass
    except Exception as exc:
        errors.append(f"{type(exc).__name__}: {exc}")
print(json.dumps({"won": won, "errors": errors}), flush=True)
"""


def holder(path: Path, seconds: float) -> subprocess.Popen:
    """Another process holding the DuckDB file for ``seconds``, once it has it."""
    proc = subprocess.Popen([sys.executable, "-c", HOLD, str(path), str(seconds)], stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None and proc.stdout.readline().strip() == "held"
    return proc


def test_a_write_waits_for_another_process_holding_the_file(tmp_path: Path) -> None:
    path = tmp_path / "s.duckdb"
    store = DuckDBStore(path)
    other = holder(path, 1.5)
    started = time.monotonic()
    store.save_workshop_input("2099", "ws", "p1", "{}")  # DuckDB alone would raise "Could not set lock"
    waited = time.monotonic() - started
    other.wait(10)
    assert waited > 0.5  # it really had to wait for the other process
    assert [r[0] for r in DuckDBStore(path).workshop_input("2099", "ws")] == ["p1"]


def test_a_file_held_too_long_gives_the_calm_error_not_duckdbs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "s.duckdb"
    store = DuckDBStore(path)
    monkeypatch.setattr(DuckDBStore, "LOCK_RETRY_SECONDS", 0.4)
    other = holder(path, 3.0)
    with pytest.raises(StoreBusy) as busy:
        store.save_workshop_input("2099", "ws", "p1", "{}")
    other.wait(10)
    assert "lock" not in str(busy.value).lower() and "IOException" not in str(busy.value)
    assert "upptaget" in str(busy.value)
    assert DuckDBStore(path).workshop_input("2099", "ws") == []  # nothing half-written


def test_two_processes_at_once_lose_nothing_and_one_wins_each_name(store_location: str) -> None:
    Store(store_location)  # the tables, before the rush
    workers = [
        subprocess.Popen(
            [sys.executable, "-c", textwrap.dedent(WORKER), store_location, name],
            cwd=ROOT,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        for name in ("a", "b")
    ]
    for w in workers:
        assert w.stdout is not None and w.stdout.readline().strip() == "ready"
    for w in workers:
        assert w.stdin is not None
        w.stdin.write("go\n")
        w.stdin.flush()
    reports = [json.loads(w.communicate(timeout=120)[0].strip().splitlines()[-1]) for w in workers]
    assert [r["errors"] for r in reports] == [[], []]  # no lock error, no other error
    store = Store(store_location)
    assert len(store.workshop_input("2099", "KS-mars")) == 32
    saved = dict(store.saved_alternatives("2099"))
    winners = {name: json.loads(doc)["by"] for name, doc in saved.items()}
    assert sorted(winners) == [f"plan-{k}" for k in range(8)]
    for worker, report in zip("ab", reports, strict=True):  # each name was won by exactly one, who was told
        assert sorted(report["won"]) == sorted(n for n, by in winners.items() if by == worker)
    with pytest.raises(NameTaken):
        store.save_alternative("2099", "plan-0", "{}")
