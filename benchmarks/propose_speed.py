"""Föreslå alternativ against its budgets (issue 10 §3). Prints medians.

    python benchmarks/propose_speed.py [--repeat N] [--city-repeat M] [--seconds S]

Budgets: the demo's frontier (scenario bas, at most 3 closures: 92 sets, and with one school of a
set merged into its nearest school instead 246 structures, exact enumeration, every proposal
re-evaluated under every scenario) ≤ 5 s; a generated city of one million
inhabitants (600 areas, 150 schools, ``--full``: mixed grade bands, pupils 10–30 % above
capacity; at most 10 closures: the mixed-integer programme) ≤ 60 s. Each run starts from a
freshly loaded dataset (nothing memoised), as the page's first search does; the CLI's
start-up (≈ 1 s) is not included. The CPU seconds are printed beside the wall time: on
this shared 2-core machine the wall time grows with the others' load, the CPU time does not
(the programme's time limit is wall time, so the city's CPU is what HiGHS got in it).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.synthetic import DEMO, write_synthetic
from engine import load_dataset
from engine.measures.propose import PROGRAMME_SECONDS, Constraints, Frontier, propose


def timed(path: Path, constraints: Constraints, seconds: float) -> tuple[float, float, Frontier]:
    """Wall and CPU seconds (all the process's threads) of one search from a freshly loaded dataset."""
    dataset = load_dataset(path)
    start, cpu = time.perf_counter(), time.process_time()
    frontier = propose(dataset, "bas", constraints, seconds_per_programme=seconds)
    return time.perf_counter() - start, time.process_time() - cpu, frontier


def report(label: str, runs: list[tuple[float, float, Frontier]], budget: float) -> bool:
    times, cpu, frontier = [r[0] for r in runs], [r[1] for r in runs], runs[-1][2]
    ok = statistics.median(times) <= budget
    proof = "bevisat" if frontier.proven else "bästa inom tidsgränsen"
    print(
        f"{label}: median {statistics.median(times):.2f} s (min {min(times):.2f}, max {max(times):.2f}, "
        f"{len(times)} körningar; CPU median {statistics.median(cpu):.2f} s, oberoende av andras last), "
        f"budget {budget:.0f} s {'OK' if ok else 'ÖVER'}\n"
        f"    {frontier.method}, {frontier.space} uppsättningar, {frontier.evaluated} utvärderade, "
        f"{frontier.efficient} effektiva, {len(frontier.proposals)} förslag ({proof})"
    )
    for p in frontier.proposals:
        s = p.scores
        print(
            f"    {p.alternative.name}: sparar {-s.cost_pv_sek / 1e6:.1f} mnkr, {s.mean_km:.2f} km, "
            f"{s.over_threshold:.0f} över gränsen, {s.combined_pupils:.0f} åldersblandade, {s.fragile_teams} sårbara, "
            f"{'framtidssäker' if p.future_proof else 'ej framtidssäker'}"
        )
    return ok


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--repeat", type=int, default=5, help="demo runs")
    p.add_argument("--city-repeat", type=int, default=1, help="city runs")
    p.add_argument("--seconds", type=float, default=PROGRAMME_SECONDS, help="time limit per programme")
    args = p.parse_args()
    print(f"{os.cpu_count()} kärnor, belastning {os.getloadavg()[0]:.1f} (1 min)")
    demo = [timed(DEMO, Constraints(max_closures=3), args.seconds) for _ in range(args.repeat)]
    ok = report("Demo (92 uppsättningar, 246 strukturer med sammanslagningar, uppräkning)", demo, 5.0)
    with tempfile.TemporaryDirectory() as folder:
        city = write_synthetic(Path(folder) / "city", full=True)
        runs = [timed(city, Constraints(max_closures=10), args.seconds) for _ in range(args.city_repeat)]
        ok &= report("Stad, 150 skolor, full (programmet)", runs, 60.0)
    print(f"belastning efteråt {os.getloadavg()[0]:.1f} (1 min)")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
