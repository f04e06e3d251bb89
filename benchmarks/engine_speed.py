"""Engine speed against the budgets of DESIGN.md §7. Prints medians and ratios.

    python benchmarks/engine_speed.py [--repeat N]

Budgets: one scenario × one alternative × 10 years for the demo in < 10 ms; all
alternatives × all scenarios for the demo in < 100 ms; one scenario × one alternative
for a generated municipality of one million inhabitants (600 areas, 150 schools) in
< 1 s, **cold** (a freshly loaded dataset, nothing memoised) and when a slider moves,
for two generated cities: one with spare room, and one whose pupils exceed the
schools' capacity by 10–30 % (mixed grade bands; every year many schools are full) —
and through the CLI (`python -m engine evaluate … --json`, start-up included) < 10 s.

Moves of a slider: a class-size cap (the placement is reused: classes, teachers and
costs only), and the moves that change the placement: another scenario (first visit),
the detour factor (a new assignment) and a transport threshold (journeys recounted; the
assignment is reused). Demo figures are warm (the cached projection and keep-all
baseline are reused, as after the first page load).

A Result builds its unit, service and economy tables on first use; the budgets are
measured with every table built (as the CLI does). What a slider on Jämför pays, the
yearly table alone, is printed beside the demo's figures.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.synthetic import DEMO, write_synthetic
from engine import evaluate, load_dataset
from engine.model.evaluate import Result


def median_ms(run: Callable[[int], object], repeat: int) -> float:
    run(0)  # warm caches (projection, distances, keep-all baseline), as after the first page load
    times = []
    for i in range(repeat):
        start = time.perf_counter()
        run(i + 1)
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def complete(result: Result) -> int:
    """Build every table of the result, as the CLI's JSON does; returns their rows."""
    return sum(len(table) for table in (result.units, result.services, result.service_units, result.economy))


def slider(i: int) -> dict[str, float]:
    """A different class-size cap each run, as a moving slider gives."""
    return {"max_class_size": 20 + i % 8}


def report(label: str, ms: float, budget_ms: float) -> bool:
    ok = ms < budget_ms
    print(
        f"{label:<58} median {ms:8.2f} ms  budget {budget_ms:6.0f} ms  ratio {ms / budget_ms:5.2f}  {'OK' if ok else 'OVER'}"
    )
    return ok


def cold_ms(path: Path, scenario: str, alternative: str, repeat: int) -> float:
    """Median of fresh evaluations: the dataset is loaded anew (not timed), nothing memoised."""
    times = []
    for _ in range(repeat):
        dataset = load_dataset(path)
        start = time.perf_counter()
        complete(evaluate(dataset, scenario, alternative))
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def first_visit_ms(path: Path, alternative: str, move: Callable[[object], object], repeat: int) -> float:
    """Median time of ``move`` on a dataset warmed with (bas, alternative) at the defaults."""
    times = []
    for _ in range(repeat):
        dataset = load_dataset(path)
        complete(evaluate(dataset, "bas", alternative))
        start = time.perf_counter()
        move(dataset)
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def cli_ms(path: Path, alternative: str, repeat: int) -> float:
    root = Path(__file__).resolve().parent.parent
    command = [sys.executable, "-m", "engine", "evaluate", str(path), "--scenario", "bas"]
    command += ["--alternative", alternative, "--json"]
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run(command, cwd=root, check=True, capture_output=True, env={**os.environ, "PYTHONPATH": str(root)})
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def city(label: str, path: Path, alternatives: list[str], repeat: int) -> list[bool]:
    """Cold, warm and CLI figures for one generated city."""
    results = []
    big = load_dataset(path)
    print(f"\n{label}: {len(big.areas)} areas, {len(big.schools)} schools, {big.population.sum():,.0f} inhabitants")
    for alt in alternatives:
        results.append(report(f"{label}: bas × {alt}, cold", cold_ms(path, "bas", alt, repeat), 1000))
        warm = median_ms(lambda i, alt=alt: complete(evaluate(big, "bas", alt, slider(i))), repeat)
        results.append(report(f"{label}: bas × {alt}, class-size slider", warm, 1000))
        detour = median_ms(
            lambda i, alt=alt: complete(evaluate(big, "bas", alt, {"detour_factor": 1.2 + 0.001 * i})), repeat
        )
        results.append(report(f"{label}: bas × {alt}, detour-factor slider", detour, 1000))
        threshold = median_ms(
            lambda i, alt=alt: complete(evaluate(big, "bas", alt, {"transport_threshold_km_46": 2.0 + 0.01 * i})),
            repeat,
        )
        results.append(report(f"{label}: bas × {alt}, transport-threshold slider", threshold, 1000))
        scenario = first_visit_ms(path, alt, lambda d, alt=alt: complete(evaluate(d, "stress", alt)), repeat)
        results.append(report(f"{label}: bas → stress × {alt}, first visit", scenario, 1000))
        results.append(report(f"{label}: bas × {alt}, CLI --json with start-up", cli_ms(path, alt, repeat), 10_000))
    return results


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--repeat", type=int, default=30)
    args = p.parse_args()
    demo = load_dataset(DEMO)
    results = []
    for alt in demo.alternatives:
        ms = median_ms(lambda i, alt=alt: complete(evaluate(demo, "bas", alt, slider(i))), args.repeat)
        yearly = median_ms(lambda i, alt=alt: evaluate(demo, "bas", alt, slider(i)), args.repeat)
        results.append(report(f"demo: bas × {alt}", ms, 10))
        print(f"{'':<4}the yearly table alone (a slider on Jämför): median {yearly:5.2f} ms")

    def everything(i: int) -> None:
        for scenario in demo.scenarios:
            for alt in demo.alternatives:
                complete(evaluate(demo, scenario, alt, slider(i)))

    n = len(demo.scenarios) * len(demo.alternatives)
    results.append(report(f"demo: all {n} scenario × alternative", median_ms(everything, args.repeat), 100))

    with tempfile.TemporaryDirectory() as tmp:
        repeat = max(3, args.repeat // 6)
        spare = write_synthetic(Path(tmp) / "spare")
        results += city("spare room", spare, ["keep-all", "merge-3"], repeat)
        full = write_synthetic(Path(tmp) / "full", full=True)
        results += city("full schools", full, ["keep-all", "close-10"], repeat)
    print(f"\n{sum(results)} of {len(results)} within budget")
    return 0 if all(results) else 1


if __name__ == "__main__":
    sys.exit(main())
