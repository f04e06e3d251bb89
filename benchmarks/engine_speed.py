"""Engine speed against the budgets of DESIGN.md §7. Prints medians and ratios.

    python benchmarks/engine_speed.py [--repeat N]

Budgets: one scenario × one alternative × 10 years for the demo in < 10 ms; all
alternatives × all scenarios for the demo in < 100 ms; one scenario × one alternative
for a generated municipality of one million inhabitants (600 areas, 150 schools) in
< 1 s. Each evaluation moves a parameter (as a slider does), so the cached
projection and keep-all baseline are reused but nothing else is.

A Result builds its unit, service and economy tables on first use; the budgets are
measured with every table built (as the CLI does). What a slider on Jämför pays, the
yearly table alone, is printed beside the demo's figures.
"""

from __future__ import annotations

import argparse
import statistics
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
        start = time.perf_counter()
        big = load_dataset(write_synthetic(Path(tmp) / "big"))
        people = big.population.sum()
        print(
            f"\ngenerated {len(big.areas)} areas, {len(big.schools)} schools, {people:,.0f} inhabitants "
            f"(write + load {time.perf_counter() - start:.1f} s)"
        )
        for alt in big.alternatives:
            ms = median_ms(lambda i, alt=alt: complete(evaluate(big, "bas", alt, slider(i))), max(5, args.repeat // 6))
            results.append(report(f"1 million inhabitants: bas × {alt}", ms, 1000))
    print(f"\n{sum(results)} of {len(results)} within budget")
    return 0 if all(results) else 1


if __name__ == "__main__":
    sys.exit(main())
